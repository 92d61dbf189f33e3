"""The fast path's pre-pass: which paragraphs and sentences could hold an event at all.

A paragraph is considered only if it contains the trigger word of some pattern
(in any inflection) with, for patterns that need one, one of its companion
words ("impose" needs "sanction"...), and an actor cue: a knowledge-base name
or a role word ("officials", "police"); in it, the sentences with such a
trigger are parsed, each with the sentence before it.  Other text is tokenised
but not parsed.  The trigger check errs on the side of parsing; the actor cue
gives up one kind of event, those whose every actor is unnamed or known only
from another paragraph ("He met them there."), which the tests check costs the
evaluation suites nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable
from pathlib import Path

from ..actors.kb import KnowledgeBase, fold
from ..datafiles import read_tsv, split_list
from ..actors.names import find_names
from ..actors.resolve import PAIR_NOUNS
from .modality import modality_cues
from .patterns import NAMED_OBJECTS, pattern_book

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


@lru_cache(maxsize=1 << 16)  # asked for every word the coder looks at, again and again
def base_forms(word: str) -> tuple[str, ...]:
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
    return tuple(f for f in dict.fromkeys(found) if word in inflections(f))


def obligation_words() -> frozenset[str]:
    """What a 'deontic' wrapper needs ('X said Y must ...'): modals, and 'have/need to'."""
    return frozenset(modality_cues().obligation_modals) | frozenset(
        f"{form} to" for verb in ("have", "need") for form in inflections(verb))


@lru_cache(maxsize=1)
def trigger_index() -> tuple[frozenset[str], dict[str, list[tuple[frozenset[str], ...]]], frozenset[str]]:
    """Surface forms of the triggers; for each form the word sets it needs besides (companions,
    particle, modifiers: one word of each set must be in the text; no sets: the trigger alone is
    enough); and the forms that are also noun triggers (a noun trigger may be capitalised: 'the Summit')."""
    needs: dict[str, list[tuple[frozenset[str], ...]]] = {}
    noun_forms: set[str] = set()
    for pattern in pattern_book():
        if "needs_inner" in pattern.flags:
            continue  # coded only around another trigger, which keeps the sentence itself
        required = []
        if pattern.with_lemmas and not NAMED_OBJECTS & pattern.with_lemmas:  # a name is any word
            required.append(frozenset(f for word in pattern.with_lemmas for f in inflections(word)))
        if "deontic" in pattern.flags:
            required.append(obligation_words())
        if pattern.particle:  # 'unite against', 'crack down'
            required.append(frozenset({pattern.particle.split()[0]}))
        # Words right before a noun trigger ('sit-in', 'hunger strike'); punctuation is not a word.
        required.extend(frozenset(inflections(word)) for word in pattern.modifiers if WORD.fullmatch(word))
        for form in inflections(pattern.lemma):
            needs.setdefault(form, []).append(tuple(required))
            if pattern.pos != "VERB":
                noun_forms.add(form)
    return frozenset(needs), needs, frozenset(noun_forms)


def lowercase_words(paragraph: str) -> set[str]:
    return set(re.findall(r"\b[a-z]+\b", paragraph))


HYPHENATED = re.compile(r"([a-z]+)-([a-z]+)")


def words_of(paragraph: str) -> set[str]:
    """The paragraph's words, word pairs ('has to') and hyphenated words, joined ('ceasefire')."""
    lower = paragraph.lower()
    words = WORD.findall(lower)
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])} | {
        a + b for a, b in HYPHENATED.findall(lower)}


NAME_PART = re.compile(r"(?<=[a-z,;:] )[A-Z][a-z]+")


def name_parts(paragraph: str) -> set[str]:
    """Capitalised words inside a sentence ('the United States'): proper nouns, never verbs.
    A headline in title case is all capitals, so there nothing is taken for a name."""
    words = paragraph.split()
    if sum(w[:1].isupper() for w in words) * 2 > len(words):
        return set()
    return {w.lower() for w in NAME_PART.findall(paragraph)}


def could_hold_event(paragraph: str) -> bool:
    forms, needs, noun_forms = trigger_index()
    words = words_of(paragraph)
    verbs_only_as_names = name_parts(paragraph) - noun_forms - lowercase_words(paragraph)
    for word in (words & forms) - verbs_only_as_names:
        if any(all(required & words for required in needed) for needed in needs[word]):
            return True
    return False


def role_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every form of the head word of every role ('officials', "minister's") and of the nouns
    that refer back to actors named elsewhere ('the two countries')."""
    heads = [fold(term).split()[-1] for term in kb.roles] + list(PAIR_NOUNS)
    return frozenset(form for head in heads for form in inflections(head))


def worth_parsing(kb: KnowledgeBase) -> Callable[[list[str]], list[bool]]:
    """The fast path's test for one paragraph's sentences: a paragraph with an actor cue, and in
    it the sentences with an event word, and the sentence before each (whose subject an
    'it' may take, ``arguments.previous_subject``)."""
    roles = role_words(kb)

    def has_actor_cue(paragraph: str) -> bool:
        return bool(roles.intersection(WORD.findall(paragraph.lower()))) or bool(find_names(paragraph, kb))

    def check(sentences: list[str]) -> list[bool]:
        paragraph = "".join(sentences)
        if not could_hold_event(paragraph) or not has_actor_cue(paragraph):
            return [False] * len(sentences)
        if len(sentences) == 1:
            return [True]
        events = [could_hold_event(sentence) for sentence in sentences]
        return [here or after for here, after in zip(events, events[1:] + [False])]

    return check
