"""Finding knowledge-base names in text with one Aho-Corasick pass.

The pass runs on a case-folded copy of the text with the same length, so
offsets are the text's own.  It needs no parse, which also makes it the cheap
pre-pass that tells which sentences can hold an actor at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .kb import Entry, KnowledgeBase, fold


@dataclass(frozen=True, slots=True)
class NameMatch:
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


def fold_same_length(text: str) -> str:
    """Case- and accent-fold character by character, keeping every offset."""
    if text.isascii():
        return text.lower()  # what folding each character gives, at C speed
    return "".join(map(folded_char, text))


@lru_cache(maxsize=4096)
def folded_char(char: str) -> str:
    folded = fold(char) if ord(char) > 127 or char.isupper() else char
    return folded if len(folded) == 1 else char.lower()


def automaton_for(kb: KnowledgeBase) -> ahocorasick.Automaton:
    if kb.matcher is None:
        automaton = ahocorasick.Automaton()
        for key in kb.names():
            automaton.add_word(key, key)
        automaton.make_automaton()
        kb.matcher = automaton
    return kb.matcher


def is_word_boundary(text: str, start: int, end: int) -> bool:
    """Whole words only; a hyphen may follow before a lower-case word ('US-led', 'Iranian-backed'),
    but not inside a longer name ('Guinea-Bissau')."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if after == "-":
        following = text[end + 1:end + 2]
        return not (before.isalnum() or before == "-") and following.isalpha() and following.islower()
    return not (before.isalnum() or before == "-") and not after.isalnum()


# Prefixes a sentence may capitalise: 'Pro-Syrian guerrillas' are no pair of countries
HYPHEN_PREFIXES = frozenset({"pro", "anti", "non", "ex", "neo", "post", "pre", "pan", "trans", "inter", "intra"})


def is_pair_boundary(text: str, start: int, end: int) -> bool:
    """A name joined by a hyphen to another capitalised word ('Israeli-Syrian talks', 'the Iran-Iraq war')."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before == "-" and not after.isalnum():  # the word before the hyphen is capitalised, not 'anti-'
        word_start = start - 1
        while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
            word_start -= 1
        word = text[word_start:start - 1]
        return bool(word) and word[0].isupper() and word.lower() not in HYPHEN_PREFIXES
    if after == "-" and not (before.isalnum() or before == "-"):
        return text[end + 1:end + 2].isupper()
    return False


def paired(joined: list[tuple[int, int, str]], others: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The hyphen-joined names with a partner name across their hyphen: the halves of a pair of
    countries ('Israeli-Syrian'), never half of a longer name ('Guinea-Bissau' is matched whole)."""
    ends = {end for _, end, _ in joined + others}
    starts = {start for start, _, _ in joined + others}
    return [(start, end, key) for start, end, key in joined if end + 1 in starts or start - 1 in ends]


# Lower-case particles that may open a name ('al-Qaeda', 'bin Laden'); the word after them is capitalised.
NAME_PARTICLES = ("al-", "al ", "el-", "el ", "ad-", "ar-", "as-", "ash-", "an-", "bin ", "ibn ", "abu ")


def looks_like_name(surface: str) -> bool:
    """Names are capitalised; short keys ('US', 'UN') must be written in capitals."""
    particle = next((p for p in NAME_PARTICLES if surface.startswith(p)), None)
    if particle and surface[len(particle):len(particle) + 1].isupper():
        surface = surface[len(particle):]
    letters = [c for c in surface if c.isalpha()]
    if not letters or not (surface[0].isupper() or surface[0].isdigit()):
        return False
    if len(letters) <= 3 and "." not in surface:
        return surface.isupper()
    return not surface.isupper() or len(letters) <= 6 or " " in surface.strip()


def is_short_person_name(surface: str, after: str, entries) -> bool:
    """A short surname written as a name ('Xi', 'Abe', 'Moi'), which no other entry shares: unlike
    short organisation keys it need not be in capitals."""
    return (surface.istitle() and surface.isalpha() and after != "-"
            and all(entry.kind == "person" for entry in entries))


# Words news copy often leaves in lower case inside a name ('the Foreign ministry', 'the Communist
# party'), beside the knowledge base's role words.
GENERIC_NAME_HEADS = frozenset({"council", "front", "movement", "committee", "organization", "organisation", "league",
                                "office", "department", "corps", "group", "alliance", "coalition", "federation",
                                "association", "commission", "authority", "brigades", "forces", "guards"})


def capitalised_as_spelt(surface: str, spellings, roles) -> bool:
    """A name of several words keeps the capitals of some spelling of it ('Russia today warned' is
    no 'Russia Today'), unless the text is in capitals throughout or the word left in lower case
    is an institution's generic head ('the Foreign ministry')."""
    if " " not in surface or surface.isupper():
        return True
    words = surface.split()

    def kept(word: str, capital: bool) -> bool:
        return (not capital or any(part[:1].isupper() for part in word.split("-"))  # 'al-Azhar'
                or word in roles or word in GENERIC_NAME_HEADS)

    return not spellings or any(len(spelt) != len(words) or all(map(kept, words, spelt)) for spelt in spellings)


def find_names(text: str, kb: KnowledgeBase) -> list[NameMatch]:
    """Leftmost-longest, non-overlapping knowledge-base names at word boundaries."""
    folded = fold_same_length(text)
    candidates, joined = [], []
    for end_index, key in automaton_for(kb).iter(folded):
        start, end = end_index - len(key) + 1, end_index + 1
        surface = text[start:end]
        if not (looks_like_name(surface) or is_short_person_name(surface, text[end:end + 1], kb.by_name[key])) \
                or not capitalised_as_spelt(surface, kb.capitals.get(key, ()), kb.roles):
            continue
        if is_word_boundary(folded, start, end) and key not in kb.combining:
            candidates.append((start, end, key))
        elif is_pair_boundary(text, start, end):
            joined.append((start, end, key))
    candidates += paired(joined, candidates)
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    matches, last_end = [], -1
    for start, end, key in candidates:
        if start >= last_end:
            matches.append(NameMatch(start, end, text[start:end], tuple(kb.by_name[key])))
            last_end = end
    return matches
