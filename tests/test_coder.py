"""Who did it to whom: voice, nominal events, coordination, reported speech, relative clauses,
sources from the previous sentence, wrapped statements; and the fast path's exactness."""

from __future__ import annotations

import json

import pytest

from eventwire.api import Settings, build_pipeline
from eventwire.coding.coder import stated_intention, wrapped_coding, Coding, Trigger
from eventwire.coding.patterns import pattern_book
from eventwire.model import Article, event_record

from .conftest import dyads, shared_path

model = pytest.mark.model


DYAD_CASES = [
    # an act's doer, not whom it was done to: revenge and protests are aimed at the doer
    ("Hamas vowed revenge for the killing of its leader by Israel.", ("THREATEN", "PSE", "ISR")),
    ("Japan protested the arrest of two Japanese journalists by Chinese police.", ("ACCUSE", "JPN", "CHN")),
    ("Egypt condemned the killing of three Palestinians by Israeli troops.", ("ACCUSE", "EGY", "ISR")),
    # only a state executes or jails: the state where it happened did it
    ("Britain condemned the execution of a British national in Iran.", ("ACCUSE", "GBR", "IRN")),
    ("Australia protested the detention of an Australian journalist in Egypt.", ("ACCUSE", "AUS", "EGY")),
    ("Workers in Kashmir observed a strike against Indian rule.", ("PROTEST", "IND", "IND")),
    # a release is asked of whoever holds the people
    ("Britain demanded the release of the sailors held by Iran.", ("REQUEST", "GBR", "IRN")),
    ("France sought the release of two journalists held by rebels in Iraq.", ("REQUEST", "FRA", "IRQ")),
    ("The UN urged Myanmar to end the violence.", ("REQUEST", "IGO", "MMR")),
    # ... but an order enacts its object and an agreement is made
    ("The UN Security Council ordered a new round of sanctions against North Korea.", ("SANCTION", "IGO", "PRK")),
    # a demanded withdrawal is asked of the forces that would withdraw, not of the place
    ("Lebanon demanded the withdrawal of Syrian troops from its territory.", ("REQUEST", "LBN", "SYR")),
    ("The Arab League called for the withdrawal of Israeli forces from Lebanon.", ("REQUEST", "IGO", "ISR")),
    ("Washington insisted on the withdrawal of Soviet forces from Afghanistan.", ("REQUEST", "USA", "RUS")),
    # people of a crowd are where the crowd marches
    ("Thousands of students marched through Seoul demanding the withdrawal of U.S. troops from South Korea.",
     ("REQUEST", "KOR", "USA")),
    # a named place taken is an attack on its country, whatever the tagger calls the name
    ("Rebels in Congo seized Kisangani.", ("ASSAULT", "COD", "COD")),
    ("UNITA rebels seized Kuito.", ("ASSAULT", "AGO", "AGO")),
    ("The Taliban captured Kunduz.", ("ASSAULT", "AFG", "AFG")),
    # a language is no country: Donetsk is Ukraine's
    ("Russian-speaking separatists seized government buildings in Donetsk.", ("COERCE", "UKR", "UKR")),
    # a mobilisation is aimed at what it answers; troops mass at a border facing its other side
    ("Pakistan put its armed forces on high alert after the Indian tests.", ("MOBILIZE", "PAK", "IND")),
    ("Greece put its navy on alert over a Turkish survey ship in the Aegean.", ("MOBILIZE", "GRC", "TUR")),
    ("Libya mobilized its reserves after American warships entered the Gulf of Sidra.", ("MOBILIZE", "LBY", "USA")),
    ("Iraqi troops massed on the border with Kuwait.", ("MOBILIZE", "IRQ", "KWT")),
    # fixed epithets are names (countries.tsv aliases); 'the republic of X' is X
    ("Syria accused the Jewish state of preparing a new war.", ("ACCUSE", "SYR", "ISR")),
    ("The United States warned the Islamic Republic against enriching uranium.", ("ACCUSE", "USA", "IRN")),
    ("Russia sent troops into the former Soviet republic of Georgia.", ("MOBILIZE", "RUS", "GEO")),
    ("Argentine forces sank a British destroyer in the South Atlantic.", ("ASSAULT", "ARG", "GBR")),
    # the object of 'with' the parser makes a gerund's subject
    ("Russian border guards clashed with Afghan rebels trying to cross into Tajikistan.", ("ASSAULT", "RUS", "AFG")),
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
    # who joins an act led by another does it too
    ("Britain joined the US-led air strikes against Iraq.", ("ASSAULT", "GBR", "IRQ")),
    ("Jordanian jets took part in Saudi-led raids on Houthi positions in Yemen.", ("ASSAULT", "JOR", "YEM")),
    ("Russian forces shelled Kharkiv overnight.", ("ASSAULT", "RUS", "UKR")),
    # an 'X-led' modifier names who did it
    # (and the victims are not the attacker's: the Yemeni official reports on his own country's civilians)
    ("A Yemeni official said Saudi-led airstrikes killed 15 civilians.", ("ASSAULT", "SAU", "YEM")),
    ("The US-led coalition bombed Raqqa.", ("ASSAULT", "USA", "SYR")),
    ("The attack on the Indian parliament was carried out by Pakistan-based militants.", ("ASSAULT", "PAK", "IND")),
    # the source's own forces are no target; a sea named after a country is not the country
    ("North Korea mobilized its army along the demilitarized zone.", ("MOBILIZE", "PRK", None)),
    ("China increased its military presence in the South China Sea.", ("MOBILIZE", "CHN", None)),
    # a country word before an event noun names who acts, unless 'anti-' or 'pro-'
    ("The Kremlin said the strikes were a response to Ukrainian attacks on Russian territory.",
     ("ASSAULT", "UKR", "RUS")),
    ("North Korea fired two ballistic missiles into the sea off its east coast.", ("MOBILIZE", "PRK", None)),
    # with no agent, a passive's violence names who did it
    ("Two journalists were killed in Russian shelling of Kharkiv.", ("ASSAULT", "RUS", "UKR")),
    # a noun's active participle: the noun does it
    ("Iraq threatened to shoot down American planes patrolling the no-fly zone.", ("MOBILIZE", "USA", None)),
    ("Hundreds of Kurds protested outside the Greek embassy in London.", ("PROTEST", "IRQ", "GRC")),
    # two adjectives sharing a head the KB names with one of them: both, in text order
    ("Clashes erupted between Armenian and Azerbaijani troops along the border.", ("ASSAULT", "ARM", "AZE")),
    # fire launched from a place, its attacker unnamed, is that place's
    ("Rockets fired from Gaza hit the Israeli city of Sderot.", ("ASSAULT", "PSE", "ISR")),
    # a reduced passive of a verb that always takes an object: the noun is accused, by someone unnamed
    ("Canada expelled a Chinese diplomat accused of spying.", ("ACCUSE", None, "CHN")),
    ("The United States demanded the release of an American journalist detained in Russia.",
     ("REQUEST", "USA", "USA")),
    # the object word heads the object, not just qualifies it: an aid worker released is no aid
    ("Iran released the British aid worker.", ("RETREAT", "IRN", "GBR")),
    # a warning that announces the speaker's own force is a threat
    ("Trump warned Iran that any attack would be met with overwhelming force.", ("THREATEN", "USA", "IRN")),
    ("China warned Japan it would take countermeasures.", ("THREATEN", "CHN", "JPN")),
    ("Sudanese security forces used live ammunition against protesters in Khartoum.", ("ASSAULT", "SDN", "SDN")),
    # where something is posted is not who says it
    ("The Iranian foreign minister wrote on Twitter accusing the United States of economic terrorism.",
     ("ACCUSE", "IRN", "USA")),
    # a rejected charge is the last accuser's
    ("Ethiopia accused Egypt of sabotage. Cairo rejected the charge.", ("REJECT", "EGY", "ETH")),
    # cutting ties is mutual: 'the two countries had cut relations' cut them with each other
    ("Saudi Arabia and Iran restored ties in March. The two countries had cut relations in 2016.",
     ("SANCTION", "IRN", "SAU")),
    ("Saudi Arabia and Bahrain cut ties with Qatar.", ("SANCTION", "BHR", "QAT")),
    # a broker is no party to the deal it brokered, but who rejects the deal rejects the broker's offer
    ("Israel and Hamas agreed to a ceasefire brokered by Egypt.", ("AGREE", "ISR", "PSE")),
    ("India and Pakistan signed an agreement brokered by the World Bank.", ("SUPPORT", "IND", "PAK")),
    ("The Swedish government rejected a peace agreement brokered by Burkina Faso.", ("REJECT", "SWE", "BFA")),
    # what an act is done under is no object of it: a withdrawal, not quitting the accord
    ("Israeli troops pulled out of southern Lebanon under a UN-brokered accord.", ("RETREAT", "ISR", "LBN")),
    # strikes that aircraft or troops take part in are attacks, not walk-outs
    ("Israeli F-16 jets took part in strikes against Syria.", ("ASSAULT", "ISR", "SYR")),
    ("Russian forces launched strikes on Kyiv.", ("ASSAULT", "RUS", "UKR")),
    # whatever the other side does, the speaker names what follows: a condition, not a forecast
    ("China warned Taiwan that any move toward independence would mean war.", ("THREATEN", "CHN", "TWN")),
    # aid named by its origin: 'aid from X arrived in Y'
    ("Food aid from Japan arrived in Nepal.", ("AID", "JPN", "NPL")),
    ("Relief supplies from Turkey reached Syria.", ("AID", "TUR", "SYR")),
    # the object of 'accused/thanked/stopped Y of/for/from V-ing' did V
    ("Seoul accused Pyongyang of firing artillery across the border.", ("ASSAULT", "PRK", None)),
    ("Russia criticised the United States for imposing sanctions on Iran.", ("SANCTION", "USA", "IRN")),
    ("Japan thanked China for sending aid to Nepal.", ("AID", "CHN", "NPL")),
    # ... also of a punishment: 'arrested Y for V-ing' (the arrest's reason is Y's act, not the police's)
    ("Police in Mali arrested six members of Ansar Dine for kidnapping a Malian girl.", ("ASSAULT", "MLI", "MLI")),
    # coordinated passives share their subject and their 'by' phrase; an active verb with an object,
    # coordinated with a passive, is done by the passive's subject
    ("The soldier was shot and killed by rebels in Aceh.", ("ASSAULT", "IDN", "IDN")),
    ("The Iranian diplomat was arrested and expelled by Germany.", ("COERCE", "DEU", "IRN")),
    ("Afghan President Hamid Karzai was briefed on the attack and ordered security forces to guard the area.",
     ("REQUEST", "AFG", "AFG")),
    # ordering others' troops to go is a request, ordering troops into a place mobilises them
    ("The Iraqi government ordered U.S. troops to leave the country.", ("REQUEST", "IRQ", "USA")),
    ("Russia ordered troops into Chechnya.", ("MOBILIZE", "RUS", "RUS")),
    # forces crossing into or entering a country
    ("Rwandan troops crossed into eastern Congo to hunt Hutu militias.", ("MOBILIZE", "RWA", "COD")),
    ("Syrian troops entered Lebanon in 1976.", ("MOBILIZE", "SYR", "LBN")),
    # a warning of one's own force, however it is put; captives handed over are released
    ("North Korea warned that it would turn Seoul into a sea of fire.", ("THREATEN", "PRK", "KOR")),
    ("The Serbs handed over 20 U.N. peacekeepers they had seized.", ("RETREAT", "SRB", "IGO")),
    # aid for helping: whom the help is for; a place taken from someone is taken from them
    ("Japan pledged $500 million to help rebuild Afghanistan.", ("AGREE", "JPN", "AFG")),
    ("The World Bank approved a $100 million loan to help Kenya fight drought.", ("AID", "IGO", "KEN")),
    ("Croatian forces recaptured the Krajina region from rebel Serbs.", ("ASSAULT", "HRV", "SRB")),
    # two names sharing their last word
    ("Two days of talks between North and South Korea ended without agreement.", ("CONSULT", "PRK", "KOR")),
    # a day between subject and verb, which the parser then leaves without subject
    ("Pakistan yesterday test-fired a ballistic missile.", ("MOBILIZE", "PAK", None)),
    ("Egypt yesterday expelled two Iranian diplomats.", ("SANCTION", "EGY", "IRN")),
    # a possessive on what is attacked or violated is not the attacker's: it is the reporter's
    ("Syria said Israel had violated its sovereignty.", ("REJECT", "ISR", "SYR")),
    ("Pakistan said Indian troops had killed five of its soldiers.", ("ASSAULT", "IND", "PAK")),
    # a protest with no one named is aimed at whoever did what it answers
    ("China protested after Japanese Prime Minister Junichiro Koizumi visited the Yasukuni shrine.",
     ("ACCUSE", "CHN", "JPN")),
    # a group fighting in two countries is the one's where it is fought
    ("Jordanian jets bombed Islamic State targets in Syria.", ("ASSAULT", "JOR", "SYR")),
    ("U.S. aircraft bombed Islamic State positions near Mosul.", ("ASSAULT", "USA", "IRQ")),
    # what someone holds, owns or mans is theirs
    ("Croatian troops attacked a checkpoint manned by Serb police.", ("ASSAULT", "HRV", "SRB")),
    ("Rioters torched Chinese-owned shops in Jakarta.", ("ASSAULT", "IDN", "CHN")),
    # a reciprocal object: the subjects act on each other; help is for whom it lets act
    ("Pakistan and Afghanistan accused each other of harbouring militants.", ("ACCUSE", "PAK", "AFG")),
    ("India and China blamed one another for the clash.", ("ACCUSE", "IND", "CHN")),
    ("India offered to help Nepal rebuild after the earthquake.", ("AGREE", "IND", "NPL")),
    ("Russia helped Syria rebuild its army.", ("AID", "RUS", "SYR")),
    # a common noun the parser coordinates inside an 'of' phrase is coordinated with its head
    ("The government of Sierra Leone and Revolutionary United Front rebels signed a peace accord in Lome.",
     ("SUPPORT", "SLE", "SLE")),
    # rebels coordinated with a government, parsed as its modifier, are of its country
    ("The Philippine government and communist rebels began a new round of peace talks in Oslo.",
     ("CONSULT", "PHL", "PHL")),
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
    # a list the parser reads as an apposition with its own conjuncts
    ("Mexico, Brazil and the oil-rich Venezuela welcomed the agreement with Cuba.", ("SUPPORT", "BRA", "CUB")),
    ("Mexico, Brazil and the oil-rich Venezuela welcomed the agreement with Cuba.", ("SUPPORT", "VEN", "CUB")),
    ("The two Koreas agreed to resume family reunions.", ("AGREE", "PRK", "KOR")),
    # an act named by a noun's infinitive is its owner's, not the outer clause subject's
    ("France criticised Mali's decision to expel the French ambassador.", ("SANCTION", "MLI", "FRA")),
    ("France criticised the decision by Mali to expel the French ambassador.", ("SANCTION", "MLI", "FRA")),
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
    # a threat is aimed at whoever must meet its condition
    ("Russia threatened to cut gas supplies if Ukraine does not pay its debts.", ("THREATEN", "RUS", "UKR")),
    ("Iran threatened retaliation if Israel attacks.", ("THREATEN", "IRN", "ISR")),
    ("Turkey threatened military action unless Syria expels the militants.", ("THREATEN", "TUR", "SYR")),
    # a refusal despite pressure is aimed at whoever pressed
    ("Pakistan declined to extradite the suspect despite demands by India.", ("REJECT", "PAK", "IND")),
    ("Israel rejected the plan despite Washington's objections.", ("REJECT", "ISR", "USA")),
    ("Iran rejected the proposal despite calls from the European Union.", ("REJECT", "IRN", "IGO")),
    # the parties to clashes between them face each other, not the place where they clashed
    ("Clashes erupted between Israeli police and Palestinian protesters in Jerusalem.", ("ASSAULT", "ISR", "PSE")),
    # pulling out of a country is a retreat from it; out of talks or a treaty, a sanction
    ("The Yugoslav army pulled out of Slovenia after a ten-day war.", ("RETREAT", "SRB", "SVN")),
    ("The United States pulled out of the treaty with Russia.", ("SANCTION", "USA", "RUS")),
    # 'took part in' an event joins it
    ("Thai troops took part in a joint military exercise with US forces.", ("COOPERATE", "THA", "USA")),
    ("Thousands of students took part in a protest against the government in Dhaka.", ("PROTEST", "BGD", "BGD")),
    # a family name of one country gives that country ('Bush' was two presidents)
    ("Bush criticised Iran over its nuclear programme.", ("ACCUSE", "USA", "IRN")),
    # idioms
    ("Iraq gave the green light to the return of UN inspectors.", ("SUPPORT", "IRQ", "IGO")),
    ("Colombia turned its back on the peace talks with the ELN.", ("REJECT", "COL", "COL")),
    ("Iraqi forces rolled into Kuwait on August 2, 1990.", ("ASSAULT", "IRQ", "KWT")),
    ("Israel came under criticism from France for the raid.", ("ACCUSE", "FRA", "ISR")),
    ("Iran and Iraq exchanged the remains of soldiers killed in their war.", ("COOPERATE", "IRN", "IRQ")),
    ("Britain pressed Argentina for talks on the Falklands.", ("REQUEST", "GBR", "ARG")),
    # people an act reaches belong where the act happens, not to whoever acts
    ("Japan sent relief supplies to earthquake victims in Turkey.", ("AID", "JPN", "TUR")),
    # what a letter or a call asks is asked of its addressee
    ("The rebels sent a letter to the United Nations asking for mediation.", ("REQUEST", None, "IGO")),
    ("Arafat sent a letter to the Israeli prime minister demanding an end to the closure.", ("REQUEST", "PSE", "ISR")),
    ("The king telephoned the Syrian president urging restraint.", ("REQUEST", None, "SYR")),
    ("Mubarak wrote to Netanyahu urging him to halt settlement building.", ("REQUEST", "EGY", "ISR")),
    # people seized by gunmen or rebels are abducted, by a state's forces detained
    ("Gunmen seized two German aid workers in southern Somalia.", ("ASSAULT", "SOM", "DEU")),
    ("Militants captured two Israeli soldiers in a cross-border raid.", ("ASSAULT", None, "ISR")),
    ("Iranian forces detained 15 British sailors in the Gulf.", ("COERCE", "IRN", "GBR")),
    ("Jewish settlers attacked a Palestinian village near Nablus on Tuesday.", ("ASSAULT", "ISR", "PSE")),
    # the weapon of a 'when' clause names who used it; a blast tearing through a place happened there
    ("Three Turkish soldiers were killed when their vehicle hit a mine planted by PKK guerrillas.",
     ("ASSAULT", "TUR", "TUR")),
    ("Two Israeli soldiers were wounded when a roadside bomb planted by Hezbollah exploded.", ("ASSAULT", "LBN", "ISR")),
    ("An explosion ripped through a market in Karachi, killing at least 30 people.", ("ASSAULT", "PAK", "PAK")),
    # a border names neither side as the place of force; fire across it goes to the other side
    ("Liberian rebels overran a town near the Guinean border.", ("ASSAULT", "LBR", None)),
    ("Indian troops fired across the Pakistani border.", ("ASSAULT", "IND", "PAK")),
    ("Lithuania held military exercises near its border with Russia.", ("MOBILIZE", "LTU", "RUS")),
    # forces evacuating a place withdraw from it; evacuating people is help
    ("Armenian forces evacuated Shusha.", ("RETREAT", "ARM", None)),
    ("The army evacuated villagers from the border area.", ("AID", None, None)),
    ("French troops evacuated foreigners from Kigali.", ("AID", "FRA", "RWA")),
    # an object the parser hangs on a particle; the source's own troops leave the place as target
    ("Israel sealed off the West Bank and Gaza Strip after the bombing.", ("COERCE", "ISR", "PSE")),
    ("Syria reinforced its troops in the Bekaa Valley.", ("MOBILIZE", "SYR", "LBN")),
    # accepting a resolution or a truce is agreeing to it, with whoever issued it
    ("Iraq accepted UN Security Council Resolution 687.", ("AGREE", "IRQ", "IGO")),
    # a noun event's 'to' phrase that the parser hangs on its verb as a dative
    ("Indonesia granted amnesty to Acehnese rebels.", ("CONCEDE", "IDN", "IDN")),
    # where a statement was issued is not where the act happened
    ("In a statement released in Nicosia, the PLO denied involvement in the hijacking.", ("REJECT", "PSE", None)),
    # a state's decision or plan to act is that state's act, whoever speaks of it
    ("Iran denounced the French decision to grant asylum to an Iranian opposition leader.", ("AID", "FRA", "IRN")),
    ("Iraq condemned the U.S. plan to bomb its air defences.", ("THREATEN", "USA", "IRQ")),
    # a mobilisation is aimed at whoever is across the border, not at the forces it moves
    ("Peru's army put troops on alert along the border with Ecuador.", ("MOBILIZE", "PER", "ECU")),
    ("India reinforced its troops along the border with Pakistan.", ("MOBILIZE", "IND", "PAK")),
    ("Niger mobilised 1,200 regular forces for the offensive.", ("MOBILIZE", "NER", None)),
    # revenge is aimed at whoever did the avenged act; coordinated nationalities in text order
    ("Hamas vowed to avenge the assassination of its leader by Israeli helicopters.", ("THREATEN", "PSE", "ISR")),
    ("Iran vowed to avenge Israel's attack on its consulate.", ("THREATEN", "IRN", "ISR")),
    ("Indian and Pakistani forces fought a fierce battle on the Siachen glacier.", ("ASSAULT", "IND", "PAK")),
    # inspections and inquiries: who set them up or was sent, aimed where they are done
    ("A U.N. team arrived in Baghdad on Monday to inspect suspected weapons sites.", ("ACCUSE", "IGO", "IRQ")),
    ("The IAEA sent inspectors to North Korea to examine its nuclear facilities.", ("ACCUSE", "IGO", "PRK")),
    ("The U.N. Human Rights Commission appointed a special rapporteur to investigate abuses in Burma.",
     ("ACCUSE", "IGO", "MMR")),
    ("A Russian parliamentary commission began investigating the conduct of the war in Chechnya.",
     ("ACCUSE", "RUS", "RUS")),
    # passives: a 'by' the parser hangs on the complement; a gathering's members convene it
    ("A British diplomat was declared persona non grata by the Russian government.", ("SANCTION", "RUS", "GBR")),
    ("An emergency meeting of the Arab League was convened in Cairo.", ("CONSULT", "IGO", "EGY")),
    ("Indonesia banned three news magazines for criticizing the government.", ("COERCE", "IDN", "IDN")),
    # a first phrase the parser hangs on the second as a modifier, 'and' and all, is coordinated
    ("The Philippines and Muslim rebels reached a peace agreement.", ("SUPPORT", "PHL", "PHL")),
    ("The Colombian government and FARC rebels resumed peace talks in Havana.", ("CONSULT", "COL", "COL")),
    # a cooperation agreement is no military actor; a place's holder is whom force against it is aimed at
    ("Turkey and Israel signed a military cooperation agreement.", ("SUPPORT", "TUR", "ISR")),
    ("Croatian forces launched an offensive against Serb-held Krajina.", ("ASSAULT", "HRV", "SRB")),
    # a place another country's province once had as its name: the country named decides
    ("Pretoria lifted the state of emergency in Natal province.", ("CONCEDE", "ZAF", "ZAF")),
    # names whose reading ambiguous.tsv settles, though no other file lists them ('Kashmiri', 'Punjab')
    ("Kashmiri separatists attacked an Indian army post.", ("ASSAULT", "IND", "IND")),
    ("Sikh militants killed 15 Hindus on a bus in Punjab.", ("ASSAULT", "IND", "IND")),
    ("Czechoslovakia expelled two Soviet diplomats.", ("SANCTION", "CZE", "RUS")),
    # 'Indian' in Guatemala is indigenous, not India's
    ("Guatemalan soldiers massacred Indian peasants in the highlands.", ("ASSAULT", "GTM", "GTM")),
    # Cold War groups and outlets
    ("Phalangist militiamen killed hundreds of Palestinians in the Sabra and Shatila camps.",
     ("ASSAULT", "LBN", "PSE")),
    ("Pravda attacked the Chinese leadership for its policy toward Vietnam.", ("ACCUSE", "RUS", "CHN")),
    ("The Red Brigades kidnapped former Italian Prime Minister Aldo Moro.", ("ASSAULT", "ITA", "ITA")),
    ("Afghan Mujahedeen fired rockets at Kabul airport.", ("ASSAULT", "AFG", "AFG")),
    # a threat's target in the announced act; 'could' announces one too; 'thousands of troops' are troops
    ("Pakistan warned that it would respond to any Indian nuclear test.", ("THREATEN", "PAK", "IND")),
    ("Beijing hinted it could use force against Taiwan.", ("THREATEN", "CHN", "TWN")),
    ("Thousands of Iraqi troops massed near the Kuwaiti border.", ("MOBILIZE", "IRQ", "KWT")),
    ("Ukraine strengthened its military presence on the Crimean peninsula.", ("MOBILIZE", "UKR", None)),
    # 'the safe area of X' is X; what belongs to someone is theirs; documented abuses accuse their doer
    ("Serb forces overran the U.N. safe area of Srebrenica.", ("ASSAULT", "SRB", "BIH")),
    ("Swiss authorities froze bank accounts belonging to former Philippine President Ferdinand Marcos.",
     ("SANCTION", "CHE", "PHL")),
    ("Amnesty International documented the torture of prisoners by Turkish police.", ("ACCUSE", "NGO", "TUR")),
    # aid is for whom its purpose names; an institution right before 'in X' is X's
    ("Saudi Arabia donated 100 million dollars to rebuild Lebanon.", ("AID", "SAU", "LBN")),
    ("Iran recognised the new government in Afghanistan.", ("SUPPORT", "IRN", "AFG")),
    # a sentence the parser finds no verb in: its participle is the main verb, its first complement the object
    ("North Korea's official news agency called South Korean President Kim Young-sam a traitor.",
     ("ACCUSE", "PRK", "KOR")),
    # an urged extradition is asked of the state that holds the person
    ("Turkey urged the extradition of Ocalan from Italy.", ("REQUEST", "TUR", "ITA")),
    # promised aid is for whom its purpose names, as given aid is
    ("Saudi Arabia pledged $1 billion to rebuild Lebanon.", ("AGREE", "SAU", "LBN")),
    # a headline's passive has no 'be': the subject of a verb that always takes an object is its victim
    ("Five Palestinians killed in Israeli raid on Gaza.", ("ASSAULT", "ISR", "PSE")),
    ("Opposition leader detained in Minsk.", ("COERCE", "BLR", "BLR")),
    ("Ten demonstrators detained during a protest in Moscow were released.", ("COERCE", "RUS", "RUS")),
    # the executed are people of the country; what they were charged with names nobody
    ("Iran executed two men.", ("ASSAULT", "IRN", "IRN")),
    ("Iran executed two men convicted of spying for Israel.", ("ASSAULT", "IRN", "IRN")),
    # a spokesman for an institution that names its country
    ("The deputy spokesman for Pakistan's foreign ministry rejected the accusations.", ("REJECT", "PAK", None)),
    # a particle read as a preposition still carries the object; closing universities restricts
    ("Indonesian troops sealed off the town of Dili.", ("COERCE", "IDN", "TLS")),
    ("Iranian revolutionary guards seized a British ship in the Gulf.", ("COERCE", "IRN", "GBR")),
    # fire comes from where it was launched, or from whoever the weapon's participle names; 'fired' is no fire
    ("Rockets were fired at the Israeli town of Kiryat Shmona from southern Lebanon.", ("ASSAULT", "LBN", "ISR")),
    ("Katyusha rockets were fired at northern Israel from Lebanon.", ("ASSAULT", "LBN", "ISR")),
    ("Shells fired by Serb forces hit a market in Sarajevo.", ("ASSAULT", "SRB", "BIH")),
    # violence with its attacker unnamed happened where its victims were, or in its 'when' clause
    ("A car bomb killed 20 people in Baghdad on Sunday.", ("ASSAULT", "IRQ", "IRQ")),
    ("Five policemen were killed when their vehicle hit a landmine in southeastern Turkey.",
     ("ASSAULT", "TUR", "TUR")),
    ("The Israeli embassy in Buenos Aires was destroyed by a car bomb.", ("ASSAULT", "ARG", "ISR")),
    # the city an accord is named after is no party to it
    ("China ratified the Paris Agreement on climate change.", ("SUPPORT", "CHN", None)),
    ("The Angolan government accused UNITA of violating the Lusaka peace accord.", ("REJECT", "AGO", None)),
    # a person's title names the country of the office ('Soviet Foreign Minister' before Georgia's presidency)
    ("James Baker met Soviet Foreign Minister Eduard Shevardnadze in Moscow.", ("CONSULT", "USA", "RUS")),
    # a known person or body of one country settles an ambiguous name ('Kurdish' with Tansu Ciller)
    ("Prime Minister Tansu Ciller vowed to crush the Kurdish rebellion.", ("THREATEN", "TUR", "TUR")),
    # a force that 'began leaving' leaves; a patrol or convoy named 'military' is the military's
    ("Soviet troops began leaving Afghanistan.", ("RETREAT", "RUS", "AFG")),
    ("Israeli troops started leaving southern Lebanon.", ("RETREAT", "ISR", "LBN")),
    ("Filipino communist rebels ambushed a military patrol.", ("ASSAULT", "PHL", "PHL")),
    ("Filipino communist rebels ambushed a military convoy.", ("ASSAULT", "PHL", "PHL")),
    ("Gunmen of the PFLP-GC attacked an Israeli patrol.", ("ASSAULT", "PSE", "ISR")),
    # a passive killing's weapon names its users: 'a bomb planted by X', 'a grenade thrown by X'
    ("Two Israeli soldiers were killed by a roadside bomb planted by Hezbollah guerrillas in southern Lebanon.",
     ("ASSAULT", "LBN", "ISR")),
    ("An Israeli soldier was killed by a grenade thrown by a Palestinian youth.", ("ASSAULT", "PSE", "ISR")),
    # a hyphenated pair of countries names both parties of a meeting, a treaty or fighting
    ("Israeli-Syrian talks resumed in Washington.", ("CONSULT", "ISR", "SYR")),
    ("Kuwait-Iraq border talks ended without agreement.", ("CONSULT", "KWT", "IRQ")),
    ("The Egyptian-Israeli peace treaty was signed in 1979.", ("SUPPORT", "EGY", "ISR")),
    ("Iraqi-Iranian fighting flared on the southern front.", ("ASSAULT", "IRQ", "IRN")),
    ("Guinea-Bissau accused Senegal of backing rebels.", ("ACCUSE", "GNB", "SEN")),
    # combining forms are countries only as half of a pair ('Franco' alone is a surname)
    ("Sino-Soviet talks resumed in Moscow.", ("CONSULT", "CHN", "RUS")),
    ("Indo-Pakistani talks on Kashmir ended without agreement.", ("CONSULT", "IND", "PAK")),
    ("Anglo-Irish talks on Northern Ireland resumed in London.", ("CONSULT", "GBR", "IRL")),
    ("Franco-German cooperation was strengthened.", ("COOPERATE", "FRA", "DEU")),
    # 'declared X persona non grata' read as a verbless clause: its subject is the one expelled
    ("Jordan declared the Syrian diplomat persona non grata.", ("SANCTION", "JOR", "SYR")),
    # 'came under fire from X' is X's attack; 'came under fire for ...' names no one firing
    ("Israeli positions in southern Lebanon came under rocket fire from Hezbollah guerrillas.",
     ("ASSAULT", "LBN", "ISR")),
    ("Kuwaiti tankers came under attack from Iranian gunboats.", ("ASSAULT", "IRN", "KWT")),
    ("Iraqi planes hit an Iranian oil platform in the Gulf.", ("ASSAULT", "IRQ", "IRN")),
    # driving back forces, mining waters, postponing a visit
    ("Iranian troops drove back Iraqi forces east of Basra.", ("ASSAULT", "IRN", "IRQ")),
    ("Israel postponed the visit of the Egyptian foreign minister.", ("REJECT", "ISR", "EGY")),
    # messages and letters sent or delivered, words exchanged
    ("Mubarak sent a message to Assad urging reconciliation.", ("CONSULT", "EGY", "SYR")),
    ("Israel and Egypt exchanged letters on the autonomy talks.", ("CONSULT", "ISR", "EGY")),
    ("The United States and Iran exchanged harsh words at the United Nations.", ("ACCUSE", "USA", "IRN")),
    # a force cited as the source ('according to the Israeli army') is the one it reports on
    ("According to the Israeli army, troops shot and wounded two Palestinians.", ("ASSAULT", "ISR", "PSE")),
    # whoever speaks 'after talks with X' held them
    ("Mubarak, speaking after talks with Assad, said Egypt and Syria had agreed to restore relations.",
     ("CONSULT", "EGY", "SYR")),
    # an envoy recalled is called home by his own state, whose capital is no target
    ("Israel's ambassador to Egypt was recalled to Jerusalem for consultations.", ("SANCTION", "ISR", "EGY")),
    ("The Libyan envoy was recalled from London.", ("SANCTION", "LBY", "GBR")),
    # the country across a border is nobody's home: Karen rebels near the Thai border are Burmese
    ("Burmese troops attacked Karen rebel camps near the Thai border.", ("ASSAULT", "MMR", "MMR")),
    # dissolving a legislature or suspending the constitution
    ("President Alberto Fujimori dissolved Congress and suspended the constitution.", ("COERCE", "PER", "PER")),
    ("The Pakistani army suspended the constitution after the coup.", ("COERCE", "PAK", "PAK")),
    # ordering an expulsion expels; a titled minister takes no country from the people he acts on
    ("France ordered the expulsion of two Iranian diplomats.", ("SANCTION", "FRA", "IRN")),
    ("Interior Minister Charles Pasqua ordered the expulsion of 20 Algerians.", ("SANCTION", None, "DZA")),
    # the Secretary-General is no general, and unqualified the UN's
    ("A U.N. spokesman said the Secretary-General had asked Iraq to cooperate with inspectors.",
     ("REQUEST", "IGO", "IRQ")),
    # 'the island of X' is a place even when the tagger calls X an organisation
    ("Government troops and Moslem separatists fought a gunbattle on the southern island of Jolo.",
     ("ASSAULT", "PHL", "PHL")),
    ("Iraqi gunners fired on U.S. jets patrolling the northern no-fly zone.", ("ASSAULT", "IRQ", "USA")),
    # the people an act is done to say nothing of the actor; the holder named with them still counts
    ("The opposition demanded the release of political prisoners held by the military government of Myanmar.",
     ("REQUEST", "MMR", "MMR")),
    # what demonstrators do 'in protest against X' is a protest against X
    ("Greek Cypriot demonstrators tried to cross the buffer zone in a protest against the Turkish occupation.",
     ("PROTEST", "CYP", "TUR")),
    # the tagger marks only 'Mazar' of the hyphenated name
    ("Taliban militia fired rockets at the northern city of Mazar-i-Sharif.", ("ASSAULT", "AFG", "AFG")),
    # whom a government lets in is the target, not the place it lets them into
    ("The Sudanese government refused to allow UN peacekeepers into Darfur.", ("REJECT", "SDN", "IGO")),
    ("Israel allowed Red Cross officials into the Gaza Strip.", ("CONCEDE", "ISR", "NGO")),
    # parties agreeing to meet meet each other, wherever they meet
    ("Ecuador and Peru have agreed to hold talks in Brasilia next month.", ("AGREE", "ECU", "PER")),
    # 'of torturing' hung on 'groups' is no 'group of' people: the groups accuse
    ("The Indonesian army has been accused by human rights groups of torturing detainees in East Timor.",
     ("ACCUSE", None, "IDN")),
    # 'government' is coordinated with 'Zapatista rebels', not a modifier of 'rebels'
    ("Mexico's government and Zapatista rebels resumed peace talks in Chiapas.", ("CONSULT", "MEX", "MEX")),
    # a claimed attack is aimed at whom it killed; hostages are the victims, their nationality theirs
    ("Hamas claimed responsibility for the suicide bombing that killed 19 Israelis in Tel Aviv.",
     ("ASSAULT", "PSE", "ISR")),
    ("Iraqi militants seized three Japanese hostages in Fallujah.", ("ASSAULT", "IRQ", "JPN")),
    ("Ugandan rebels abducted 30 schoolchildren from a school.", ("ASSAULT", "UGA", "UGA")),
    # 'they' in what unknown actors report is the reporters
    ("In a statement issued in Nairobi, the rebels said they had shot down a Sudanese air force plane.",
     ("ASSAULT", None, "SDN")),
    # what was done to the object of a plan is no part of the plan
    ("The two Koreas agreed on Friday to reopen a hotline that had been cut off for two years.",
     ("AGREE", "PRK", "KOR")),
    # an object relative clause acts on the noun it is on
    ("The Cuban government on Friday expelled a U.S. diplomat it accused of spying.", ("ACCUSE", "CUB", "USA")),
    ("Troops patrolled the West Bank, which Israel annexed in 1967.", ("COERCE", "ISR", "PSE")),
    # victims 'killed in a clash with X' or 'in an attack by X' were killed by X
    ("Two Turkish soldiers were killed in a clash with PKK rebels.", ("ASSAULT", "TUR", "TUR")),
    ("Three Indian policemen were killed in an attack by Pakistani militants.", ("ASSAULT", "PAK", "IND")),
    # what a rally is held for names its target before the city it is held in
    ("Japanese fishermen held a rally in Tokyo to protest against South Korea's claim to the islands.",
     ("PROTEST", "JPN", "KOR")),
    ("Moscow voiced strong opposition to NATO's plans to expand eastward.", ("ACCUSE", "RUS", "IGO")),
    # 'talks with visiting President X', parsed as a gerund 'visiting' X: X is the guest talked with
    ("Chinese President Hu Jintao held talks with visiting Venezuelan President Hugo Chavez in Beijing.",
     ("CONSULT", "CHN", "VEN")),
    # parties agreeing on something that is no country's act on each other
    ("Thailand and Cambodia agreed to withdraw their troops from the disputed temple area.", ("AGREE", "THA", "KHM")),
    # not accepting something is rejecting it
    ("Serbia does not accept the independence of Kosovo.", ("REJECT", "SRB", "XKX")),
    # 'charged Y with violating': Y violated, as in 'accused Y of violating'
    ("Pakistan charged India with violating its airspace.", ("REJECT", "IND", "PAK")),
    # a force leaving its own barracks leaves the place they are in
    ("Yugoslav federal troops withdrew from their barracks in Slovenia.", ("RETREAT", "SRB", "SVN")),
    ("RUF rebels in Sierra Leone released 30 U.N. peacekeepers.", ("RETREAT", "SLE", "IGO")),
    ("Guerrillas dynamited an oil pipeline in northern Colombia.", ("ASSAULT", "COL", "COL")),
    # words and comparisons that condemn
    ("Libya described the American raid as state terrorism.", ("ACCUSE", "LBY", "USA")),
    ("Syria likened Israeli policy in Lebanon to Nazi tactics.", ("ACCUSE", "SYR", "ISR")),
    ("India questioned Pakistan's commitment to peace.", ("ACCUSE", "IND", "PAK")),
    ("Chinese leaders attacked the Dalai Lama as a splittist.", ("ACCUSE", "CHN", "CHN")),
    ("Iran filed a complaint against Iraq with the United Nations.", ("ACCUSE", "IRN", "IRQ")),
    ("FW de Klerk lifted the ban on the ANC.", ("CONCEDE", "ZAF", "ZAF")),
    ("Gunmen mowed down 12 Hindu bus passengers in Punjab.", ("ASSAULT", "IND", "IND")),
    ("Palestinians firebombed an Israeli bus in the West Bank.", ("ASSAULT", "PSE", "ISR")),
    ("Serb forces rained shells on Sarajevo.", ("ASSAULT", "SRB", "BIH")),
    ("Police swooped on a rebel hideout in Lima.", ("COERCE", "PER", "PER")),
    ("The Israeli army clamped a curfew on the West Bank town of Nablus.", ("COERCE", "ISR", "PSE")),
    ("Chile's military government shut down an opposition magazine.", ("COERCE", "CHL", "CHL")),
    # where a burned effigy stands is not what burns
    ("Students burned an effigy of President Reagan outside the U.S. embassy in Manila.", ("PROTEST", None, "USA")),
    ("The World Bank cut off credit to Kenya.", ("SANCTION", "IGO", "KEN")),
    ("Iran sent home the Saudi ambassador.", ("SANCTION", "IRN", "SAU")),
    ("The United States placed Syria on its list of states sponsoring terrorism.", ("SANCTION", "USA", "SYR")),
    # a target of no country is the country where it happens
    ("The United States announced new aid for refugees in Pakistan.", ("AID", "USA", "PAK")),
    # a summons names its summoner by where one is summoned to
    ("The Iraqi ambassador was summoned to the Foreign Ministry in Tehran.", ("ACCUSE", "IRN", "IRQ")),
    ("Said Musa, a senior aide to Arafat, rejected the Israeli proposal.", ("REJECT", "PSE", "ISR")),
    # undated, 'the rebel SPLA' is Sudan's rebel army, not South Sudan's army
    ("A spokesman for the rebel Sudan People's Liberation Army said its forces had shot down a government plane.",
     ("ASSAULT", "SDN", "SDN")),
    # the object of a coordinated verb shares the first verb's subject's country
    ("Rwandan rebels crossed from Uganda and attacked government troops in the north.", ("ASSAULT", "RWA", "RWA")),
    ("Israel and Jordan initialed a peace treaty.", ("SUPPORT", "ISR", "JOR")),
    ("Syria and Iraq patched up their differences.", ("AGREE", "SYR", "IRQ")),
    ("The Peruvian government conceded to the strikers' demands.", ("CONCEDE", "PER", "PER")),
    # threats: an ultimatum given to someone, a price to be paid, a reply warned of, a right reserved
    ("Turkey gave Syria an ultimatum to expel PKK leader Abdullah Ocalan.", ("THREATEN", "TUR", "SYR")),
    ("Syria said Israel would pay dearly for its raid.", ("THREATEN", "SYR", "ISR")),
    ("Pakistan warned of a fitting reply to any Indian aggression.", ("THREATEN", "PAK", "IND")),
    ("Israel reserved the right to strike Iranian nuclear sites.", ("THREATEN", "ISR", "IRN")),
    ("Thousands of Kashmiris defied a curfew to protest Indian rule.", ("PROTEST", "IND", "IND")),
    ("France sent a contingent of paratroopers to Chad.", ("MOBILIZE", "FRA", "TCD")),
    # easing a state's own restrictions is aimed at its own country, as repression is
    ("The South African government lifted the state of emergency.", ("CONCEDE", "ZAF", "ZAF")),
    ("Poland's military rulers suspended martial law.", ("CONCEDE", "POL", "POL")),
    # forces withdrawn without a named agent are withdrawn by their own state
    ("The last Cuban soldiers have been withdrawn from Angola.", ("RETREAT", "CUB", "AGO")),
    ("Libyan troops retreated from the Aouzou Strip.", ("RETREAT", "LBY", "TCD")),
    ("Morocco returned 200 Algerian prisoners.", ("RETREAT", "MAR", "DZA")),
    ("Serbia dismantled its roadblocks around Sarajevo.", ("RETREAT", "SRB", "BIH")),
    ("Tamil guerrillas surrendered their weapons to the Indian peacekeeping force.", ("RETREAT", "LKA", "IND")),
    # 'to have massed troops', which the parser reads as an adjective on the troops
    ("Iraq was reported to have massed troops on the Kuwaiti border.", ("MOBILIZE", "IRQ", "KWT")),
    ("Iraq appears to have massed troops near Kuwait.", ("MOBILIZE", "IRQ", "KWT")),
    # what is sent belongs to who sends it; who is given something receives it
    ("Israeli jets were sent to bomb Palestinian bases in Lebanon.", ("AID", "ISR", "PSE")),
    ("GM and Chrysler were given loans worth US$ 17.4 billion from the government.", ("AID", None, "USA")),
    # a state's measures and releases with no agent named are the authorities' of the place
    ("The curfew in Kashmir was lifted.", ("CONCEDE", "IND", "IND")),
    ("Political prisoners were freed in Kenya.", ("RETREAT", "KEN", "KEN")),
    # an envoy summoned is summoned by the host, and given its protest
    ("The Soviet ambassador was summoned to protest the shooting down of the airliner.", ("ACCUSE", None, "RUS")),
    ("Britain's ambassador was summoned to the Foreign Ministry and handed a protest note.", ("ACCUSE", None, "GBR")),
    # the subject of a passive relative clause is the noun it describes
    ("The PLO, which was expelled from Lebanon in 1982, moved its headquarters to Tunis.", ("COERCE", "LBN", "PSE")),
    ("The war began with the repression of protests by President Bashar Assad, who is supported by Iran.",
     ("SUPPORT", "IRN", "SYR")),
    ('"We will not allow the Zionists to occupy our land," Syrian Defense Minister Mustafa Tlass said.',
     ("REJECT", "SYR", "ISR")),
    # pressure put on a state to act is a request of it; what it is asked to do is not done
    ("Britain put pressure on South Africa to release Nelson Mandela.", ("REQUEST", "GBR", "ZAF")),
    ("China exerted pressure on North Korea.", ("REQUEST", "CHN", "PRK")),
    ("Afghan government troops fended off a rebel assault on Jalalabad.", ("ASSAULT", "AFG", "AFG")),
    ("The Iraqi army beat off an Iranian attack near Basra.", ("ASSAULT", "IRQ", "IRN")),
    # a denial of any role, stated as a clause
    ("Syria denied it had any role in the bombing.", ("REJECT", "SYR", None)),
    ("Libya denied that it played any part in the Lockerbie bombing.", ("REJECT", "LBY", None)),
    ("Jordan expressed reservations about the American peace plan.", ("ACCUSE", "JOR", "USA")),
    ("Iraq ignored the U.N. deadline to withdraw from Kuwait.", ("REJECT", "IRQ", "IGO")),  # who set it
    # what a crowd does right after the people a verb acts on is the crowd's
    ("Indian police fired on Sikh demonstrators protesting the visit of the British prime minister.",
     ("PROTEST", "IND", "GBR")),
    ("Israeli police arrested Arab Israelis protesting the killing of Palestinians in Gaza.",
     ("PROTEST", "ISR", "PSE")),
    # where a group was trained is not where it is from
    ("Philippine troops killed Moslem rebels trained in Libya.", ("ASSAULT", "PHL", "PHL")),
    # an act noun's doer is its 'by' phrase, also when the parser hangs it on the victims or the place
    ("The massacre of Palestinians in the Sabra and Shatila camps by Phalangist militiamen provoked outrage.",
     ("ASSAULT", "LBN", "PSE")),
    # (and the 108 killed are the Libyan airliner's: the same attackers' victims)
    ("The downing of a Libyan airliner by Israeli jets killed 108 people.", ("ASSAULT", "ISR", "LBY")),
    ("The assassination of Indira Gandhi by her Sikh bodyguards shocked India.", ("ASSAULT", "IND", "IND")),
    ("The expulsion of 20 Soviet diplomats from Britain angered Moscow.", ("SANCTION", "GBR", "RUS")),
    ("Algeria acted as an intermediary between Iran and the United States.", ("CONSULT", "DZA", "IRN")),
    ("The Arab League called off its boycott of Egypt.", ("RETREAT", "IGO", "EGY")),
    # an expressed or signalled willingness is an intention, aimed at the partner of what is intended
    ("Pakistan expressed willingness to negotiate with India over Kashmir.", ("AGREE", "PAK", "IND")),
    # a warning of what one's own forces would do is a threat to whom it warns
    ("Britain warned Argentina that its fleet would sink any ship entering the zone around the Falklands.",
     ("THREATEN", "GBR", "ARG")),
    ("The Saudi Press Agency said King Fahd had received a message from President Reagan.", ("CONSULT", "USA", "SAU")),
    # a meeting's text speaks for participants the sentence does not name
    ("The communique issued at the end of the summit urged Israel to withdraw from occupied Arab land.",
     ("REQUEST", None, "ISR")),
    # a foreign capital where parties agree or endorse is where they met, not whom the act is for
    ("Malian authorities and Tuareg separatists agreed in Ouagadougou on Tuesday to let government troops return "
     "to Kidal.", ("AGREE", "MLI", "MLI")),
    ("Egypt endorsed the peace plan at a summit in Beirut on Thursday.", ("SUPPORT", "EGY", None)),
    # verbs the parser misreads: an auxiliary before 'suspected', an object read as a predicate, a
    # sentence read as a noun with a noun in apposition
    ("Israeli warplanes raided suspected Hezbollah guerrilla positions in southern Lebanon on Tuesday.",
     ("ASSAULT", "ISR", "LBN")),
    ("Canberra called home its ambassador to France on Wednesday.", ("SANCTION", "AUS", "FRA")),
    ("Dockworkers at the Lenin shipyard in Gdansk downed tools on Monday.", ("PROTEST", "POL", "POL")),
    # force an 'if'/'unless' clause sets a condition for is a threat at whoever must meet it
    ("Israel's defence minister said the army would crush Hamas if rocket fire from Gaza did not stop.",
     ("THREATEN", "ISR", "PSE")),
    ("Iran's navy chief said Tehran could shut the Strait of Hormuz if Washington moved to block its oil exports.",
     ("THREATEN", "IRN", "USA")),
    ("Thatcher said Britain would use force to recover the islands if Argentina did not withdraw its troops.",
     ("THREATEN", "GBR", "ARG")),
    ("The European Commission warned Athens that it could lose structural funds unless it cut its deficit.",
     ("THREATEN", "IGO", "GRC")),
    # a protest at a foreign mission is aimed at its state
    ("About 2,000 Pakistanis massed outside the U.S. consulate in Karachi, chanting anti-American slogans.",
     ("PROTEST", "PAK", "USA")),
    ("Iranian students demonstrated at the British embassy in Tehran.", ("PROTEST", "IRN", "GBR")),
    # whom a promise is made to; what is handed back 'to' a country after the particle
    ("Yasser Arafat promised Warren Christopher that Palestinian police would act against militants.",
     ("AGREE", "PSE", "USA")),
    ("Baghdad handed back to Kuwait on Saturday a first batch of state archives.", ("RETREAT", "IRQ", "KWT")),
    # a force build-up faces the rival the sentence names
    ("Egypt deployed additional troops on its southern border with Sudan on Monday.", ("MOBILIZE", "EGY", "SDN")),
    ("The Eritrean government called up reservists amid rising tension with Ethiopia.", ("MOBILIZE", "ERI", "ETH")),
    ("China massed troops along the coast of Fujian province opposite Taiwan.", ("MOBILIZE", "CHN", "TWN")),
    # a conditional caution is a threat; a complaint is about the subject of its clause
    ("Beijing cautioned Tokyo that relations would suffer if its prime minister visited the shrine again.",
     ("THREATEN", "CHN", "JPN")),
    ("Pakistan complained that Indian troops had violated the Line of Control.", ("ACCUSE", "PAK", "IND")),
    # one actor named twice as the subject ("Mozambique's Renamo rebels") is one party, not two facing each other
    ("Mozambique's Renamo rebels resumed negotiations with government delegates in Rome.",
     ("CONSULT", "MOZ", None)),
    # a sentence read as a name with a participle on it is a clause again
    ("A Beijing court jailed dissident Wei Jingsheng for 14 years on Wednesday.", ("COERCE", "CHN", "CHN")),
    # revenge is taken on someone; what it is taken for is someone else's act
    ("Hamas vowed on Monday to take revenge on Ariel Sharon's government for the assassination of its founder "
     "Sheikh Ahmed Yassin.", ("THREATEN", "PSE", "ISR")),
    ("Hezbollah took revenge on Israel for the assassination of its leader.", ("ASSAULT", "LBN", "ISR")),
    # a place possessed by another is in that one's country
    ("Bahraini Shi'ites staged a sit-in at Manama's Pearl roundabout on Thursday.", ("PROTEST", "BHR", "BHR")),
]


