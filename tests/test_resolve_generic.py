"""Resolution of generic actors, qualified peoples, titles and pronouns: each case a rule of
English or of political geography, on sentences written for these tests.

A case names a phrase and the (country, sector) a mention whose head lies in it must carry;
``None`` means no mention there may name a country.  Sector ``ANY`` accepts any sector.
"""

from __future__ import annotations

import pytest

from eventwire.actors.names import looks_like_name
from eventwire.actors.resolve import place_name_variants

from .test_resolve import ANY, check, code  # noqa: F401 - code: the full-parse fixture

pytestmark = pytest.mark.model

CASES = [
    # unnamed killers are actors of the place where they kill
    ("Death squads killed six Jesuit priests in San Salvador.", "Death squads", ("SLV", "UAF")),
    ("Bandits ambushed a bus in Kenya, killing four passengers.", "Bandits", ("KEN", "CRM")),
    # police work at home: the one place the sentence names, even beside another state's troops
    ("Police fired tear gas at students protesting in Seoul against U.S. troops.", "Police", ("KOR", "COP")),
    # people take the place of their own participle ('students protesting in Seoul')
    ("Police dispersed students protesting in Seoul against U.S. troops.", "students", ("KOR", "EDU")),
    # an office only one country has, unless another word qualifies it
    ("The pope appealed for an end to the fighting in Bosnia.", "pope", ("VAT", "REL")),
    ("The pontiff met the Israeli president.", "pontiff", ("VAT", "REL")),
    ("The Coptic pope condemned the attack on the church in Egypt.", "pope", ("EGY", "REL")),
    # victims take no country from the weapon that hit them, the place's where there is one
    ("Five civilians were killed by an Israeli rocket.", "civilians", None),
    ("Civilians were killed in Israeli airstrikes in southern Lebanon.", "Civilians", ("LBN", "CVL")),
    ("Jewish settlers attacked a Palestinian village.", "settlers", ("ISR", "CVL")),
    # a state's forces reported on by that state's own forces, with another country in the sentence
    ("An Israeli army spokesman said troops shot dead two Palestinians in Hebron.", "troops", ("ISR", "MIL")),
    # a national office is never an international organisation's
    ("Trade Minister Kim Chul-su signed an agreement with the European Commission.", "Trade Minister Kim Chul-su",
     None),
    # an ally belongs where it is, not to its patron
    ("Iran sent weapons to the leaders of its allies in Iraq.", "leaders", ("IRQ", ANY)),
    # a people qualified by another country's adjective lives in that country
    ("Bosnian Serbs shelled the town of Tuzla.", "Serbs", ("BIH", "CVL")),
    ("Bosnian Serb forces shelled the town of Tuzla.", "forces", ("BIH", "MIL")),
    ("The Sri Lankan navy sank three Tamil Tiger boats off the northeast coast.", "Tamil Tiger", ("LKA", "REB")),
    ("Afghan Tajiks fled across the border.", "Tajiks", ("AFG", ANY)),
    # ... also through a people named before the role ('Rwandan Hutu militiamen'), but a neighbour's
    # possessor is not the neighbour's country
    ("Rwandan Hutu militiamen killed 30 refugees in eastern Zaire.", "militiamen", ("RWA", ANY)),
    # clans and tribes are the people of where they fight
    ("At least 50 people died in fighting between rival clans in Mogadishu.", "clans", ("SOM", "CVL")),
    ("Armed tribesmen kidnapped two German tourists in Yemen.", "tribesmen", ("YEM", "CVL")),
    ("Britain's London Mayor met the president of France.", "Mayor", ("GBR", "GOV")),
    ("Fiji asked its neighbour's government to act.", "government", None),
    # people said to be someone's: 'believed to be from', 'thought to belong to'
    ("Gunmen believed to be from the Abu Sayyaf group kidnapped 21 tourists from a Malaysian resort.", "Gunmen",
     ("PHL", ANY)),
    # 'X-led': the leader's country
    ("Vietnamese-led forces captured a village in Cambodia.", "forces", ("VNM", "MIL")),
    # a participle saying where people come from or belong
    ("The United Nations will provide food aid to refugees fleeing the civil war in Sierra Leone.",
     "refugees", ("SLE", "REF")),
    ("Thousands of workers affiliated with the Croatian Trade Union stopped work.", "workers", ("HRV", "LAB")),
    # supporters of someone are people of that one's country
    ("Supporters of Imran Khan blocked roads in Lahore.", "Supporters", ("PAK", "CVL")),
    # one who speaks for a body is that body's
    ("A spokesman for the Iranian foreign ministry condemned the strikes.", "spokesman", ("IRN", "GOV")),
    # 'the North' is no town called North: in Korean news it is North Korea (country_halves.tsv)
    ("Officials in Seoul said the North had fired two missiles.", "North", ("PRK", "GOV")),
    # the country across a border is nobody's home in the sentence
    ("Thousands of troops were deployed to the border with Pakistan.", "troops", None),
    ("Customs officers seized drugs at the border with Mexico.", "officers", None),
    # an officer is military unless a modifier says which service
    ("Transit officers arrested two men in Chicago.", "officers", ("USA", "COP")),
    ("Customs officers in Nigeria seized a shipment of weapons.", "officers", ("NGA", "COP")),
    ("Army officers in Mali arrested the president.", "officers", ("MLI", "MIL")),
    # local people act where their verb happens; officials and troops travel
    ("Inmates rioted at a prison in the Kenyan capital Nairobi, demanding an end to British rule.",
     "Inmates", ("KEN", "CVL")),
    ("Gunmen kidnapped two German engineers in southern Nigeria.", "Gunmen", ("NGA", "UAF")),
    ("Protesters burned a flag outside the American embassy in Karachi.", "Protesters", ("PAK", "CVL")),
    ("Officials met in Oslo after talks in Cairo.", "Officials", None),
    # the victims' nationality is not the attackers'
    ("Gunmen killed two Chinese workers.", "Gunmen", None),
    # a named modifier outranks a possessive pronoun, and both outrank where the role sits
    ("Egypt's foreign minister met his Israeli counterpart in Cairo on Sunday.", "counterpart", ("ISR", "GOV")),
    ("Iranian students stormed the British embassy in Tehran.", "embassy", ("GBR", ANY)),
    # a title is no surname: 'King' does not name a person called King
    ("Jordan's King Abdullah welcomed the decision by Israel to release prisoners.", "Abdullah", ("JOR", "GOV")),
    # provinces the city gazetteer lacks, also written with 'province' or a compass word
    ("The government of Sindh province deployed troops after riots.", "government", ("PAK", "GOV")),
    ("The army lifted a curfew in West Darfur State on Monday.", "West Darfur State", ("SDN", None)),
    # a party name before 'Minister' is a portfolio
    ("Workers struck over a bill signed by Croatian Labour Minister Ivo Horvat.", "Labour", None),
    # transnational armed groups and their leaders: a sector but no country
    ("Osama bin Laden's al-Qaeda network threatened to attack Britain.", "Britain", ("GBR", "GOV")),
    # an aid group or the UN does not make the people it helps its own
    ("The Red Cross delivered food to civilians trapped in the besieged city of Homs.", "civilians", ("SYR", "CVL")),
    ("UN officials met refugees in Kenya.", "refugees", None),
    # a bare number of people is a crowd of the place
    ("Thousands marched through the streets of Bangkok demanding the prime minister's resignation.",
     "Thousands", ("THA", "CVL")),
    # a counted role word names a format: 'the six-party talks'
    ("North Korea refused to return to the six-party talks.", "six-party", None),
    # an ethnic group spread over several states: the city named decides
    ("Thousands of Kurds protested in Istanbul over the arrest of their leader.", "Kurds", ("TUR", "CVL")),
    # ... but not a neighbour named only as a border: it says where, and the actors are across it
    ("Two Turkish soldiers were killed in a clash with Kurdish rebels near the Iraqi border.", "Kurdish rebels",
     ("TUR", "REB")),
    # a surname with other given names is someone else ('Steve Castro' is no Cuban leader)
    ("Employee Steve Castro said he fought with the thief.", "Castro", None),
    ("A man admitted threatening U.S. Rep. Ilhan Omar in March.", "Omar", ("USA", ANY)),
    ("Cuban President Raul Castro met Pope Francis in Havana.", "Pope Francis", ("VAT", ANY)),
    # a plural role word opening a sentence, tagged a proper noun, is still the role
    ("Rebels in Mali clashed with the army on Monday.", "Rebels", ("MLI", "REB")),
    # a country name with a one-letter slip is still the country ...
    ("Ethopia agreed to reopen its border with Somalia.", "Ethopia", ("ETH", "GOV")),
    ("Britian and Kenya signed a new trade pact on Monday.", "Britian", ("GBR", "GOV")),
    ("The army of the Phillippines shelled rebel camps on Mindanao.", "Phillippines", ("PHL", ANY)),
    # ... or with its letters doubled wrong, however many
    ("The Phillipines accused China of building structures on disputed reefs.", "Phillipines", ("PHL", "GOV")),
    ("Morrocco recalled its ambassador from Algeria.", "Morrocco", ("MAR", "GOV")),
    # ... but not a real place or a person a letter away from one, nor a plural of a region
    ("Columbia sued the city over the new zoning rules.", "Columbia", None),
    ("Hollande met the German chancellor in Berlin.", "Hollande", ("FRA", ANY)),
    ("Leaders from across the Americas met in Lima.", "Americas", None),
    # people of no one country in particular, or posted abroad, take no country from their sentence
    ("Pope Francis urged world leaders to protect refugees.", "world leaders", None),
    ("Diplomats in Kabul criticized the Taliban.", "Diplomats", None),
    ("Western diplomats in Kabul criticized the Taliban.", "diplomats", None),
    # a ruling junta; the Dalai Lama
    ("Thousands of Egyptians rallied against the military council.", "council", ("EGY", "MIL")),
    ("The Dalai Lama met President Obama at the White House.", "Dalai Lama", ("CHN", "REL")),
    # forces loyal to someone are of that one's country
    ("Security forces loyal to President Bashar al-Assad shelled the city.", "forces", ("SYR", ANY)),
    # an ethnic people qualifying a role lives in the other country of its sentence
    ("Ethnic Albanian guerrillas ambushed a Serbian police patrol.", "guerrillas", ("SRB", ANY)),
    # peoples of a region of one country ('Chechen', 'Tibetan', 'Basque'); Tamils by their article
    ("Chechen fighters shot down a helicopter.", "fighters", ("RUS", ANY)),
    ("Tibetan monks protested in Lhasa.", "monks", ("CHN", ANY)),
    ("Basque separatists bombed a police station.", "separatists", ("ESP", ANY)),
    ("Tamil rebels attacked a navy base near Jaffna.", "rebels", ("LKA", ANY)),
    ("Tamil farmers marched in Chennai.", "farmers", ("IND", ANY)),
    # a coalition: of a war, governing or in opposition
    ("The US-led coalition bombed the city.", "coalition", ("USA", "MIL")),
    ("The ruling coalition in Germany rejected the proposal.", "coalition", ("DEU", "GOV")),
    # a movement of many countries acts as its branch where its sentence is
    ("Egyptian authorities sentenced 75 Muslim Brotherhood members to death.", "Muslim Brotherhood", ("EGY", "OPP")),
    ("Jordan's government banned the Muslim Brotherhood.", "Muslim Brotherhood", ("JOR", "OPP")),
    ("The Muslim Brotherhood was founded in 1928.", "Muslim Brotherhood", None),
    # a town the tagger calls a person or an organisation, where a place goes, is a place
    ("Russian forces shelled Kharkiv overnight.", "Kharkiv", ("UKR", ANY)),
    ("Russia annexed Crimea in 2014.", "Crimea", ("UKR", ANY)),
    ("Saudi jets bombed Sanaa.", "Sanaa", ("YEM", ANY)),
    ("Kiev cut off water supplies to Crimea.", "Crimea", ("UKR", ANY)),
    # ... but not a subject, nor a name after a first name
    ("Austin said the talks had failed.", "Austin", None),
    ("Police questioned Mary Austin on Monday.", "Austin", None),
    # short names stay exact: 'Irak' is left alone rather than guessed
    ("Irak rejected the proposal.", "Irak", None),
    # the UN or an aid group in the sentence does not make rebels or civilians its own
    ("The rebels surrendered their weapons to UN peacekeepers.", "rebels", None),
    ("Civilians fled the fighting, the United Nations said.", "Civilians", None),
    # a demonym before another country's body names its namesake or branch there
    ("The Iraqi National Guard attacked the town of Tikrit.", "Guard", ("IRQ", "MIL")),
    ("The Pakistani Taliban attacked a checkpoint near Peshawar.", "Taliban", ("PAK", ANY)),
    # a named owner outranks a surname borne by people of another country
    ("Jordan's King Hussein held a summit with Syrian President Hafez al-Assad.", "Hussein", ("JOR", ANY)),
    ("Jordan's Foreign Minister Hussein met the envoy.", "Hussein", ("JOR", "GOV")),
    # a country the tagger calls a person for its possessive is still the country
    ("Sri Lanka's government signed a deal with India.", "government", ("LKA", "GOV")),
    ("Rival factions clashed in Kabul.", "factions", ("AFG", "UAF")),
    # a role coordinated after a government, with no owner of its own, is of that government's country
    ("The Philippine government and Muslim rebels resumed peace talks in Malaysia.", "rebels", ("PHL", "REB")),
    ("Muslim rebels and the Philippine government resumed peace talks in Kuala Lumpur.", "rebels", ("PHL", "REB")),
    # a state's forces are most often the ones it reports on; not so a rights group's
    ("Sri Lanka said troops had captured the town of Kilinochchi.", "troops", ("LKA", "MIL")),
    ("Amnesty International said authorities had detained the teacher.", "authorities", None),
    # a news outlet reports on every country: it owns no police and places none
    ("Police fired tear gas at the crowd, the spokesman told Reuters.", "Police", None),
    ("The inspector general told BBC News the police were not ready.", "police", None),
    ("A BBC correspondent was detained at the airport.", "correspondent", ("GBR", "MED")),
    # the Pope is the Holy See's; schoolgirls are people of where they are taken from
    ("The Pope urged both sides to lay down their arms.", "Pope", ("VAT", "GOV")),
    ("Boko Haram abducted more than 200 schoolgirls from a school in Nigeria.", "schoolgirls", ("NGA", "EDU")),
    # a town the tagger mislabels is a place in 'control of X'
    ("Rebels seized control of Goma.", "Goma", ("COD", None)),
    # a definite noun with its own 'of' phrase is not the last one named
    ("Under pressure from Washington, Pakistan arrested the leader of the banned group.", "leader", ("PAK", ANY)),
    ("Malta condemned the decision of the government of Sudan.", "government", ("SDN", "GOV")),
    # a given name is no surname: 'Mustafa' in 'Mustafa Akinci' is not another country's Mustafa
    ("Turkish Cypriot leader Mustafa Akinci met the envoy.", "Akinci", ("CYP", "GOV")),
    ("Djibouti's President Ismail Omar Guelleh met the envoy.", "Guelleh", ("DJI", "GOV")),
    # islands and regions the cities list gives to a small namesake, or lacks
    ("Police questioned two British tourists in Bali.", "Police", ("IDN", "COP")),
    ("Italy's anti-mafia police arrested 30 suspected mobsters in Sicily.", "mobsters", ("ITA", "CRM")),
    ("South African authorities questioned the Zimbabwean first lady.", "lady", ("ZWE", "ELI")),
    # a counterpart is the other side
    ("The minister spoke to his Egyptian counterpart by telephone.", "minister", None),
]


