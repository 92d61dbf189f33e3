"""Precision on everyday news: the non-political senses of event words code nothing (or nothing
asserted), while the political sense of the same words still codes.  Sentences are our own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

ASSERTED_EXCLUDED = {"negation", "hypothetical"}


def asserted(doc):
    return [e for e in doc.events or () if not ASSERTED_EXCLUDED & set(e.aux or ())]


# (class, junk sentence): no asserted event
JUNK = [
    # selectional restrictions on the object: diseases, products, markets, weather
    ("object", "The senator has been fighting lung cancer since the spring."),
    ("object", "The statement released by the ministry of Egypt was short."),
    ("object", "The president of France hit a home run at the charity game."),
    ("object", "The ministry of Egypt released its data on the economy."),
    ("object", "The city of Paris has battled air pollution for decades."),
    ("object", "The firm fired up its engines and beat analysts' estimates again."),
    ("object", "Samsung demonstrated its new folding phone in Seoul."),
    ("object", "The company shelved its plans for an initial public offering."),
    ("object", "The bank freed up 200 billion rubles for lending."),
    ("object", "The chancellor spoke to reporters at a press conference in Berlin."),
    ("object", "The council will undertake a review of its spending."),
    # games and elections: 'beat', 'meetings', 'defending'
    ("context", "Brazil beat Argentina 3-1 in the World Cup qualifier."),
    ("context", "France had won its last ten meetings with Italy."),
    ("context", "Japan will face defending champion Germany on Sunday."),
    ("context", "Democrats beat the incumbent governor in the election."),
    ("context", "Voters in Ohio voted for the Republican candidate for governor."),
    # subjects that are no actors: markets, products, places that 'demand' things
    ("subject", "Trading in shares was suspended on the Moscow exchange."),
    ("subject", "The new software will allow developers to sell apps."),
    ("subject", "A region like Bihar demands investment on a huge scale."),
    # boilerplate: reporters' formulas and page furniture
    ("boilerplate", "A spokesman for the ministry declined to comment."),
    ("boilerplate", "An official in Brazil, who asked not to be identified, said the talks went well."),
    ("boilerplate", "Also on example.org Police in Peru arrested twelve protesters."),
    # wrappers with no event inside: hopes, readiness and commitments about business
    ("wrapper", "Toyota is hoping the new model will win back buyers in the United States."),
    ("wrapper", "The newspaper is committed to publishing a range of views."),
    ("wrapper", "The carmaker is ready for the launch of its electric sedan."),
    ("wrapper", "The startup plans a new office for its engineers."),
    # modality: others' wishes, questions, the speaker's own duty, nobody's duty
    ("modality", "Many voters want parliament to investigate the minister."),
    ("modality", "Will Russia attack Ukraine?"),
    ("modality", "The minister said, \"We must address the underlying problem.\""),
    ("modality", "\"Everything we built had to survive a winter in Canada,\" the architect said."),
    ("object", "The merger was killed by the regulators in October."),
    ("object", "The carmaker began to offer layoff packages to its workers."),
    ("subject", "Shares in Tokyo rallied after the announcement."),
    ("context", "The rally in bank stocks began after the news from Citigroup about its profits."),
    ("modifier", "Her new meal plan complements the workouts."),
    ("boilerplate", "SEE MORE: Police in Chile arrested students."),
    ("wrapper", "The design team decided to fix a few things."),
    ("sense", "The government is fighting to restore confidence in the banks."),
    ("sense", "His impatience was demonstrated by his abrupt departure."),
    ("sense", "The striker was fired after the scandal."),
    ("sense", "The club fired the coach after the defeat."),
    ("object", "The studio released Spielberg's new film in China."),
    ("sense", "The speech fired up the crowd in Caracas."),
    ("sense", "The actress fought to get the full script."),
    ("object", "The prince flew navy helicopters during the war."),
    # 'try' is 'attempt' before an infinitive, no trial
    ("sense", "The mayor of Chicago tried to find a parking space downtown."),
    # 'hang' a banner, 'hang up' a phone
    ("object", "Protesters hanged banners on the walls of the embassy of Iran."),
    ("particle", "The president of Iran hung up the phone on the French president."),
    # a plan or an intention with no event inside is no agreement
    ("wrapper", "Airbus unveiled plans for a new twin-deck aircraft, officials in France said."),
    ("wrapper", "The US Treasury described the government's bail-out plan in a press release."),
    ("wrapper", "Apple opened a data center in North Carolina intended to support the new service."),
    # an accident is no attack; being left with a task is no withdrawal; withheld names are no sanction
    ("mishap", "Two United States service members have been killed in a helicopter crash in Afghanistan."),
    ("particle", "American negotiators are now left with the task of turning the purchases into a trade agreement."),
    ("object", "The army of Iraq said it was withholding the names of those killed."),
    ("context", "Google's new game streaming service launches in Britain without many of its promised features."),
    # a business operation is no military one
    ("object", "The company launched an operation in Brazil."),
    # a plea in court is no appeal
    ("context", "A former minister of Kenya pleaded guilty on Monday to tax fraud."),
    # goods and markets do nothing for their country
    ("subject", "Chinese exports threatened jobs in Mexico."),
    # ability is no event; 'head up' is to lead; protecting interests is no protection force
    ("modal", "The new aircraft of Boeing can fly from New York to Singapore non-stop."),
    ("particle", "The president of Ford wants an engineer from Germany to head up the unit."),
    ("object", "The Air Force of the United States acted to protect the interests of taxpayers."),
]

# (political sentence, expected type): the same words in their political sense still code
POLITICAL = [
    ("Government troops in Sudan fought the rebels near the border.", "ASSAULT"),
    ("Police in Iran beat the protesters.", "ASSAULT"),
    ("Workers in Greece demonstrated against the austerity measures.", "PROTEST"),
    ("Turkey struck a deal with Russia on grain exports.", "SUPPORT"),
    ("The government of Ghana shelved the fuel tax bill.", "CONCEDE"),
    ("Iraq declined to withdraw its troops from Kuwait.", "REJECT"),
    ("Vietnam hopes to expand cooperation with Japan.", "AGREE"),
    ("Chile plans to open an embassy in Kenya.", "AGREE"),
    ("Germany said that Iran must release the detained journalists.", "REQUEST"),
    ("China defended North Korea at the United Nations.", "SUPPORT"),
    ("Italy suspended flights to Serbia.", "SANCTION"),
    ("Troops in Myanmar fired on the demonstrators.", "ASSAULT"),
    ("Soldiers from Israel killed three militants in Gaza.", "ASSAULT"),
    ("Opposition supporters in Georgia rallied against the government.", "PROTEST"),
    ("Japan offered aid to Indonesia after the earthquake.", "AGREE"),
    ("Rebels in Syria fought to take the city of Aleppo.", "ASSAULT"),
    ("Soldiers fired on the protesters in Lagos.", "ASSAULT"),
    # releasing a named person or nationals is a release of people
    ("Iran released Roxana Saberi.", "RETREAT"),
    ("Iran released two Britons.", "RETREAT"),
    ("The Vietnamese government released an American.", "RETREAT"),
    # firing at someone is shooting; only firing someone is a dismissal
    ("Gunmen fired on the governor in Kandahar.", "ASSAULT"),
    ("Police fired tear gas at the crowd in Bangkok.", "ASSAULT"),
    ("The prime minister of India flew to Moscow for talks.", "CONSULT"),
    ("The French president spoke with the German chancellor by phone.", "CONSULT"),
    ("Iraq hanged Saddam Hussein in 2006.", "ASSAULT"),
    ("Spain intends to meet with Morocco on migration.", "AGREE"),
    ("The European Union slapped tariffs on Chinese steel.", "SANCTION"),
    ("The president of Ukraine pleaded with Germany for more tanks.", "REQUEST"),
]


@pytest.mark.parametrize("kind,sentence", JUNK, ids=[f"{k}-{i}" for i, (k, _) in enumerate(JUNK)])
def test_everyday_sense_codes_nothing(kind, sentence, code):
    events = asserted(code(sentence))
    assert not events, f"{kind}: {sentence!r} gave {[(e.type, e.coder) for e in events]}"


@pytest.mark.parametrize("sentence,kind", POLITICAL, ids=[s[:40] for s, _ in POLITICAL])
def test_political_sense_still_codes(sentence, kind, code):
    types = [e.type for e in asserted(code(sentence))]
    assert kind in types, f"{sentence!r} gave {types}"