@model
def test_what_revenge_is_taken_for_is_no_act_of_the_avenger(code):
    events = code("Hezbollah took revenge on Israel for the assassination of its leader.").events or []
    assert [(e.type, e.cameo) for e in events] == [("ASSAULT", "190")]


@model
@pytest.mark.parametrize("text, expected", DYAD_CASES, ids=[f"{c[1][0]}:{c[0][:40]}" for c in DYAD_CASES])
def test_who_did_it_to_whom(text, expected, code):
    events = code(text).events or []
    assert expected in dyads(events), dyads(events)


@model
@pytest.mark.parametrize("text, source", [
    # a verb that always takes an object, with none after it, is no headline passive when its object
    # is a number or shared with a coordinated verb
    ("In Iraq, three gunmen killed at least 24 at a market.", "three gunmen"),
    ("Burmese soldiers tortured and beat two monks.", "Burmese soldiers"),
])
def test_no_headline_passive_where_the_object_hides(text, source, code):
    assert source in [event.source.text for event in code(text).events or []]


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
def test_an_unnamed_attacker_is_coded_to_the_place(code):
    """As 'a bombing near X killed ...' is: the country where the violence was, no sector."""
    events = code("Three Iraqi civilians were killed in a car bombing in Baghdad.").events
    assert any(e.type == "ASSAULT" and e.source.country == "IRQ" and e.source.sector is None
               and "violence in 'Baghdad'" in e.source.reason and e.target.country == "IRQ" for e in events)


