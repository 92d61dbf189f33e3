"""Sources and targets reached through places, clauses and phrase structure: each case a rule
of English syntax or of event-coding convention, on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.coding.arguments import condition_subjects, slot_tokens

from .conftest import dyads

model = pytest.mark.model


def roles(events):
    return {(e.source.country, e.source.sector, e.target.country if e.target else None) for e in events}


DYAD_CASES = [
    # unattributed violence is coded to the country where it happened
    ("A roadside bombing near the town of Tikrit on Sunday killed one British soldier.", ("ASSAULT", "IRQ", "GBR")),
    ("A roadside bomb killed two American soldiers in Kandahar.", ("ASSAULT", "AFG", "USA")),
    # ... also where the bomb goes off in the clause the killing follows, or the victims are a passive's
    ("A bomb exploded at a market in the Nigerian city of Kano, killing 15 people.", ("ASSAULT", "NGA", "NGA")),
    ("A car bomb went off outside a police station in the southern Turkish city of Mardin.", ("ASSAULT", "TUR", "TUR")),
    ("Two Italian engineers were kidnapped in the Niger Delta.", ("ASSAULT", "NGA", "ITA")),
    ("Two UN observers were shot dead in southern Lebanon.", ("ASSAULT", "LBN", "IGO")),
    # a town the tagger folds into the time after it ('Karlovac overnight', 'Nabatieh Sunday') is a place
    ("The Croatian government said Serb forces had shelled the town of Karlovac overnight.", ("ASSAULT", "SRB", "HRV")),
    ("Israeli jets bombed Nabatieh Sunday.", ("ASSAULT", "ISR", "LBN")),
    # ... not an owner's country ('outside the U.S. embassy in Nairobi' is in Kenya)
    ("A car bomb exploded outside the U.S. embassy in Nairobi.", ("ASSAULT", "KEN", "USA")),
    # a vehicle attacked for whom it carries
    ("Gunmen ambushed a bus carrying Israeli tourists near Cairo.", ("ASSAULT", None, "ISR")),
    # ... but a raid or bombardment named with its doer is that doer's, whatever the place
    ("Nine Lebanese soldiers were killed in an Israeli bombardment of southern Lebanon.", ("ASSAULT", "ISR", "LBN")),
    ("Five Palestinians were wounded in an Israeli air strike on Gaza City.", ("ASSAULT", "ISR", "PSE")),
    # a free relative clause stands for the object, with its agent: 'what it called X by Y'
    ("Cuba condemned what it called aggression by the United States.", ("ACCUSE", "CUB", "USA")),
    # the object of an infinitive on a noun: 'an invitation to attend talks with X'
    ("The rebels rejected an invitation to attend peace talks with the Chadian government.", ("REJECT", "TCD", "TCD")),
    # a preposition left without its object before 'and' shares the last one
    ("Sri Lanka established diplomatic ties with and opened an embassy in Hanoi.", ("SUPPORT", "LKA", "VNM")),
    # a participle's place on the object: 'lines leading into X'
    ("Rebels blew up a railway bridge leading into Mozambique.", ("ASSAULT", "MOZ", "MOZ")),
    # an apposition names the actor, a possessor only its owner
    ("Iraq's neighbours, Syria and Jordan, agreed to reopen their borders.", ("AGREE", "SYR", "JOR")),
    # qualified peoples and 'X-led' forces as sources
    ("Bosnian Serbs shelled the town of Tuzla.", ("ASSAULT", "BIH", "BIH")),
    ("Vietnamese-led forces captured a village in Cambodia.", ("ASSAULT", "VNM", "KHM")),
    # a generic subject acts where its verb happens; the victims' country is not its own
    ("Gunmen kidnapped two German engineers in southern Nigeria.", ("ASSAULT", "NGA", "DEU")),
    ("Gunmen killed two Chinese workers.", ("ASSAULT", None, "CHN")),
    # an unnamed investigator is the authority of the place, also inside 'under investigation in X'
    ("A British journalist was put under investigation in Egypt for his reports.", ("ACCUSE", "EGY", "GBR")),
    # a participle clause without a subject shares the protest's purpose: 'marched ..., demanding X'
    ("Thousands marched through the streets of Bangkok demanding the prime minister's resignation.",
     ("PROTEST", "THA", "THA")),
]


@model
@pytest.mark.parametrize("text, expected", DYAD_CASES, ids=[f"{c[1][0]}:{c[0][:40]}" for c in DYAD_CASES])
def test_places_and_clauses(text, expected, code):
    events = code(text).events or []
    assert expected in dyads(events), dyads(events)


@model
def test_a_border_does_not_say_whose_side_the_violence_was_on(code):
    events = code("Four soldiers were killed near the Turkish border on Monday.").events or []
    assert all(e.source.country is None for e in events), roles(events)


@model
def test_unattributed_violence_has_no_sector(code):
    events = code("A car bombing near the town of Baquba killed four Iraqi policemen.").events or []
    assert ("IRQ", None, "IRQ") in roles(events), roles(events)


@model
def test_an_attack_on_a_place_is_not_coded_to_that_place(code):
    """'an attack on X' names the target, not where an unnamed attacker comes from."""
    events = code("An attack on the US embassy in Nairobi killed 200 people.").events or []
    assert not any(e.source.country == "USA" for e in events)


@model
def test_the_noun_of_violence_is_not_its_own_source(code):
    """'a bombing near X' is not X bombing X: the noun's own event gets no source from its place."""
    events = code("A roadside bombing near the town of Tikrit on Sunday killed one British soldier.").events or []
    assert all(e.target is None or e.target.country != "IRQ" for e in events), dyads(events)


@model
@pytest.mark.parametrize("text, expected", [
    ("Russia threatened to cut gas supplies if Ukraine did not pay its debts.", ["Ukraine"]),
    ("Nigeria threatened to expel Ghanaian workers unless Ghana paid compensation.", ["Ghana"]),
    ("Russia warned it would retaliate when NATO deployed missiles in Poland.", []),
])
def test_condition_subjects(text, expected):
    from eventwire.nlp import load_nlp

    doc = load_nlp()(text)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert [t.text for t in condition_subjects(root)] == expected
    assert [t.text for t in slot_tokens(root, "condition")] == expected