@pytest.mark.parametrize("text, phrase, expected", CASES, ids=[f"{c[1]}:{c[0][:40]}" for c in CASES])
def test_generic_resolution(text, phrase, expected, code):
    check(code(text), phrase, expected)


def test_a_people_after_its_state_names_no_second_country_of_a_title(code):
    """'Bosnian Serb army commander': the commander is Bosnia's, through 'army' as much as directly."""
    doc = code("Serbian police detained Bosnian Serb army commander Ratko Mladic.")
    assert {m.actor.country for m in doc.mentions if m.text.endswith("Mladic")} == {"BIH"}


@pytest.mark.parametrize("text, phrase, expected", [
    ("The army arrested two rebel leaders in Aceh.", "two rebel leaders", ("REB", "IDN")),
    ("Police in Seoul arrested five student leaders.", "five student leaders", ("EDU", "KOR")),
    ("Police in Kenya detained two union leaders.", "two union leaders", ("LAB", "KEN")),
    ("Police in Pakistan arrested a militant commander.", "a militant commander", ("REB", "PAK")),
    ("Police in Kabul said a police commander was killed.", "a police commander", ("MIL", "AFG")),
    ("Zambian police arrested the leader of the opposition.", "the leader", ("OPP", "ZMB")),
    ("Mexican police arrested the leader of the Gulf drug cartel.", "the leader", ("CRM", "MEX")),
])
def test_a_state_office_word_qualified_by_a_group_leads_that_group(text, phrase, expected, code):
    assert mention_sectors(code(text), phrase) == {expected}


