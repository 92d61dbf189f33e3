"""Who did it to whom: voice, nominal events, coordination, reported speech, relative clauses,
sources from the previous sentence, wrapped statements; and the fast path's exactness."""

from __future__ import annotations

import json

import pytest

from eventwire.api import Settings, build_pipeline
from eventwire.coding.coder import stated_intention, wrapped_coding, Coding, Trigger
from eventwire.coding.patterns import pattern_book
from eventwire.model import Article, event_record

from .conftest import shared_path

model = pytest.mark.model


def dyads(events, kind=None):
    return {(e.type, e.source.country, e.target.country if e.target else None)
            for e in events if kind is None or e.type == kind}


DYAD_CASES = [
    # active and passive voice
    ("The European Union sanctioned Russia.", ("SANCTION", "IGO", "RUS")),
    ("Russia was sanctioned by the European Union.", ("SANCTION", "IGO", "RUS")),
    ("The British sailors were released by Iran.", ("RETREAT", "IRN", "GBR")),
    ("Ukraine was attacked by Russia.", ("ASSAULT", "RUS", "UKR")),
    # nominal events
    ("The sanctions imposed by the United States on Iran took effect.", ("SANCTION", "USA", "IRN")),
    ("The sanctions against Iran by the European Union took effect.", ("SANCTION", "IGO", "IRN")),
    ("Israel's invasion of Lebanon ended in 2000.", ("ASSAULT", "ISR", "LBN")),
    ("Japan imposed sanctions on North Korea.", ("SANCTION", "JPN", "PRK")),
    ("Fighting between Armenia and Azerbaijan killed dozens.", ("ASSAULT", "ARM", "AZE")),
    # reported speech: the reported event's own actors
    ("Iran said Iraq had attacked Kuwait.", ("ASSAULT", "IRQ", "KWT")),
    ("Egypt said Israel would withdraw its troops from Gaza.", ("AGREE", "ISR", "PSE")),
    # relative clauses
    ("Egypt, which mediated between Israel and Hamas, criticized Israel.", ("CONSULT", "EGY", "ISR")),
    ("Egypt, which mediated between Israel and Hamas, criticized Israel.", ("ACCUSE", "EGY", "ISR")),
    ("The rebels condemned Chad, which had attacked Sudan.", ("ASSAULT", "TCD", "SDN")),
    # symmetric events: coordinated subjects act on each other
    ("Japan and South Korea held talks in Seoul.", ("CONSULT", "JPN", "KOR")),
    ("Peru signed a trade agreement with Chile.", ("SUPPORT", "PER", "CHL")),
    # wrapped statements
    ("Libya offered to hand over two suspects to Britain.", ("AGREE", "LBY", "GBR")),
    ("The United States urged Iran to release the British sailors.", ("REQUEST", "USA", "IRN")),
    ("Iran threatened to launch missiles at Israel.", ("THREATEN", "IRN", "ISR")),
    ("Turkey declined to meet Greece.", ("REJECT", "TUR", "GRC")),
    ("Russia said that Sudan must return the helicopter.", ("REQUEST", "RUS", "SDN")),
    # the agent of state coercion in a place is that place's authorities
    ("A missionary from Canada was arrested in Lebanon.", ("COERCE", "LBN", "CAN")),
    # and so is that of an investigation reported in the passive
    ("A diplomat from Egypt was put under investigation in Italy.", ("ACCUSE", "ITA", "EGY")),
    ("The Egyptian diplomat was investigated in Italy.", ("ACCUSE", "ITA", "EGY")),
    # permission granted to an actor: the subject of the complement clause is the target
    ("Egypt allowed the Israeli team to compete in Cairo.", ("CONCEDE", "EGY", "ISR")),
    ("China demanded an apology by Japan.", ("REQUEST", "CHN", "JPN")),
    # a progressive the parser reads as the attribute of 'is' keeps the subject
    ("Qatar is mediating between the United States and Iran.", ("CONSULT", "QAT", "USA")),
]


@model
@pytest.mark.parametrize("text, expected", DYAD_CASES, ids=[f"{c[1][0]}:{c[0][:40]}" for c in DYAD_CASES])
def test_who_did_it_to_whom(text, expected, code):
    events = code(text).events or []
    assert expected in dyads(events), dyads(events)


@model
def test_coordinated_actors_give_one_event_per_pair(code):
    events = code("France and Germany condemned Russia and Belarus.").events
    assert dyads(events, "ACCUSE") == {("ACCUSE", s, t) for s in ("FRA", "DEU") for t in ("RUS", "BLR")}


@model
def test_a_pronoun_subject_takes_the_previous_sentences_subject(code):
    events = code("North Korea held a summit with China. It also signed a trade agreement with Russia.").events
    assert ("SUPPORT", "PRK", "RUS") in dyads(events)


