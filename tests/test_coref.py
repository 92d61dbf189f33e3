"""Coreference in actor resolution: 'the two countries', 'both governments', 'the country', 'it',
'its', 'they', 'the party', surnames named again.  Hand-written texts, parsed in full."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.api import Settings, code_article
from eventwire.model import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def code():
    return lambda text, day="2019-06-01": code_article(
        Article("test", text, dt.date.fromisoformat(day)), Settings(fast_path=False))


def countries_at(doc, phrase: str, occurrence: int = 0) -> set[str]:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    end = start + len(phrase)
    return {m.actor.country for m in doc.mentions if m.head is not None and start <= m.head < end
            and m.actor.country}


CASES = [
    # 'he' and 'him' are people, never an institution; 'He urged him': two people
    ("The Chinese government released the dissident and allowed him to leave for the United States.", "him", 0,
     {"CHN"}),
    ("The Iraqi foreign minister met Kofi Annan. He urged him to lift the sanctions.", "him", 0, {"IGO"}),
    # 'the alliance', 'the world body', 'the bloc': the last organisation named that the noun can mean
    ("NATO ministers met in Brussels. The alliance warned Russia against an invasion.", "alliance", 0, {"IGO"}),
    ("The UN Security Council met on Monday. The world body condemned the attack.", "world body", 0, {"IGO"}),
    ("The African Union met in Addis Ababa. The bloc condemned the coup in Mali.", "bloc", 0, {"IGO"}),
    ("Mali's army staged a coup. The bloc condemned it.", "bloc", 0, set()),
    # 'the group', 'the movement': the last group named that is no state body, unless 'a group of ...' came since
    ("Hamas claimed responsibility for the attack. The group said it would continue.", "The group", 0, {"PSE"}),
    ("A statement by the Revolutionary Armed Forces of Colombia said the group would free the hostages.",
     "the group", 0, {"COL"}),
    ("Hamas claimed the attack. A group of settlers attacked a village. The group burned trees.", "The group", 0,
     set()),
    ("The Pentagon said the group had seized the town.", "the group", 0, set()),
    # a state's official outlet speaks of its own government ('the official Xinhua News Agency')
    ("The official Xinhua News Agency said the government had released 200 prisoners.", "the government", 0,
     {"CHN"}),
    ("Reuters said the government had released 200 prisoners.", "the government", 0, set()),
    # the possessor of what an attack hits is not the attacker: the victims, named before
    ("Two Israeli soldiers were wounded when Palestinian gunmen opened fire on their patrol.", "their", 0,
     {"ISR"}),
    ("Indian troops were patrolling the border. Pakistani militants attacked their convoy.", "their", 0, {"IND"}),
    # ...while what an actor withdraws is its own
    ("Indian troops were patrolling the border. The Pakistani army withdrew its troops.", "its", 0, {"PAK"}),
    # 'he' is the man arrested (a person of the sentence's country), never the police
    ("French police arrested a man. Officers said he had planned an attack.", "he", 0, {"FRA"}),
    # a grievance's possessive is whom the complaint is addressed to
    ("The Philippines protested to China over its occupation of Mischief Reef.", "its", 0, {"CHN"}),
    ("South Korea complained to Japan about its history textbooks.", "its", 0, {"JPN"}),
    ("China protested over its exclusion from the talks.", "its", 0, {"CHN"}),
    # with none named before, the countries named later in the sentence
    ("The two sides agreed to resume talks in Geneva, Iranian and American officials said.", "The two sides", 0,
     {"IRN", "USA"}),
    # an epithet refers back only to a country it fits (epithets.tsv)
    ("Saudi Arabia's King Fahd met Bush. The kingdom agreed to allow American troops on its soil.",
     "The kingdom", 0, {"SAU"}),
    ("Iraq said the kingdom had allowed American troops to use its bases.", "the kingdom", 0, set()),
    # a kingdom named by its ruler
    ("King Salman received the Emir of Qatar. The kingdom later pledged aid to Sudan.", "The kingdom", 0, {"SAU"}),
    ("Jordan said the kingdom would not let Iraqi troops cross its territory.", "the kingdom", 0, {"JOR"}),
    ("Kuwait's parliament met. The oil-rich emirate agreed to lend Egypt $2 billion.", "The oil-rich emirate", 0,
     {"KWT"}),
    # the two countries named last
    ("Iran and Iraq signed a treaty. The two countries will open embassies.", "The two countries", 0,
     {"IRN", "IRQ"}),
    ("China met Russia in Moscow on Monday. The two countries agreed to trade more.", "The two countries", 0,
     {"CHN", "RUS"}),
    ("Japan protested to South Korea. Both governments later promised calm.", "Both governments", 0,
     {"JPN", "KOR"}),
    ("Ethiopia and Eritrea ended the war. Both countries reopened the border.", "Both countries", 0,
     {"ETH", "ERI"}),
    ("India accused Pakistan of shelling. The two nations have fought three wars.", "The two nations", 0,
     {"IND", "PAK"}),
    ("North Korea's ambassador to China said the two countries would cooperate.", "the two countries", 0,
     {"PRK", "CHN"}),
    # one plural name for several countries (country_groups.tsv)
    ("The two Koreas agreed to resume family reunions.", "The two Koreas", 0, {"PRK", "KOR"}),
    ("China urged both Sudans to stop fighting.", "both Sudans", 0, {"SDN", "SSD"}),
    ("Officials from the two Koreas met in Panmunjom.", "Officials", 0, {"PRK", "KOR"}),
    # 'the North', 'the South' of a divided country the article names (country_halves.tsv)
    ("Seoul accused the North of firing artillery.", "the North", 0, {"PRK"}),
    ("South Korea said the North had fired two missiles into the sea.", "the North", 0, {"PRK"}),
    ("North Korea rejected talks with the South.", "the South", 0, {"KOR"}),
    ("Khartoum accused the South of arming rebels.", "the South", 0, {"SSD"}),
    ("The storm hit the North Atlantic coast of Canada.", "the North", 0, set()),
    ("Labour won seats across the North.", "the North", 0, set()),
    # the country, it, its
    ("Venezuela held elections. The country is in crisis.", "The country", 0, {"VEN"}),
    ("Cuba released prisoners. The government said more would follow.", "The government", 0, {"CUB"}),
    # ... but people of a country facing 'the government' face their own
    ("Egypt closed the crossing. Protesters in Kenya accused the government of corruption.", "the government", 0,
     {"KEN"}),
    # ... and a government qualified by its own country is that country's, whoever came before
    ("Spain pledged new loans. The Belgian government said it would give aid to the suppliers.",
     "The Belgian government", 0, {"BEL"}),
    ("Spain pledged new loans. The Belgian government said it would give aid to the suppliers.", "it", 0, {"BEL"}),
    ("Washington bought a stake. However, the Irish government disapproves of the takeover.",
     "the Irish government", 0, {"IRL"}),
    ("Iran rejected the offer. It said the terms were unfair.", "It", 0, {"IRN"}),
    ("NATO held talks. It said it would send more troops.", "It", 0, {"IGO"}),
    ("Turkey closed its border with Syria.", "its", 0, {"TUR"}),
    ("The European Union said its sanctions would stay.", "its", 0, {"IGO"}),
    ("Egypt opened the crossing. Its foreign ministry confirmed the move.", "Its", 0, {"EGY"}),
    # they, their
    ("Israeli troops entered the town. They arrested five men.", "They", 0, {"ISR"}),
    ("Palestinian protesters marched in Hebron. They threw stones.", "They", 0, {"PSE"}),
    ("Kurdish rebels attacked a post in Turkey. Their leader was killed.", "Their", 0, {"TUR"}),
    # the party
    ("The Labour Party won the election in Britain. The party promised reforms.", "The party", 0, {"GBR"}),
    ("The African National Congress held a conference. The party elected a leader.", "The party", 0,
     {"ZAF"}),
    # people named again by surname; he/she
    ("Vladimir Putin met the envoy. Putin said the talks went well.", "Putin", 1, {"RUS"}),
    ("Angela Merkel visited Paris. She met the French president.", "She", 0, {"DEU"}),
    ("Nicolás Maduro spoke on television. He blamed Colombia.", "He", 0, {"VEN"}),
    ("Emmanuel Macron arrived in Berlin. Macron met the German chancellor.", "Macron", 1, {"FRA"}),
    # 'he' is a person, never a country an 'it' stood for; 'it' before 'striking that' stands for nothing
    ("Germany avoided a recession. \u201cIt\u2019s striking that tensions are threatening growth,\u201d a banker said. "
     "Emmanuel Macron's plan is not limited to France. He called Japan.", "He", 0, {"FRA"}),
    ("Germany avoided a recession. It is striking that tensions are threatening growth.", "It", 0, set()),
    ("Iran rejected the offer. It is clear that the talks have failed.", "It", 0, set()),
    ("Chad says it is willing to withdraw its troops from Sudan.", "it", 0, {"TCD"}),
    # 'whose' is the noun its relative clause describes
    ("Tanzania, whose troops invaded Uganda in 1979, denied the charge.", "whose troops", 0, {"TZA"}),
    # the subject of a reported clause is who reports it, not the last group named
    ("The guerrillas, who have attacked Israeli patrols in southern Lebanon, said they would fight on.",
     "they", 0, set()),
]


@pytest.mark.parametrize(("text", "phrase", "occurrence", "expected"), CASES)
def test_coreference(code, text: str, phrase: str, occurrence: int, expected: set[str]) -> None:
    doc = code(text)
    assert countries_at(doc, phrase, occurrence) == expected, [
        (m.text, m.actor.country, m.actor.reason) for m in doc.mentions]


@pytest.mark.parametrize(("text", "phrase", "word"), [
    ("Iran and Iraq signed a treaty. The two countries will open embassies.", "The two countries",
     "two countries named last"),
    ("Iran rejected the offer. It said the terms were unfair.", "It", "pronoun"),
    ("Venezuela held elections. The country is in crisis.", "The country", "the last country named"),
])
def test_coreference_reason(code, text: str, phrase: str, word: str) -> None:
    doc = code(text)
    start = doc.text.index(phrase)
    reasons = [m.actor.reason for m in doc.mentions if m.start == start]
    assert reasons and all(word in r for r in reasons), reasons


def test_coreference_keeps_the_antecedents_entry(code) -> None:
    doc = code("Kim Jong-un inspected a missile. He praised the scientists.", "2018-01-01")
    he = [m for m in doc.mentions if m.text == "He"]
    assert he and he[0].actor.actor_id == "prk_kim_jong_un" and he[0].actor.sector == "GOV"


@pytest.mark.model
def test_the_three_countries_are_the_three_named_last():
    from eventwire.api import code_document

    doc = code_document("Japan, South Korea and the United States held drills. Iran accused the three countries "
                        "of provocation.", "2023-05-17")
    group = {m.actor.country for m in doc.mentions if m.text == "the three countries"}
    assert group == {"JPN", "KOR", "USA"}