@model
def test_who_is_made_to_act_acts(code):
    """'hurled stones, prompting police to use rubber pellets': the police fire, not the protesters."""
    events = code("Protesters in Kenya hurled stones, prompting police to use rubber pellets.").events
    assert [(e.source.country, e.source.sector) for e in events if e.type == "ASSAULT"] == [("KEN", "COP")]


@model
@pytest.mark.parametrize("text, target", [
    ("Air strikes in Gaza killed 10 people.", "PSE"),
    ("Ten people were killed in air strikes in Gaza.", "PSE"),
    ("Warplanes bombed rebel positions in Idlib.", "SYR"),
    ("Drone strikes in northern Pakistan killed five militants.", "PAK"),
])
def test_an_unnamed_attack_from_the_air_is_not_the_places_own(text, target, code):
    """Who strikes from the air is seldom of the place struck: the source stays unknown."""
    assert ("ASSAULT", None, target) in dyads(code(text).events)


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
    "The glitch led the pilots to disengage an engine.",
    "Iran used the round of talks to press its case.",
    "Panamanian authorities have come under fire for failing to halt violence.",
    "Trump sent a similar message ahead of the Virginia elections.",
    "The two leaders exchanged a few words before the meeting.",
    "The company mined coal in Wales.",
])
def test_everyday_language_codes_nothing(text, code):
    assert not code(text).events


