"""Array-level stand-ins for the model's rule-based components, with identical output.

spaCy's attribute ruler runs a Matcher and sets each match's attributes in Python, and its
lemmatizer visits every token in Python: together about a quarter of the parse.  The stand-ins
apply the same rules, read from the loaded components (never copied), to the token columns of
a whole batch at once.  A rule they cannot reproduce exactly leaves the stock component in place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator

import numpy
from spacy.attrs import DEP, IDS, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.lookups import Lookups
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import minibatch

# What a rule may set: token fields only (spaCy's set_token_attrs also writes lexeme fields).
SETTABLE = [TAG, POS, MORPH, LEMMA, DEP]
# What a rule may test: attributes the Matcher and Doc.to_array read alike.
TESTABLE = {ORTH, LOWER, NORM, TAG, POS, DEP, LEMMA, IS_SPACE}
STRING_VALUED = TESTABLE - {IS_SPACE}
LEMMATIZER_COLUMNS = [ORTH, POS, MORPH, LEMMA]


class Unsupported(ValueError):
    """A rule the stand-ins would not reproduce exactly."""


def use_array_rules(nlp: Language) -> None:
    """Replace the attribute ruler and the lemmatizer by their stand-ins, under the same names,
    where the stand-ins reproduce them."""
    for stock, stand_in in (("attribute_ruler", "array_attribute_ruler"),
                            ("lemmatizer", "array_lemmatizer")):
        if stock not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(stand_in, after=stock, config={"stock": stock})
        except Unsupported:
            continue
        nlp.remove_pipe(stock)
        nlp.rename_pipe(stand_in, stock)


def batch_array(docs: list[Doc], columns: list[int]) -> numpy.ndarray:
    return numpy.concatenate([doc.to_array(columns).reshape(len(doc), len(columns)) for doc in docs])


def write_back(docs: list[Doc], columns: list[int], array: numpy.ndarray) -> None:
    start = 0
    for doc in docs:
        doc.from_array(columns, array[start:start + len(doc)])
        start += len(doc)


class ArrayComponent:
    """``pipe`` over batches, ``__call__`` as a batch of one, like spaCy's own components."""

    def __call__(self, doc: Doc) -> Doc:
        self.apply([doc] if len(doc) else [])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            self.apply([doc for doc in batch if len(doc)])
            yield from batch

    def apply(self, docs: list[Doc]) -> None:
        raise NotImplementedError


@Language.factory("array_attribute_ruler")
def make_array_attribute_ruler(nlp: Language, name: str, stock: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.get_pipe(stock))


class ArrayAttributeRuler(ArrayComponent):
    """spaCy's AttributeRuler: every rule matched against the columns as the tagger and parser
    left them, then applied in the rules' order, a later rule overriding an earlier one (what
    sorting the Matcher's matches by rule number does)."""

    def __init__(self, stock):
        if type(stock) is not AttributeRuler:
            raise Unsupported(f"a {type(stock).__name__} ruler")
        self.strings = stock.vocab.strings
        self.rules = [(compiled_patterns(self.strings, stock.matcher.get(str(number))[1]),
                       offset, settings(attrs))
                      for number, (attrs, offset) in enumerate(zip(stock.attrs, stock.indices))]
        self.tested = sorted({attr for patterns, _, _ in self.rules
                              for pattern in patterns for token in pattern for attr, _ in token})

    def apply(self, docs: list[Doc]) -> None:
        if not docs:
            return
        tested = batch_array(docs, self.tested)
        columns = {attr: tested[:, number] for number, attr in enumerate(self.tested)}
        # A match never runs from one Doc into the next.
        doc_of = numpy.repeat(numpy.arange(len(docs)), [len(doc) for doc in docs])
        targets = [matched_tokens(patterns, offset, columns, doc_of, self.strings)
                   for patterns, offset, _ in self.rules]
        assigned = batch_array(docs, SETTABLE)
        for target, (_, _, values) in zip(targets, self.rules):
            for attr, value in values:
                assigned[target, SETTABLE.index(attr)] = value
        write_back(docs, SETTABLE, assigned)


def settings(attrs: dict) -> list[tuple[int, numpy.uint64]]:
    """A rule's (attribute, value) pairs, as the ruler normalised them (MORPH hashed)."""
    if any(attr not in SETTABLE for attr in attrs):
        raise Unsupported(f"a rule sets {attrs}")
    return [(attr, numpy.uint64(value)) for attr, value in attrs.items()]


def compiled_patterns(strings, patterns: list) -> list:
    """Each pattern as, per token, its (attribute, test) pairs; the Matcher's pattern
    language beyond fixed-length sequences of equality, IN, NOT_IN and REGEX tests is refused."""
    return [[token_tests(strings, spec) for spec in pattern] for pattern in patterns]


