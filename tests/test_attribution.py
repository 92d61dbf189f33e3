"""Who says so: quotes, reporting verbs and 'according to', and the events they attribute.

Each case: sentence, expected event (type, source, target), the words the speaker must contain,
the speaker's country (None: not resolved) and whether the event sits inside a quotation.
"""

from __future__ import annotations

import pytest

from eventwire.coding.attribution import quote_spans

pytestmark = pytest.mark.model

CASES = [
    ("North Korea condemned the United States, state media claimed.",
     ("ACCUSE", "PRK", "USA"), "state media", None, False),
    ('"Iran attacked our ships," the president of Israel said.',
     ("ASSAULT", "IRN", None), "president", "ISR", True),
    ("Japan sent aid to Turkey, officials added.",
     ("AID", "JPN", "TUR"), "officials", None, False),
    ("According to officials, Russia attacked Ukraine.",
     ("ASSAULT", "RUS", "UKR"), "officials", None, False),
    ("According to Ukrainian officials, Russia shelled Kharkiv.",
     ("ASSAULT", "RUS", "UKR"), "Ukrainian officials", "UKR", False),
    ("The foreign minister of China said Beijing would sign a treaty with Russia.",
     ("AGREE", "CHN", "RUS"), "foreign minister", "CHN", False),
    ("Israeli officials said Hamas fired rockets at Israel.",
     ("ASSAULT", "PSE", "ISR"), "Israeli officials", "ISR", False),
    ("Russia attacked Ukraine, the Pentagon said.",
     ("ASSAULT", "RUS", "UKR"), "Pentagon", "USA", False),
    ("Reuters reported that Saudi Arabia had cut ties with Iran.",
     ("SANCTION", "SAU", "IRN"), "Reuters", "GBR", False),
    ("Iran expelled two British diplomats, the state news agency IRNA reported.",
     ("SANCTION", "IRN", "GBR"), "IRNA", "IRN", False),
    ('"We will never recognize Kosovo," the president of Serbia declared.',
     ("REJECT", "SRB", "XKX"), "president", "SRB", True),
    ("Witnesses said police fired on protesters in Nairobi.",
     ("ASSAULT", "KEN", "KEN"), "Witnesses", None, False),
    ("Germany condemned the attack by Russia on Ukraine, a spokesman added.",
     ("ACCUSE", "DEU", "RUS"), "spokesman", None, False),
    ('"China has imposed sanctions on Lithuania," the foreign minister of Lithuania told reporters.',
     ("SANCTION", "CHN", "LTU"), "foreign minister", "LTU", True),
    ("Egypt hosted a delegation from Hamas, Egyptian state television reported.",
     ("CONSULT", "EGY", "PSE"), "Egyptian state television", "EGY", False),
    ("According to the United Nations, Sudan expelled aid agencies from Darfur.",
     ("SANCTION", "SDN", "SDN"), "United Nations", "IGO", False),
    ("Iraqi police said gunmen kidnapped two Turkish engineers.",
     ("ASSAULT", None, "TUR"), "Iraqi police", "IRQ", False),
    ("Kenya arrested three Somali nationals, the interior ministry of Kenya said.",
     ("COERCE", "KEN", "SOM"), "interior ministry", "KEN", False),
    ("The opposition in Venezuela claimed that the army of Venezuela had arrested its leaders.",
     ("COERCE", "VEN", "VEN"), "opposition", "VEN", False),
]


def event_matching(events, expected):
    kind, source, target = expected
    return [e for e in events if e.type == kind and e.source.country == source
            and (e.target.country if e.target else None) == target]


@pytest.mark.parametrize("sentence, expected, speaker, country, quoted", CASES, ids=[c[0][:48] for c in CASES])
def test_attribution_of_event(sentence, expected, speaker, country, quoted, code):
    events = code(sentence).events or []
    found = event_matching(events, expected)
    assert found, f"no {expected} in {[(e.type, e.source.country, e.target and e.target.country) for e in events]}"
    attribution = found[0].attribution
    assert attribution is not None
    assert speaker.lower() in attribution.speaker.lower()
    assert attribution.country == country
    assert attribution.quote is quoted


def test_an_unattributed_event_has_no_attribution(code):
    (event,) = [e for e in code("The United States accused Russia of war crimes on Monday.").events
                if e.type == "ACCUSE"]
    assert event.attribution is None


def test_quote_spans_exclude_the_marks():
    text = 'He said "Iran attacked" and \u201cIraq agreed\u201d.'
    assert [text[s:e] for s, e in quote_spans(text)] == ["Iran attacked", "Iraq agreed"]


def test_the_speaker_of_a_quote_is_found(code):
    doc = code('"We will help Ukraine," the chancellor of Germany said.')
    (quote,) = doc.quotes
    assert quote.speaker is not None and quote.speaker.country == "DEU"