@model
def test_a_noun_event_named_by_its_verb_is_coded_once(code):
    events = code("Japan imposed sanctions on North Korea.").events
    assert len([e for e in events if e.type == "SANCTION"]) == 1
    events = code("Hezbollah claimed responsibility for a drone attack on northern Israel.").events
    assert len([e for e in events if e.type == "ASSAULT"]) == 1, dyads(events)


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


@model
@pytest.mark.parametrize("text, expected", [
    ("France summoned the Iranian ambassador to protest the arrest of two French journalists.",
     {("ACCUSE", "FRA", "IRN")}),
    ("Japan called in the Chinese ambassador to complain about the harassment of Japanese fishermen.",
     {("ACCUSE", "JPN", "CHN")}),
    ("The Foreign Ministry summoned the Iranian charge d'affaires.", {("ACCUSE", None, "IRN")}),
])
def test_what_is_said_at_a_summons_is_said_to_the_summoned(text, expected, code):
    """Not to the nationals it is about: France accuses Iran, not the French journalists."""
    assert dyads(code(text).events) == expected


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
    class Token:  # a main clause: 'X will impose sanctions' (no announcement around it)
        children = ()
        dep_ = "ROOT"

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


# Broadened vocabulary and constructions: each case asserts the type, the dyad and the flags.
BROADENED_CASES = [
    # accusations and threats pronounced on someone
    ("Baghdad charged that Kuwait was stealing Iraqi oil.", ("ACCUSE", "IRQ", "KWT"), set()),
    ("North Korea called South Korea's president a traitor.", ("ACCUSE", "PRK", "KOR"), set()),
    ('Hugo Chavez called Bush "the devil" at the United Nations.', ("ACCUSE", "VEN", "USA"), set()),
    ("China described the Dalai Lama as a wolf in monk's robes.", ("ACCUSE", "CHN", "CHN"), set()),
    ("China described the Taiwanese president as a separatist.", ("ACCUSE", "CHN", "TWN"), set()),
    ("Serbia said it held Albania responsible for the violence.", ("ACCUSE", "SRB", "ALB"), set()),
    ("The Iraqi foreign minister questioned the impartiality of the UN inspectors.", ("ACCUSE", "IRQ", "IGO"), set()),
    ("Russia said Georgia was to blame for the war.", ("ACCUSE", "RUS", "GEO"), set()),
    ("The United States said Syria was guilty of war crimes.", ("ACCUSE", "USA", "SYR"), set()),
    ("Syria said Israel would pay a heavy price for the raid.", ("THREATEN", "SYR", "ISR"), set()),
    ("North Korea said the United States would face missile strikes.", ("THREATEN", "PRK", "USA"), set()),
    ("Pyongyang vowed to crush any provocation by Seoul.", ("THREATEN", "PRK", "KOR"), set()),
    # a government protests in words; an army deploys itself; opposition figures are people released
    ("Tokyo protested after Chinese ships entered its territorial waters.", ("ACCUSE", "JPN", "CHN"), set()),
    ("Moscow protested to Tallinn over the removal of a Soviet war memorial.", ("ACCUSE", "RUS", "EST"), set()),
    # a name the parser splits at a lowercase particle ('dos' read as a verb) is still the whole name
    ("Savimbi said he was ready to meet President Jose Eduardo dos Santos.", ("AGREE", "AGO", "AGO"), set()),
    # a preposition hung on the verb's particle ('handing it back to Chad'); 'Contra' rebels are Nicaragua's
    ("Libyan forces evacuated the Aouzou strip, handing it back to Chad.", ("RETREAT", "LBY", "TCD"), set()),
    ("The Contra rebels agreed to disarm under a regional peace plan.", ("AGREE", "NIC", None), set()),
    ("Iran pardoned the British sailors.", ("CONCEDE", "IRN", "GBR"), set()),
    # a sentence the parser read as a noun phrase ('suspended loans', 'bombed camps') is a clause again
    ("The IMF suspended loans to Zambia over its failure to meet economic targets.", ("SANCTION", "IGO", "ZMB"), set()),
    ("North Korea test-fired two missiles into the sea.", ("MOBILIZE", "PRK", None), set()),
    ("Pope John Paul II received Yasser Arafat at the Vatican.", ("CONSULT", "VAT", "PSE"), set()),
    # a landmark square places its country; a closure eased is a blockade eased
    ("The army cracked down on protesters in Tiananmen Square.", ("COERCE", "CHN", "CHN"), set()),
    ("Israel eased the closure of the West Bank.", ("RETREAT", "ISR", "PSE"), set()),
    # a 'by' phrase the parser hangs on the act's object is still the act's doer
    ("Tension rose after the shooting down of a Libyan airliner by Israeli jets over Sinai.",
     ("ASSAULT", "ISR", "LBY"), set()),
    ("The sinking of a South Korean warship by a North Korean torpedo raised tensions.",
     ("ASSAULT", "PRK", "KOR"), set()),
    # those killed in a passive are killed by whoever attacked in its 'when' clause
    ("Five Jordanian soldiers were killed when Israeli troops raided a border post.", ("ASSAULT", "ISR", "JOR"), set()),
    # force promised in answer to someone's act threatens them
    ("Israel vowed to respond harshly to the rocket fire from Gaza.", ("THREATEN", "ISR", "PSE"), set()),
    ("Iran said it would respond forcefully to any American attack.", ("THREATEN", "IRN", "USA"), set()),
    ("The Lebanese army deployed in the south for the first time in decades.", ("MOBILIZE", "LBN", None), set()),
    ("Minsk released several opposition figures ahead of the vote.", ("RETREAT", "BLR", "BLR"), set()),
    # criticism drawn from X is X's; control seized of a town is its occupation; fire traded is fighting
    ("Israel drew condemnation from the European Union.", ("ACCUSE", "IGO", "ISR"), set()),
    ("North Korea's missile test drew criticism from Japan.", ("ACCUSE", "JPN", "PRK"), set()),
    ("Syrian government forces regained control of Aleppo.", ("COERCE", "SYR", "SYR"), set()),
    ("Indian and Pakistani troops traded fire across the border.", ("ASSAULT", "IND", "PAK"), set()),
    # battles fought are fighting (a legal battle is not); flags burned outside an embassy are a protest
    ("Ugandan troops fought running battles with Sudanese rebels.", ("ASSAULT", "UGA", "SDN"), set()),
    ("Demonstrators burned American flags outside the embassy in Karachi.", ("PROTEST", "PAK", "USA"), set()),
    # insisting that someone comply (a subjunctive) demands it; pushing someone to act asks it
    ("The United States insisted that Iraq comply fully with the resolutions.", ("REQUEST", "USA", "IRQ"), set()),
    ("Washington pushed Seoul to open its beef market.", ("REQUEST", "USA", "KOR"), set()),
    ("Venezuela dismissed the U.S. sanctions as illegal.", ("REJECT", "VEN", "USA"), set()),
    ("The junta of Niger handed power to an elected government.", ("RETREAT", "NER", "NER"), set()),
    # a visit wrapped up was made; a call received from someone is a call with them
    ("Chinese Premier Li Keqiang wrapped up a three-day visit to Germany.", ("CONSULT", "CHN", "DEU"), set()),
    # a vow to eradicate fighters threatens them; a plot to kill is not a killing
    ("President Erdogan vowed to eradicate the Kurdish militants in Turkey.", ("THREATEN", "TUR", "TUR"), set()),
    ("Rebels plotted to kill the president of Chad.", ("ASSAULT", "TCD", "TCD"), {"hypothetical"}),
    # the parties named together in an agentless passive act on each other; who expels is who one leaves
    ("Talks were held in Oslo between Israeli and Palestinian negotiators.", ("CONSULT", "ISR", "PSE"), set()),
    ("A peace deal was reached between Armenia and Azerbaijan.", ("SUPPORT", "ARM", "AZE"), set()),
    ("Three Turkish diplomats were expelled from Iraq.", ("SANCTION", "IRQ", "TUR"), set()),
    ("Japan expressed remorse to South Korea over its colonial rule.", ("CONCEDE", "JPN", "KOR"), set()),
    # an act its noun says the doer of ("China's ban", 'the visit by X', 'the withdrawal of X troops')
    ("China's ban on Australian coal hit exports.", ("COERCE", "CHN", "AUS"), set()),
    ("Israel's blockade of Gaza entered its tenth year.", ("COERCE", "ISR", "PSE"), set()),
    ("Britain's recognition of Palestine angered Israel.", ("SUPPORT", "GBR", "PSE"), set()),
    ("The visit by the Chinese president to Pyongyang was his first.", ("CONSULT", "CHN", "PRK"), set()),
    ("The withdrawal of Syrian troops from Lebanon was completed on Tuesday.", ("RETREAT", "SYR", "LBN"), set()),
    # 'him' in an infinitive is not its controller: the one called, not the caller
    ("Macron called Putin to urge him to de-escalate.", ("REQUEST", "FRA", "RUS"), set()),
    # nor in a participle: 'him' is not the caller who urges
    ("Clinton called Arafat on Monday, urging him to crack down on militants.", ("REQUEST", "USA", "PSE"), set()),
    ("Lukashenko pardoned the jailed opposition blogger.", ("CONCEDE", "BLR", "BLR"), set()),
    # 'we' of a quoted statement is its speaker, for adjectives too
    ('"We are ready to talk to the North without preconditions," the South Korean president said.',
     ("AGREE", "KOR", "PRK"), set()),
    # the second word of a compound preposition reaches the target: 'walked out of the talks with X'
    ("The Palestinian delegation walked out of talks with Israel.", ("REJECT", "PSE", "ISR"), set()),
    ("The United States resumed military aid to Egypt.", ("AID", "USA", "EGY"), set()),
    # a threat is aimed at whoever its condition names
    ("Russia said it would respond militarily if NATO deployed missiles in Poland.", ("THREATEN", "RUS", "IGO"), set()),
    ("Iran warned it would close the Strait of Hormuz if the United States imposed sanctions.",
     ("THREATEN", "IRN", "USA"), set()),
    ("The Egyptian president received a phone call from his French counterpart.", ("CONSULT", "EGY", "FRA"), set()),
    ("The junta scrapped the ban on political parties.", ("CONCEDE", None, None), set()),
    # warships are deployed, not given; a force put on alert is the one mobilised
    ("China sent warships to the disputed islands.", ("MOBILIZE", "CHN", None), set()),
    ("Iran unveiled a new long-range missile.", ("MOBILIZE", "IRN", None), set()),
    ("The Indian army was put on high alert after the attack.", ("MOBILIZE", "IND", None), set()),
    ("The Organisation of African Unity sent a mediator to Burundi.", ("CONSULT", "IGO", "BDI"), set()),
    ("The UN envoy shuttled between Belgrade and Pristina.", ("CONSULT", "IGO", "SRB"), set()),
    ("The army of Sri Lanka defeated the Tamil rebels.", ("ASSAULT", "LKA", "LKA"), set()),
    ("The commander of Sierra Leone's army vowed to defeat the rebels.", ("THREATEN", "SLE", "SLE"), set()),
    ("Venezuela's National Assembly declared Maduro a usurper.", ("ACCUSE", "VEN", "VEN"), set()),
    ("Turkey's intelligence agency captured an Islamic State commander in Syria.", ("COERCE", "TUR", "SYR"), set()),
    # whoever is accused of an act, actively or passively, did it
    ("Pakistan's intelligence agency was accused by Afghanistan of backing the Taliban.", ("SUPPORT", "PAK", "AFG"), set()),
    # light verbs, phrasal verbs and hyphenated verbs
    ("The army of Syria lobbed shells at a base of Turkey.", ("ASSAULT", "SYR", "TUR"), set()),
    ("China test-fired a hypersonic missile.", ("MOBILIZE", "CHN", None), set()),
    ("Serbia made concessions to Kosovo.", ("CONCEDE", "SRB", "XKX"), set()),
    ("Britain branded Iran a threat to peace.", ("ACCUSE", "GBR", "IRN"), set()),
    ("Qatar transferred two billion dollars to Egypt.", ("AID", "QAT", "EGY"), set()),
    ("Ukraine swapped prisoners with Russia.", ("RETREAT", "UKR", "RUS"), set()),
    ("Russia revoked the visas of diplomats from Estonia.", ("COERCE", "RUS", "EST"), set()),
    ("Pakistan placed the leaders of Afghanistan's Taliban in detention.", ("COERCE", "PAK", "AFG"), set()),
    # drills with a partner are cooperation, without one a show of force
    ("Russia and Belarus held joint drills.", ("COOPERATE", "RUS", "BLR"), set()),
    ("Iran conducted military drills near the border with Iraq.", ("MOBILIZE", "IRN", "IRQ"), set()),
    # a gerund after a preposition acts for the main clause's subject
    ("Ukraine responded by shelling positions of Russia.", ("ASSAULT", "UKR", "RUS"), set()),
    ("After bombing villages in Armenia, Azerbaijan declared a ceasefire.", ("ASSAULT", "AZE", "ARM"), set()),
    # unnamed protesters are people of the place; an erupting protest is reported without agent
    ("Thousands of people marched in Georgia against the government.", ("PROTEST", "GEO", "GEO"), set()),
    ("Protests against the president erupted in Peru.", ("PROTEST", "PER", "PER"), set()),
    # a force deployed in the passive belongs to its own country
    ("Hundreds of soldiers from Russia were deployed to Belarus.", ("MOBILIZE", "RUS", "BLR"), set()),
    # a nominal event with its agent named by 'by'
    ("The arrest of a reporter from the United States by police in Russia angered Washington.",
     ("COERCE", "RUS", "USA"), set()),
    # failing to reach a deal is a rejection; failing to withdraw is a negated withdrawal
    ("Israel and Hamas failed to reach a deal.", ("REJECT", "ISR", "PSE"), set()),
    ("Chad failed to withdraw its troops from Sudan.", ("RETREAT", "TCD", "SDN"), {"negation"}),
    # wrappers around new triggers
    ("Turkey vowed to crush the rebellion in Iraq.", ("THREATEN", "TUR", "IRQ"), set()),
    ("The United States prodded Turkey to approve the membership of Sweden.", ("REQUEST", "USA", "TUR"), set()),
    ("Armenia will not hand over villages to Azerbaijan.", ("REJECT", "ARM", "AZE"), set()),
    # a possible use of force keeps its flag
    ("Iran said it could use nuclear weapons against Israel.", ("ASSAULT", "IRN", "ISR"), {"hypothetical"}),
    # a negated refusal is a threat: asserted, without the negation
    ("Turkey did not rule out military action against Syria.", ("THREATEN", "TUR", "SYR"), set()),
    ("Turkey ruled out military action against Syria.", ("REJECT", "TUR", "SYR"), set()),
    ("Israel said it would not hesitate to strike Iran.", ("THREATEN", "ISR", "IRN"), {"future"}),
    # copular predicates
    ("Germany was critical of Hungary over its media law.", ("ACCUSE", "DEU", "HUN"), set()),
    ("Brazil is supportive of Argentina on the Falklands.", ("SUPPORT", "BRA", "ARG"), set()),
    # an adjunct 'with' before the verb is no particle ('agree with'); its wrapper codes the plan
    ("With the talks stalled, Iran agreed to meet inspectors from the United Nations.", ("AGREE", "IRN", "IGO"), set()),
    # more vocabulary
    ("The United States raised tariffs on China.", ("SANCTION", "USA", "CHN"), set()),
    ("Russia left the Council of Europe.", ("SANCTION", "RUS", "IGO"), set()),
    ("Militants in Mali claimed responsibility for the attack on a base of France.", ("ASSAULT", "MLI", "FRA"), set()),
    ("Russia ordered troops into Georgia.", ("MOBILIZE", "RUS", "GEO"), set()),
    ("The expulsion of diplomats from Russia by Britain was announced on Monday.", ("SANCTION", "GBR", "RUS"), set()),
    ("A protest took place in Serbia against the government.", ("PROTEST", "SRB", "SRB"), set()),
    ("Japan is concerned about the missile tests of North Korea.", ("ACCUSE", "JPN", "PRK"), set()),
    # headline infinitives and scheduled acts are announced (a plan: AGREE); a forecast is hypothetical
    ("Russia to withdraw troops from Syria.", ("AGREE", "RUS", "SYR"), set()),
    ("Russia is set to withdraw troops from Syria.", ("AGREE", "RUS", "SYR"), set()),
    ("Iran is expected to release the tanker from Britain.", ("RETREAT", "IRN", "GBR"), {"hypothetical"}),
    # a raid by police is a law-enforcement search (PLOVER COERCE), by troops an assault
    ("Police in Belarus raided the offices of an opposition newspaper.", ("COERCE", "BLR", "BLR"), set()),
    ("Kosovo police carried out a raid on Serb-run offices in the north.", ("COERCE", "XKX", "SRB"), set()),
    ("Troops from Israel raided the camp in Jenin.", ("ASSAULT", "ISR", "PSE"), set()),
    # 'imposed by X on Y': the parser hangs the target on the agent
    ("Sanctions imposed by the United States on Venezuela have crippled its oil industry.",
     ("SANCTION", "USA", "VEN"), set()),
    ("New sanctions were imposed by the European Union on Belarus.", ("SANCTION", "IGO", "BLR"), set()),
    # energy supplies cut to another country are sanctions; a conditional cut is a threat
    ("Russia cut off gas supplies to Ukraine on Monday.", ("SANCTION", "RUS", "UKR"), set()),
    ("Russia will cut gas supplies to Ukraine if Kiev does not pay its debts.", ("THREATEN", "RUS", "UKR"), set()),
    # taking a capital, repelling an attack, sealing a border, hanging a convict, condemning what happened in X
    ("Russian forces captured the regional capital of Kherson in Ukraine.", ("ASSAULT", "RUS", "UKR"), set()),
    ("Chad's army repelled an attack by rebels from Libya.", ("ASSAULT", "TCD", "LBY"), set()),
    ("Poland sealed its border with Belarus.", ("COERCE", "POL", "BLR"), set()),
    ("Brazil condemned the coup in Bolivia.", ("ACCUSE", "BRA", "BOL"), set()),
    ("Singapore deployed its military to the border with Malaysia.", ("MOBILIZE", "SGP", "MYS"), set()),
    # a weapon in the 'by' phrase is no agent: the attacker is unknown
    ("Three Kenyan soldiers were killed by a roadside bomb near the Somali border.", ("ASSAULT", None, "KEN"), set()),
    # a reduced passive on a noun: its 'by' phrase acts on the noun
    ("Somali forces, backed by US air strikes, recaptured the town.", ("SUPPORT", "USA", "SOM"), set()),
    # a gerund after a time preposition on a passive verb: done by the one the passive acts on
    ("Three Palestinian youths were detained after throwing stones at Israeli soldiers.",
     ("PROTEST", "PSE", "ISR"), set()),
    # 'is about to', 'is ready to': the subject of 'be'
    ("Russia is about to restore full diplomatic ties with Georgia.", ("AGREE", "RUS", "GEO"), set()),
    ("Iran is ready to resume talks with the United States.", ("AGREE", "IRN", "USA"), set()),
    # a label before the names, parsed as a second subject
    ("Old foes Iran and Egypt have renewed diplomatic ties after a 12-year break.", ("COOPERATE", "IRN", "EGY"),
     set()),
    # claiming an attack is the attack, coded once with its target
    ("Hezbollah claimed responsibility for a drone attack on northern Israel.", ("ASSAULT", "LBN", "ISR"), set()),
    # a plan put forward is an offer; proposing one to or for someone is AGREE
    ("Egypt proposed a peace plan for Sudan.", ("AGREE", "EGY", "SDN"), set()),
    ("Israel granted work permits to Palestinians from Gaza.", ("CONCEDE", "ISR", "PSE"), set()),
    ("Morocco reopened its embassy in Tehran.", ("SUPPORT", "MAR", "IRN"), set()),
    ("Hamas violated the truce with Israel.", ("ASSAULT", "PSE", "ISR"), set()),
    ("Russia violated the ceasefire in eastern Ukraine.", ("ASSAULT", "RUS", "UKR"), set()),
    ("Iran violated the nuclear deal with the United States.", ("REJECT", "IRN", "USA"), set()),
    ("Turkey mounted an invasion of northern Syria.", ("ASSAULT", "TUR", "SYR"), set()),
    # what people are sent somewhere to do is done there when its object names no country
    ("The African Union sent experts to Somalia to investigate the killings.", ("ACCUSE", "IGO", "SOM"), set()),
    ("The Philippines lodged a protest over Chinese ships in the South China Sea.", ("ACCUSE", "PHL", "CHN"), set()),
    ("Hungary blocked EU aid for Ukraine.", ("REJECT", "HUN", "UKR"), set()),
    # a military operation is force; a security operation by police is a law-enforcement search
    ("Israel launched a ground operation in Gaza.", ("ASSAULT", "ISR", "PSE"), set()),
    ("Police in Brazil launched a security operation against drug gangs in Rio.", ("COERCE", "BRA", "BRA"), set()),
    ("Germany pledged an extra 2 billion euros in military aid to Ukraine.", ("AGREE", "DEU", "UKR"), set()),
    ("Beijing hit back at Washington over the new export controls.", ("ACCUSE", "CHN", "USA"), set()),
    ("Turkey's parliament ratified Sweden's NATO membership.", ("SUPPORT", "TUR", "SWE"), set()),
    # what a country receives is the giver's aid to it
    ("Sudan received aid from Egypt.", ("AID", "EGY", "SDN"), set()),
    ("Ukraine received its first shipment of Patriot missiles from the United States.", ("AID", "USA", "UKR"),
     set()),
    ("Gaza received medicine on Monday.", ("AID", None, "PSE"), set()),
    # an event noun with an object relative clause: its subject is the agent, its phrases the target
    ("The sanctions that the United States imposed on Iran in 2018 remain in force.", ("SANCTION", "USA", "IRN"),
     set()),
]