@model
def test_first_person_in_a_quote_is_its_speaker(code):
    events = code('"We will send tanks to Ukraine," the chancellor of Germany said.').events
    assert ("AGREE", "DEU", "UKR") in dyads(events)


@model
def test_an_actor_whose_country_is_unknown_is_kept(code):
    (event,) = [e for e in code("Rebels attacked the town.").events if e.type == "ASSAULT"]
    assert event.source.country is None and "rebel" in event.source.reason
    assert event.confidence < 0.5


@model
def test_an_unnamed_attacker_is_coded_against_the_place(code):
    events = code("Three Iraqi civilians were killed in a car bombing in Baghdad.").events
    assert any(e.type == "ASSAULT" and e.source.country is None and e.target.country == "IRQ" for e in events)


@model
@pytest.mark.parametrize("text", [
    "The data supported the theory.",
    "Apple released a new phone.",
    "The company met its targets.",
    "The team will host a party.",
    "She called for a taxi.",
    "They opened the window.",
    "The rules allow players to pass the ball.",
    "Parents allowed their children to play outside.",
])
def test_everyday_language_codes_nothing(text, code):
    assert not code(text).events


@model
def test_a_noun_event_named_by_its_verb_is_coded_once(code):
    events = code("Japan imposed sanctions on North Korea.").events
    assert len([e for e in events if e.type == "SANCTION"]) == 1


def pattern(pattern_id):
    return next(p for p in pattern_book() if p.id == pattern_id)


@pytest.mark.parametrize("wrapper, inner, expected", [
    ("agree-plan", "consult-meet-with", ("AGREE", "036")),
    ("agree-promise", "aid-send-aid", ("AGREE", "033")),
    ("agree-plan", "assault-attack", ("THREATEN", "138")),
    ("agree-prepare", "assault-shell", ("MOBILIZE", "154")),
    ("threaten-threaten", "sanction-impose", ("THREATEN", "1312")),
    ("reject-refuse", "consult-meet-with", ("REJECT", "125")),
    ("request-urge", "retreat-release", ("REQUEST", "025")),
    ("request-demand", "retreat-release", ("REQUEST", "105")),
])
def test_wrappers_code_the_statement_about_the_inner_event(wrapper, inner, expected):
    class Token:  # an un-negated inner word
        children = ()
        dep_ = "xcomp"
        pos_ = "VERB"
        i = 0

        @property
        def head(self):
            return self

    coding = wrapped_coding(Trigger(Token(), pattern(wrapper)), Trigger(Token(), pattern(inner)))
    assert (coding.type, coding.cameo) == expected


def test_refusing_to_condemn_is_no_rejection():
    class Token:
        children = ()
        dep_ = "xcomp"
        pos_ = "VERB"
        i = 0
        head = None

    refuse, condemn = Trigger(Token(), pattern("reject-refuse")), Trigger(Token(), pattern("accuse-condemn"))
    assert wrapped_coding(refuse, condemn) is None


@pytest.mark.parametrize("kind, aux, expected", [
    ("CONSULT", ["future"], ("AGREE", [])),
    ("CONSULT", ["future", "negation"], ("REJECT", [])),
    ("SANCTION", ["future"], ("THREATEN", [])),
    ("CONSULT", ["future", "hypothetical"], ("CONSULT", ["future", "hypothetical"])),
    ("ACCUSE", ["future"], ("ACCUSE", ["future"])),
])
def test_announced_acts_are_statements(kind, aux, expected):
    class Token:
        children = ()

    base = next(p for p in pattern_book() if p.type == kind and not p.flags)
    coding, rest = stated_intention(Coding(kind, base.cameo, None, "x"), base, Token(), aux)
    assert (coding.type, rest) == expected


def coded_records(settings: Settings, texts: list[str]) -> list[str]:
    pipeline = build_pipeline(settings)
    out = []
    for number, text in enumerate(texts):
        doc = pipeline.run(Article(doc_id=str(number), text=text))
        out.append(json.dumps([event_record(e) for e in doc.events or ()], sort_keys=True, default=str))
    return out


@model
@pytest.mark.shared
def test_fast_path_gives_identical_events():
    """The pre-pass must never skip a paragraph the coder would code: same events either way."""
    from eventwire.eval.plover_gsr import load_plover_gsr

    seed = shared_path("examples", "nk-venezuela-solidarity.txt").read_text(encoding="utf-8")
    records = load_plover_gsr(shared_path("data", "plover-gsr", "PLOVER_GSR_CAMEO.jsonl"))
    texts = [seed] + list(dict.fromkeys(r["text"] for r in records))
    fast = coded_records(Settings(fast_path=True), texts)
    full = coded_records(Settings(fast_path=False), texts)
    differing = [texts[i][:80] for i, (a, b) in enumerate(zip(fast, full)) if a != b]
    assert not differing
