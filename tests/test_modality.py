"""Auxiliary modes: denied, imagined and announced events, and the statements PLOVER makes of them.

Each case: sentence, expected (type, source country, target country), aux modes the event must
carry, and aux modes it must not carry.  Events that are denied or imagined are coded and
flagged, not dropped; announced cooperation is AGREE, announced force THREATEN, refused
cooperation REJECT (PLOVER Draft 2.0).
"""

from __future__ import annotations

import pytest

from eventwire.coding.modality import modality_cues

pytestmark = pytest.mark.model

NEG, HYP, FUT = "negation", "hypothetical", "future"

CASES = [
    # negation
    ("Venezuela refused to condemn North Korea.", ("ACCUSE", "VEN", "PRK"), {NEG}, set()),
    ("Iran did not attack Israel.", ("ASSAULT", "IRN", "ISR"), {NEG}, set()),
    ("Russia denied attacking Ukraine.", ("ASSAULT", "RUS", "UKR"), {NEG}, set()),
    ("Egypt failed to release the Israeli hostages.", ("RETREAT", "EGY", "ISR"), {NEG}, set()),
    ("Britain deplored Egypt's refusal to release the Israeli hostages.", ("RETREAT", "EGY", "ISR"), {NEG}, set()),
    # a gerund the parser reads as an adjective on its object
    ("Iran denied arming Shiite militias in Iraq.", ("AID", "IRN", "IRQ"), {NEG}, set()),
    ("The meeting between Japan and China never materialized.", ("CONSULT", "JPN", "CHN"), {NEG}, set()),
    # ruling out denies; not ruling out leaves a possibility open
    ("Kenya ruled out sending troops to Somalia.", ("MOBILIZE", "KEN", "SOM"), {NEG}, set()),
    ("Kenya has not ruled out sending troops to Somalia.", ("MOBILIZE", "KEN", "SOM"), {HYP}, {NEG}),
    ("The rebels never stopped attacking the army in Mali.", ("ASSAULT", "MLI", "MLI"), set(), {NEG, HYP}),
    # what reports said, once called false, did not happen; what a proposal proposes has not yet
    ("Rumours that China had deployed troops to Bhutan proved false.", ("MOBILIZE", "CHN", "BTN"), {NEG}, set()),
    ("The proposal by France to send peacekeepers to Mali was welcomed.", ("AID", "FRA", "MLI"), {HYP}, set()),
    ("India never met Pakistan.", ("CONSULT", "IND", "PAK"), {NEG}, set()),
    ("Germany did not criticize Hungary.", ("ACCUSE", "DEU", "HUN"), {NEG}, set()),
    ("Turkey has not imposed sanctions on Russia.", ("SANCTION", "TUR", "RUS"), {NEG}, set()),
    ("Mexico avoided criticizing the United States.", ("ACCUSE", "MEX", "USA"), {NEG}, set()),
    ("China stopped buying oil from Iran.", ("COOPERATE", "CHN", "IRN"), {NEG}, set()),
    ("Iran dismissed accusations that it had armed the Houthis.", ("AID", "IRN", "YEM"), {NEG}, set()),
    ("Japan has yet to apologise to South Korea.", ("CONCEDE", "JPN", "KOR"), {NEG}, set()),
    # what someone is warned against or kept from is not done, and done by the one warned
    ("Russia warned Ukraine against attacking the bridge in Crimea.", ("THREATEN", "RUS", "UKR"), set(), {NEG, HYP}),
    ("Russia warned Ukraine against attacking Belarus.", ("ASSAULT", "UKR", "BLR"), {HYP}, set()),
    ("Russia refrained from attacking Ukraine.", ("ASSAULT", "RUS", "UKR"), {NEG}, set()),
    # a negating verb negates its complement, not the condition on it
    ("If Russia invades Ukraine, Germany will halt the pipeline.", ("ASSAULT", "RUS", "UKR"), {HYP}, {NEG}),
    # ability is not an act
    ("Iran can strike Israel within minutes, its defence minister said.", ("ASSAULT", "IRN", "ISR"), {HYP}, set()),
    ("Brazil declined to condemn Russia.", ("ACCUSE", "BRA", "RUS"), {NEG}, set()),
    ("Chad did not sign an agreement with Niger.", ("SUPPORT", "TCD", "NER"), {NEG}, set()),
    # refusals of cooperation are rejections, asserted
    ("Turkey declined to meet Greece.", ("REJECT", "TUR", "GRC"), set(), {NEG}),
    ("Hungary refused to extradite the suspects to Ukraine.", ("REJECT", "HUN", "UKR"), set(), {NEG}),
    ("Serbia will not withdraw its troops from Kosovo.", ("REJECT", "SRB", "XKX"), set(), {NEG, FUT}),
    ("Egypt will not attend the talks with Ethiopia.", ("REJECT", "EGY", "ETH"), set(), {NEG}),
    ("Israel vowed not to return the Golan Heights to Syria.", ("REJECT", "ISR", "SYR"), set(), {NEG}),
    ('"We will never recognize Kosovo," the president of Serbia declared.', ("REJECT", "SRB", "XKX"), set(),
     {NEG}),
    # hypothetical and conditional
    ("Russia could attack Ukraine.", ("ASSAULT", "RUS", "UKR"), {HYP}, set()),
    ("China might impose sanctions on Australia.", ("SANCTION", "CHN", "AUS"), {HYP}, set()),
    ("Germany should send tanks to Ukraine.", ("AID", "DEU", "UKR"), {HYP}, set()),
    ("Japan is considering sanctions on Russia.", ("SANCTION", "JPN", "RUS"), {HYP}, set()),
    ("If Iran attacks Israel, the United States will defend Israel.", ("ASSAULT", "IRN", "ISR"), {HYP}, set()),
    ("A meeting between Israel and Saudi Arabia would make sense.", ("CONSULT", "ISR", "SAU"), {HYP}, set()),
    ("Cuba may send doctors to Venezuela.", ("AID", "CUB", "VEN"), {HYP}, set()),
    ("Canada is weighing sanctions against Iran.", ("SANCTION", "CAN", "IRN"), {HYP}, set()),
    ("France would recognize Palestine if talks fail.", ("SUPPORT", "FRA", "PSE"), {HYP}, set()),
    # future and planned: cooperation is AGREE, force THREATEN
    ("Poland will send tanks to Ukraine.", ("AGREE", "POL", "UKR"), set(), {FUT, NEG}),
    ("The president of France will visit China next week.", ("AGREE", "FRA", "CHN"), set(), {HYP}),
    ("Iran said it would release the French tourists.", ("AGREE", "IRN", "FRA"), set(), {HYP}),
    ("Brazil plans to open an embassy in Ghana.", ("AGREE", "BRA", "GHA"), set(), {HYP}),
    ("North Korea unveiled plans to open an embassy in Venezuela.", ("AGREE", "PRK", "VEN"), set(), {HYP}),
    ("Kenya offered to mediate between Ethiopia and Sudan.", ("AGREE", "KEN", "ETH"), set(), {HYP}),
    ("Iran agreed to allow inspectors from the IAEA into the site.", ("AGREE", "IRN", "IGO"), set(), {HYP}),
    ("Russia threatened to attack Ukraine.", ("THREATEN", "RUS", "UKR"), set(), {HYP}),
    ("Palestinian leaders said they would boycott all contact with the United States.",
     ("THREATEN", "PSE", "USA"), set(), {FUT}),
    ("Nigeria announced that it will withdraw its peacekeepers from Chad unless Chad holds elections.",
     ("THREATEN", "NGA", "TCD"), set(), {FUT}),
    ("The United States will impose sanctions on Iran.", ("THREATEN", "USA", "IRN"), set(), {FUT}),
    ("The army of Macedonia prepared to resume shelling Albania.", ("MOBILIZE", "MKD", "ALB"), set(), set()),
    # asked-for acts are requests of the one asked
    ("The United States urged Iran to release the British sailors.", ("REQUEST", "USA", "IRN"), set(), set()),
    ("France called on Russia to withdraw its troops from Ukraine.", ("REQUEST", "FRA", "RUS"), set(), set()),
    ("Britain said that Iran must release the sailors.", ("REQUEST", "GBR", "IRN"), set(), set()),
    ("China demanded that the United States cancel the arms sale to the Philippines.", ("REQUEST", "CHN", "USA"),
     set(), set()),
]