@model
@pytest.mark.parametrize("text, expected, flags", BROADENED_CASES,
                         ids=[f"{c[1][0]}:{c[0][:40]}" for c in BROADENED_CASES])
def test_broadened_vocabulary_and_constructions(text, expected, flags, code):
    events = code(text).events or []
    found = [e for e in events if (e.type, e.source.country, e.target.country if e.target else None) == expected]
    assert found, dyads(events)
    assert any(set(e.aux) == flags for e in found), [e.aux for e in found]


NOT_EVENTS_OF_THE_SUBJECT = [
    # a state's act done 'in protest' is that act, not a demonstration
    ("Nigeria recalled its ambassador to South Africa in protest at criticism.", ("PROTEST", "NGA")),
    # executing warrants and plans kills nobody
    ("The FBI executed search warrants at the activists' home.", ("ASSAULT", "USA")),
    # fighting terrorism is no attack on the partner
    ("Egypt and Sudan agreed to cooperate in fighting terrorism.", ("ASSAULT", "EGY")),
    # reporting a killing accuses nobody, least of all the dead
    ("The newspaper reported the killing of three soldiers in Kashmir.", ("ACCUSE", "IND")),
    # an inquiry into a killing does not make the inquirers the killers
    ("A Pakistani judicial commission began hearings into the assassination of Benazir Bhutto.", ("ASSAULT", "PAK")),
    # a task is the appointee's when the verb gives none: discussing ways to improve ties improves nothing
    ("South Korean officials held a meeting to discuss ways to improve bilateral ties.", ("COOPERATE", "KOR")),
    ("Iraq hired a lawyer to fight the sanctions.", ("ASSAULT", "IRQ")),
    # a vow of revenge is a threat, not a promise of cooperation
    ("Hezbollah vowed to avenge the death of its commander.", ("AGREE", "LBN")),
    # 'one-sided' takes no side
    ("Israel denounced the UN resolution as one-sided.", ("SUPPORT", "ISR")),
    # workers who strike stop work; they bomb nothing
    ("Workers struck in protest against government austerity measures in Argentina.", ("ASSAULT", "ARG")),
    # 'armed with' describes; nobody armed them
    ("Bandits armed with rifles attacked a bus in Kenya.", ("AID", None)),
    # an event noun proposed, wanted or requested is not done
    ("Russia proposed sanctions against Iran.", ("SANCTION", "RUS")),
    ("Brunei has requested a meeting with the Norwegian prime minister.", ("CONSULT", "BRN")),
    # what one urges is asked of others, not done
    ("The Security Council urged the withdrawal of all foreign forces from Lebanon.", ("RETREAT", "IGO")),
    ("Washington insisted on the withdrawal of Soviet forces from Afghanistan.", ("RETREAT", "USA")),
    # taking a place by surprise or in an election is no attack
    ("The French president took Paris by surprise.", ("ASSAULT", "FRA")),
    ("Trump took Florida in the 2016 election.", ("ASSAULT", "USA")),
    ("Germany's largest bank fought a legal battle with regulators in Frankfurt.", ("ASSAULT", "DEU")),
    # firing a minister dismisses him; troops ordered to withdraw are not mobilised
    ("Brazil's president fired his health minister.", ("ASSAULT", "BRA")),
    ("Putin ordered Russian troops to withdraw from the border.", ("MOBILIZE", "RUS")),
    # a health emergency declared is no state of emergency imposed
    ("The WHO declared the Ebola outbreak in Congo a global health emergency.", ("COERCE", "IGO")),
    # insisting that something is so states it; it asks nothing
    ("Iran insisted that its nuclear programme was peaceful.", ("REQUEST", "IRN")),
    # fighting a disease is no assault; speaking to the press is no consultation
    ("Nigeria's army helped fight the Ebola outbreak in Lagos.", ("ASSAULT", "NGA")),
    ("Speaking to Reuters, Albania's president said the protests must end.", ("CONSULT", "ALB")),
    # troops 'backed by tanks' are armed with them, not supported by them
    ("Indonesian troops, backed by tanks and helicopters, attacked separatist rebels in Aceh.", ("SUPPORT", "IDN")),
    # 'X was to blame' is said of X, not by X; facing resistance threatens nobody
    ("The rebels were to blame for the massacre, the army said.", ("ACCUSE", None)),
    ("The army faced fierce resistance from the rebels in Mali.", ("THREATEN", "MLI")),
    # force the parties agree on together threatens nobody
    ("The Philippines and Malaysia agreed to step up joint patrols.", ("THREATEN", "PHL")),
    # whoever killed in a raid carried out the raid: no second event by an unknown raider
    ("Algerian security forces killed 12 Islamic militants in a raid near Algiers.", ("ASSAULT", None)),
    # condemning an arrest is no arrest by the one who condemns
    ("Germany condemned the arrest of a journalist in Turkey.", ("COERCE", "DEU")),
    # failing to release is no refusal
    ("Egypt failed to release the prisoners from Israel.", ("REJECT", "EGY")),
    # breaking up a rally is no rally
    ("Police in Turkey broke up the rally.", ("PROTEST", "TUR")),
    # not hesitating to help is no threat
    ("Germany did not hesitate to help Ukraine.", ("THREATEN", "DEU")),
    # claiming credit for a victory is no attack
    ("The president of Kenya claimed credit for the victory.", ("ASSAULT", "KEN")),
    # a state of mind without an object is no accusation
    ("The president of Kenya is concerned.", ("ACCUSE", "KEN")),
    # aid that arrives pays no visit
    ("Emergency aid from the United Nations arrived in Somalia.", ("CONSULT", None)),
    # a noun's reduced passive ('a journalist detained in Russia') is not the clause subject's act
    ("The United States demanded the release of an American journalist detained in Russia.", ("COERCE", "USA")),
    ("Thousands of Iraqis joined anti-American protests in Baghdad.", ("PROTEST", "USA")),
    # warning of someone else's attack threatens nobody
    ("Britain warned that Iran would attack shipping in the Gulf.", ("THREATEN", "GBR")),
    ("Analysts in Germany warned that the war would hurt the economy.", ("THREATEN", "DEU")),
    ("Analysts in Germany warned that the crisis could lead to war.", ("THREATEN", "DEU")),
]


