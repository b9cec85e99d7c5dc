"""How precise each of the extractor's link paths is on annotated report sets (issue 16, round 4).

    .venv/bin/python -m scripts.extract_paths ../shared/reports/dev tests/reports/holdout7 …

For every NAME.txt with NAME.gold.json beside it, the figures taken are matched to the gold as
../shared/tools/score_extract.py matches them (same indicator, value within 1 %, or 0.05 under 5; each gold figure
once) and counted by `Fact.path` (near:N bucketed by N, the characters between label and number); the review
candidates are counted by path and by reason, with how many of them a gold figure has. Add --false to list the false
figures. Run from the repository root.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from etl.extract import Fact, extract, read_report_file

CODES = frozenset(
    "contract_rate_collective contract_rate_wage contract_rate_women wage_negotiation_coverage workers_congress_rate "
    "factory_affairs_openness_rate disputes_reported disputes_resolved dispute_workers_involved legal_aid_cases "
    "legal_consultations money_recovered aid_persons aid_amount mutual_insurance_enrolled mutual_insurance_payout "
    "new_unions new_members total_members total_unions training_persons".split()
)
SAME = {"contract_rate_wage": "wage_cov", "wage_negotiation_coverage": "wage_cov"}


def _same(fact: Fact, gold: dict) -> bool:
    kind = fact.indicator == gold["indicator"] or SAME.get(fact.indicator, 1) == SAME.get(gold["indicator"], 2)
    limit = 0.05 if abs(gold["value"]) < 5 else 0.01 * abs(gold["value"])
    return kind and abs(fact.value - gold["value"]) <= limit


def bucket(path: str) -> str:
    if not path.startswith("near:"):
        return path
    n = int(path[5:])
    return "near:0" if n == 0 else "near:1-2" if n <= 2 else "near:3-6" if n <= 6 else "near:7+"


def measure(dirs: list[str]) -> tuple[dict, dict, list]:
    """Per path [right, false] among the figures taken and [with gold, without] among those proposed; per review
    reason [with gold, without]; the false figures taken."""
    paths: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    reasons: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false = []
    for gold_path in sorted(p for d in dirs for p in Path(d).glob("*.gold.json")):
        gold = [g for g in json.loads(gold_path.read_text(encoding="utf-8"))["facts"] if g["indicator"] in CODES]
        text, _ = read_report_file(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")))
        result = extract(text)
        free = list(gold)
        for fact in (f for f in result.facts if f.indicator in CODES):
            hit = next((g for g in free if _same(fact, g)), None)
            if hit is not None:
                free.remove(hit)
            else:
                false.append((gold_path.parent.name, gold_path.name, fact))
            paths[bucket(fact.path)][0 if hit is not None else 1] += 1
        for fact in (f for f in result.review if f.indicator in CODES):
            with_gold = any(_same(fact, g) for g in gold)
            reasons[fact.review][0 if with_gold else 1] += 1
            paths[bucket(fact.path)][2 if with_gold else 3] += 1
    return paths, reasons, false


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--false", action="store_true", help="list the false figures")
    a = ap.parse_args(argv)
    paths, reasons, false = measure(a.dirs)
    print("path          taken: right  false  precision   proposed: with gold  without")
    for name, (right, wrong, with_gold, without) in sorted(paths.items()):
        taken = f"{right / (right + wrong):.3f}" if right + wrong else "-"
        print(f"{name:12} {right:13} {wrong:6}  {taken:>9} {with_gold:20} {without:8}")
    print("review reason  with gold  without")
    for name, (with_gold, without) in sorted(reasons.items()):
        print(f"{name:14} {with_gold:9} {without:8}")
    if a.false:
        for folder, name, fact in false:
            print(f"{folder} {name} {fact.path} {fact.indicator} {fact.value:g} «{fact.evidence}»")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
