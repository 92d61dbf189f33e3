"""The event pattern dictionary: loading ``data/patterns.tsv``.

Columns (tab-separated, ``#`` comments allowed):

- ``id``: unique name of the pattern, shown as the event's ``coder``;
- ``type``, ``mode``, ``cameo``: the PLOVER type and mode and the CAMEO code it codes;
- ``pos``: ``VERB`` (a verb and its arguments), ``NOUN`` (an event noun: "sanctions on", "talks
  between") or ``ADJ`` (a predicate adjective whose subject is the source: "willing to", "ready to");
- ``trigger``: for a verb, the lemma, optionally followed by a particle or preposition that must
  depend on it ("call for", "crack down"); for a noun, the head noun's lemma, optionally preceded
  by the words that must stand right before it ("hunger strike", "car bomb");
- ``with``: for a verb, lemmas of which one must be its object or a modifier of it ("impose" with
  "sanction"; ``@place`` for an object the actor stage reads as a place, "captured Goma"; ``@person``
  for a person's name or a nationality as a noun, "released two Britons"); for a
  noun, lemmas of which one must be the verb governing it ("build" ties); for an adjective, lemmas
  of which one must depend on it; empty for any;
- ``target``: where the target is: ``dobj``, ``prep:X`` (the verb's or noun's preposition X),
  ``obj:X`` (a preposition X on the object), ``dative``, ``clause`` (the subject of the verb's
  complement clause: "demanded that X ..."), ``poss``, ``holder`` (who holds the people a request
  would free: "the release of the sailors held by X"), ``doer`` (who did the act the object names:
  "avenged the killing of its leader by X"), ``itself`` (the people a noun trigger names: "took
  30 Thai hostages"); empty for the defaults of the part of speech;
- ``flags``: ``symmetric`` (coordinated actors act on each other: "X and Y held talks");
  ``needs_target`` (coded only when a target actor is found: the verb is too common otherwise,
  'met the deadline', 'backed the plan'); ``no_target`` (typically coded without a target:
  protests, mobilisation; documentation only, since any event whose target is not named is
  coded with none); and the *wrappers*, which code the statement about the event they govern
  (see ``coder.py``): ``intent`` (a plan, offer or promise: AGREE for cooperation, THREATEN for
  force), ``decision`` (a decision taken: a decided meeting, agreement or cooperation is a plan,
  AGREE, like ``intent``; any other decided act is that act, enacted: 'decided to lift the
  curfew' is CONCEDE, 'decided to impose sanctions' SANCTION), ``preparation`` (like ``intent``, but preparing force is MOBILIZE: 'prepared to resume
  shelling'), ``threat`` (THREATEN), ``refusal`` (REJECT of cooperation), ``dismissal`` (a copular rejection, 'X is out of the question',
  'X is off the table': REJECT of the subject X by whoever says so), ``request`` (REQUEST of
  what is asked for), ``deontic`` (a statement that fires only when its complement clause carries
  an obligation: "X said Y must ...", a REQUEST of Y); ``needs_inner`` (a wrapper coded only
  about an event it governs: "failed to reach a deal" is a rejection, "the plan failed" nothing);
  ``when_negated`` (coded only when negated, and then asserted: "did not rule out force" is a
  threat, "will not hesitate to strike" too);
  ``police_search`` (done by police, the act is a law-enforcement search, COERCE/seize, CAMEO 171:
  'police raided the offices', PLOVER's rule; done by troops it stays the pattern's assault);
  ``recipient`` (the verb's subject receives: 'X received weapons from Y' is Y's aid to X; the
  target slots name the giver, who becomes the source, unknown when none is named; with
  ``needs_target``, coded only when the giver has a country: 'came under fire from X');
  ``origin`` (a noun whose 'from' phrase names its source: 'aid from Japan arrived in Nepal');
  ``own_act`` (a verb whose ``with`` words are in a complement clause announcing the subject's own
  act: 'warned Iran it would use force', 'warned that any attack would be met with force');
  ``that_clause`` (a verb coded only with a complement clause: 'charged that X ...', not 'charged the crowd');
  ``conditional`` (the same, the clause or the verb carrying an 'if' or 'unless' condition: 'warned
  Athens that it could lose funds unless it cut its deficit' is a threat, 'warned Athens' alone not);
  ``verdict`` (a predicate of 'be' that judges its subject, coded as the act of whoever reports it:
  'Russia said Georgia was to blame' is Russia's accusation of Georgia); ``pronounced`` (the same for
  a verb and its object words: 'Syria said Israel would pay a heavy price' is Syria's threat);
  ``own_agent`` (a noun coded only with an
  agent named on it, "the arrest of X by Y", never the subject of the verb governing it: "Z
  condemned the arrest of X" is no arrest by Z); ``owned_act`` (a noun coded only when its
  possessor or a 'by' phrase names who acts: "China's ban on coal", "the visit by X to Y");
  ``armed_subject`` (a finite verb coded only when its subject is a force: 'the last Soviet troops
  left Afghanistan' is a withdrawal, 'the president left Kabul' a journey); ``weapon_subject`` (the same
  for a subject that is a munition: 'Iraqi missiles hit Tehran', 'shells rained on Basra', not 'the
  storm hit Florida'); ``crowd_subject`` (a noun
  coded only 'in' a phrase on a verb whose subject is protesters: 'demonstrators blocked the road
  in protest against X'); ``no_complement`` (a verb not coded with an infinitive complement, which
  makes it a request: 'ordered troops into Chechnya' mobilises, 'ordered U.S. troops to leave' asks
  them to go); ``home_recall`` (a passive's subject is called home by its own state, which is no
  target: 'Israel's ambassador to Egypt was recalled to Jerusalem' is Israel's act); ``only_slots`` (the target
  is only where the pattern's slots say, never in the default slots: 'reported the killing of three
  soldiers' accuses no soldier); ``ultimatum`` (a verb coded only as the 'or' alternative of a demand
  set to someone, as that demand's threat: 'gave Iraq until January 15 to withdraw or face military
  action' is the giver's threat at Iraq, and the demanded withdrawal and the giving are no events);
- ``example``: a sentence the pattern must code, with real country names, checked by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ..datafiles import read_tsv, split_list
from ..errors import DataFileError
from ..model import PLOVER_TYPES

PATTERN_FILE = Path(__file__).parent / "data" / "patterns.tsv"
DEFAULT_TARGETS = {
    "VERB": ("dobj", "prep:to", "prep:with", "prep:against", "prep:on", "prep:toward", "prep:towards",
             "prep:at", "obj:to", "obj:with", "obj:against", "obj:on", "obj:for", "obj:toward", "obj:towards",
             "obj:between", "dative", "examples"),
    "ADJ": ("prep:with", "prep:to"),
    "NOUN": ("prep:on", "prep:against", "prep:with", "prep:to", "prep:toward", "prep:towards", "prep:for",
             "prep:between", "prep:of", "examples"),
}
# Flags that code a word only where the parse meets a condition: such a pattern, when it matches, outranks a plain one.
CONDITION_FLAGS = frozenset({"deontic", "own_agent", "owned_act", "when_negated", "that_clause", "conditional",
                             "verdict", "pronounced", "armed_subject", "weapon_subject", "crowd_subject", "ultimatum"})
# Flags of a clause coded as the act of whoever reports it, against its subject.
VERDICT_FLAGS = frozenset({"verdict", "pronounced"})
# In a verb pattern's ``with``: a named place as its object ('captured Goma'), however the tagger labels it.
PLACE_OBJECT = "@place"
PERSON_OBJECT = "@person"  # a person's name or a nationality as a noun: 'released Roxana Saberi', 'freed two Britons'
NAMED_OBJECTS = frozenset({PLACE_OBJECT, PERSON_OBJECT})  # objects no word list can give
WRAPPER_FLAGS = ("intent", "decision", "preparation", "threat", "refusal", "dismissal", "request", "deontic")
FLAGS = {"symmetric", "no_target", "needs_target", "own_agent", "owned_act", "needs_inner", "when_negated",
         "police_search", "recipient", "origin", "own_act", "that_clause", "conditional", "armed_subject",
         "weapon_subject", "crowd_subject",
         "only_slots", "no_complement", "home_recall", "ultimatum",
         *VERDICT_FLAGS, *WRAPPER_FLAGS}


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    type: str
    mode: str | None
    cameo: str
    pos: str
    lemma: str
    particle: str | None
    modifiers: tuple[str, ...]
    with_lemmas: frozenset[str]
    targets: tuple[str, ...]
    flags: frozenset[str]
    example: str

    @property
    def specificity(self) -> int:
        """Object words count most, then particles or modifiers, then a condition on the parse."""
        return ((4 if self.with_lemmas else 0) + (2 if self.particle or self.modifiers else 0)
                + (1 if self.flags & CONDITION_FLAGS else 0))


def parse_pattern(path: Path, line: int, row: dict[str, str]) -> Pattern:
    def fail(reason: str) -> DataFileError:
        return DataFileError("E201", path=path, line=line, reason=reason)

    if row["type"] not in PLOVER_TYPES:
        raise fail(f"unknown PLOVER type {row['type']!r}")
    if row["pos"] not in DEFAULT_TARGETS:
        raise fail(f"pos must be VERB, NOUN or ADJ, not {row['pos']!r}")
    flags = frozenset(split_list(row.get("flags")))
    if flags - FLAGS:
        raise fail(f"unknown flags {sorted(flags - FLAGS)}")
    words = row["trigger"].lower().split()
    if not words or not row.get("example", "").strip():
        raise fail("a pattern needs a trigger and an example sentence")
    if row["pos"] == "NOUN":  # "hunger strike": the head noun is last
        lemma, particle, modifiers = words[-1], None, tuple(words[:-1])
    else:
        lemma, particle, modifiers = words[0], " ".join(words[1:]) or None, ()
    return Pattern(
        id=row["id"], type=row["type"], mode=row.get("mode") or None, cameo=row["cameo"], pos=row["pos"],
        lemma=lemma, particle=particle, modifiers=modifiers,
        with_lemmas=frozenset(w.lower() for w in split_list(row.get("with"))),
        targets=(tuple(split_list(row.get("target"))) or DEFAULT_TARGETS[row["pos"]]) + fallback_slots(row["type"]),
        flags=flags, example=row["example"].strip(),
    )


def fallback_slots(event_type: str) -> tuple[str, ...]:
    """Slots tried after a pattern's own: 'in countries such as X'; for a threat, whoever must
    meet its condition ('threatened retaliation if Israel attacks' is aimed at Israel); for a
    mobilisation or a protest, what it answers ('put its forces on alert after the Indian tests',
    'protested after a Chinese vessel entered its waters')."""
    return ("examples", *FALLBACK_SLOTS.get(event_type, ()))


FALLBACK_SLOTS = {"THREATEN": ("condition",), "MOBILIZE": ("cause",), "ACCUSE": ("cause",), "PROTEST": ("cause",)}


@dataclass(frozen=True)
class PatternBook:
    """Patterns indexed by (part of speech, trigger lemma), most specific first."""

    by_trigger: dict[tuple[str, str], tuple[Pattern, ...]]

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_trigger.values())

    def candidates(self, pos: str, lemma: str) -> tuple[Pattern, ...]:
        return self.by_trigger.get((pos, lemma), ())

    @cached_property
    def trigger_forms(self) -> frozenset[str]:
        """Every trigger lemma and each of its inflections: a word outside this set, whose lemma
        is outside it too, triggers nothing, and the coder skips it without undoing endings."""
        from .prefilter import inflections  # the pre-pass builds on this module

        return frozenset(form for _, lemma in self.by_trigger for form in inflections(lemma))

    def __iter__(self):
        for patterns in self.by_trigger.values():
            yield from patterns

def load_patterns(paths: tuple[Path, ...] = (PATTERN_FILE,)) -> PatternBook:
    index: dict[tuple[str, str], list[Pattern]] = {}
    seen: set[str] = set()
    for path in paths:
        for line, row in read_tsv(path):
            pattern = parse_pattern(path, line, row)
            if pattern.id in seen:
                raise DataFileError("E201", path=str(path), line=line,
                                    reason=f"duplicate pattern id {pattern.id!r}")
            seen.add(pattern.id)
            index.setdefault((pattern.pos, pattern.lemma), []).append(pattern)
    return PatternBook({k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in index.items()})


@lru_cache(maxsize=4)
def pattern_book(paths: tuple[Path, ...] = (PATTERN_FILE,)) -> PatternBook:
    return load_patterns(paths)


SENSE_FILE = Path(__file__).parent / "data" / "senses.tsv"
SENSE_CUES = ("clause", "surface", "infinitive", "object", "direct_object", "context", "complement", "particle",
              "transitive", "entity_object", "subject", "passive_subject", "agent", "modifier", "of_head")


@dataclass(frozen=True, slots=True)
class SenseRule:
    """An everyday sense of an event word (``data/senses.tsv``): 'fight cancer', 'beat Croatia 2-1'."""

    lemma: str
    pos: str
    cue: str
    words: frozenset[str]


@lru_cache(maxsize=2)
def sense_rules(path: Path = SENSE_FILE) -> dict[tuple[str, str], tuple[SenseRule, ...]]:
    """The rules by (part of speech, lemma)."""
    rules: dict[tuple[str, str], list[SenseRule]] = {}
    for line, row in read_tsv(path):
        if row["cue"] not in SENSE_CUES or row["pos"] not in DEFAULT_TARGETS:
            raise DataFileError("E201", path=str(path), line=line, reason=f"unknown cue or pos in {row!r}")
        words = frozenset(w.lower() for w in split_list(row.get("words")))
        rule = SenseRule(row["lemma"].lower(), row["pos"], row["cue"], words)
        rules.setdefault((rule.pos, rule.lemma), []).append(rule)
    return {k: tuple(v) for k, v in rules.items()}
