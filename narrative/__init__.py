"""Sentences that read a chart's data: one generator for the pages, the slide titles and the Word report."""

from narrative.sentences import (
    Sentence,
    attainment_clause,
    attention_items,
    city_clause,
    city_qualifier,
    city_sentence,
    join_clauses,
    mover_clause,
    movers,
    ranking_clause,
    ranking_sentence,
    reported_resolved_sentence,
    trend_sentence,
)

__all__ = [
    "Sentence",
    "attainment_clause",
    "attention_items",
    "city_clause",
    "city_qualifier",
    "city_sentence",
    "join_clauses",
    "mover_clause",
    "movers",
    "ranking_clause",
    "ranking_sentence",
    "reported_resolved_sentence",
    "trend_sentence",
]
