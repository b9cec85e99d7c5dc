"""The one text catalogue: its sub-modules merge into one dict, and a key defined twice fails loudly."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import texts
from texts import TextCollision, merge, t

TEXTS_DIR = Path(texts.__file__).parent


def test_a_key_defined_in_two_modules_is_refused_naming_both():
    with pytest.raises(TextCollision, match=r"'col_reason' \(texts, texts\.cycle\)"):
        merge(
            {
                "texts": {"col_reason": {"zh": "原因", "en": "Why"}},
                "texts.cycle": {"col_reason": {"zh": "退回原因", "en": "Reason"}},
            }
        )


def test_disjoint_modules_merge_into_every_key():
    merged = merge({"a": {"x": {"zh": "甲", "en": "A"}}, "b": {"y": {"zh": "乙", "en": "B"}}})
    assert merged == {"x": {"zh": "甲", "en": "A"}, "y": {"zh": "乙", "en": "B"}}


@pytest.mark.parametrize("path", sorted(TEXTS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_every_catalogue_module_is_merged_with_every_key_in_both_languages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    literal = next(
        n.value
        for n in tree.body
        if isinstance(n, ast.AnnAssign | ast.Assign)
        and getattr(n.target if isinstance(n, ast.AnnAssign) else n.targets[0], "id", None) == "TEXTS"
    )
    keys = [k.value for k in literal.keys]
    assert len(keys) == len(set(keys)), f"{path.name} writes a key twice"
    for key in keys:
        assert set(texts.TEXTS[key]) == {"zh", "en"}, key


def test_the_command_line_and_the_cycle_reach_their_texts_through_t():
    assert t("cli_rolled_back", "en", batch=3) == "Batch #3 rolled back; the previous values show again."
    assert t("cycle_reason_required", "zh") == "请填写原因。"