def find(events, expected):
    kind, source, target = expected
    return [e for e in events if e.type == kind and e.source.country == source
            and (e.target.country if e.target else None) == target]


@pytest.mark.parametrize("sentence, expected, must, must_not", CASES, ids=[c[0][:48] for c in CASES])
def test_mode_of_event(sentence, expected, must, must_not, code):
    events = code(sentence).events or []
    found = find(events, expected)
    assert found, f"no {expected} in {[(e.type, e.source.country, e.target and e.target.country) for e in events]}"
    assert any(must <= set(e.aux) and not must_not & set(e.aux) for e in found), [e.aux for e in found]


UNASSERTED = [
    "Cuba could serve as an intermediary between Venezuela and the United States.",
    "Iran did not attack Israel.",
    "Russia could attack Ukraine.",
    "The meeting between Japan and China never materialized.",
    "Syria said it would respond to any Israeli attack on Lebanon.",
]


def test_what_ignored_calls_ask_for_is_not_done(code):
    """'calls to free X' is a call, wherever the parser hangs the infinitive."""
    events = code("The junta of Myanmar ignored international calls to free Aung San Suu Kyi.").events or []
    assert [e for e in events if e.type == "REJECT" and e.asserted]
    assert not [e for e in events if e.type == "RETREAT" and e.asserted]


@pytest.mark.parametrize("sentence", ["Nigeria defied Commonwealth pressure to free political prisoners.",
                                      "Iraq rejected the UN ultimatum to withdraw from Kuwait."])
def test_what_pressure_or_an_ultimatum_asks_for_is_not_done(sentence, code):
    events = code(sentence).events or []
    assert [e for e in events if e.type == "REJECT" and e.asserted]
    assert not [e for e in events if e.type == "RETREAT" and e.asserted]


@pytest.mark.parametrize("sentence", UNASSERTED)
def test_denied_or_imagined_events_are_never_asserted(sentence, code):
    assert not [e for e in code(sentence).events or [] if e.asserted]


def test_the_seed_refusal_negates_condemnation_but_not_the_plan(code):
    text = ("Chavez refused to condemn North Korea and arranged plans to meet with Kim Jong-il, "
            "but the meeting never materialized.")
    events = code(text, "2010-05-01").events or []
    assert all("negation" in e.aux for e in events if e.type == "ACCUSE")
    assert [e for e in events if e.type == "AGREE" and e.asserted]


def test_cue_words_are_data():
    cues = modality_cues()
    assert {"refuse", "fail", "deny"} <= cues.negating_verbs
    assert {"could", "would"} <= cues.hypothetical_modals
    assert {"must", "should"} <= cues.obligation_modals
    assert "if" in cues.conditional_marks and "will" in cues.future_auxiliaries


def test_what_a_warning_is_against_is_not_asserted(code):
    events = code("Moscow warned Kiev against any attempt to retake the region by force.").events or []
    assert [e for e in events if e.type == "ACCUSE" and e.asserted]
    assert not [e for e in events if e.type == "ASSAULT" and e.asserted]