def mention_sectors(doc, text):
    return {(m.actor.sector, m.actor.country) for m in doc.mentions or () if m.text == text}


def test_al_qaeda_is_found_with_its_article(code):
    doc = code("Osama bin Laden's al-Qaeda network threatened to attack Britain.")
    assert ("REB", None) in mention_sectors(doc, "al-Qaeda")
    assert any(m.actor.actor_id == "grp_osama_bin_laden" for m in doc.mentions)


def test_plural_pronoun_is_a_group_not_one_country(code):
    doc = code("Colombian troops pursued rebels into Venezuela and attacked them there.")
    them = [m for m in doc.mentions if m.text == "them"]
    assert them and all(m.actor.sector != "MIL" for m in them), [m.actor for m in them]


def test_singular_pronoun_is_not_a_plural_group(code):
    doc = code("Vietnamese-led forces retook a village after guerrillas overran it.")
    assert not [m for m in doc.mentions if m.text == "it" and m.actor.country == "VNM"]


def test_name_particles():
    assert looks_like_name("al-Qaeda") and looks_like_name("bin Laden")
    assert not looks_like_name("al-qaeda") and not looks_like_name("abu")


def test_place_name_variants():
    assert place_name_variants("West Darfur State") == ["West Darfur State", "West Darfur", "Darfur"]
    assert place_name_variants("Sindh province") == ["Sindh province", "Sindh"]
    assert place_name_variants("Kabul") == ["Kabul"]


def test_plural_pronoun_stands_for_every_coordinated_actor(code):
    doc = code("The United States and Britain said they would attack Iraq.")
    assert {m.actor.country for m in doc.mentions if m.text == "they"} == {"USA", "GBR"}


def test_a_reporting_government_does_not_own_the_president_it_reports_on(code):
    doc = code("The White House said President Mohamed Nasheed would return to the Maldives.")
    assert all(m.actor.country != "USA" for m in doc.mentions or () if "Nasheed" in m.text)