@model
@pytest.mark.parametrize("text, unwanted", NOT_EVENTS_OF_THE_SUBJECT)
def test_what_the_subject_did_not_do(text, unwanted, code):
    events = code(text).events or []
    assert unwanted not in {(e.type, e.source.country) for e in events}, dyads(events)


@model
def test_what_is_discussed_is_no_party_to_the_talks(code):
    events = code("The Egyptian president met Israeli Prime Minister Yitzhak Rabin in Cairo "
                  "to discuss Palestinian autonomy.").events or []
    assert {(e.type, e.source.country, e.target and e.target.country) for e in events} == {("CONSULT", "EGY", "ISR")}


# Events with a clear trigger and a resolved target but no resolvable source are coded with an
# unknown source (GDELT/POLECAT's empty actor1), never dropped; things as subjects are no agents.
UNKNOWN_SOURCE_CASES = [
    # agentless passives
    ("Sanctions on Iran were lifted on Monday.", ("RETREAT", None, "IRN"), set()),
    ("Aid to Ethiopia was suspended.", ("SANCTION", None, "ETH"), set()),
    ("The blockade of Qatar was eased.", ("RETREAT", None, "QAT"), set()),
    ("Talks with Iran were held in Vienna.", ("CONSULT", None, "IRN"), set()),
    ("Iran was urged to release the sailors.", ("REQUEST", None, "IRN"), set()),
    ("Israel was accused of war crimes.", ("ACCUSE", None, "ISR"), set()),
    ("Aid was sent to Haiti.", ("AID", None, "HTI"), set()),
    # the flags are kept
    ("Sanctions on Cuba were not lifted.", ("RETREAT", None, "CUB"), {"negation"}),
    # a person or group the knowledge base cannot place is kept with its words
    ("A group calling itself the Red Hand attacked the embassy of France.", ("ASSAULT", None, "FRA"), set()),
]


@model
@pytest.mark.parametrize("text, expected, flags", UNKNOWN_SOURCE_CASES,
                         ids=[f"{c[1][0]}:{c[0][:40]}" for c in UNKNOWN_SOURCE_CASES])
def test_an_event_whose_source_is_unknown_is_kept(text, expected, flags, code):
    events = code(text).events or []
    found = [e for e in events if (e.type, e.source.country, e.target.country if e.target else None) == expected]
    assert found, dyads(events)
    assert any(set(e.aux) == flags for e in found), [e.aux for e in found]
    assert all(e.confidence <= 0.6 for e in found)  # an unknown source lowers it


@model
def test_an_unplaced_agent_keeps_its_words(code):
    events = code("A group calling itself the Red Hand attacked the embassy of France.").events
    (event,) = [e for e in events if e.type == "ASSAULT"]
    assert "Red Hand" in event.source.text and event.source.country is None


@model
@pytest.mark.parametrize("text", [
    "The report criticized Hungary.",                       # a thing is no agent
    "The message expressed support to Venezuela.",
    "Cuba praised the struggle for defending Venezuela.",   # a gerund's agent is elsewhere
    "The sanctions were lifted.",                            # no target named either
])
def test_no_unknown_source_without_a_target_or_for_a_thing(text, code):
    events = code(text).events or []
    assert not [e for e in events if not e.source.text], dyads(events)


@model
def test_events_with_a_named_source_come_first(code):
    events = code("Egypt condemned the attack on Israel after sanctions on Iran were lifted.").events
    assert events and events[0].source.country == "EGY"


# 'decided to': a decided meeting or agreement is a plan (AGREE); any other decided act is done.
# Announced sanctions are SANCTION, threatened or merely stated ones THREATEN (PLOVER Draft 2.0).
DECISION_CASES = [
    ("The court of Kenya decided to allow the opposition to hold rallies.", ("CONCEDE", "KEN", "KEN"), set()),
    ("Sudan decided to lift the curfew in Khartoum.", ("CONCEDE", "SDN", "SDN"), set()),
    ("Egypt decided to hold talks with Sudan.", ("AGREE", "EGY", "SDN"), set()),
    ("Egypt decided not to hold talks with Sudan.", ("REJECT", "EGY", "SDN"), set()),
    ("Canada decided to expel the ambassador of Iran.", ("SANCTION", "CAN", "IRN"), set()),
    ("Japan announced it would impose sanctions on Russia.", ("SANCTION", "JPN", "RUS"), set()),
    ("The United States announced it would ban imports from Iran.", ("SANCTION", "USA", "IRN"), set()),
    ("Japan threatened to impose sanctions on Russia.", ("THREATEN", "JPN", "RUS"), set()),
    ("Japan said it would impose sanctions on Russia.", ("THREATEN", "JPN", "RUS"), set()),
    ("China said it would take countermeasures against the United States.", ("THREATEN", "CHN", "USA"), set()),
    ("The United Nations announced that it will withdraw its inspectors from Iraq.", ("THREATEN", "IGO", "IRQ"),
     set()),
    ("Japan announced it would impose sanctions on Russia unless it withdrew from Ukraine.",
     ("THREATEN", "JPN", "RUS"), set()),
]


@model
@pytest.mark.parametrize("text, expected, flags", DECISION_CASES, ids=[f"{c[1][0]}:{c[0][:40]}" for c in DECISION_CASES])
def test_decisions_and_announced_sanctions(text, expected, flags, code):
    events = code(text).events or []
    found = [e for e in events if (e.type, e.source.country, e.target.country if e.target else None) == expected]
    assert found, dyads(events)
    assert any(set(e.aux) == flags for e in found), [e.aux for e in found]


@model
def test_a_decided_concession_is_no_plan(code):
    events = code("The court of Kenya decided to allow the opposition to hold rallies.").events
    assert "AGREE" not in {e.type for e in events}


# Copular rejections: 'X is out of the question / off the table' is REJECT of X by the speaker.
DISMISSAL_CASES = [
    ("Serbia said that recognising Kosovo is out of the question.", ("REJECT", "SRB", "XKX"), "120"),
    ("Greece said that a new deal with Turkey was off the table.", ("REJECT", "GRC", "TUR"), "120"),
    ("Japan said talks with China were off the table.", ("REJECT", "JPN", "CHN"), "125"),
    ("Officials in Japan said that lifting the sanctions on Russia is out of the question.",
     ("REJECT", "JPN", "RUS"), "124"),
]


@model
@pytest.mark.parametrize("text, expected, cameo", DISMISSAL_CASES, ids=[c[0][:40] for c in DISMISSAL_CASES])
def test_what_is_out_of_the_question_is_rejected(text, expected, cameo, code):
    events = code(text).events or []
    found = [e for e in events if (e.type, e.source.country, e.target.country if e.target else None) == expected]
    assert found, dyads(events)
    assert found[0].cameo == cameo and found[0].aux == []


@model
@pytest.mark.parametrize("text", [
    "Japan put a new proposal on the table.",
    "The question of Kosovo was discussed by the panel.",
    "The documents of Serbia lay on the table.",
])
def test_a_table_or_a_question_is_no_rejection(text, code):
    assert "REJECT" not in {e.type for e in code(text).events or []}


# New vocabulary families, with their negative cases.
VOCABULARY_CASES = [
    ("Nicaragua amnestied the jailed protesters.", ("CONCEDE", "NIC", "NIC")),
    ("Negotiators from Chile and Bolivia wrapped up talks in Lima.", ("CONSULT", "CHL", "BOL")),
    ("Indonesia concluded negotiations with Malaysia.", ("CONSULT", "IDN", "MYS")),
    ("Russia took countermeasures against Estonia.", ("SANCTION", "RUS", "EST")),
    ("Qatar reestablished ties with Egypt.", ("COOPERATE", "QAT", "EGY")),
    ("Turkey and Armenia exchanged ambassadors.", ("COOPERATE", "TUR", "ARM")),
    ("France and Germany launched a joint initiative on batteries.", ("COOPERATE", "FRA", "DEU")),
    ("Iran consented to talks with Iraq.", ("AGREE", "IRN", "IRQ")),
    ("Police in Uganda placed the opposition leader under house arrest.", ("COERCE", "UGA", "UGA")),
    ("Algeria terminated the gas contract with Spain.", ("REJECT", "DZA", "ESP")),
    ("Turkey shut its airspace to Armenia.", ("COERCE", "TUR", "ARM")),
    ("Authorities in Belarus closed an independent newspaper.", ("COERCE", "BLR", "BLR")),
    # attacking a policy, a plan or an embargo is criticism, not force; attacking positions is force
    ("Cuban President Fidel Castro attacked the U.S. embargo in a speech.", ("ACCUSE", "CUB", "USA")),
    ("The Israeli army attacked Hamas positions in Gaza.", ("ASSAULT", "ISR", "PSE")),
    # coordinated parties act on each other, not on what their deal is about; a third party only 'with'
    ("Russia and Ukraine reached agreement on the division of the Black Sea Fleet.", ("SUPPORT", "RUS", "UKR")),
    ("The US and Russia launched direct talks on the Syrian conflict.", ("CONSULT", "USA", "RUS")),
    # a country spaced before a money sign is who gets the money, not the currency ('US $')
    ("Japan gave Indonesia $5 billion in emergency aid.", ("AID", "JPN", "IDN")),
    # forces moved towards, or put on alert along, another country's border face that country
    ("Iraq moved two divisions towards the Kuwaiti border.", ("MOBILIZE", "IRQ", "KWT")),
    ("India put its troops along the Pakistani border on high alert.", ("MOBILIZE", "IND", "PAK")),
    ("India put its troops on high alert along the Pakistani border.", ("MOBILIZE", "IND", "PAK")),
    # withdrawals: forces leaving a country, called-off strikes, vacated heights
    ("The last Soviet troops left Afghanistan on Wednesday.", ("RETREAT", "RUS", "AFG")),
    ("NATO called off its air strikes against the Bosnian Serbs.", ("RETREAT", "IGO", "BIH")),
    ("Indian troops vacated the Kargil heights.", ("RETREAT", "IND", None)),
    # protesters with no country of their own are people of the place they protest in, also when
    # the place is named on them; a protest naming no target and no place is aimed at their country
    ("Shiite Muslims in Bahrain staged demonstrations demanding the restoration of parliament.",
     ("PROTEST", "BHR", "BHR")),
    ("Greek farmers blocked roads with tractors to protest falling prices.", ("PROTEST", "GRC", "GRC")),
    ("The union of Kenyan teachers threatened to go on strike.", ("THREATEN", "KEN", "KEN")),
    # wishing an act of someone else is asking it of them; the circumstance before a request is
    # not what is asked
    ("Serbia wanted the United Nations to lift the sanctions.", ("REQUEST", "SRB", "IGO")),
    ("Iran hopes the United States will lift sanctions.", ("REQUEST", "IRN", "USA")),
    ("Speaking in Brussels, the German chancellor urged Russia to halt its offensive in Chechnya.",
     ("REQUEST", "DEU", "RUS")),
    ("A gunbattle between Israeli troops and Palestinian gunmen erupted in Hebron.", ("ASSAULT", "ISR", "PSE")),
    ("Chinese President Jiang Zemin is in Moscow for a summit with Boris Yeltsin.", ("CONSULT", "CHN", "RUS")),
    # a place 'X-held' or 'X-controlled' is X's, unless it is named as part of another place
    ("Forces loyal to the Bosnian government shelled Serb-held areas.", ("ASSAULT", "BIH", "SRB")),
    ("Israeli planes hit Hezbollah-controlled villages.", ("ASSAULT", "ISR", "LBN")),
    # a text speaks for whoever issued it; an editorial for its paper
    ("A statement issued by the Palestinian Authority appealed to Israel to withdraw.", ("REQUEST", "PSE", "ISR")),
    ("A statement from the Iranian foreign ministry condemned the Israeli raid.", ("ACCUSE", "IRN", "ISR")),
    ("A report by Human Rights Watch accused the Indonesian army of abuses.", ("ACCUSE", "NGO", "IDN")),
    ("An editorial in the official People's Daily demanded that the United States stop selling arms to Taiwan.",
     ("REQUEST", "CHN", "USA")),
    # a state's repression naming no target and no place is of its own people
    ("Chilean dictator Augusto Pinochet declared a state of siege.", ("COERCE", "CHL", "CHL")),
    ("The Sandinista government expelled eight U.S. diplomats.", ("SANCTION", "NIC", "USA")),
    # an intransitive verb the parser hangs on its subject as a participle still has that subject
    ("A group of Cuban exiles protested in Miami against the visit of the pope.", ("PROTEST", "CUB", "VAT")),
    ("South Korean activists protested in Seoul against Japan.", ("PROTEST", "KOR", "JPN")),
    ("Hundreds of Muslims demonstrated in Cairo against Israel.", ("PROTEST", "EGY", "ISR")),
]