def token_tests(strings, spec: dict) -> list:
    tests = []
    for key, value in spec.items():
        attr = IDS.get({"TEXT": "ORTH"}.get(key.upper(), key.upper())) if isinstance(key, str) else key
        if attr not in TESTABLE:
            raise Unsupported(f"a pattern tests {key}")
        if isinstance(value, dict):
            tests += [(attr, predicate(attr, name.upper(), operand)) for name, operand in value.items()]
        elif isinstance(value, (str, bool, int)):
            # The Matcher adds a string to the store, a bool counts as 0 or 1.
            tests.append((attr, ("==", strings.add(value) if isinstance(value, str) else int(value))))
        else:
            raise Unsupported(f"a pattern value {value!r}")
    return tests


def predicate(attr: int, name: str, operand) -> tuple:
    if name in ("IN", "NOT_IN") and all(isinstance(v, (str, int)) for v in operand):
        return name, numpy.array([get_string_id(v) for v in operand], dtype=numpy.uint64)
    if name == "REGEX" and isinstance(operand, str) and attr in STRING_VALUED:
        return name, re.compile(operand)
    raise Unsupported(f"a {name} test")


def matched_tokens(patterns: list, offset: int, columns: dict, doc_of, strings) -> numpy.ndarray:
    """Which tokens of the batch a rule sets: the token at ``offset`` in each match."""
    size = len(doc_of)
    target = numpy.zeros(size, dtype=bool)
    for pattern in patterns:
        length = len(pattern)
        position = offset if offset >= 0 else length + offset
        if not 0 <= position < length:
            raise Unsupported(f"offset {offset} outside a {length}-token pattern")
        if length > size:
            continue
        starts = doc_of[:size - length + 1] == doc_of[length - 1:]
        for number, tests in enumerate(pattern):
            starts &= token_matches(tests, columns, strings)[number:size - length + 1 + number]
        target[position:size - length + 1 + position] |= starts
    return target


def token_matches(tests: list, columns: dict, strings) -> numpy.ndarray:
    matches = numpy.ones(len(next(iter(columns.values()))), dtype=bool)
    for attr, (name, operand) in tests:
        column = columns[attr]
        if name == "==":
            matches &= column == numpy.uint64(operand)
        elif name == "IN":
            matches &= numpy.isin(column, operand)
        elif name == "NOT_IN":
            matches &= ~numpy.isin(column, operand)
        else:  # REGEX, searched in each distinct string once
            values = numpy.unique(column).tolist()
            matches &= numpy.isin(column, numpy.array(
                [value for value in values if operand.search(strings[value])], dtype=numpy.uint64))
    return matches


@Language.factory("array_lemmatizer")
def make_array_lemmatizer(nlp: Language, name: str, stock: str) -> ArrayLemmatizer:
    return ArrayLemmatizer(nlp.get_pipe(stock))


class ArrayLemmatizer(ArrayComponent):
    """spaCy's Lemmatizer, run once per distinct (word, POS, morphology) rather than per token:
    its lemma depends on nothing else (its own cache key); the rules stay spaCy's own."""

    def __init__(self, stock):
        # Lemmatizers whose lemma reads only the token's text, POS and morphology.
        required, _ = stock.get_lookups_config(stock.mode)
        if type(stock) not in (Lemmatizer, EnglishLemmatizer) or stock.mode not in ("rule", "lookup") \
                or any(table not in stock.lookups for table in required):
            raise Unsupported(f"a {type(stock).__name__} in {stock.mode} mode")
        # The stand-in owns the stock component from now on (it leaves the pipeline).
        self.stock = stock
        self.stock.lookups = with_index_sets(stock.lookups)
        self.lemmas: dict[tuple[int, int, int], str] = {}

    def apply(self, docs: list[Doc]) -> None:
        if not docs:
            return
        array = batch_array(docs, LEMMATIZER_COLUMNS)
        lemma = array[:, LEMMATIZER_COLUMNS.index(LEMMA)]
        # Like the stock component: a lemma already set (by the attribute ruler) stays.
        rows = numpy.arange(len(array)) if self.stock.overwrite else numpy.flatnonzero(lemma == 0)
        # LEMMATIZER_COLUMNS start with the lemma's key: ORTH, POS, MORPH.
        keys, first, inverse = numpy.unique(array[rows, :3], axis=0, return_index=True,
                                            return_inverse=True)
        starts = numpy.cumsum([0] + [len(doc) for doc in docs]).tolist()
        hashes = []
        for key, row in zip(map(tuple, keys.tolist()), rows[first].tolist()):
            if key not in self.lemmas:
                number = bisect_right(starts, row) - 1
                self.lemmas[key] = self.stock.lemmatize(docs[number][row - starts[number]])[0]
            # Added once per batch, where the stock component adds once per token.
            hashes.append(self.stock.vocab.strings.add(self.lemmas[key]))
        lemma[rows] = numpy.array(hashes, dtype=numpy.uint64)[inverse.reshape(-1)]
        write_back(docs, [LEMMA], lemma)


def with_index_sets(lookups: Lookups) -> Lookups:
    """The same tables, each part of speech's word index a set: the rule lemmatizer only asks
    whether a form is in it, and a list made that a scan of up to 57,000 words per new word."""
    faster = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            table = {key: frozenset(words) for key, words in table.items()}
        faster.add_table(name, table)
    return faster
