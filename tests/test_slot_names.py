"""Slot names are constants (bot/slot_names.py), exactly the domain's slots, and the actions
use them instead of string literals."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path
from typing import Dict, List, Set

import yaml
from rasa_sdk.forms import REQUESTED_SLOT as RASA_REQUESTED_SLOT

from bot import slot_names
from bot.config import PROJECT_ROOT

CONSTANTS: Dict[str, str] = {name: value for name, value in vars(slot_names).items() if name.isupper()}


def domain_slots() -> Set[str]:
    slots: Set[str] = set()
    for path in sorted((PROJECT_ROOT / "domain").glob("*.yml")):
        slots |= set((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("slots") or {})
    return slots


def test_the_constants_are_exactly_the_domain_slots() -> None:
    assert slot_names.REQUESTED_SLOT == RASA_REQUESTED_SLOT  # Rasa's own, not declared in the domain
    assert set(CONSTANTS.values()) - {slot_names.REQUESTED_SLOT} == domain_slots()


def test_each_slot_has_one_constant() -> None:
    assert [value for value, count in Counter(CONSTANTS.values()).items() if count > 1] == []


def _docstrings(tree: ast.AST) -> Set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, kinds) and node.body and isinstance(node.body[0], ast.Expr)
    }


def _not_slot_names(tree: ast.AST, slots: Set[str]) -> Set[int]:
    """Literals spelled like a slot that are not slot names: a value `current_section` is set to
    ('paused' is a state, 'contingency' a part of the plan), and a key of a mapping that is keyed
    by something else (the plan's parts: {'important': …, 'contingency': …})."""
    allowed: Set[int] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "SlotSet"
            and len(node.args) == 2
            and getattr(node.args[0], "id", None) == "CURRENT_SECTION"
        ):
            allowed.add(id(node.args[1]))
        if isinstance(node, ast.Dict):
            keys = [key.value for key in node.keys if isinstance(key, ast.Constant)]
            if any(key not in slots for key in keys):
                allowed |= {id(key) for key in node.keys if key is not None}
    return allowed


def slot_literals(source: str, slots: Set[str]) -> List[str]:
    """'line: name' for each string literal in `source` that names a slot."""
    tree = ast.parse(source)
    skipped = _docstrings(tree) | _not_slot_names(tree, slots)
    found = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in slots and id(node) not in skipped
    ]
    return [f"{node.lineno}: {node.value}" for node in sorted(found, key=lambda node: (node.lineno, node.col_offset))]


def test_the_check_finds_slot_literals() -> None:
    source = '''
def f(tracker):
    """Reads "plan_reference"."""
    tracker.get_slot("plan_reference")
    SlotSet("paused", True)
    SlotSet(CURRENT_SECTION, "paused")
    TITLES = {"contingency": "the back-up plan", "review": "the summary"}
    return {"contingency": None, REQUESTED_SLOT: None}
'''
    assert slot_literals(source, {"plan_reference", "paused", "contingency"}) == [
        "4: plan_reference",
        "5: paused",
        "8: contingency",
    ]


def test_actions_name_slots_by_their_constants() -> None:
    slots = set(CONSTANTS.values())
    found = {
        str(path.relative_to(PROJECT_ROOT)): literals
        for path in sorted(Path(PROJECT_ROOT / "actions").rglob("*.py"))
        if (literals := slot_literals(path.read_text(encoding="utf-8"), slots))
    }
    assert found == {}, "use the constants in bot/slot_names.py"