@model
@pytest.mark.parametrize("text, expected", VOCABULARY_CASES, ids=[c[0][:40] for c in VOCABULARY_CASES])
def test_new_vocabulary_families(text, expected, code):
    events = code(text).events or []
    assert any((e.type, e.source.country, e.target.country if e.target else None) == expected and e.asserted
               for e in events), dyads(events)


@model
@pytest.mark.parametrize("text, unwanted", [
    ("Japan launched an initiative.", "COOPERATE"),
    ("The prisoners exchanged letters.", "COOPERATE"),
    ("Kenya put the plan under review.", "COERCE"),
    ("Turkey took measures against inflation.", "SANCTION"),
    ("The company terminated the contract.", "REJECT"),
    ("The shop shut its doors.", "COERCE"),
    ("Burhanuddin Rabbani was sworn in as president of Afghanistan.", "AGREE"),
    ("Israel reserved the right to strike Iranian nuclear sites.", "ASSAULT"),
    ("Gorbachev and Reagan wound up their summit in Washington.", "ASSAULT"),
    ("Shipyard workers in Gdansk called off the strike.", "PROTEST"),
    ("Pakistan expressed willingness to negotiate with India over Kashmir.", "CONSULT"),
    ("Syria signaled its readiness to attend a peace conference.", "CONSULT"),
    ("The opposition in Togo called off its boycott of parliament.", "PROTEST"),
    ("Chinese leaders attacked the Dalai Lama as a splittist.", "ASSAULT"),
])
def test_new_vocabulary_needs_its_context(text, unwanted, code):
    assert unwanted not in {e.type for e in code(text).events or []}


@model
@pytest.mark.parametrize("text", [
    "Fiat plans to buy a majority stake in Chrysler.",
    "Investors pulled out billions from the market.",
])
def test_business_news_without_a_political_actor_codes_nothing(text, code):
    assert not code(text).events, dyads(code(text).events)


@model
@pytest.mark.parametrize("text, expected", [
    ("Police arrested dozens of protesters.", "COERCE"),  # a public role is enough, country unknown
    ("The union refused to meet the demands.", "REJECT"),  # labour (LAB) is a political actor
    ("Siemens signed a contract with the government of Egypt.", None),  # a business with a state partner
])
def test_one_political_actor_is_enough(text, expected, code):
    events = code(text).events or []
    assert events and (expected is None or expected in {e.type for e in events}), dyads(events)


@model
def test_an_event_with_no_target_is_aimed_at_the_country_where_it_happens(code):
    text = "The ruling party agreed to hold elections across Kenya next year."
    [event] = code(text).events
    assert (event.type, event.target.country, event.target.sector) == ("AGREE", "KEN", None)
    assert event.target.reason.startswith("no target named; the country where it happened")


@model
@pytest.mark.parametrize("text", [
    "Kenya and Uganda held talks in Nairobi.",  # the parties are each other's targets
    "The minister resigned after a row over a contract, officials said in Nairobi.",  # another clause's place
])
def test_a_place_never_displaces_a_partner_or_comes_from_another_clause(text, code):
    assert not any(e.target is not None and (e.target.reason or "").startswith("no target named; the country where")
                   for e in code(text).events or []), dyads(code(text).events)


@model
@pytest.mark.parametrize("text, wrong", [
    ("Rebels attacked Washington's allies in the region.", "USA"),  # target: the allies, not the US
    ("Syria's neighbours closed their borders.", "SYR"),  # source: the neighbours, not Syria
    ("Hezbollah killed a commander of Israel's militia ally.", "ISR"),
])
def test_an_allys_possessor_is_the_other_party(text, wrong, code):
    assert not any(wrong in (e.source.country, e.target and e.target.country) for e in code(text).events or []), \
        dyads(code(text).events)


@model
def test_the_troops_sent_are_not_the_target(code):
    events = code("Rwanda sent troops to help Mozambique fight the insurgents.").events or []
    assert not any(e.type == "MOBILIZE" and e.target is not None and e.target.country == "RWA" for e in events), \
        dyads(events)


@model
def test_shells_slamming_into_a_town_are_no_criticism(code):
    events = code("Rebel shells slammed into the old town of Sarajevo, killing two civilians.").events or []
    assert {e.type for e in events} == {"ASSAULT"}, dyads(events)


@model
@pytest.mark.parametrize("text", [
    "The president of Afghanistan left Kabul for Paris.",  # a journey, not a withdrawal
    "Militants stormed two churches in Egypt, leaving 21 people dead.",
])
def test_leaving_is_a_withdrawal_only_for_a_force(text, code):
    assert not any(e.type == "RETREAT" for e in code(text).events or []), dyads(code(text).events)


@model
def test_an_air_strike_is_no_walkout(code):
    events = code("The workers of Nigeria called a strike, and Turkey called air strikes on Iraq.").events or []
    assert ("PROTEST", "NGA", "NGA") in dyads(events) and not any(
        e.type == "PROTEST" and e.source.country == "TUR" for e in events), dyads(events)


@model
def test_an_unplaced_accused_is_not_replaced_by_the_accuser(code):
    """'accused the West of supporting ...': the West supports, whom no actor names; not Serbia."""
    events = code("Milosevic accused the West of supporting terrorists in Kosovo.").events or []
    assert not any(e.type == "SUPPORT" and e.source.country == "SRB" for e in events), dyads(events)


@model
def test_coordinated_parties_do_not_act_on_the_subject_of_their_deal(code):
    events = code("Russia and Ukraine reached agreement on the division of the Black Sea Fleet.").events or []
    assert all(e.target is not None and {e.source.country, e.target.country} == {"RUS", "UKR"} for e in events), \
        dyads(events)


@model
@pytest.mark.parametrize("text", [
    "The army of Israel warned it would attack.",
    "Tokyo protested after Chinese ships entered its territorial waters.",
])
def test_a_state_threat_or_complaint_is_not_aimed_at_its_own_country(text, code):
    events = code(text).events or []
    assert not any(e.target is not None and e.target.country == e.source.country for e in events), dyads(events)


@model
@pytest.mark.parametrize("text", [
    "Benin, Guinea and Liberia declared states of emergency.",  # each its own: no one target
    "Russia annexed the peninsula.",  # a seizure is aimed at whoever held it, unnamed here
])
def test_repression_is_domestic_only_for_one_country_and_its_own_people(text, code):
    events = code(text).events or []
    assert not any(e.target is not None and e.target.country and e.target.country != e.source.country
                   or e.target is not None and e.type == "COERCE" and "annex" in text for e in events), dyads(events)


@model
def test_heading_a_delegation_is_no_journey(code):
    events = code("An Iranian delegation headed by the deputy foreign minister held talks in Baghdad.").events or []
    assert {(e.type, e.source.country) for e in events} == {("CONSULT", "IRN")}, dyads(events)


@model
def test_a_request_does_not_make_the_asker_do_what_is_asked(code):
    events = code("Speaking in Brussels, the German chancellor urged Russia to halt its offensive in Chechnya.").events
    assert not any(e.type == "RETREAT" and e.source.country == "DEU" for e in events or []), dyads(events)


@model
@pytest.mark.parametrize("text", ["Iran hopes to lift sanctions.", "Iran hopes it will lift sanctions."])
def test_hoping_to_act_oneself_is_an_intention(text, code):
    assert {e.type for e in code(text).events or []} == {"AGREE"}, dyads(code(text).events)


@model
@pytest.mark.parametrize("text", ["Trump sent a similar message ahead of the Virginia elections.",
                                  "Indonesia sent a detailed note to its counterpart in the United States."])
def test_a_letter_or_message_alone_is_no_praise(text, code):
    assert not any(e.type == "SUPPORT" for e in code(text).events or []), dyads(code(text).events)


@model
def test_a_role_does_not_borrow_the_country_of_the_person_it_writes_to(code):
    events = code("The president wrote to the Japanese prime minister urging him to lift the ban.").events or []
    assert [(e.type, e.source.country, e.target.country) for e in events] == [("REQUEST", None, "JPN")]


@model
@pytest.mark.parametrize("text", ["Five civilians were killed by an Israeli rocket.",
                                  "Civilians were killed in Israeli airstrikes on Monday."])
def test_victims_do_not_take_the_country_of_the_weapon_that_hit_them(text, code):
    assert all(e.target is None or e.target.country != "ISR" for e in code(text).events or []), dyads(code(text).events)


@model
def test_an_ordered_arrest_is_the_arrest_not_a_request(code):
    events = code("President Mobutu Sese Seko of Zaire ordered the arrest of opposition leader Etienne Tshisekedi.").events
    assert [(e.type, e.source.country, e.target.country) for e in events or []] == [("COERCE", "COD", "COD")]


@model
def test_an_arrest_for_someone_elses_act_is_no_act_of_the_police(code):
    events = code("Police in Mali arrested six members of Ansar Dine for kidnapping a Malian girl.").events or []
    assert ("ASSAULT", "MLI", "MLI") in dyads(events)
    assert not any(e.type == "ASSAULT" and e.source.sector == "COP" for e in events), dyads(events)


@model
def test_the_main_clause_event_with_a_country_comes_before_its_reasons(code):
    """'arrested in Lebanon for collaborating with Israel': the arrest, whose agent is the country
    where it happened, comes before the act it was for."""
    events = code("A missionary from Calgary was arrested in Lebanon for collaborating with Israel.").events or []
    assert events and (events[0].type, events[0].source.country) == ("COERCE", "LBN"), dyads(events)


@model
def test_a_finite_verb_coordinated_with_a_gerund_has_the_main_subject(code):
    """'accused the government of rigging the election and called for protests': the parser
    coordinates 'called' with 'rigging', but the accusers called, not the government."""
    text = "Opposition leaders accused the government of rigging the election and called for mass protests."
    events = code(text).events
    assert [e.source.sector for e in events or () if e.type == "REQUEST"] == ["OPP"], dyads(events or [])


@model
def test_a_subject_hung_on_the_auxiliary_is_the_verbs(code):
    """'the Revolutionary Guards had test-fired': the parser makes 'Guards' the subject of 'had';
    the reporting television did not fire."""
    text = "Iranian state television reported that the Revolutionary Guards had test-fired a new long-range missile."
    events = code(text).events or []
    assert [(e.source.country, e.source.sector) for e in events if e.type == "MOBILIZE"] == [("IRN", "MIL")]


@model
def test_dropped_bombs_are_an_air_strike_not_a_weapon_of_mass_destruction(code):
    events = code("Syrian government forces dropped barrel bombs on rebel-held areas of Aleppo.").events or []
    assert [(e.cameo, e.source.country, e.target and e.target.country) for e in events] == [("195", "SYR", "SYR")]


@model
def test_what_is_asked_of_another_is_not_done_by_the_asker(code):
    """'pleaded with NATO to launch air strikes': the strikes are NATO's if anyone's, and not yet."""
    text = "Bosnia's Moslem-led government pleaded with NATO to launch air strikes against Serb positions."
    events = code(text).events
    assert dyads(events or []) == {("REQUEST", "BIH", "IGO")}


@model
def test_a_warning_to_someone_is_one_threat_aimed_at_them(code):
    events = code("Britain warned Argentina that its fleet would sink any ship entering the zone around the "
                  "Falklands.").events or []
    assert dyads(events) == {("THREATEN", "GBR", "ARG")}


@model
def test_an_opening_participle_phrase_is_no_subject(code):
    events = code("Addressing parliament, Greek Prime Minister Andreas Papandreou accused Turkey of "
                  "expansionism.").events or []
    assert [(e.source.text, e.source.sector) for e in events] == [("Andreas Papandreou", "GOV")]


@model
@pytest.mark.parametrize("text", [
    "The Soviet ambassador was summoned to protest the shooting down of the airliner.",
    "Britain's ambassador was summoned to the Foreign Ministry and handed a protest note.",
])
def test_a_summoned_envoy_does_not_protest_to_anyone(text, code):
    events = code(text).events or []
    assert all(e.source.country is None for e in events if e.type == "ACCUSE"), dyads(events)


@model
def test_what_a_state_is_pressed_to_do_is_not_done(code):
    events = code("Britain put pressure on South Africa to release Nelson Mandela.").events or []
    assert not [e for e in events if e.type == "RETREAT" and e.asserted], dyads(events)


@model
def test_police_do_not_protest_what_the_crowd_they_fire_on_protests(code):
    events = code("Indian police fired on Sikh demonstrators protesting the visit of the British prime minister.").events
    assert [e.source.text for e in events or [] if e.type == "PROTEST"] == ["Sikh demonstrators"]


@model
def test_the_leaders_of_an_unnamed_group_are_the_groups(code):
    events = code("The rebels, whose leaders met Kohl in Bonn, said they would fight.").events or []
    assert {e.source.sector for e in events if e.type == "CONSULT"} == {"REB"}, dyads(events)


@model
@pytest.mark.parametrize(("text", "expected"), [
    ("Uganda's expulsion of Asians angered Britain.", ("SANCTION", "UGA", None)),
    ("Iran's execution of a British journalist drew protests.", ("ASSAULT", "IRN", "GBR")),
])
def test_the_possessor_of_an_act_done_to_someone_is_its_doer(text, expected, code):
    assert expected in dyads(code(text).events or [])


@model
def test_his_arrest_is_done_to_him(code):
    assert not code("His arrest angered Britain.").events


@model
@pytest.mark.parametrize(("text", "expected"), [
    ("Syria blasted Egypt for signing a peace treaty with Israel.", ("SUPPORT", "EGY", "ISR")),
    ("Moscow lashed out at Washington for deploying missiles in Europe.", ("MOBILIZE", "USA", None)),
])
def test_who_is_blasted_for_an_act_did_it(text, expected, code):
    assert expected in dyads(code(text).events or [])


@model
@pytest.mark.parametrize(("text", "expected"), [
    ("Iraqi missiles slammed into Tehran.", ("ASSAULT", "IRQ", "IRN")),
    ("Iraqi missiles hit Tehran.", ("ASSAULT", "IRQ", "IRN")),
    ("Iraqi jets hit Tehran.", ("ASSAULT", "IRQ", "IRN")),
    ("Rockets landed in northern Israel.", ("ASSAULT", None, "ISR")),
])
def test_forces_and_munitions_that_hit_a_place_attack_it(text, expected, code):
    assert dyads(code(text).events or []) == {expected}


@model
@pytest.mark.parametrize("text", ["The storm hit Florida.", "The car slammed into a wall.",
                                  "The jet landed in Tehran.", "Bolivia accused Peru of political maneuvers."])
def test_storms_cars_landings_and_politics_are_no_attacks(text, code):
    assert not {e for e in code(text).events or [] if e.type in ("ASSAULT", "MOBILIZE")}



@model
@pytest.mark.parametrize(("text", "expected"), [
    ("Iran declared a cease-fire with Iraq.", ("CONCEDE", "IRN", "IRQ")),
    ("A cease-fire between Iran and Iraq went into effect on Saturday.", ("CONCEDE", "IRN", "IRQ")),
    ("Israel violated the cease-fire with Syria.", ("ASSAULT", "ISR", "SYR")),
    ("The Arab League demanded the pull-out of Syrian troops from Lebanon.", ("REQUEST", "IGO", "SYR")),
])
def test_a_hyphenated_word_is_the_word_joined(text, expected, code):
    assert expected in dyads(code(text).events or [])


@model
def test_exchanges_of_fire_between_two_forces_are_an_attack(code):
    events = code("Exchanges of fire between Israeli troops and Hezbollah guerrillas were reported in south "
                  "Lebanon.").events or []
    assert ("ASSAULT", "ISR", "LBN") in dyads(events)


@model
def test_a_purpose_clause_made_the_root_is_no_headline_announcement(code):
    events = code("Demonstrators in Athens hurled stones at the U.S. embassy to protest the bombing of "
                  "Libya.").events or []
    assert [(e.type, e.aux) for e in events] == [("PROTEST", [])]


