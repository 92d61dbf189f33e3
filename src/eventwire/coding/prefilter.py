"""The fast path's pre-pass: which paragraphs could hold an event at all.

A paragraph can only be coded if it contains the trigger word of some pattern
(in any inflection) and, for patterns that need one, one of its companion
words ("impose" needs "sanction"...).  Paragraphs that cannot are tokenised
but not parsed.  The check errs on the side of parsing: it must never skip a
paragraph the coder would code, so scores are identical with it on or off.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..actors.kb import read_tsv, split_list
from .patterns import pattern_book

IRREGULAR_FILE = Path(__file__).parent / "data" / "irregular_forms.tsv"
WORD = re.compile(r"[a-z]+")
VOWELS = set("aeiou")


@lru_cache(maxsize=1)
def irregular_forms() -> dict[str, tuple[str, ...]]:
    return {row["lemma"]: tuple(split_list(row["forms"])) for _, row in read_tsv(IRREGULAR_FILE)}


def inflections(lemma: str) -> set[str]:
    """Regular and irregular forms of an English verb or noun: more than exist, never fewer."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing", lemma + "'s"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    if len(lemma) > 2 and lemma[-1] not in VOWELS | {"w", "x", "y"} and lemma[-2] in VOWELS:
        forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    if lemma.endswith(("is",)):
        forms.add(lemma[:-2] + "es")
    forms.update(irregular_forms().get(lemma, ()))
    return forms


@lru_cache(maxsize=1)
def irregular_lemmas() -> dict[str, tuple[str, ...]]:
    """Irregular form -> lemmas ('forgave' -> 'forgive')."""
    lemmas: dict[str, list[str]] = {}
    for lemma, forms in irregular_forms().items():
        for form in forms:
            lemmas.setdefault(form, []).append(lemma)
    return {form: tuple(found) for form, found in lemmas.items()}


def base_forms(word: str) -> list[str]:
    """Candidate lemmas of an inflected word: the inverse of ``inflections`` (each result L has
    ``word in inflections(L)``), used by the coder when the parser's lemma is wrong."""
    found = list(irregular_lemmas().get(word, ()))
    for ending, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "is")), ("s", ("",)),
                                 ("ed", ("", "e")), ("d", ("",)), ("ing", ("", "e")), ("'s", ("",))):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            found.extend(stem + r if r != "is" else stem + "is" for r in replacements)
            if ending in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                found.append(stem[:-1])  # 'stepped' -> 'step'
    return [f for f in dict.fromkeys(found) if word in inflections(f)]


@lru_cache(maxsize=1)
def trigger_index() -> tuple[frozenset[str], dict[str, list[frozenset[str]]]]:
    """Surface forms of the triggers, and for each form the companion-word sets it needs (empty: none)."""
    needs: dict[str, list[frozenset[str]]] = {}
    for pattern in pattern_book():
        companions = frozenset(f for word in pattern.with_lemmas for f in inflections(word))
        for form in inflections(pattern.lemma):
            needs.setdefault(form, []).append(companions)
    return frozenset(needs), needs


def could_hold_event(paragraph: str) -> bool:
    forms, needs = trigger_index()
    words = set(WORD.findall(paragraph.lower()))
    for word in words & forms:
        if any(not companions or companions & words for companions in needs[word]):
            return True
    return False