@model
def test_jets_made_abroad_are_neither_the_makers_nor_rebel_fighters(code):
    events = code("Soviet-made MiG fighters bombed rebel positions in Afghanistan.").events or []
    assert [(e.type, e.source.country, e.source.sector) for e in events] == [("ASSAULT", None, None)]



@model
@pytest.mark.parametrize(("text", "expected"), [
    ("Britain ordered three Soviet diplomats to leave the country within a week.", ("SANCTION", "GBR", "RUS")),
    ("Three Soviet diplomats were ordered to leave Britain.", ("SANCTION", "GBR", "RUS")),
])
def test_people_ordered_to_leave_are_expelled(text, expected, code):
    assert dyads(code(text).events or []) == {expected}


WIRE_CASES = [
    # the verb a noun pattern names does the act, not whoever undid it before
    ("The Soviet Union and Israel restored full diplomatic relations, broken off by Moscow after the 1967 war.",
     ("COOPERATE", "RUS", "ISR")),
    # a broker named in one hyphenated word is not a party
    ("Representatives of the Salvadorean government and FMLN rebels opened a new round of U.N.-mediated peace "
     "talks in Mexico City.", ("CONSULT", "SLV", "SLV")),
    # a warning that one's own capital or country will act is a threat at whom it warns
    ("Foreign Minister Pik Botha warned Zimbabwe that Pretoria would strike at ANC guerrilla bases.",
     ("THREATEN", "ZAF", "ZWE")),
    # the subject the parser hung on an opening participle
    ("Prime Minister Robert Mugabe, addressing a rally in Harare, denounced Pretoria for waging war.",
     ("ACCUSE", "ZWE", "ZAF")),
    # 'by telephone' is the means, not the agent, and 'with' hangs on it
    ("Mubarak conferred by telephone with King Fahd.", ("CONSULT", "EGY", "SAU")),
    ("The Saudi foreign minister conferred by telephone with his Iraqi counterpart.", ("CONSULT", "SAU", "IRQ")),
    # talks ended after their time were held; a journey for talks with someone is aimed at them
    ("Iran and Iraq ended a round of talks in Geneva.", ("CONSULT", "IRN", "IRQ")),
    ("King Hussein flew to Damascus for a meeting with Iraqi leaders.", ("CONSULT", "JOR", "IRQ")),
    # a state's police detaining someone of no named country detain their own
    ("Dissident Wei Jingsheng was detained by Beijing police.", ("COERCE", "CHN", "CHN")),
    # the possessor of a demand, call or appeal asks; the clause subject is asked
    ("The ILO reiterated its demand that Israel ease restrictions on Palestinian workers.", ("REQUEST", "IGO", "ISR")),
    ("The UN repeated its call for Israel to withdraw from Lebanon.", ("REQUEST", "IGO", "ISR")),
    ("Syria's demand for an Israeli withdrawal won the backing of the Arab League.", ("SUPPORT", "IGO", "SYR")),
    ("Seoul shipped 200,000 tonnes of fertiliser to North Korea.", ("AID", "KOR", "PRK")),
    ("Colombian and Venezuelan troops carried out joint patrols along their common border.",
     ("COOPERATE", "COL", "VEN")),
]


@model
@pytest.mark.parametrize("text", [
    "The ILO reiterated its demand that Israel ease restrictions on Palestinian workers.",
    "Egypt renewed its appeal to Iran to accept the cease-fire.",
    "Syria's demand for a full Israeli withdrawal from the Golan Heights won the backing of the Arab League.",
])
def test_what_is_demanded_is_not_done(text, code):
    asserted = {e.type for e in code(text).events or [] if e.asserted}
    assert asserted <= {"REQUEST", "SUPPORT"}, asserted


@model
def test_a_seat_of_power_naming_a_place_is_no_target(code):
    events = code("Sadat and Begin signed a peace treaty on the White House lawn.").events or []
    assert all(e.target is None or e.target.country != "USA" for e in events), dyads(events)


MORE_WIRE_CASES = [
    # a threat's condition is not what is threatened
    ("Saddam Hussein threatened to burn half of Israel with chemical weapons if it attacked Iraq.",
     ("THREATEN", "IRQ", "ISR")),
    # the claimant of an attack did it, and is not its target
    ("A suicide bomber killed 18 people on a bus in Jerusalem, in an attack claimed by Hamas.",
     ("ASSAULT", "PSE", "ISR")),
    # 'his kidnappers' are not of his country; those held somewhere are freed by its authorities
    ("American hostage Terry Anderson was freed by his Shiite Moslem kidnappers in Beirut.",
     ("RETREAT", "LBN", "USA")),
    ("Two American journalists held in North Korea were freed on Wednesday.", ("RETREAT", "PRK", "USA")),
    # a noun's 'of' phrase carries where its act goes
    ("The withdrawal of the last Russian troops from Estonia was completed on Wednesday.", ("RETREAT", "RUS", "EST")),
    ("Islamabad dismissed as baseless Indian charges of meddling.", ("REJECT", "PAK", "IND")),
    ("The Irish Republican Army announced a complete cessation of military operations.", ("CONCEDE", "GBR", "GBR")),
    ("The Tamil Tigers agreed to attend talks with the Colombo government in Thailand.", ("AGREE", "LKA", "LKA")),
]


@model
@pytest.mark.parametrize("text", ["Iran threatened to launch attacks on Iraq.",
                                  "Iran agreed to attend talks with Iraq next month.",
                                  "Syria refused to hold talks with Israel."])
def test_the_act_a_wrapped_verb_governs_is_not_done(text, code):
    asserted = [e.type for e in code(text).events or [] if e.asserted]
    assert len(asserted) == 1 and asserted[0] in ("THREATEN", "AGREE", "REJECT"), asserted


YET_MORE_WIRE_CASES = [
    # a purpose infinitive is done by its main verb's subject
    ("Tens of thousands of Serbs took to the streets of Belgrade to protest against the annulment of the "
     "opposition's wins in local elections.", ("PROTEST", "SRB", "SRB")),
    ("Coca growers led by Evo Morales blocked highways across Bolivia to protest against the government's "
     "programme.", ("PROTEST", "BOL", "BOL")),
    # 'a charge X denied' does not deny that the charge was made
    ("Kinshasa accused Rwanda of sending troops into North Kivu, a charge Kigali denied.", ("ACCUSE", "COD", "RWA")),
    # a demonym after Central, Latin or South names a region
    ("Nicaragua welcomed the Central American peace plan put forward by Costa Rican President Oscar Arias.",
     ("SUPPORT", "NIC", "CRI")),
    ("Israel mounted its long-threatened invasion of South Lebanon.", ("ASSAULT", "ISR", "LBN")),
    # non-state truces are aimed at the actors' own country
    ("Nepal's Maoist rebels declared a three-month cease-fire.", ("CONCEDE", "NPL", "NPL")),
    # people deported somewhere are of that country; expelled workers are deported
    ("Thailand deported more than 4,000 ethnic Hmong asylum-seekers to Laos.", ("COERCE", "THA", "LAO")),
    ("Libya expelled thousands of Egyptian workers.", ("COERCE", "LBY", "EGY")),
    ("Chile's military government lifted the state of siege.", ("CONCEDE", "CHL", "CHL")),
    ("Israeli forces reoccupied six West Bank cities.", ("COERCE", "ISR", "PSE")),
    ("Workers stayed away from work in Johannesburg.", ("PROTEST", "ZAF", "ZAF")),
    ("South African transport planes dropped arms and fuel to UNITA rebels.", ("AID", "ZAF", "AGO")),
    ("China warned Vietnam it would teach Hanoi a second lesson.", ("THREATEN", "CHN", "VNM")),
]


PARSER_SLIP_CASES = [
    # 'Visiting X and Y discussed ...' read as a gerund subject: X and Y discussed
    ("Visiting Kazakh President Nursultan Nazarbayev and Chinese President Hu Jintao discussed energy cooperation "
     "at the Great Hall of the People on Monday, Xinhua said.", ("CONSULT", "KAZ", "CHN")),
    # 'X became the first country to recognise Y'
    ("Pakistan on Sunday became the first country to formally recognise the Taliban movement as the country's "
     "legitimate government.", ("SUPPORT", "PAK", "AFG")),
    # a build-up shares the target of the same actor's other build-up in the sentence
    ("Eritrea mobilised thousands of reservists and moved troops toward the disputed border with Ethiopia.",
     ("MOBILIZE", "ERI", "ETH")),
]


@model
def test_a_suspension_of_attacks_is_no_attack(code):
    events = code("Hamas and Islamic Jihad declared a three-month suspension of attacks on Israelis.").events or []
    assert not [e for e in events if e.type == "ASSAULT" and e.asserted], dyads(events)


@model
def test_a_named_proposer_of_a_rejected_deadline_is_its_target(code):
    events = code("Iraq rejected the U.N. deadline of Jan. 15 for its withdrawal from Kuwait.").events or []
    assert ("REJECT", "IRQ", "IGO") in dyads(events)


@model
def test_the_end_of_a_meeting_does_not_undo_it(code):
    events = code("Iran and Iraq held talks until the end of their meeting in Geneva.").events or []
    assert all(e.asserted for e in events if e.type == "CONSULT"), dyads(events)


DELIVERY_AND_PLACE_CASES = [
    ("The Soviet Union has delivered a squadron of MiG-29 fighter planes to Syria.", ("AID", "RUS", "SYR")),
    ("Libya has airlifted about 2,000 troops and armoured vehicles into northern Chad.", ("MOBILIZE", "LBY", "TCD")),
    # 'by ship' is how, not who: the authorities of the place they leave deport them
    ("More than 500 illegal Indonesian workers were deported from Malaysia by ship on Monday.",
     ("COERCE", "MYS", "IDN")),
    ("Coal miners in Siberia's Kuzbass region went on strike on Tuesday.", ("PROTEST", "RUS", "RUS")),
]

# Twenty-first session: ultimatums, warnings, acts at home, blockades by people.
ULTIMATUM_AND_HOME_CASES = [
    # 'gave X until ... to V or face Y' is the giver's threat at X, whatever the verbs
    ("The Arab League gave Libya until Friday to end the shelling of Misrata or face suspension.",
     ("THREATEN", "IGO", "LBY")),
    ("Ankara warned Baghdad to close the PKK camps or face the consequences.", ("THREATEN", "TUR", "IRQ")),
    # 'cautioned' warns as 'warned' does
    ("Tokyo cautioned Seoul that it would take countermeasures.", ("THREATEN", "JPN", "KOR")),
    # an article that names no other country tells of acts at home
    ("King Birendra restored the dissolved parliament after weeks of protests in Kathmandu.",
     ("CONCEDE", "NPL", "NPL")),
    # a curfew imposed on a place is its own authorities'
    ("A curfew was imposed on Dhaka after the riots.", ("COERCE", "BGD", "BGD")),
    # insurgents fought where the fighting is, not of their attackers' country
    ("Kenyan troops fought Islamist militants around Mogadishu's port.", ("ASSAULT", "KEN", "SOM")),
    # people, not a state, who blockade roads protest
    ("Angry farmers blockaded the main highways across Paraguay.", ("PROTEST", "PRY", "PRY")),
    # an unnamed agent of an arrest or a release in an article of one country is its authorities
    ("Opposition leader Kim Dae-jung was placed under house arrest on Sunday.", ("COERCE", "KOR", "KOR")),
    # an oil terminal is struck, not oil; a salvo of rockets is fired, not a metaphor
    ("Iraqi warplanes struck the Iranian oil terminal on Kharg Island.", ("ASSAULT", "IRQ", "IRN")),
    ("Afghan guerrillas fired a salvo of rockets into Kabul.", ("ASSAULT", "AFG", "AFG")),
    # refusing to impose or halt a sanction-like act rejects what was asked; an announced lifting concedes
    ("Britain refused to impose economic sanctions on South Africa.", ("REJECT", "GBR", "ZAF")),
    ("The Polish government announced the lifting of martial law.", ("CONCEDE", "POL", "POL")),
    # people of no named country freed by a state are its own, as those it detains are
    ("The Sandinista government released 1,800 former National Guardsmen.", ("RETREAT", "NIC", "NIC")),
    # an act noun whose doer is its possessor or its national adjective
    ("The Vietnamese troop pullout from Cambodia was completed on Tuesday.", ("RETREAT", "VNM", "KHM")),
    ("Turkey's massing of troops along the Syrian border alarmed Damascus.", ("MOBILIZE", "TUR", "SYR")),
    ("Tehran's rejection of the British proposal was expected.", ("REJECT", "IRN", "GBR")),
    # a state of siege is no siege laid
    ("Bolivia's military government imposed a state of siege.", ("COERCE", "BOL", "BOL")),
]


@model
def test_an_ultimatum_is_one_threat_not_the_demanded_act(code):
    events = code("The Security Council gave Iraq until January 15 to withdraw from Kuwait or face military "
                  "action.").events or []
    assert dyads(events) == {("THREATEN", "IGO", "IRQ")}


@model
@pytest.mark.parametrize(("text", "expected"), [
    # a protest worded twice in a sentence is one protest, at whom its second wording names
    ("Dutch students formed a human chain around the parliament to protest against the deployment of "
     "American cruise missiles.", {("PROTEST", "NLD", "USA")}),
    # two leaders setting up a line between their capitals act at each other, not at themselves
    ("Greek Prime Minister Constantine Mitsotakis and Turkish Prime Minister Suleyman Demirel agreed to set up "
     "a hotline between Athens and Ankara.", {("AGREE", "GRC", "TUR"), ("AGREE", "TUR", "GRC")}),
    # where a plan named by the act was signed is not where the act is
    ("The Khmer Rouge refused to disarm its fighters under the peace plan signed in Paris.",
     {("REJECT", "KHM", None)}),
])
def test_one_incident_one_dyad(text, expected, code):
    assert dyads(code(text).events or []) == expected


@model
def test_a_possible_or_planned_act_is_not_asserted(code):
    events = code("A possible Turkish invasion of northern Iraq alarmed Baghdad.").events or []
    assert events and not any(e.asserted for e in events if e.type == "ASSAULT"), dyads(events)


@model
def test_an_opening_salvo_in_a_trade_war_is_no_attack(code):
    events = code("Beijing fired the opening salvo in a trade war with Washington.").events or []
    assert not any(e.type == "ASSAULT" for e in events), dyads(events)


@model
def test_victims_of_no_known_country_are_those_of_the_same_attackers_attack(code):
    events = code("Eight people were killed when Soviet paratroopers stormed the parliament in Vilnius.").events or []
    assert {(e.type, e.source.country, e.target and e.target.country) for e in events} == {
        ("ASSAULT", "RUS", "LTU")}, dyads(events)


@model
def test_an_act_is_at_home_only_where_the_article_names_no_other_country(code):
    events = code("The government lifted the ban on rallies. Washington welcomed the move.").events or []
    assert ("CONCEDE", "USA", "USA") not in dyads(events), dyads(events)


@model
def test_where_an_opening_participle_puts_the_actors_is_no_target(code):
    events = code("Meeting in Casablanca, the Arab League endorsed the Taif accord.").events or []
    assert all(e.target is None or e.target.country != "MAR" for e in events), dyads(events)


@model
@pytest.mark.parametrize("text", [
    "About 1,000 Palestinian prisoners in Israeli jails began an open-ended hunger strike on Monday.",
    "Some 1,500 Palestinian prisoners held in Israeli jails went on hunger strike to demand better conditions.",
])
def test_prisoners_protest_against_their_jailers(text, code):
    assert ("PROTEST", "PSE", "ISR") in dyads(code(text).events or [])


@model
@pytest.mark.parametrize(("text", "expected"), WIRE_CASES + MORE_WIRE_CASES + YET_MORE_WIRE_CASES + PARSER_SLIP_CASES
                         + DELIVERY_AND_PLACE_CASES + ULTIMATUM_AND_HOME_CASES)
def test_wire_constructions_code_their_asserted_dyad(text, expected, code):
    events = code(text).events or []
    assert expected in dyads([e for e in events if e.asserted]), dyads(events)
