"""Actor resolution: names, roles and pronouns in a parsed article become actors.

Every noun-phrase head that denotes an actor gets a ``Mention`` whose ``head``
is that word's offset; the coder looks actors up by head.  Each actor says
which knowledge-base entry resolved it and why (``actor_id``, ``reason``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Iterable

from spacy.attrs import IDX

from ..datelines import dateline_names, in_dateline
from ..model import Actor, Document, Mention
from ..nlp import (COMPASS_POINTS, after_coordinator, hyphenated_span, is_gerund_read_as_adjective, is_hyphen_joined,
                   is_stranded_coordinate, word_starting_at, words_tagged, words_with_tag)
from ..pipeline import FunctionStage
from ..when import MONTHS, WEEKDAYS
from .kb import Ambiguity, Entry, KnowledgeBase, fold, name_key
from .names import NameMatch, find_names


def objects_of(prep) -> list:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]

NOUN_POS = {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "nummod"}
# Prepositions naming whose a role is, or where its people are ('students throughout Colombia').
OWNER_PREPS = {"of", "in", "from", "throughout", "across"}
# Roles that speak or act for someone named with 'for': 'a spokesman for the ministry' is the ministry's.
SPEAKING_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "envoy", "negotiator", "representative"})
# Roles that serve someone named with 'to': 'a senior aide to Arafat', 'an adviser to the president'.
SERVING_ROLES = frozenset({"aide", "adviser", "advisor"})
# Nouns for a kind of state ('the kingdom'); written as part of a name ('the Gagauz Republic') they refer to nothing.
EPITHET_NOUNS = frozenset({"kingdom", "republic", "emirate", "sultanate"})
# Nouns that refer back to actors already named ('the two countries', 'the party'), with the
# sector they imply (None keeps the antecedent's).
PAIR_NOUNS = {"country": "GOV", "nation": "GOV", "government": "GOV", "state": "GOV", "capital": "GOV",
              **dict.fromkeys(EPITHET_NOUNS, "GOV"),
              "side": None, "party": "PTY", "leader": None, "neighbor": None, "neighbour": None}
# Participles saying where people come from or belong: 'refugees fleeing X', 'workers affiliated with X'.
ORIGIN_VERBS = frozenset({"flee", "escape", "affiliate", "belong", "base", "expel", "deport", "displace", "order",
                          "drive", "hail", "originate", "uproot"})
BELIEF_VERBS = frozenset({"believe", "think", "suspect", "say", "report", "know"})  # 'believed to be from X'
SAID_ORIGIN_PREPS = frozenset({"from", "of", "to"})
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "outside", "near", "throughout", "across", "through", "from",
                            "around"})
# Participles of where a group is trained, kept or hidden, often abroad: 'rebels trained in Libya'.
HAVEN_PARTICIPLES = frozenset({"train", "base", "exile", "harbour", "harbor", "shelter", "hide", "arm", "equip"})
SCENE_PREPS = LOCATIVE_PREPS - {"from"}  # where something happens, not where someone comes from
CROWD_WORDS = frozenset({"thousand", "hundred", "dozen", "ten"})
NON_STATE_CODES = frozenset({"IGO", "NGO"})
# Nouns for the other party of a relation: "Syria's neighbours", "Israel's militia ally" are not Syria's or Israel's.
RELATION_NOUNS = frozenset({"ally", "partner", "proxy", "neighbour", "neighbor", "rival", "enemy", "foe", "adversary",
                            "opponent", "client", "kidnapper", "captor", "abductor", "hijacker", "jailer", "killer",
                            "attacker", "assailant"})  # 'his kidnappers' are not of his country
OTHER_SIDE_NOUNS = RELATION_NOUNS | {"counterpart"}  # the other side one deals with
# Offices only a state has: a minister is never the UN's.
NATIONAL_OFFICES = frozenset({"government", "minister", "president", "vice president", "vice-president",
                              "prime minister", "premier", "chancellor", "foreign minister", "foreign secretary",
                              "secretary of state", "defence minister", "defense minister", "defense secretary",
                              "interior minister", "finance minister", "king", "queen", "monarch", "parliament",
                              "parliamentarian", "member of parliament"})
# Roles serving abroad: 'diplomats in Kabul' are not Afghanistan's.
POSTED_ROLES = frozenset({"diplomat", "ambassador", "envoy", "embassy", "consulate", "consul", "attache",
                          "attaché", "legation"})
# Qualifiers of people who are no one country's: 'world leaders', 'Western diplomats'.
BEYOND_ONE_COUNTRY = frozenset({"world", "global", "international", "foreign", "western", "regional", "arab",
                                "african", "european", "asian", "latin", "gulf"})
ALLEGIANCE_WORDS = frozenset({"loyal", "faithful"})  # not "allied with Iran": local militias stay local
ARMED = frozenset({"REB", "UAF", "CRM", "MIL"})  # armed groups fight abroad: no branch by context
# Sectors of people who belong where they act ('prisoners rioted in Dili'), unlike officials or
# troops, who travel ('officials met in Oslo').
LOCAL_SECTORS = frozenset({"CVL", "REB", "UAF", "LAB", "EDU", "AGR", "CRM", "COP", "OPP", "HLH", "REL"})
STATE_FORCE_SECTORS = frozenset({"GOV", "MIL", "COP"})
# A state's own institutions (and a role of no sector): those a story's dateline may give a country,
# and whose office words a non-state group's leaders take its sector in.
STATE_SECTORS = STATE_FORCE_SECTORS | {None, "JUD", "LEG", "SPY"}
# Nouns that refer back to the last group named that is no state body ('Hamas said ... the group').
GROUP_NOUNS = frozenset({"group", "movement", "organization", "organisation", "militia", "faction"})
GROUP_SECTORS = frozenset({"REB", "UAF", "OPP", "PTY", "NGO", "HRI", "CRM", "LAB", "REL"})
# Negotiating 'with': a group a state talks or makes a deal with is of that state ('talks with rebels in Oslo').
COUNTERPART_WORDS = frozenset({"talk", "negotiation", "negotiate", "dialogue", "agreement", "accord", "deal", "pact",
                               "treaty", "ceasefire", "truce", "settlement", "agree", "sign", "reconcile"})
# Giving and sending: a state something goes 'to' is not the giver's ('approved the sale of F-16s to Pakistan').
TRANSFER_WORDS = frozenset({"sale", "sell", "send", "deliver", "delivery", "supply", "export", "shipment", "ship",
                            "transfer", "give", "grant", "provide", "loan", "donate", "donation"})
# Words that make a news outlet a state's own: 'the official news agency', 'state-run television'.
OFFICIAL_OUTLET_WORDS = frozenset({"official", "state", "state-run", "state-owned", "state-controlled", "government",
                                   "government-run", "government-owned", "government-controlled"})
ARMED_GROUP_SECTORS = frozenset({"REB", "UAF", "CRM"})  # who attack others, seldom their own people
VICTIM_SECTORS = frozenset({"CVL", "LAB", "EDU", "AGR", "HLH", "REL", "MED"})  # people an attack can hit
NON_STATE_SECTORS = LOCAL_SECTORS | {"OPP", "MED", "BUS", "NGO"}
GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4}
NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
SINGULAR_PRONOUNS = {"it", "its"}
# Prepositions naming what a complaint is about: 'protested to China over its occupation'.
GRIEVANCE_PREPS = frozenset({"over", "about", "regarding"})
PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_KINDS = frozenset({"city", "state", "region", "facility"})
MISSPELT_LABELS = frozenset({"", "GPE", "NORP", "LOC", "ORG"})
PLACE_PREPS = frozenset({"in", "at", "near", "into", "to", "from", "toward", "towards", "outside", "inside", "across",
                         "around", "through"})
MISLABELLED_PLACE_PRIOR = 5.0  # log10 population: a city of 100,000 or more
# Verbs whose object does what their infinitive says: 'urged Putin to meet him' (Putin meets).
OBJECT_CONTROL_VERBS = frozenset({"urge", "ask", "tell", "persuade", "order", "force", "invite", "encourage",
                                  "allow", "press", "push", "convince", "compel", "instruct", "warn", "beg"})
# Nouns whose 'of' phrase is a place: 'control of Aleppo', 'the outskirts of Goma'.
PLACE_OF_NOUNS = frozenset({"control", "siege", "fall", "capture", "recapture", "outskirts", "occupation",
                            "liberation", "shelling", "bombardment", "centre", "center", "suburb", "street",
                            "district", "neighbourhood", "neighborhood", "quarter"})
# ... in the plural only: 'areas of Aleppo' is the city's, 'the Pangram area of Sarkh' a hamlet's
PLACE_OF_PLURALS = frozenset({"area", "part"})
# 'Karlovac overnight', 'Baalbek Sunday': the tagger folds a place before a time into the time.
TIME_LABELS = frozenset({"DATE", "TIME"})
CALENDAR_WORDS = frozenset({*MONTHS, *WEEKDAYS, *(day[:3] for day in WEEKDAYS)})
PLACE_WORDS = frozenset({"town", "city", "village", "province", "region", "district", "capital", "state", "port",
                         "island", "enclave", "suburb", "county", "oblast", "governorate", "prefecture"})
# Entity labels under which a knowledge-base name is not an actor ("Jordan" the person).
CONFLICTING_LABELS = {"country": set(), "capital": set(), "demonym": set(),
                      "seat": set(), "organization": set(), "person": {"GPE", "LOC"}}


@dataclass
class ArticleContext:
    """What the resolver has seen so far in the article, for coreference."""

    recent: list[Mention] = field(default_factory=list)

    def remember(self, mention: Mention) -> None:
        self.recent.append(mention)

    def last(self, before: int, accept) -> Mention | None:
        for mention in reversed(self.recent):
            if mention.start < before and mention.actor.country and accept(mention):
                return mention
        return None

    def last_countries(self, before: int, count: int, exclude: set[str]) -> list[Mention]:
        found: list[Mention] = []
        for mention in reversed(self.recent):
            country = mention.actor.country
            if (mention.start < before and country and country not in exclude and mention.kind != "coref"
                    and len(country) == 3 and country not in {m.actor.country for m in found}):
                found.append(mention)
                if len(found) == count:
                    break
        return found


FORMER_WORDS = frozenset({"former", "ex", "ex-", "then", "then-", "late", "onetime", "one-time", "erstwhile", "ousted",
                "deposed", "exiled"})


# Given names a title may stand before, between it and a surname the knowledge base matched.
MAX_GIVEN_NAMES = 2


def is_former(token) -> str:
    """The word ('former', 'ex-', 'late') that marks a role or name as a past office, or ''."""
    doc = token.doc
    start = token.left_edge.i
    for word in doc[max(0, start - 2):token.i]:
        if word.lower_ in FORMER_WORDS or word.lower_.startswith(("ex-", "then-")):
            return word.text
    return ""


BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
OWNER_IN_PHRASE = "named in the phrase"
# 'North and ' right before 'South Korea': the first of two names sharing their last word
SHARED_COMPASS = re.compile(r"\b(" + "|".join(sorted(w.title() for w in COMPASS_POINTS)) + r")\s+and\s+$")
GROUP_LED_ROLES = frozenset({"leader", "leadership"})  # sector follows the group led (roles.tsv)


def neighbour_offsets(sentence) -> set[int]:
    """'troops deployed to the border with Pakistan', 'rebel camps near the Thai border': the country
    across a border is nobody's home in the sentence; its words are left out of the sentence context."""
    return {t.idx for token in sentence if token.head.lemma_.lower() in BORDER_NOUNS and (
            token.lower_ == "with" or token.dep_ in ("amod", "compound") and token.i < token.head.i)
            for t in token.subtree}


def weapon_owner_offsets(sentence) -> set[int]:
    """'Five civilians were killed by an Israeli rocket': a country word on a weapon or an attack
    names who used it, not whose the victims or bystanders are."""
    return {t.idx for word in sentence if word.pos_ == "NOUN" and word.lemma_.lower() in VIOLENT_ACT_NOUNS
            for c in word.children if c.dep_ in ("amod", "compound", "nmod") and c.i < word.i for t in c.subtree}


def speaker_offsets(token) -> set[int]:
    """The words of whoever reports the clause a subject is in: 'Iraqi police' in 'Iraqi police
    said gunmen kidnapped ...' or in 'according to Iraqi police, gunmen kidnapped ...'."""
    clause = token.head
    if token.dep_ != "nsubj":
        return set()
    cited = {t.idx for c in clause.children if c.dep_ == "prep" and c.lower_ == "according"
             for to in c.children if to.lower_ == "to" for o in to.children for t in o.subtree}
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return cited
    return cited | {t.idx for s in clause.head.children if s.dep_ == "nsubj" for t in s.subtree}


# Verbs of going to and meeting others: where their subject goes or meets is someone else's country.
VISITING_VERBS = frozenset({"arrive", "fly", "travel", "go", "come", "visit", "meet", "tour", "land", "confer"})


def visits_or_meets_abroad(token) -> bool:
    """'The prime minister arrived in Beijing', 'the minister met his Iraqi counterpart in Baghdad':
    a subject that goes somewhere or meets others there is not told apart from them by the
    countries of its sentence."""
    verb = token.head if token.dep_ == "nsubj" else None
    if verb is None or verb.lemma_.lower() not in VISITING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]  # 'met his counterpart in Baghdad'
    if objects and verb.lemma_.lower() in ("visit", "tour"):
        return True
    return any(p.dep_ == "prep" and p.lower_ in ("in", "to", "at") for head in (verb, *objects) for p in head.children)


def names_a_relation(token) -> bool:
    """'allies', 'militia' in 'militia ally', 'proxy militia': a possessor here names the other party."""
    return token.lemma_.lower() in RELATION_NOUNS or (
        token.dep_ == "compound" and token.head.lemma_.lower() in RELATION_NOUNS) or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in RELATION_NOUNS for c in token.lefts)


@dataclass(frozen=True)
class Title:
    """An office title written before a name ('President'), with the people.tsv roles it names."""

    name: str
    offices: frozenset[str]


def person_actor(entry: Entry, text: str, day: dt.date | None, titled: frozenset[str] = frozenset(),
                 title: Title | None = None) -> Actor:
    """A person's country and sector on a given day: GOV only while in office.  With no term that
    day, the country of the last term, or of the last one whose country the title names ('Soviet
    Foreign Minister Eduard Shevardnadze').  With no date at all, a current title the text gives
    ('President Jacques Chirac', not 'former') is the evidence that the person holds that office."""
    term = entry.term_on(day)
    if term is not None:
        span = f"{term.start or '?'}..{term.end or 'present'}"
        return Actor(text, term.country, term.sector, entry.id,
                     f"{entry.name}: {term.role} {term.country} {span} covers {day}")
    titled_terms = [t for t in entry.terms if t.country in titled]
    if day is None and title is not None:
        if office := [t for t in titled_terms or entry.terms if t.role in title.offices]:
            return Actor(text, office[-1].country, office[-1].sector, entry.id,
                         f"{entry.name}: no date, and the title '{title.name}' says in office "
                         f"({office[-1].role} {office[-1].country})")
    country = (titled_terms or entry.terms)[-1].country if entry.terms else entry.country
    when = f"on {day}" if day else "with no date"
    return Actor(text, country, None, entry.id, f"{entry.name}: known, but not in office {when}")


def person_countries(entry: Entry) -> set[str]:
    return {t.country for t in entry.terms} | {entry.country}


def entry_actor(entry: Entry, text: str, day: dt.date | None, why: str) -> Actor:
    if entry.kind == "person":
        return person_actor(entry, text, day)
    sector = "CVL" if entry.kind == "demonym" else entry.sector
    return Actor(text, entry.country, sector, entry.id, f"{why} '{text}' ({entry.kind} {entry.source})")


@dataclass(frozen=True)
class Choice:
    """The entry a name resolves to (None: not an actor here) and, for a disputed name, why."""

    entry: Entry | None
    why: str = ""


PERSON_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "rep", "rep.", "sen", "sen.", "gov.",
                 "sir", "coach", "actor", "singer", "star"})
NON_ACTOR_READINGS = frozenset({"PLACE", "COMMON-NOUN"})


def cue_hits(text: str, cues: Iterable[str]) -> list[str]:
    """The cue phrases found in the text as whole words, not naming a border ('near the Iraqi
    border' says where, and most often that the actors are across it)."""
    return [cue for cue in cues if re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)(?!" + BORDER_AFTER + ")", text)]


BORDER_AFTER = r"\s+(?:border|frontier)\b"
NAMES_A_BORDER = re.compile(BORDER_AFTER)


def reading_entry(reading: str, match: NameMatch, name: str) -> Entry | None:
    """The entry for one reading of an ambiguous name; synthetic for readings the KB has no row for."""
    if reading in NON_ACTOR_READINGS:
        return None
    if reading == "US-STATE":
        return Entry(f"us_state:{fold(name)}", f"{name} (US state)", "place", "USA", None,
                     source="ambiguous.tsv")
    if reading == "PERSON":
        return next((e for e in match.entries if e.kind == "person"), None)
    same = [e for e in match.entries if e.country == reading]
    if same:
        order = ("country", "capital", "seat", "demonym", "organization", "person")
        return min(same, key=lambda e: order.index(e.kind) if e.kind in order else len(order))
    if reading in ("IGO", "REL", "BUS"):
        return Entry(f"{reading.lower()}:{fold(name)}", name, "organization", reading if reading == "IGO" else None,
                     reading, source="ambiguous.tsv")
    if (body := next((e for e in match.entries if e.kind == "organization"), None)) is not None:
        return replace(body, country=reading)  # a group in several countries: 'Islamic State' in Syria
    kind = min({e.kind for e in match.entries} or {"country"})
    sector = "GOV" if kind in ("country", "capital", "seat") else None  # 'Kashmiri' is a people, not a state
    return Entry(reading, name, kind, reading, sector, source="ambiguous.tsv")


# Participles naming a group's foreign patron or its arms' maker: 'Rwandan-backed rebels' are not
# Rwanda's, 'Soviet-made jets' not the Soviet Union's.
PATRON_PARTICIPLES = frozenset({"back", "support", "fund", "arm", "sponsor", "finance", "train", "make", "build",
                                "supply", "equip", "manufacture"})
PATRON_SUFFIXES = ("-backed", "-supported", "-funded", "-armed", "-sponsored", "-financed", "-trained", "-made",
                   "-built", "-supplied", "-equipped", "-manufactured")


def patron_offsets(token) -> set[int]:
    """Where the patron of a group is named ('Rwandan-backed rebels', 'Iranian-funded militias', one
    token in 'U.S.-backed rebels'): not the group's own country, which its sentence may give."""
    participles = [c for c in token.children if c.dep_ == "amod"]
    return {t.idx for c in participles if c.lemma_.lower() in PATRON_PARTICIPLES for t in c.subtree if t.i != c.i} | {
        c.idx for c in participles if c.lower_.endswith(PATRON_SUFFIXES)}


def multiword_role(token, roles: dict[str, Entry]) -> Entry | None:
    """The longest role a word names with the modifiers before it ('the Secretary-General',
    'the ruling coalition'), by lemma and as written ('ruling' is the verb 'rule')."""
    compounds = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
    by_lemma = [fold(c.lemma_) for c in compounds] + [fold(token.lemma_)]
    as_written = [fold(c.text) for c in compounds] + [fold(token.lemma_)]
    for size in range(len(by_lemma), 1, -1):
        if role := roles.get(" ".join(by_lemma[-size:])) or roles.get(" ".join(as_written[-size:])):
            return role
    return None


def next_to_hyphen(token) -> bool:
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == "-" or token.i > 0 and doc[token.i - 1].text == "-"


def hyphenated_word(token):
    """The span of the word a token is part of when the tokenizer split it at hyphens ('secretary',
    '-', 'general'); the token alone otherwise."""
    doc, start, end = token.doc, token.i, token.i
    glued = lambda i: doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_  # 'w-'
    while start >= 2 and glued(start - 2):
        start -= 2
    while end + 2 < len(doc) and glued(end):
        end += 2
    return doc[start:end + 1]


def person_evidence(span, match: NameMatch) -> str | None:
    """Why a country-like name is a person here: part of a longer personal name, or after a title."""
    entity = next((e for e in span.doc.ents if e.start <= span.start and span.end <= e.end), None)
    if entity is not None and len(entity) > 1 and entity[-1].tag_ == "POS":
        entity = entity[:-1]  # "Sri Lanka's" tagged PERSON is no longer name than 'Sri Lanka'
    if entity is not None and entity.label_ == "PERSON" and len(entity.text) > len(match.text) + 1:
        return f"part of the personal name '{entity.text}'"
    previous = span.doc[span.start - 1] if span.start > 0 else None
    if previous is not None and previous.lower_ in PERSON_TITLES:
        return f"after the title '{previous.text}'"
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if previous is not None and previous.ent_type_ == "PERSON" and previous.is_title and previous.pos_ == "PROPN":
        return f"after the first name '{previous.text}'"
    if following is not None and following.ent_type_ == "PERSON" and following.pos_ == "PROPN" and following.is_title:
        return f"before the name '{following.text}'"
    return None


def choose_reading(ambiguity: Ambiguity, match: NameMatch, span, text: str,
                   article_countries: set[str], partner: frozenset[str] = frozenset()) -> tuple[str, str]:
    """Decide an ambiguous name's reading from the article: person evidence, cue words, countries named."""
    if "PERSON" in ambiguity.readings and (why := person_evidence(span, match)):
        return "PERSON", why
    if (state := office_state(span, match)) is not None:
        return state, f"it qualifies a state office, and '{match.text}' is {state}'s own name or adjective"
    votes: dict[str, list[str]] = {}
    for reading, cues in ambiguity.cues:
        hits = [c for c in cue_hits(text, cues) if c != match.text]
        if hits:
            votes.setdefault(reading, []).extend(f"cue '{c}'" for c in hits)
    own = own_countries(match)
    votes = {reading: why for reading, why in votes.items() if reading not in partner}  # 'Anglo-Irish'
    for reading in (r for r in ambiguity.readings if r not in partner):
        # 'Sudan' beside 'South Sudan', 'Macedonia' in an article naming Greece: a name that is one
        # state's own is another's only where its cues say so, not because that state is named
        if reading in article_countries and (len(own) != 1 or reading in own):
            votes.setdefault(reading, []).append(f"{reading} named elsewhere in the article")
    if votes:
        ranked = sorted(votes.items(), key=lambda kv: (-len(kv[1]), kv[0] != ambiguity.default))
        if len(ranked) == 1 or len(ranked[0][1]) > len(ranked[1][1]):
            reading, reasons = ranked[0]
            return reading, "; ".join(reasons[:3])
    return ambiguity.default, f"default reading ({ambiguity.source})"


def pair_partner_countries(span, kb: KnowledgeBase) -> set[str]:
    """The countries the other half of a hyphenated pair names ('Anglo' of 'Anglo-Irish')."""
    doc = span.doc
    before = [doc[span.start - 2]] if span.start >= 2 and is_hyphen_joined(doc[span.start - 2], span[0]) else []
    after = [doc[span.end + 1]] if span.end + 1 < len(doc) and is_hyphen_joined(span[-1], doc[span.end + 1]) else []
    return {e.country for partner in before + after for e in kb.lookup(partner.text)
            if e.kind in ("country", "demonym") and e.country}


def own_countries(match: NameMatch) -> set[str]:
    """The countries whose own name or adjective (countries.tsv) the name is."""
    return {e.country for e in match.entries
            if e.source.startswith("countries.tsv") and e.kind in ("country", "demonym")}


def office_state(span, match: NameMatch) -> str | None:
    """'the Irish prime minister' is Ireland's whatever the article is about: a state office
    qualified by a name that is one country's own (countries.tsv), and another's only by extension."""
    root = span.root
    office = " ".join(t.lemma_.lower() for t in root.doc[root.i + 1:root.head.i + 1])
    if root.dep_ not in ("amod", "compound") or office not in NATIONAL_OFFICES:
        return None
    own = {e.country for e in match.entries if e.source.startswith("countries.tsv")}
    return own.pop() if len(own) == 1 else None


def choose_entry(match: NameMatch, span, kb: KnowledgeBase, text: str, article_countries: set[str],
                 day: dt.date | None) -> Choice:
    """Pick among entries sharing a name: ambiguity data and context first, then the entity label."""
    key = fold(match.text)
    ambiguity = kb.ambiguous.get(key[4:] if key.startswith("the ") else key)
    label = span[0].ent_type_ or span.root.ent_type_
    if ambiguity is not None:
        partner = frozenset(pair_partner_countries(span, kb))  # the other half of a pair names another
        reading, why = choose_reading(ambiguity, match, span, text, article_countries, partner)
        entry = reading_entry(reading, match, match.text)
        return Choice(entry, f"'{match.text}' read as {reading}: {why}")
    usable = of_the_day(as_described([e for e in match.entries if label not in CONFLICTING_LABELS.get(e.kind, set())]
                                     or person_tagged_place(match), span, day), day)
    if usable and all(e.kind in ("country", "capital", "seat") for e in usable) and (
            why := person_evidence(span, match)):
        return Choice(None, f"'{match.text}' is a person here: {why}")  # 'Paris Hilton'
    if not usable:
        return Choice(None)
    countries = {e.country for e in usable}
    if len(countries) > 1:
        return choose_by_context(usable, match, article_countries, day)
    preferred = {"PERSON": "person", "ORG": "organization", "NORP": "demonym", "GPE": "country"}.get(label)
    for entry in usable:
        if entry.kind == preferred:
            return Choice(pick_person(usable, day) if entry.kind == "person" else entry)
    order = ("person", "organization", "country", "seat", "capital", "demonym")
    best = min(usable, key=lambda e: order.index(e.kind) if e.kind in order else len(order))
    return Choice(pick_person(usable, day) if best.kind == "person" else best)


def person_tagged_place(match: NameMatch) -> list[Entry]:
    """'Modi welcomed Biden': a name the KB knows only as a person, which the tagger calls a place,
    is still the person when no place bears it."""
    from ..where import resolve_name

    people = [e for e in match.entries if e.kind == "person"]
    return people if len(people) == len(match.entries) and resolve_name(match.text) is None else []


# Words before a name that say which of its organisations is meant: 'the rebel SPLA'.
DESCRIBED_SECTORS = {"rebel": "REB", "guerrilla": "REB", "insurgent": "REB"}


def as_described(entries: list[Entry], span, day: dt.date | None) -> list[Entry]:
    """Undated, of organisations sharing a name, the ones of the sector the words before it say:
    'the rebel Sudan People's Liberation Army' is Sudan's rebels, not South Sudan's army."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    sector = DESCRIBED_SECTORS.get(before.lower_) if before is not None and day is None else None
    described = [e for e in entries if e.kind == "organization" and e.sector == sector]
    return [e for e in entries if e.kind != "organization" or e in described] if described else entries


def of_the_day(entries: list[Entry], day: dt.date | None) -> list[Entry]:
    """Of organisations sharing a name ('SPLA': Sudan's rebels until 2011, then South Sudan's army),
    those that bore it on the day, undated the ones that still do; all of them if none did."""
    bodies = [e for e in entries if e.kind == "organization"]
    current = [e for e in bodies if e.exists_on(day)]
    if len(bodies) < 2 or not current:
        return entries
    return [e for e in entries if e.kind != "organization" or e in current]


def pick_person(entries: list[Entry], day: dt.date | None) -> Entry:
    """Of several people with one name ('Bush'), the one in office on the day, else the latest."""
    people = [e for e in entries if e.kind == "person"]
    in_office = [e for e in people if e.term_on(day) is not None]
    return (in_office or sorted(people, key=lambda e: max((t.start or dt.date.min) for t in e.terms)
                                if e.terms else dt.date.min))[-1]


def choose_by_context(entries: list[Entry], match: NameMatch, article_countries: set[str],
                      day: dt.date | None) -> Choice:
    """A name of entries in several countries ('Conservatives'): the one whose country the article names."""
    named = [e for e in entries if e.country in article_countries]
    if named:
        return Choice(named[0], f"'{match.text}' names {len(entries)} entries; {named[0].country} is named "
                                f"elsewhere in the article")
    in_office = [e for e in entries if e.kind == "person" and e.term_on(day) is not None]
    if in_office:
        return Choice(in_office[0], f"'{match.text}' names {len(entries)} people; one is in office on {day}")
    return Choice(None)  # nothing tells which one is meant: better no actor than a guess


ADMIN_WORDS = frozenset({"province", "state", "region", "district", "governorate", "prefecture", "county", "oblast",
                         "territory"})
COMPASS_WORDS = COMPASS_POINTS | {"northern", "southern", "eastern", "western", "central", "upper", "lower"}


def place_name_variants(name: str) -> list[str]:
    """'West Darfur State', 'Sindh province': the name as written, then without the administrative
    word, then without a compass word, since the gazetteer lists the bare region."""
    words = name.split()
    variants = [name]
    if len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
        words = words[:-1]
        variants.append(" ".join(words))
    if len(words) > 1 and words[0].lower() in COMPASS_WORDS:
        variants.append(" ".join(words[1:]))
    return variants


PORTFOLIO_HEADS = frozenset({"minister", "ministry", "secretary", "department", "portfolio"})


def is_portfolio(entry: Entry, span) -> bool:
    """'Serbian Labour Minister': a party name before 'Minister' names a portfolio, not the party."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return entry.sector == "PTY" and following is not None and following.lower_ in PORTFOLIO_HEADS


NUMBER_WORDS_BEFORE_HYPHEN = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                        "multi", "single", "one"})


def is_counted_format(token) -> bool:
    """'the six-party talks', 'a two-state solution', 'a 15-nation council': a counted role word
    names the format of something, not an actor."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-":
        return False
    before = doc[token.i - 2]
    return before.like_num or before.lower_ in NUMBER_WORDS_BEFORE_HYPHEN


# 'F-16', 'MiG-29', 'Su-27', 'B-52', 'AH-64': letters, a hyphen, a number
MODEL_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,3}-\d{1,3}[A-Z]?")


# Verbs that send people back where they belong: 'deported Afghans to Afghanistan'.
DEPORTING_VERBS = frozenset({"deport", "repatriate", "extradite", "expel", "return"})
# Words making a demonym a region's: 'Central American', 'Latin American', 'Native American'.
REGION_PREFIXES = frozenset({"Central", "Latin", "South", "North", "Native", "Pan", "Anglo", "Meso"})


def after_region_prefix(word) -> bool:
    return word.i > 0 and word.doc[word.i - 1].text in REGION_PREFIXES


# Parts of a seat of power named after it: 'the White House lawn', 'the Kremlin walls'.
GROUNDS = frozenset({"lawn", "garden", "gardens", "grounds", "gate", "gates", "steps", "wall", "walls", "courtyard",
                     "compound", "driveway", "balcony", "hall", "corridor", "rose"})
# Military aircraft known by maker or name alone: 'MiG fighters', 'Mirage jets'.
AIRCRAFT_NAMES = frozenset({"mig", "migs", "sukhoi", "mirage", "phantom", "tornado", "harrier", "skyhawk", "kfir",
                            "jaguar", "tupolev", "ilyushin", "antonov", "hawker", "super-etendard", "etendard"})


def is_model_designated(token) -> bool:
    """'F-16 fighters', 'MiG-29 fighters', 'MiG fighters': a role word after a model names a machine."""
    return any(c.dep_ in ("compound", "nummod", "amod") and (
        MODEL_DESIGNATION.fullmatch(c.text) or c.lower_ in AIRCRAFT_NAMES) for c in token.children if c.i < token.i)


CURRENCY_WORDS = frozenset({"dollar", "dollars", "cent", "cents", "pound", "pounds", "euro", "euros", "yen",
                            "yuan", "rouble", "roubles", "ruble", "rubles", "rupee", "rupees", "peso", "pesos"})


GEO_FEATURES = frozenset({"sea", "gulf", "ocean", "strait", "straits", "bay", "river", "lake", "channel",
                          "peninsula", "mountains", "desert", "basin", "delta", "islands", "canal"})


def inside_feature_name(span) -> bool:
    """Whether a name is part of a sea's or river's ('South China Sea', 'Sea of Japan')."""
    doc = span.doc

    def is_feature(token) -> bool:
        return token.lower_ in GEO_FEATURES and token.text[:1].isupper()

    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and is_feature(after):
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and is_feature(doc[span.start - 2])


# Agreements and meetings named after the city where they were made: 'the Lusaka peace accord',
# 'the Dayton agreement', 'the Geneva talks'; the city is no party to them.
CITY_NAMED_NOUNS = frozenset({"accord", "agreement", "protocol", "treaty", "convention", "declaration", "pact",
                              "process", "summit", "conference", "talk", "deal", "framework", "formula", "plan"})


def names_a_city_named_thing(span) -> bool:
    """Whether a name qualifies such a noun ('the Dayton agreement')."""
    root = span.root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() in CITY_NAMED_NOUNS


LANGUAGE_SUFFIXES = ("-speaking", "-language", "-speaker")


def names_a_language(text: str, end: int) -> bool:
    """'Russian-speaking separatists', 'an English-language daily': the name is a language's."""
    return text[end:end + 10].lower().startswith(LANGUAGE_SUFFIXES)


def names_a_currency(text: str, start: int, end: int) -> bool:
    """'US $2.63 billion', 'US$ 40 billion', 'Canadian dollars': a country name before a money sign
    or currency word names the money; but a full name spaced from the sign is who gets it ('gave
    Indonesia $5 billion')."""
    following = text[end:end + 12].lstrip()
    if following[:1] in ("$", "\u00a3", "\u20ac", "\u00a5"):
        name = text[start:end]
        return text[end:end + 1] == following[:1] or name.isupper() or name.endswith("an")
    word = following.split(" ", 1)[0].strip(".,;:").lower()
    return word in CURRENCY_WORDS


def is_title_inside_org_name(token) -> bool:
    """'General Motors', 'General Dynamics': a role word that modifies a proper noun of the same
    organisation name is part of the name, not a general or a government."""
    head = token.head
    return (token.dep_ == "compound" and token.ent_type_ == "ORG" and head.i != token.i and head.i > token.i
            and head.pos_ == "PROPN" and head.ent_type_ == "ORG" and head.ent_iob_ == "I"
            and token.is_title and not token.is_upper)


# Modifiers that make 'party' a participant, not a political party.
NON_POLITICAL_PARTY = frozenset({"third", "guilty", "injured", "interested", "aggrieved", "search", "working",
                                 "rescue", "dinner", "birthday", "launch", "signing", "contracting", "third-party"})
# Nouns of violence that can be a clause's subject without naming who did it ('a roadside bombing killed ...'),
# and whose country word names who used them, not the victims ('an Israeli rocket').
VIOLENT_ACT_NOUNS = frozenset({"bomb", "bombing", "blast", "explosion", "attack", "shelling", "rocket", "mortar",
                               "mine", "landmine", "minefield", "ambush", "raid", "airstrike", "gunfire", "shooting",
                               "grenade", "missile", "shell", "ied", "firefight", "assault", "bomber", "car-bomb",
                               "offensive", "bombardment", "clash", "fighting", "shootout", "gunbattle", "crossfire",
                               "strike", "massacre", "downing", "sinking"})
# Hardware words that stand for armed forces only with their owner named, and then unless civilian;
# warplanes strike abroad as often as at home, so are never of the country they are over ('a bomber'
# is most often a person).
CRAFT_ROLES = frozenset({"aircraft", "jet", "helicopter", "plane", "airplane", "ship", "vessel", "boat",
                         "warplane", "fighter jet", "drone", "gunship"})
CIVIL_CRAFT_WORDS = frozenset({"passenger", "commercial", "civilian", "civil", "cargo", "airline", "private"})
PRESS_OCCASIONS = frozenset({"conference", "release", "briefing", "statement", "freedom", "room", "pass", "gallery",
                             "coverage", "report", "kit"})


def is_press_occasion(token) -> bool:
    """'a press conference', 'a press release': 'press' names the occasion, not the news media."""
    return (token.lemma_.lower() == "press" and token.dep_ == "compound" and token.head.i > token.i
            and token.head.lemma_.lower() in PRESS_OCCASIONS)


# Verbs whose subject 'it' stands for the clause they take ('it seems that', 'it emerged that').
FEELING_VERBS = frozenset({"strike", "worry", "surprise", "concern", "amaze", "disturb", "trouble", "encourage",
                           "astonish", "alarm", "shock", "frighten", "puzzle", "reassure"})
RAISING_VERBS = frozenset({"seem", "appear", "emerge", "transpire", "turn"})


def is_in_longer_entity(token) -> bool:
    return token.ent_iob_ == "I" or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I")


def bears_given_names(person: Entry, surname) -> bool:
    """'Employee Steve Castro' is no Castro of the knowledge base named otherwise: the given names
    written before a surname must be the person's."""
    given = [c for c in surname.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
             and not c.text.endswith(".")]
    words = set(fold(person.name).replace("-", " ").split())
    return all(fold(c.text) in words for c in given)


def bears_a_given_name(person: Entry, span) -> bool:
    """A surname matched alone, after given names of its own, names a known person only if one of
    them is the person's: 'Atal Behari Vajpayee' is 'Atal Bihari Vajpayee', 'Abu Bakar Bashir' no
    Omar al-Bashir."""
    if len(span) > 1:
        return True
    given = [c for c in span.root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
             and not c.text.endswith(".")]
    words = set(fold(person.name).replace("-", " ").split())
    return not given or any(fold(c.text) in words for c in given)


def singular_forms(word: str) -> tuple[str, ...]:
    """The word and its singulars: a capitalised 'Rebels' opening a sentence is tagged a proper
    noun and keeps its plural as lemma."""
    forms = [word]
    if word.endswith("children"):  # 'schoolchildren', which the lemmatizer leaves as it is
        forms.append(word[:-3])
    elif word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss"):
        forms += [word[:-1]] + ([word[:-2]] if word.endswith("es") else [])
    return tuple(forms)


# Verbs whose object no actor attacks as its own: 'gunmen opened fire on their patrol' is the victims' patrol.
ATTACK_VERBS = frozenset({"attack", "open", "fire", "shoot", "bomb", "shell", "ambush", "raid", "storm", "strike",
                          "hit", "target", "torch", "overrun", "besiege", "kill", "wound", "harass", "seize",
                          "violate", "breach", "infringe", "invade", "occupy", "kidnap", "abduct", "capture"})


def owns_what_is_attacked(token) -> bool:
    """A possessive pronoun on the object of an attack ('attacked their convoy', 'opened fire on
    their patrol', 'violated its airspace', 'killed five of its soldiers'): the attacker's own clause
    subject is not who it stands for."""
    if token.dep_ != "poss":
        return False
    owned = token.head
    if owned.dep_ == "pobj" and owned.head.lower_ == "of" and owned.head.head.dep_ == "dobj":
        owned = owned.head.head  # 'killed five of its soldiers'
    verb = owned.head.head if owned.dep_ == "pobj" and owned.head.lower_ in ("on", "at", "against") else owned.head
    return owned.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in ATTACK_VERBS


def is_expletive_it(token) -> bool:
    """'it is hoped that', 'it is believed the talks ...', 'it emerged that': the 'it' stands for
    no actor.  A passive 'it' with a clause of its own is one whatever the verb."""
    if token.dep_ == "expl":
        return True
    if token.lower_ != "it":
        return False
    verb = token.head
    has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    raising = token.dep_ == "nsubj" and verb.lemma_.lower() in RAISING_VERBS
    # 'it is clear that ...': a copula with a predicate and a that-clause ('it is willing to' is referential)
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    predicate = token.dep_ == "nsubj" and verb.lemma_ == "be" and bool(predicates)
    clause_on_predicate = any(g.dep_ == "ccomp" for c in predicates for g in c.children)
    # 'it's striking / worrying that ...': a feeling verb's subject stands for the that-clause after it
    feeling = (token.dep_ == "nsubj" and verb.tag_ == "VBG" and verb.lemma_.lower() in FEELING_VERBS
               and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "that")
    return feeling or ((has_clause or clause_on_predicate) and (token.dep_ == "nsubjpass" or raising or predicate))


def titled_subject(token):
    """The clause subject a role word is or titles ('Interior Minister Charles Pasqua ordered ...')."""
    if token.dep_ == "compound" and token.head.dep_ == "nsubj":
        token = token.head
    return token if token.dep_ == "nsubj" else None


# Acts whose 'of' phrase names the people they are done to: 'ordered the expulsion of 20 Algerians'.
ACTS_ON_PEOPLE = frozenset({"expulsion", "deportation", "arrest", "release", "killing", "execution", "detention",
                            "extradition", "kidnapping", "abduction", "murder", "assassination", "eviction"})


class Resolver:
    """Resolves one parsed article; holds the article's coreference context."""

    def __init__(self, doc: Document, kb: KnowledgeBase):
        self.doc, self.kb = doc, kb
        self.day = doc.article.published
        self.parsed = doc.parsed
        self.word_starts = doc.parsed.to_array(IDX)
        self.context = ArticleContext()
        self.by_head: dict[int, list[Mention]] = {}
        self.names_by_token: dict[int, Mention] = {}
        self.names: list[Mention] = []
        self.article_countries: set[str] = set()  # named unambiguously anywhere in the article
        self.antecedents: dict[int, Mention] = {}  # a pronoun's head offset -> the mention it stands for

    def word_at(self, offset: int | None):
        return None if offset is None else word_starting_at(self.parsed, self.word_starts, offset)

    def proper_nouns(self):
        return map(self.parsed.__getitem__, words_tagged(self.parsed, ["PROPN"]))

    # -- names ---------------------------------------------------------------
    def name_mentions(self) -> list[Mention]:
        matches = [(m, self.parsed.char_span(m.start, m.end, alignment_mode="expand"))
                   for m in find_names(self.doc.text, self.kb)]
        matches = [(m, span) for m, span in matches if span is not None and not names_a_language(self.doc.text, m.end)
                   and not in_dateline(self.doc.text, span.sent.start_char, m.start)]
        named = self.article_countries = self.unambiguous_countries(m for m, _ in matches)
        if self.dateline_country is not None:  # 'Santos, Colombia -- ... the district of Santos'
            named.add(self.dateline_country.country)
        mentions = []
        for match, span in matches:
            if names_a_currency(self.doc.text, match.start, match.end):
                continue  # 'US $2.63 billion', 'Canadian dollars': money, not an actor
            if inside_feature_name(span):
                continue  # 'the South China Sea', 'the Gulf of Mexico': a sea, not the country
            choice = choose_entry(match, span, self.kb, self.doc.text, named, self.day)
            if choice.entry is None or is_portfolio(choice.entry, span):
                continue
            if choice.entry.kind == "demonym" and after_region_prefix(span[0]):
                continue  # 'the Central American peace plan', 'Latin American leaders': a region's, not 'South Lebanon'
            if choice.entry.kind in ("capital", "seat", "place") and names_a_city_named_thing(span):
                continue  # 'the Lusaka peace accord'
            if choice.entry.kind == "person":
                if not bears_a_given_name(choice.entry, span):
                    continue  # 'Abu Bakar Bashir' is no Omar al-Bashir
                titled, title = self.title_countries(span), self.office_title(span)
                if title is not None and titled and not titled & person_countries(choice.entry):
                    continue  # 'Jordanian Prime Minister Mohammad Dahlan' is no Palestinian Dahlan
                actor = person_actor(choice.entry, match.text, self.day, titled, title)
                if actor.sector is None and (body := self.serving_body(span)) is not None:
                    actor = Actor(match.text, body.country, body.sector, body.actor_id,
                                  f"{choice.entry.name}, out of office, titled as serving '{body.text}'")
            else:
                actor = entry_actor(choice.entry, match.text, self.day, "name")
            if choice.why:
                actor = replace(actor, reason=f"{actor.reason}; {choice.why}")
            kind = {"capital": "metonym", "seat": "metonym"}.get(choice.entry.kind, choice.entry.kind)
            mentions.append(self.name_mention(match.start, match.end, span, actor, kind))
        mentions.extend(self.place_mentions(named))
        mentions.extend(self.misspelt_country_mentions())
        mentions.extend(self.shared_name_mentions(mentions))
        return sorted(mentions, key=lambda m: m.start)

    def name_mention(self, start: int, end: int, span, actor: Actor, kind: str) -> Mention:
        mention = Mention(start, end, self.doc.text[start:end], actor, kind, span.root.idx)
        for token in span:
            self.names_by_token[token.i] = mention
        return mention

    def serving_body(self, span) -> Actor | None:
        """'U.N. envoy Ibrahim Gambari': an international body qualifying the title before a name."""
        start = self.given_names_start(span.start)
        if start == 0 or self.role_for(title := span.doc[start - 1]) is None or is_former(title):
            return None
        mentions = (self.names_by_token.get(word.i) for word in span.doc[max(0, title.i - 3):title.i])
        return next((m.actor for m in mentions if m is not None and m.actor.country in NON_STATE_CODES), None)

    def title_countries(self, span) -> frozenset[str]:
        """Countries a person's title names right before the name ('Soviet Foreign Minister')."""
        words = span.doc[max(0, span.start - 4):span.start]
        return frozenset(e.country for t in words if t.pos_ in ("ADJ", "PROPN") for e in self.kb.lookup(t.text)
                         if e.kind in ("demonym", "country") and e.country)

    def office_title(self, span) -> Title | None:
        """The office of a title right before a name ('President' in 'French President Jacques
        Chirac') or opening it ('King Hussein', a name of its own), unless it is a past one
        ('former President')."""
        opening = self.title_of(self.role_for(span[0])) if len(span) > 1 else None
        if opening is not None:
            return None if is_former(span[0]) else opening
        start = self.given_names_start(span.start)
        word = span.doc[start - 1] if start else None
        if word is None or word.pos_ not in ("PROPN", "NOUN"):
            return None
        if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.i < word.i:
            word = word.head.head  # 'Secretary of State Madeleine Albright'
            role = self.kb.roles.get(fold(span.doc[word.i:span.start].text))
        else:
            role = self.role_for(word)
        return None if is_former(word) else self.title_of(role)

    def given_names_start(self, name_start: int) -> int:
        """Where the given names before a matched name begin: 'Prime Minister Atal Behari Vajpayee',
        matched by its surname only, has its title before given names the knowledge base spells otherwise."""
        start = name_start
        while start > 0 and name_start - start < MAX_GIVEN_NAMES and (word := self.parsed[start - 1]).pos_ == "PROPN" \
                and word.is_title and word.dep_ == "compound" and word.head.i >= name_start \
                and self.role_for(word) is None:
            start -= 1
        return start

    def title_of(self, role: Entry | None) -> Title | None:
        offices = self.kb.role_offices.get(role.name) if role is not None else None
        return Title(role.name, offices) if offices else None

    def unambiguous_countries(self, matches: Iterable[NameMatch]) -> set[str]:
        """Countries named in the article by a name with one reading: the context for disputed names."""
        found = set()
        for match in matches:
            if NAMES_A_BORDER.match(self.doc.text, match.end):
                continue  # 'near the Iraqi border': where, not who
            countries = {e.country for e in match.entries if e.country and len(e.country) == 3
                         and e.kind in ("country", "capital", "seat", "demonym", "person", "organization")}
            key = fold(match.text)
            if len(countries) == 1 and (key[4:] if key.startswith("the ") else key) not in self.kb.ambiguous:
                found |= countries - NON_STATE_CODES
        return found

    @staticmethod
    def after_place_word(entity) -> bool:
        """'the town of Samarra', 'the Kherson region': the tagger's label aside, a place word says place."""
        words = [t.lower_ for t in entity.doc[max(0, entity.start - 2):entity.start]]
        if len(words) == 2 and words[1] == "of" and words[0] in PLACE_WORDS:
            return True
        head = entity.root.head
        return entity.root.dep_ == "compound" and head.i == entity.end and head.lemma_.lower() in PLACE_WORDS

    def stated_country(self, entity) -> str | None:
        """The country named right after a place and a comma ('Gombe, Nigeria', 'the Gombe region, Congo')."""
        end = entity.end
        if end < len(entity.doc) and entity.doc[end].lemma_.lower() in PLACE_WORDS:
            end += 1
        if end + 1 >= len(entity.doc) or entity.doc[end].text != ",":
            return None
        mention = self.names_by_token.get(end + 1)
        return mention.actor.country if mention is not None and mention.kind == "country" else None

    def place_mentions(self, named: set[str]) -> list[Mention]:
        """Towns, provinces and regions the KB lacks ('Kirkuk', 'Darfur') stand for their country, sector unknown."""
        from ..where import resolve_name

        mentions = []
        untagged = [self.parsed[t.i:t.i + 1] for t in self.proper_nouns() if (
            not t.ent_type_ or t.ent_type_ in TIME_LABELS and t.lower_ not in CALENDAR_WORDS)]
        entities = [hyphenated_span(e, self.doc.text) for e in self.parsed.ents if e.label_ not in TIME_LABELS]
        for entity in [*entities, *untagged]:
            if any(t.i in self.names_by_token for t in entity):
                continue
            mislabelled = entity.label_ not in PLACE_LABELS and not self.after_place_word(entity)  # '' untagged
            if mislabelled and not self.in_place_position(entity):
                continue
            if in_dateline(self.doc.text, entity.sent.start_char, entity.start_char):
                continue
            if names_a_city_named_thing(entity):
                continue  # 'the Dayton agreement'
            name = entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
            if fold(name) in self.kb.ambiguous:
                continue  # 'Victoria': ambiguous.tsv says which readings it has; the gazetteer would guess
            place = next((p for variant in place_name_variants(name) if (p := resolve_name(variant, sorted(named)))),
                         None) if name[:1].isupper() else None
            if place is None or place.kind not in PLACE_KINDS or not place.country:
                continue
            if (stated := self.stated_country(entity)) is not None and stated != place.country:
                continue  # 'the Gombe region, Congo-Brazzaville': not the gazetteer's Nigerian Gombe
            if (owner := self.possessor_country(entity)) is not None and owner != place.country:
                continue  # "Manama's Pearl roundabout": Bahrain's, not the gazetteer's Pearl, Mississippi
            if mislabelled and place.prior < MISLABELLED_PLACE_PRIOR and (
                    place.country not in named or entity.root.head.lower_ == "to"):
                continue  # a small town of that name: more likely the person the tagger saw ('sold Opel to Magna')
            actor = Actor(entity.text, place.country, None, f"place:{place.geonameid or fold(place.name)}",
                          f"place '{entity.text}' = {place.name}, {place.kind} in {place.country} (gazetteer)")
            mentions.append(self.name_mention(entity.start_char, entity.end_char, entity, actor, "place"))
        return mentions

    def possessor_country(self, entity) -> str | None:
        """The country of a place named as the possessor of this one ("Manama's Pearl roundabout")."""
        mention = next((self.names_by_token.get(c.i) for c in entity.root.children if c.dep_ == "poss"), None)
        return mention.actor.country if mention is not None else None

    def in_place_position(self, entity) -> bool:
        """'shelled Kharkiv', 'raided Jenin', 'annexed Crimea': the small model often labels a foreign
        town a person or an organisation, or nothing; one such word where a place goes (a verb's
        object, after 'in', 'near', 'into' ...), no title, first name or known surname with it, is
        read as a place."""
        token = entity.root
        if len(entity) != 1 or token.pos_ != "PROPN" or fold(token.text) in self.kb.surnames:
            return False
        previous = token.doc[token.i - 1] if token.i > 0 else None
        if previous is not None and (previous.lower_ in PERSON_TITLES or previous.pos_ == "PROPN"):
            return False
        if token.dep_ == "compound" and token.head.ent_type_ in TIME_LABELS:  # 'bombed Baalbek Sunday'
            return token.head.dep_ in ("dobj", "npadvmod") and token.head.head.pos_ == "VERB"
        if token.dep_ == "dobj":
            return token.head.pos_ == "VERB"
        if token.dep_ == "pobj" and token.head.lower_ == "of":  # 'took control of Aleppo', 'the siege of Goma'
            noun = token.head.head
            lemma = noun.lemma_.lower()
            return lemma in PLACE_OF_NOUNS or noun.tag_ == "NNS" and lemma in PLACE_OF_PLURALS
        return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS

    def shared_name_mentions(self, mentions: list[Mention]) -> list[Mention]:
        """'North and South Korea', 'East and West Germany': the first compass word shares the
        second's country name."""
        found = []
        for mention in mentions:
            compass, _, rest = mention.text.partition(" ")
            if mention.kind != "country" or compass.lower() not in COMPASS_WORDS or not rest:
                continue
            before = SHARED_COMPASS.search(self.doc.text, max(0, mention.start - 16), mention.start)
            if before is None:
                continue
            entry = next((e for e in self.kb.lookup(f"{before[1]} {rest}") if e.kind == "country"), None)
            word = self.parsed.char_span(before.start(1), before.end(1))
            if entry is not None and word is not None:
                actor = entry_actor(entry, word.text, self.day, "name")
                actor = replace(actor, reason=f"{actor.reason}; '{rest}' shared with '{mention.text}'")
                found.append(self.name_mention(word.start_char, word.end_char, word, actor, "country"))
        return found

    def misspelt_country_mentions(self) -> list[Mention]:
        """'Ethopia has agreed ...': a proper noun one letter away from a country's name, which
        neither the knowledge base nor the gazetteer knows (the tagger often misses it too)."""
        from ..where import resolve_name

        mentions = []
        for token in self.proper_nouns():
            if (token.i in self.names_by_token or not token.text[:1].isupper()
                    or token.ent_type_ not in MISSPELT_LABELS or is_in_longer_entity(token)):
                continue
            entry = self.kb.misspelt_country(token.text)
            if entry is None or resolve_name(token.text, []) is not None:
                continue
            actor = entry_actor(entry, token.text, self.day, "name")
            actor = replace(actor, reason=f"{actor.reason}; read as a misspelling of '{entry.name}'")
            mentions.append(self.name_mention(token.idx, token.idx + len(token), self.parsed[token.i:token.i + 1],
                                              actor, "country"))
        return mentions

    def unknown_person(self, token) -> Mention | None:
        """A PERSON entity the knowledge base lacks: an earlier full name with the same surname,
        else the one person of that surname in office on the day ('Clinton' in 1998)."""
        if token.ent_type_ != "PERSON" or token.i in self.names_by_token:
            return None
        for mention in reversed(self.context.recent):
            if mention.kind == "person" and mention.text.split()[-1] == token.text and mention.start < token.idx:
                return replace(mention, start=token.idx, end=token.idx + len(token), text=token.text,
                               kind="coref", head=token.idx)
        return self.office_holder_by_surname(token)

    def office_holder_by_surname(self, token) -> Mention | None:
        """A bare surname several known people share ('Bush', 'Clinton'; PEOPLE.md keeps them out
        of the aliases) names the only one of them in office on the article's date; failing that,
        where all of them are of one country, that country with no sector."""
        if is_in_longer_entity(token):  # a one-word PERSON entity only
            return None
        bearers = self.kb.surnames.get(fold(token.text), [])
        people = [p for p in bearers if self.day is not None and p.term_on(self.day) is not None]
        if len(people) == 1:
            actor = person_actor(people[0], token.text, self.day)
            actor = replace(actor, reason=f"the surname '{token.text}', of the known people bearing it the only one "
                                          f"in office on {self.day}: {actor.reason}")
        elif len(bearers) > 1 and len(countries := {p.country for p in bearers}) == 1:
            # a family of one country ('Bush', 'Clinton'): whichever of them, the country is known
            country = countries.pop()
            actor = Actor(token.text, country, None, self.kb.countries[country].id,
                          f"the surname '{token.text}', borne by {len(bearers)} known people, all of {country}; "
                          "which one is unknown")
        else:
            return None
        return Mention(token.idx, token.idx + len(token), token.text, actor, "person", token.idx)

    # -- roles and modifiers ----------------------------------------------------
    def role_for(self, token) -> Entry | None:
        run = hyphenated_word(token) if next_to_hyphen(token) else token.doc[token.i:token.i + 1]
        if len(run) > 1 and (role := self.kb.roles.get(fold(run.text))):
            # 'secretary-general', split and parsed either way round: the word's head stands for it
            return None if token.head.i != token.i and run.start <= token.head.i < run.end else role
        lemmas = [fold(token.lemma_)]
        if not any(self.kb.ends_a_role(form) for form in (lemmas[0], *singular_forms(fold(token.text)))):
            return None
        if role := multiword_role(token, self.kb.roles):
            return role
        compounds = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
        if lemmas[0] == "force" and token.tag_ == "NN" and not compounds and not any(
                c.dep_ in ("poss", "prep") for c in token.children):
            return None  # 'the force required to pull the cable': a bare singular 'force' is physics
        if lemmas[0] == "party" and any(c.lower_ in NON_POLITICAL_PARTY for c in token.lefts):
            return None  # 'a third party', 'the guilty party', 'a search party'
        if lemmas[0] == "bank" and token.text == "Bank" and self.of_a_country(token):
            return self.kb.roles.get("central bank")  # 'the Bank of Canada' is the state's bank
        return next((self.kb.roles[form] for form in (lemmas[0], *singular_forms(fold(token.text)))
                     if form in self.kb.roles), None)

    def of_a_country(self, token) -> bool:
        """'Bank of Ghana': the word is followed by 'of' and a country's own name."""
        doc = token.doc
        if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
            return False
        mention = self.names_by_token.get(token.i + 2)
        return mention is not None and mention.kind == "country"

    def owner_actors(self, token) -> list[Actor]:
        """Countries, people or organisations that qualify a role word ('Venezuelan', "Korea's", 'of Iran').
        A named modifier outranks a possessive pronoun ('his Israeli counterpart'), and both outrank
        where the role is ('the British embassy in Tehran'): modifiers, 'of', pronouns, then 'in'/'from'."""
        modifiers, pronouns, of_owners, place_owners = [], [], [], []
        previous_modifier = None
        for child in token.children:
            if child.dep_ == "amod" and child.lemma_.lower() in ("lead", "base"):  # 'Vietnamese-led', 'Pakistan-based'
                modifiers.extend(a for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")
                                 for a in self.name_actor(c))
            elif child.dep_ == "amod" and child.lemma_.lower() in ALLEGIANCE_WORDS:  # 'forces loyal to Assad'
                modifiers.extend(a for prep in child.children if prep.dep_ == "prep" and prep.lower_ in ("to", "with")
                                 for obj in objects_of(prep) for a in self.with_conjuncts(obj, self.name_actor))
            elif child.dep_ == "amod" and child.lower_.endswith(PATRON_SUFFIXES):
                continue  # 'U.S.-backed rebels' (one word): the patron is not the owner
            elif is_stranded_coordinate(child):  # its conjunct is this phrase's own: 'the government and FARC rebels'
                modifiers.extend(a for c in child.conjuncts if c.i > child.i for a in self.name_actor(c))
            elif child.dep_ == "poss" and names_a_relation(token):
                continue
            elif child.dep_ in MODIFIER_DEPS:
                name = self.names_by_token.get(child.i)
                if previous_modifier is not None and previous_modifier.i == child.i - 1 and modifiers and \
                        name is not None and name.kind == "demonym":
                    continue  # 'Bosnian Serb forces': the first adjective names the state the people live in
                # a people named before the role word's own modifier: 'Rwandan Hutu militiamen'; a title's
                # owners are its own: 'Bosnian Serb army commander Ratko Mladic' is Bosnian as the commander is
                named = self.with_conjuncts(child, self.name_actor) or (
                    self.owner_actors(child) if self.role_for(child) is not None else [
                        a for grandchild in child.children if grandchild.dep_ in MODIFIER_DEPS
                        and not (grandchild.dep_ == "poss" and names_a_relation(child))
                        for a in self.name_actor(grandchild)])
                (pronouns if child.pos_ == "PRON" else modifiers).extend(named)
                if name is not None:
                    previous_modifier = child
            elif child.lower_ == "in" and token.lemma_.lower() in POSTED_ROLES:
                continue  # 'diplomats in Kabul', 'the embassy in Tehran': where they serve, not whose they are
            elif child.dep_ == "prep" and (child.lower_ in OWNER_PREPS
                                           or child.lower_ == "for" and token.lemma_.lower() in SPEAKING_ROLES
                                           or child.lower_ == "to" and token.lemma_.lower() in SERVING_ROLES):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        named = [a for a in self.with_conjuncts(obj, self.name_actor) if a.country]
                        (of_owners if child.lower_ == "of" else place_owners).extend(
                            named or self.ally_in_place(obj) or self.institution_owner(obj) or self.named_place_of(obj))
        # 'the Hutu president of Burundi': a people living in several states yields to the state named
        is_people = [self.names_a_people(a) for a in modifiers]
        peoples = [a for a, people in zip(modifiers, is_people) if people]
        states = [a for a, people in zip(modifiers, is_people) if not people]
        for tier in (states, of_owners, peoples, pronouns):
            if any(a.country for a in tier):
                return tier
        if not any(a.country for a in place_owners) or (self.met_in_a_capital(token) and self.state_counterpart(token)):
            return []
        return place_owners

    def named_place_of(self, token) -> list[Actor]:
        """"villagers in eastern Congo's South Kivu province": a place word is the country it is said to be of."""
        if token.lemma_.lower() not in PLACE_WORDS:
            return []
        return [a for c in token.children if c.dep_ in ("poss", "compound", "amod")
                for a in self.name_actor(c) if a.country and a.country not in NON_STATE_CODES][:1]

    def met_in_a_capital(self, token) -> bool:
        """'signed a peace agreement with southern rebels in Nairobi': the capital is where they met."""
        return all((m := self.names_by_token.get(o.i)) is not None and m.kind == "metonym"
                   for p in token.children if p.dep_ == "prep" and p.lower_ in OWNER_PREPS - {"of"}
                   for o in objects_of(p))

    def state_counterpart(self, token) -> list[Actor]:
        """'Indonesia held talks with separatist rebels', 'the Sudanese government signed a peace
        agreement with southern rebels': a group with no owner of its own that a state's government
        or forces negotiate with, as the clause's subject, is of that state (not one they fight:
        'South Korean soldiers were killed in a clash with local rebels in Cameroon')."""
        role = self.role_for(token)
        if role is None or role.sector not in NON_STATE_SECTORS or token.dep_ != "pobj" or token.head.lower_ != "with":
            return []
        if token.head.head.lemma_.lower() not in COUNTERPART_WORDS or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in token.children):  # 'supporters of X' are X's
            return []
        verb = token.head.head
        while verb.pos_ in ("NOUN", "ADP") and verb.head.i != verb.i:  # 'agreed to talks with ...'
            verb = verb.head
        states = [m.actor for subject in verb.children if subject.dep_ in ("nsubj", "nsubjpass")
                  for m in self.by_head.get(subject.idx, [])
                  if m.actor.sector in STATE_FORCE_SECTORS and m.actor.country not in NON_STATE_CODES | {None}]
        return states[:1]

    def institution_owner(self, token) -> list[Actor]:
        """"the spokesman for Pakistan's foreign ministry": an institution not resolved yet, whose own
        owner is named on it."""
        return self.owner_actors(token) if self.role_kind(token) == "institution" else []

    def ally_in_place(self, token) -> list[Actor]:
        """"the chief of Israel's militia ally in southern Lebanon": an ally, proxy or partner
        belongs where it is, not to its patron."""
        if not names_a_relation(token):
            return []
        return [a for c in token.children if c.dep_ == "prep" and c.lower_ == "in"
                for o in objects_of(c) for a in self.name_actor(o) if a.country]

    def with_conjuncts(self, token, resolve) -> list[Actor]:
        actors = list(resolve(token))
        for conj in token.conjuncts:
            if conj.i > token.i:
                actors.extend(resolve(conj))
        return actors

    def name_actor(self, token) -> list[Actor]:
        mention = self.names_by_token.get(token.i)
        if mention is None:
            # a country group later in the sentence is not walked yet: 'officials from the two Koreas'
            head_mentions = self.by_head.get(token.idx) or self.group_mentions(token)
            given_name = token.dep_ == "compound" and token.head.ent_type_ == "PERSON"  # 'Mustafa' in 'Mustafa Akinci'
            if not head_mentions and token.ent_type_ == "PERSON" and self.role_for(token) is None and not given_name \
                    and (known := self.person_by_surname(token)):
                return [known.actor]  # 'the Bush administration'
            return [m.actor for m in head_mentions]
        if mention.kind == "demonym" and self.is_ethnic(token):  # 'ethnic Albanian guerrillas'
            mention = self.ethnic_group(token, mention)
        return [mention.actor] if mention is not None else []

    def role_mentions(self, token, role: Entry, owner_tokens: tuple = ()) -> list[Mention]:
        first = token.left_edge
        for child in token.children:  # 'The Philippines and Muslim rebels', 'denied supporting rebels'
            if is_stranded_coordinate(child):
                first = after_coordinator(child)
            elif is_gerund_read_as_adjective(child):
                first = token.doc[child.right_edge.i + 1]
        span_start = first.idx
        word = hyphenated_word(token)  # 'the secretary-general of the Arab League', 'of' on 'general'
        span_end = max(token.idx + len(token), word[-1].idx + len(word[-1]))
        text = self.doc.text[span_start:span_end]
        owners = [a for t in (owner_tokens or word) for a in self.owner_actors(t) if a.country]
        # 'Coptic Pope Shenouda III': the title word names an office (the Vatican's 'Pope') its modifier makes another's
        owners = [a for a in owners if fold(a.text) != role.name] or owners
        # 'a senior al-Qaeda leader in Yemen': a group of no one country leads, wherever it is
        stateless_group = next((a for c in token.children if c.dep_ in MODIFIER_DEPS for a in self.name_actor(c)
                                if not a.country and self.leads_for_a_group(role, a)), None)
        how = OWNER_IN_PHRASE
        if not owners:
            owners = self.adjacent_owner(token) or self.institution_place(token)
        if role.sector != "MED":  # an outlet owns its journalists, not the police it is told of
            owners = [a for a in owners if a.sector != "MED"]
        if not owners and (owners := self.origin_clause_owner(token)):
            how = "named in the clause saying where they are from"
        if not owners and (owners := self.government_partner(token)):
            how = "the government it is coordinated with"
        if not owners and (owners := self.state_counterpart(token)):
            how = "the state it deals with"
        if not owners and role.name in CRAFT_ROLES:
            return []  # 'the aircraft can fly ...': hardware stands for a force only when its owner is named
        # ('the Foreign Ministry' is one country's, as 'foreign' names the office; 'foreign ministers' many)
        own_words = role.name.split() if token.tag_ in ("NN", "NNP") else ()
        if not owners and any(c.lower_ in BEYOND_ONE_COUNTRY and c.lower_ not in own_words or after_region_prefix(c)
                              for c in token.lefts):
            return []  # 'world leaders', 'Latin American leaders': nobody's in particular, not the sentence's
        if not owners and token.lemma_.lower() in POSTED_ROLES and any(c.lower_ == "in" for c in token.children):
            return []  # 'diplomats in Kabul': serving there, whoever sent them
        if not owners and any(c.dep_ == "poss" and names_a_relation(c) for c in token.children):
            return []  # "its neighbour's government": some other country's, which the phrase does not name
        if not owners and (holder := self.sole_holder(token, role)):  # 'the pope', not 'the Coptic pope'
            owners, how = [entry_actor(holder[0], holder[0].name, self.day, "")], holder[1]
        if not owners:
            owners, how = self.context_owner(token, role.sector, national=role.name in NATIONAL_OFFICES)
        former = is_former(token)
        mentions = []
        civil = self.civil_craft(token, role)
        group = self.unknown_group(token) or self.led_people(token) if role.name in GROUP_LED_ROLES else None
        for owner in owners:
            sector = role.sector or owner.sector
            if owner.actor_id and owner.actor_id.startswith(("igo_", "ngo_")) or owner.country in NON_STATE_CODES:
                sector = owner.sector
            elif how == OWNER_IN_PHRASE and self.leads_for_a_group(role, owner):
                sector = owner.sector  # 'a Hamas leader', 'a Taliban commander', 'ANC leaders' are no state's
            elif stateless_group is not None:
                sector = stateless_group.sector
            elif led_group := self.led_group_sector(token, role):
                sector = led_group  # 'rebel leaders', 'student leaders', 'a militant commander'
            if role.name in CRAFT_ROLES and (civil or owner.sector == "BUS"):
                sector = civil or "BUS"  # an airline's aircraft, a passenger jet: not the armed forces
            why = f"role '{role.name}' ({role.source}) of {owner.country} from '{owner.text}' ({how})"
            if former:
                sector, why = None, f"{why}; '{former}' marks a past office, so no sector"
            elif group:
                sector, why = None, f"{why}; leaders of '{group}', a people or group and no state, so no sector"
            # 'the Trump administration' is his; a person elsewhere in the sentence gives only the country
            actor_id = owner.country if owner.actor_id in self.kb.people and how != OWNER_IN_PHRASE else owner.actor_id
            actor = Actor(text, owner.country, sector, actor_id, why)
            mentions.append(Mention(span_start, span_end, text, actor, "role", token.idx))
        return mentions

    def names_a_people(self, actor: Actor) -> bool:
        """A people rather than a state: of one country ('Chechen', countries.tsv's peoples) or of
        several, read as one of them ('Kurdish', 'Hutu': ambiguous.tsv)."""
        return name_key(actor.text) in self.kb.peoples or (actor.actor_id or "").startswith("ambiguous:")

    def led_people(self, token) -> str | None:
        """'Chechen leaders', 'Kurdish leaders': the people the leaders lead, not their state."""
        return next((c.text for c in token.lefts if c.dep_ in ("amod", "compound")
                     and (m := self.names_by_token.get(c.i)) is not None and m.kind == "demonym"
                     and self.names_a_people(m.actor)), None)

    def unknown_group(self, token) -> str | None:
        """'Yoruba leaders', 'Hutu leaders': a capitalised word before the noun that names no known
        actor names a group (ethnic, religious) the leaders lead, not the state."""
        return next((c.text for c in token.lefts if c.dep_ in ("amod", "compound") and c.text[:1].isupper()
                     and c.ent_type_ != "PERSON" and c.i not in self.names_by_token and self.role_for(c) is None),
                    None)

    def led_group_sector(self, token, role: Entry) -> str | None:
        """The sector of a non-state group a state office word is qualified by: 'rebel leaders' lead
        rebels, 'union leaders' a union, 'the leader of the opposition' the opposition; 'police
        commander' stays a state's."""
        if role.sector not in STATE_SECTORS or self.kb.role_kinds.get(role.name) == "institution":
            return None
        groups = [c for c in token.lefts if c.dep_ in ("amod", "compound")] + [
            o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in objects_of(c)]
        return next((group.sector for c in groups
                     if (group := self.role_for(c)) is not None and group.sector not in STATE_SECTORS), None)

    def leads_for_a_group(self, role: Entry, owner: Actor) -> bool:
        """A state office word (leader, commander, spokesman, fighters) of a non-state organisation
        its phrase names takes its sector, as does one of an unnamed group ("the rebels' leaders"); its
        institutions keep theirs ('the Hamas government')."""
        return ((owner.actor_id in self.kb.organizations or owner.sector in GROUP_SECTORS)
                and owner.sector not in STATE_SECTORS
                and role.sector in STATE_SECTORS and self.kb.role_kinds.get(role.name) != "institution")

    def sole_holder(self, token, role: Entry) -> tuple[Entry, str] | None:
        """The one country or organisation an office belongs to when nothing qualifies its noun
        (roles.tsv's country: 'the pope', 'the Secretary-General' of the UN), or in a story on
        another organisation of its kind, the one last named before it (NATO's Secretary-General)."""
        own_words = set(role.name.replace("-", " ").split())
        if not role.country or any(c.dep_ in ("amod", "compound") and fold(c.text) not in own_words
                                   for c in token.children):
            return None
        if holder := self.kb.countries.get(role.country):
            return holder, "the one country with that office"
        holder = self.kb.organizations.get(role.country)
        if holder is None:
            return None
        others = [m.actor.actor_id for m in self.names if m.start < token.idx and m.actor.actor_id != holder.id
                  and m.actor.country == holder.country and m.actor.actor_id in self.kb.organizations]
        if others:
            return self.kb.organizations[others[-1]], "the organisation of its kind the article named last"
        return holder, "the organisation that office means unqualified"

    @staticmethod
    def civil_craft(token, role: Entry) -> str | None:
        """'a passenger jet', 'commercial aircraft': hardware words qualified as civilian are civilians."""
        if role.name not in CRAFT_ROLES:
            return None
        return "CVL" if any(c.lower_ in CIVIL_CRAFT_WORDS for c in token.lefts) else None

    def government_partner(self, token) -> list[Actor]:
        """'the Philippine government and Muslim rebels', 'Maoist rebels and the Nepalese government':
        a role coordinated with a government, with no owner of its own, is of that government's
        country (its opponents or partners at home)."""
        partners = [token.head] if token.dep_ == "conj" else [
            c for c in token.children if c.dep_ == "conj" or is_stranded_coordinate(c)]
        governments = [m.actor for partner in partners for m in self.by_head.get(partner.idx, [])
                       if m.actor.sector == "GOV" and m.actor.country and m.actor.country not in NON_STATE_CODES]
        # a government coordinated after the role is not resolved yet: the name inside it says whose
        governments += [m.actor for partner in partners if partner.i > token.i and partner.lemma_ == "government"
                        for word in partner.subtree if (m := self.names_by_token.get(word.i)) is not None
                        and m.actor.country and m.actor.country not in NON_STATE_CODES]
        return governments[:1]

    def adjacent_owner(self, token) -> list[Actor]:
        """The name just before a role word ('Afghan soldiers', "Kenya's parliament") when the parse
        did not link them (or the paragraph was only tokenised by the fast path)."""
        doc = token.doc
        before = token.left_edge.i - 1
        if names_a_relation(token):
            return []
        if before >= 1 and doc[before].lower_ in ("'s", "\u2019s"):
            before -= 1
        mention = self.names_by_token.get(before) if before >= 0 else None
        if mention is None or mention.kind not in ("country", "demonym", "metonym", "organization", "place"):
            return []
        earlier = self.names_by_token.get(before - 1)
        if mention.kind == "demonym" and earlier is not None and earlier.kind == "demonym" and earlier.actor.country:
            mention = earlier  # 'Bosnian Serb army': the first adjective names the state the people live in
        return [mention.actor] if mention.actor.country else []

    def institution_place(self, token) -> list[Actor]:
        """'recognised the new government in Afghanistan': the parser hangs the 'in' on the verb, but
        an institution right before 'in X' is X's."""
        if self.role_kind(token) != "institution" or token.dep_ != "dobj":
            return []
        after = token.right_edge.i + 1
        prep = token.doc[after] if after < len(token.doc) else None
        if prep is None or prep.lower_ != "in" or prep.head.i != token.head.i:
            return []
        return [m.actor for m in self.country_names_in(objects_of(prep))[:1] if m.kind == "country"]

    def country_names_in(self, tokens) -> list[Mention]:
        """Name mentions with a real country among the tokens, in text order."""
        found = []
        for t in tokens:
            mention = self.names_by_token.get(t.i)
            if mention is not None and mention not in found and mention.actor.country \
                    and mention.actor.country not in NON_STATE_CODES:
                found.append(mention)
        return found

    def origin_clause_owner(self, token) -> list[Actor]:
        """'refugees fleeing the war in Liberia', 'workers affiliated with the Serbian union': a
        participle saying where people come from or belong gives them that country."""
        for child in token.children:
            if child.dep_ == "acl" and child.tag_ in ("VBG", "VBN") and child.lemma_.lower() in ORIGIN_VERBS:
                countries = {m.actor.country: m.actor for m in self.country_names_in(child.subtree)}
                if len(countries) == 1:
                    return list(countries.values())
        return self.said_origin(token)

    def said_origin(self, token) -> list[Actor]:
        """'gunmen believed to be from the Abu Sayyaf group', 'militants thought to belong to Hamas':
        whose people are said to be (the parser may make 'believed' the main verb)."""
        said = [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        if token.dep_ == "nsubj" and token.head.tag_ in ("VBD", "VBN"):
            said.append(token.head)
        clauses = [clause for verb in said if verb.lemma_.lower() in BELIEF_VERBS for clause in verb.children
                   if clause.dep_ == "xcomp" and clause.lemma_.lower() in ("be", "belong", "come")]
        named = [a for clause in clauses for prep in clause.children
                 if prep.dep_ == "prep" and prep.lower_ in SAID_ORIGIN_PREPS
                 for obj in objects_of(prep) for a in self.name_actor(obj) if a.country]
        return named[:1]

    def locative_owner(self, token) -> Actor | None:
        """'Prisoners rioted at a jail in Dili': a subject with no country of its own acts where its
        verb happens (the place in the verb's 'in'/'at' phrase, or in that phrase's own 'in' phrase,
        in its object's 'in' phrase: 'kidnapped two engineers in Nigeria', or in its own participle's:
        'dispersed students protesting in Seoul', or whose it is: 'around Mogadishu's market'); so does an object
        ('sent aid to earthquake victims in Turkey' are Turkey's, not the sender's)."""
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in CROWD_WORDS:
            token = token.head.head  # 'thousands of students marched': where the thousands are
        verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
        if token.dep_ not in ("nsubj", "dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
            return None
        places = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS
                  for obj in objects_of(prep)
                  for p in (obj, *(o for c in obj.children if c.dep_ == "prep" and c.lower_ == "in"
                                   for o in objects_of(c)),
                            *(c for c in obj.children if c.dep_ == "poss"))]  # "around Mogadishu's market"
        places += [p for obj in verb.children if obj.dep_ == "dobj" for prep in obj.children
                   if prep.dep_ == "prep" and prep.lower_ == "in" for p in objects_of(prep)]
        places += [p for clause in token.children if clause.dep_ == "acl"
                   and clause.lemma_.lower() not in HAVEN_PARTICIPLES for prep in clause.children
                   if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS for p in objects_of(prep)]
        return next((actor for place in places if (actor := self.state_named_at(place)) is not None), None)

    def own_place(self, token) -> Actor | None:
        """The state of the place in a phrase's own 'in' or 'at' ('the parliament in Vilnius'), or in
        the attack's on it ('stormed the parliament in Vilnius')."""
        heads = [token, *([token.head] if token.dep_ == "dobj" and token.head.lemma_.lower() in ATTACK_VERBS else [])]
        return next((actor for head in heads for prep in head.children if prep.dep_ == "prep"
                     and prep.lower_ in ("in", "at") for place in objects_of(prep)
                     if (actor := self.state_named_at(place)) is not None), None)

    def state_named_at(self, token) -> Actor | None:
        """The actor of a name at the token when it has a state's country (not an IGO's or NGO's)."""
        mention = self.names_by_token.get(token.i)
        if mention is not None and mention.actor.country and mention.actor.country not in NON_STATE_CODES:
            return mention.actor
        return None

    def only_place_in(self, sentence) -> Actor | None:
        """The one country whose place a locative phrase of the sentence names ('dispersed students
        protesting in Seoul against U.S. troops')."""
        found = {actor.country: actor for t in sentence if t.dep_ == "pobj" and t.head.lower_ in SCENE_PREPS
                 and (actor := self.state_named_at(t)) is not None}
        return next(iter(found.values())) if len(found) == 1 else None

    def object_nationality_offsets(self, token) -> set[int]:
        """'Gunmen killed two Chinese workers': the country qualifying the subject's object is the
        victims', not the subject's; its words are left out of the subject's sentence context."""
        token = titled_subject(token)
        if token is None:
            return set()
        objects = [c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass")]
        # the people an act noun object is done to: 'ordered the expulsion of 20 Algerians'
        done_to = [o for obj in objects if obj.lemma_.lower() in ACTS_ON_PEOPLE for c in obj.children
                   if c.dep_ == "prep" and c.lower_ == "of" for o in objects_of(c)]
        # and the other side it deals with through a preposition ('spoke to his Egyptian counterpart',
        # 'wrote to the Japanese prime minister')
        objects += [o for c in token.head.children if c.dep_ in ("prep", "dative")
                    for o in c.children if o.dep_ == "pobj" and (
                        o.lemma_.lower() in OTHER_SIDE_NOUNS or (c.lower_ in ("to", "with") and self.role_for(o)))]
        objects += [j for o in objects for j in o.conjuncts]
        # 'summoned the ambassador of Iran': an office's 'of' phrase names its country, as 'Iranian' does
        owners = [w for o in objects if self.role_for(o) for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                  for w in objects_of(c)]
        modifiers = {t.idx for o in (*objects, *done_to) for c in o.children
                     if c.dep_ in ("amod", "compound", "poss", "nmod") and not self.same_name(c, o) for t in c.subtree}
        return modifiers | {t.idx for w in owners for t in w.subtree} | {o.idx for o in done_to}

    def deported_to(self, token) -> Actor | None:
        """'Thailand deported 4,000 Hmong asylum-seekers to Laos': people deported somewhere are of
        that country, not of the deporting one."""
        verb = token.head
        if token.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in DEPORTING_VERBS:
            return None
        return next((a for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "to"
                     for obj in objects_of(prep) for a in self.name_actor(obj)
                     if a.country and a.country not in NON_STATE_CODES), None)

    def object_people_offsets(self, token) -> set[int]:
        """'Gunmen killed three Britons', 'militiamen massacred Palestinians': an object named by
        nationality alone, an armed group's victims, not its own people."""
        token = titled_subject(token)
        objects = [c for c in token.head.children if c.dep_ == "dobj"] if token is not None else []
        return {o.idx for o in objects if (name := self.names_by_token.get(o.i)) is not None and name.kind == "demonym"}

    def same_name(self, word, head) -> bool:
        """'Aung' in 'Aung San Suu Kyi': a part of the name its head ends, no modifier of it."""
        mention = self.names_by_token.get(head.i)
        return mention is not None and self.names_by_token.get(word.i) is mention

    def addressed_state_offsets(self, token) -> set[int]:
        """'the Secretary-General asked Iraq to ...': the state an official deals with, named as the
        object of its verb, is not the official's own."""
        token = titled_subject(token)
        if token is None:
            return set()
        verb = token.head  # its objects, and whom it gives or sends to ('approved the sale of F-16s to Pakistan')
        addressed = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if TRANSFER_WORDS.intersection(t.lemma_.lower() for t in (verb, *addressed)):
            addressed += [o for head in (verb, *addressed) for p in head.children if p.dep_ == "prep"
                          and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
        return {c.idx for c in addressed
                if (m := self.names_by_token.get(c.i)) is not None and m.kind in ("country", "metonym")}

    def is_official_outlet(self, mention: Mention) -> bool:
        """'the official Xinhua News Agency', 'state-run radio', 'the government newspaper'."""
        head = self.word_at(mention.head)
        return head is not None and any(w.lower_ in OFFICIAL_OUTLET_WORDS for w in head.subtree if w.i < head.i)

    def context_owner(self, token, sector: str | None = None, national: bool = False) -> tuple[list[Actor], str]:
        """A role with no owner word takes the only country named in its sentence; failing that, the
        country the article has named most so far, if one clearly leads.  A national office is
        never an IGO's or an NGO's ('Trade Minister Kim signed an agreement with the EU')."""
        sentence = token.sent
        candidates = [*self.context.recent, *(m for m in self.names if m.start > token.idx)]
        local, state = sector in LOCAL_SECTORS, sector in STATE_FORCE_SECTORS
        # the speaker's country is not theirs ('Iraqi police said gunmen kidnapped ...'), but a state's
        # forces are most often the ones it reports on ('Sri Lanka said troops had taken the town')
        speaker = speaker_offsets(token)
        others = (self.object_nationality_offsets(token) | neighbour_offsets(sentence) | (set() if state else speaker)
                  | (self.object_people_offsets(token) if sector in ARMED_GROUP_SECTORS else set())
                  | patron_offsets(token)
                  | (weapon_owner_offsets(sentence) if sector in VICTIM_SECTORS else set())
                  | (self.addressed_state_offsets(token) if sector in ("GOV", "LEG") else set()))
        # a news outlet reports on every country, so it says nothing of whose 'police' it means; but
        # a state's official outlet reports on its own government ('the official Xinhua News Agency')
        countries = {m.actor.country: m.actor for m in candidates
                     if sentence.start_char <= m.start < sentence.end_char and m.actor.country
                     and m.start not in others and (m.actor.sector != "MED" or self.is_official_outlet(m))
                     and not (m.start in speaker and m.actor.country in NON_STATE_CODES)}
        if local or national:  # the UN or an aid group makes no 'civilians', 'rebels' or minister its own
            countries = {c: a for c, a in countries.items() if c not in NON_STATE_CODES}
        if sector in ("GOV", "LEG") and visits_or_meets_abroad(token):  # 'the prime minister arrived in Beijing'
            countries = {}
        # a state's own forces are the ones it reports on: 'an Israeli army spokesman said troops ...'
        if sector in ("MIL", "COP") and len(countries) > 1:
            reporters = {m.actor.country: m.actor for m in candidates if m.start in speaker and m.actor.country
                         and m.actor.sector in STATE_FORCE_SECTORS and m.actor.country not in NON_STATE_CODES}
            if len(reporters) == 1:
                return list(reporters.values()), "the country of whoever reports it"
        if len(countries) == 1:
            return list(countries.values()), "the only country in the sentence"
        if countries:
            if local and (place := self.locative_owner(token)):
                return [place], "the place where its clause happens"
            if place := self.own_place(token):  # 'Soviet paratroopers stormed the parliament in Vilnius'
                return [place], "the place its own phrase names"
            if sector == "COP" and (place := self.only_place_in(sentence)):
                return [place], "police work at home: the one place the sentence names"
            if home := self.deported_to(token):
                return [home], "the country they are sent back to"
            subject = self.clause_subject_actor(token)
            return ([subject], "the country of its clause's subject") if subject else ([], "")
        counts: dict[str, list[Actor]] = {}
        for m in self.context.recent:
            if (m.start < sentence.start_char and m.actor.country and m.kind != "coref"
                    and not (local and m.actor.country in NON_STATE_CODES)):
                counts.setdefault(m.actor.country, []).append(m.actor)
        ranked = sorted(counts.values(), key=len, reverse=True)
        if ranked and (len(ranked) == 1 or len(ranked[0]) > len(ranked[1])):
            return [ranked[0][0]], "the country the article has named most so far"
        if sector in STATE_SECTORS and (filed_from := self.dateline_country):
            return [filed_from], "the country the story is filed from (its dateline)"
        return [], ""

    @cached_property
    def dateline_country(self) -> Actor | None:
        """'ROME (AP) - The Foreign Ministry summoned ...': the country the dateline names ('Santos,
        Colombia') or whose city it names, whose institutions an unowned 'ministry' or 'police'
        most likely are."""
        from ..where import resolve_name

        names = dateline_names(self.doc.text)
        for name in reversed(names[1:]):
            if countries := [e for e in self.kb.lookup(name) if e.kind == "country"]:
                return entry_actor(countries[0], name, self.day, "dateline")
        if not names:
            return None
        place = names[0]
        entries = [e for e in self.kb.lookup(place) if e.kind in ("capital", "seat", "country") and e.country]
        if len({e.country for e in entries}) == 1:
            country = self.kb.countries.get(entries[0].country)
        else:
            found = resolve_name(place)
            country = self.kb.countries.get(found.country) if found and found.kind == "city" else None
        return entry_actor(country, place, self.day, "dateline") if country else None

    def clause_subject_actor(self, token) -> Actor | None:
        """'Police in Seoul detained protesters ...': an unowned object shares its subject's country."""
        if token.dep_ not in ("dobj", "nsubjpass", "pobj"):
            return None
        verb = token.head.head if token.dep_ == "pobj" else token.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < token.i]
        if not subjects and verb.dep_ == "conj":  # 'rebels crossed from Uganda and attacked government troops'
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < token.i]
        found = [m.actor for s in subjects for m in self.by_head.get(s.idx, []) if m.actor.country]
        # a UN or aid-group subject does not make the people it deals with its own
        return found[0] if len(found) == 1 and found[0].country not in NON_STATE_CODES else None

    # -- coreference --------------------------------------------------------
    def group_mentions(self, token) -> list[Mention]:
        """'the two Koreas': one plural name for several countries (country_groups.tsv), each acting."""
        group = self.kb.country_groups.get(name_key(token.text)) if token.tag_ in ("NNPS", "NNS") else None
        if group is None:
            return []
        codes, source = group
        text = self.doc.text[token.left_edge.idx:token.idx + len(token)]
        why = f"'{text}' names {', '.join(codes)} ({source})"
        return [Mention(token.left_edge.idx, token.idx + len(token), text, Actor(text, code, "GOV", code, why),
                        "name", token.idx) for code in codes if code in self.kb.countries]

    def half_mentions(self, token) -> list[Mention]:
        """'the North' in an article naming either Korea (country_halves.tsv): one half of a divided
        country; not 'the North Atlantic', and nothing where the article says no such country."""
        halves = self.kb.country_halves.get(name_key(token.text)) if token.text[:1].isupper() else None
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if (not halves or token.i == 0 or token.doc[token.i - 1].lower_ != "the"
                or (following is not None and following.is_title)):
            return []
        fitting = [h for h in halves if h.fits(self.article_countries, self.day)]
        if len({h.country for h in fitting}) != 1:
            return []
        half, start = fitting[0], token.doc[token.i - 1].idx
        text = self.doc.text[start:token.idx + len(token)]
        why = f"'{text}' in an article naming {', '.join(sorted(half.named & self.article_countries))} ({half.source})"
        return [Mention(start, token.idx + len(token), text, Actor(text, half.country, half.sector, half.country, why),
                        "name", token.idx)]

    def pair_mentions(self, token) -> list[Mention]:
        """'the two countries', 'both governments', 'the three countries': the countries named last
        (not the clause's subject)."""
        counts = [GROUP_SIZES[c.lower_] for c in token.lefts if c.lower_ in GROUP_SIZES]
        if token.lemma_.lower() not in PAIR_NOUNS or token.tag_ not in ("NNS", "NNPS") or not counts:
            return []
        text = self.doc.text[token.left_edge.idx:token.idx + len(token)]
        group = self.context.last_countries(token.idx, counts[0], self.clause_subject_countries(token))
        why = f"'{text}' = the {NUMBER_WORDS[counts[0]]} countries named last"
        if len(group) < counts[0]:
            group = self.countries_named_after(token, counts[0])
            why = f"'{text}' = the {NUMBER_WORDS[counts[0]]} countries its sentence names after it"
        return [self.coref(token, text, m, why) for m in group]

    def countries_named_after(self, token, count: int) -> list[Mention]:
        """'The two sides agreed ..., Iranian and American officials said': with none named before,
        exactly as many countries named later in the sentence."""
        end = token.sent.end_char
        found = {m.actor.country: m for m in self.names if token.idx < m.start < end and m.kind in (
            "country", "demonym", "metonym") and m.actor.country and len(m.actor.country) == 3}
        return list(found.values()) if len(found) == count else []

    def definite_mentions(self, token) -> list[Mention]:
        """'the country', 'the party': the last one named."""
        lemma = token.lemma_.lower()
        determiners = {c.lower_ for c in token.lefts}
        if lemma not in PAIR_NOUNS or not determiners & {"the", "this", "that"} or token.tag_ not in ("NN", "NNP"):
            return []
        if any(t.i in self.names_by_token for left in token.lefts for t in left.subtree):
            return []  # 'the Irish government' names its country itself
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
            return []  # 'the leader of the banned group' says whose it is
        if lemma in EPITHET_NOUNS and token.tag_ == "NNP" and any(c.dep_ == "compound" for c in token.lefts):
            return []
        text = self.doc.text[token.left_edge.idx:token.idx + len(token)]
        if lemma == "government" and (home := self.non_state_subject(token)):
            return [self.coref(token, text, home, f"'{text}' = the government of its clause's subject")]
        # The clause's own subject is not what 'the party' refers to: that would be 'its own party'.
        exclude = self.clause_subject_countries(token)
        if lemma == "party":
            found = self.context.last(token.idx, lambda m: m.actor.sector == "PTY" and m.kind != "coref"
                                      and m.actor.country not in exclude)
        else:  # 'the kingdom' is one of the countries that are kingdoms (epithets.tsv), named or ruled
            meant = self.kb.epithets.get(lemma)  # ('King Salman received ... The kingdom pledged')
            ruler = lambda m: meant is not None and m.kind == "person" and m.actor.sector == "GOV"
            found = self.context.last(token.idx, lambda m: (m.kind in ("country", "metonym") or ruler(m))
                                      and m.actor.country not in exclude
                                      and (meant is None or m.actor.country in meant))
        return [self.coref(token, text, found, f"'{text}' = the last {lemma} named")] if found else []

    def organization_epithet_mentions(self, token) -> list[Mention]:
        """'the alliance', 'the world body', 'the 27-nation bloc': the last organisation named that the
        noun can mean (org_epithets.tsv)."""
        if token.tag_ != "NN" or not {c.lower_ for c in token.lefts} & {"the", "this"} or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
            return []
        words = [fold(c.lemma_) for c in token.lefts if c.dep_ in ("amod", "compound")] + [fold(token.lemma_)]
        meant = next((self.kb.org_epithets[key] for i in range(len(words))
                      if (key := " ".join(words[i:])) in self.kb.org_epithets), None)
        if meant is None:
            return []
        found = self.context.last(token.idx, lambda m: m.kind == "organization" and m.actor.actor_id in meant)
        text = self.doc.text[token.left_edge.idx:token.idx + len(token)]
        return [self.coref(token, text, found, f"'{text}' = the last organisation named it can mean")] if found else []

    def group_noun_mentions(self, token) -> list[Mention]:
        """'the group', 'the movement': the last group named that is no state body (an armed group, a
        party, a rights group); not where the text has since spoken of 'a group of ...'."""
        lemma = token.lemma_.lower()
        if lemma not in GROUP_NOUNS or token.tag_ != "NN" or not {c.lower_ for c in token.lefts} & {"the", "this"} \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights) \
                or any(t.i in self.names_by_token for left in token.lefts for t in left.subtree):
            return []
        found = self.context.last(token.idx, lambda m: m.kind == "organization" and m.actor.sector in GROUP_SECTORS)
        if found is None or any(t.lemma_.lower() == lemma for t in self.parsed.char_span(
                found.end, token.idx, alignment_mode="expand") or ()):
            return []
        text = self.doc.text[token.left_edge.idx:token.idx + len(token)]
        return [self.coref(token, text, found, f"'{text}' = the last group named")]

    def pronoun_mentions(self, token, lower: str) -> list[Mention]:
        if is_expletive_it(token):
            return []
        if lower == "whose":
            return self.relative_owner(token)
        if lower in PERSON_PRONOUNS:  # 'him' is one person, not 'the government' nor 'officers'
            accept = lambda m: m.kind == "person" or (
                m.kind == "role" and not self.names_a_body(m) and not self.is_plural_at(m.head)) or (
                m.kind == "coref" and m.actor.actor_id and self.kb.person(m.actor.actor_id) is not None)
        elif lower in SINGULAR_PRONOUNS:  # 'it' is no plural group ('guerrillas who overran it')
            accept = lambda m: m.kind in ("country", "organization", "metonym") or (
                m.kind in ("role", "coref") and not self.is_plural_at(m.head))
        elif lower in PLURAL_PRONOUNS:  # 'they' is a group, not one country ('Iran ... they')
            accept = lambda m: m.kind == "organization" or self.is_plural_at(m.head)
        else:
            return []
        if token.dep_ in ("dobj", "pobj", "dative"):
            own_subjects = self.clause_subject_offsets(token)
        else:  # 'attacked their convoy': the attacked object's clause
            own_subjects = self.clause_subject_offsets(token.head) if owns_what_is_attacked(token) else set()
        # 'He urged him': not the subject, nor whom the subject pronoun stands for
        own_subjects |= {self.antecedents[offset].head for offset in own_subjects if offset in self.antecedents}
        addressed = [m for m in self.grievance_addressees(token) if accept(m)]
        reporter = self.reporter(token)
        reported = [m for m in self.by_head.get(reporter.idx, []) if m.kind != "coref" and accept(m)] \
            if reporter is not None else []
        if not reported and lower in PLURAL_PRONOUNS and reporter is not None and reporter.tag_ == "NNS":
            return []  # 'they' is the reporting group, whose country is unknown; not the last one named
        found = addressed[0] if len(addressed) == 1 else (reported or [None])[0] or \
            self.preferred_antecedent(token, lambda m: m.head not in own_subjects and accept(m))
        if found is None:
            return []
        group = [found] + (self.coordinated_with(found) if lower in PLURAL_PRONOUNS else [])
        return [self.coref(token, token.text, m, f"pronoun '{token.text}' = '{m.text}'") for m in group]

    def relative_owner(self, token) -> list[Mention]:
        """'Tanzania, whose troops invaded Uganda': 'whose' is the noun its clause describes."""
        clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
        owner = [m for m in self.by_head.get(clause.head.idx, []) if m.actor.country] if clause is not None else []
        return [self.coref(token, token.text, owner[0], f"'whose' = '{owner[0].text}'")] if owner else []

    def grievance_addressees(self, token) -> list[Mention]:
        """'protested to China over its occupation', 'complained to Japan about their textbooks':
        the possessive of a grievance is whom the complaint is addressed to."""
        noun = token.head
        if token.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.lower_ not in GRIEVANCE_PREPS:
            return []
        verb = noun.head.head
        return [m for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "to"
                for obj in objects_of(prep) for m in self.by_head.get(obj.idx, []) if m.actor.country]

    def names_a_body(self, mention: Mention) -> bool:
        """A role mention whose head is an institution or a group ('the government', 'rebels').  The head
        word's own kind, not the multiword role's: with ``role_kind`` 'a human rights group' would be
        a body, and 'he' after it a later, unrelated name (tried: 5 pronoun events changed, none better)."""
        head = self.word_at(mention.head)
        return head is not None and self.kb.role_kinds.get(fold(head.lemma_)) in ("institution", "group")

    def role_kind(self, token) -> str | None:
        """'institution', 'group' or 'person': what kind of role the word names (roles.tsv), if any."""
        role = self.role_for(token)
        return self.kb.role_kinds.get(role.name) if role is not None else None

    def coordinated_with(self, mention: Mention) -> list[Mention]:
        """'The US and Britain said they ...': 'they' is every actor of the coordination."""
        head = self.word_at(mention.head)
        if head is None:
            return []
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        return [m for t in (first, *first.conjuncts) if t.i != head.i for m in self.by_head.get(t.idx, [])
                if m.actor.country and m.kind != "coref"]

    @staticmethod
    def clause_subject_offsets(token) -> set[int]:
        """An object pronoun is not its own clause's subject ('troops pursued rebels and attacked them'),
        nor an infinitive's controller ('Macron called Putin to urge him': Macron urges)."""
        verb = token.head.head if token.dep_ == "pobj" else token.head
        for _ in range(2):  # 'killed five of its soldiers': up from the counted noun to its verb
            if verb.pos_ in ("NOUN", "NUM", "ADP") and verb.dep_ in ("dobj", "pobj", "prep"):
                verb = verb.head
        for _ in range(3):
            subjects = {c.idx for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
            if subjects or verb.dep_ not in ("conj", "xcomp", "advcl"):
                return subjects
            if verb.dep_ != "conj":  # an infinitive's subject is its controller: 'X called Y to urge him'
                head = verb.head
                if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                    # a participle's subject is its head's: 'X wrote to Y urging him' (him is Y)
                    return {c.idx for c in head.children if c.dep_ == "nsubj"} if verb.tag_ == "VBG" else set()
                controllers = [c for c in head.children if c.dep_ == "dobj"] \
                    if head.lemma_.lower() in OBJECT_CONTROL_VERBS else []
                return {c.idx for c in controllers} or {c.idx for c in head.children if c.dep_ == "nsubj"}
            verb = verb.head
        return set()

    def reporter(self, token):
        """'The guerrillas, who attacked Israeli patrols, said they would fight on': the subject of
        a reported clause is, first of all, who reports it (the subject of the reporting verb)."""
        if token.dep_ != "nsubj" or token.head.dep_ != "ccomp":
            return None
        return next((s for s in token.head.head.children if s.dep_ == "nsubj"), None)

    def preferred_antecedent(self, token, accept) -> Mention | None:
        """Prefer the subject of the nearest earlier clause, else the nearest mention."""
        subjects = [m for m in reversed(self.context.recent)
                    if m.start < token.idx and m.actor.country and accept(m) and m.head is not None
                    and self.is_subject_at(m.head)]
        if subjects:
            return subjects[0]
        return self.context.last(token.idx, accept)

    def is_plural_at(self, offset: int | None) -> bool:
        """A plural head ('rebels', 'Palestinians') or one of coordinated names ('Iran and Syria')."""
        token = self.word_at(offset)
        if token is None:
            return False
        return token.tag_ in ("NNS", "NNPS") or token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children)

    def is_subject_at(self, offset: int) -> bool:
        token = self.word_at(offset)
        return token is not None and token.dep_ in ("nsubj", "nsubjpass", "csubj")

    def clause_subject_mentions(self, token) -> list[Mention]:
        verb = token
        while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return [m for s in subjects for m in self.by_head.get(s.idx, []) if m.actor.country]

    def clause_subject_countries(self, token) -> set[str]:
        return {m.actor.country for m in self.clause_subject_mentions(token)}

    def non_state_subject(self, token) -> Mention | None:
        """'Protesters in Kenya accused the government ...': people of a country facing 'the
        government' face their own."""
        home = [m for m in self.clause_subject_mentions(token)
                if m.actor.sector in NON_STATE_SECTORS and m.actor.country not in NON_STATE_CODES]
        return home[0] if len({m.actor.country for m in home}) == 1 else None

    def coref(self, token, text: str, antecedent: Mention, why: str) -> Mention:
        sector = PAIR_NOUNS.get(token.lemma_.lower()) or antecedent.actor.sector
        actor = replace(antecedent.actor, text=text, sector=sector, reason=f"{why} ({antecedent.actor.reason})")
        self.antecedents[token.idx] = antecedent
        return Mention(token.left_edge.idx, token.idx + len(token), text, actor, "coref", token.idx)

    # -- the walk --------------------------------------------------------------
    def resolve(self) -> list[Mention]:
        names = self.names = self.name_mentions()
        name_by_head: dict[int, list[Mention]] = {}
        for mention in names:
            name_by_head.setdefault(mention.head, []).append(mention)
        # a name keeps its mention even when the parse makes an odd word its root
        name_heads = [word.i for offset in name_by_head if (word := self.word_at(offset)) is not None]
        mentions: list[Mention] = []
        relative_owners = words_with_tag(self.parsed, "WP$")  # 'whose', a determiner that names an owner
        for token in map(self.parsed.__getitem__, sorted({*words_tagged(self.parsed, NOUN_POS), *name_heads,
                                                          *relative_owners})):
            found = self.mentions_for(token, name_by_head.get(token.idx, []))
            for mention in found:
                self.by_head.setdefault(token.idx, []).append(mention)
                self.context.remember(mention)
            mentions.extend(found)
        return mentions

    def mentions_for(self, token, names: list[Mention]) -> list[Mention]:
        """Names first, then 'the two countries', roles, 'the country', pronouns, known surnames."""
        role = self.role_for(token) if token.pos_ in ("NOUN", "PROPN") else None
        if role is None and self.is_bare_crowd(token):
            role = self.kb.roles.get("crowd")
        if role is not None and (is_counted_format(token) or is_title_inside_org_name(token)
                                 or is_press_occasion(token)):
            role = None
        if role is not None and role.name not in CRAFT_ROLES and is_model_designated(token):
            role = self.kb.roles.get("aircraft")  # 'F-16 fighters' are aircraft, not rebel fighters
        if names and names[0].kind == "metonym" and token.dep_ == "compound" and fold(token.head.lemma_) in GROUNDS:
            return []  # 'on the White House lawn': a place, not the government
        if names and not (role and names[0].kind == "demonym"):
            found = self.qualify_name(token, names)
            return found + self.shared_head(token, found)
        if token.i in self.names_by_token:
            return []
        if token.pos_ == "PRON" or token.tag_ == "WP$":
            return self.pronoun_mentions(token, token.lower_)
        found = (self.group_mentions(token) or self.half_mentions(token) or self.pair_mentions(token)
                 or self.definite_mentions(token) or self.organization_epithet_mentions(token)
                 or self.group_noun_mentions(token))
        if not found and role is not None and not self.is_title_word(token):
            found = self.role_mentions(token, role)
        if not found:
            found = self.owned_organ(token) or self.titled_person(token)
        if not found and (person := self.unknown_person(token)):
            found = [person]
        return found

    @staticmethod
    def is_bare_crowd(token) -> bool:
        """'Thousands marched ...': a number of people with no 'of' phrase saying who they are."""
        return (token.lemma_.lower() in CROWD_WORDS and token.tag_ == "NNS" and token.dep_ in ("nsubj", "nsubjpass")
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children))

    def owned_organ(self, token) -> list[Mention]:
        """'the Central Committee of the Workers' Party': a named body of an actor acts for it."""
        if token.pos_ != "PROPN" or not token.ent_type_:
            return []
        owners = [a for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for obj in objects_of(c) for a in self.with_conjuncts(obj, self.name_actor)]
        text = self.doc.text[token.left_edge.idx:token.idx + len(token)]
        return [Mention(token.left_edge.idx, token.idx + len(token), text,
                        replace(owner, text=text, reason=f"body of {owner.text} ({owner.reason})"), "role",
                        token.idx) for owner in owners[:1]]

    def qualify_name(self, token, names: list[Mention]) -> list[Mention]:
        """A demonym used as a noun ('Venezuelans') is civilians; as a modifier ('Israeli demands',
        'Iraqi Kurds') it gives its country to the phrase but says nothing of the sector."""
        result = []
        for mention in names:
            if mention.kind == "person" and mention.actor.sector and (former := is_former(token)):
                mention = replace(mention, actor=replace(mention.actor, sector=None, reason=(
                    f"{mention.actor.reason}; '{former}' marks a past office, so no sector")))
            if mention.kind == "demonym" and self.is_ethnic(token):
                mention = self.ethnic_group(token, mention)
                if mention is None:
                    continue
            if mention.kind == "demonym" and (home := self.home_country(token, mention)):
                mention = home
            if mention.kind == "organization" and not mention.actor.country and mention.actor.sector not in ARMED:
                mention = self.national_branch(token, mention)
            if mention.kind == "organization":
                mention = self.namesake_abroad(mention)
            if mention.kind == "demonym" and token.dep_ in ("amod", "compound", "nmod"):
                actor = replace(mention.actor, sector=None,
                                reason=f"{mention.actor.reason}; modifier of '{token.head.text}', sector unknown")
                mention = replace(mention, actor=actor)
            result.append(mention)
        return result

    def namesake_abroad(self, mention: Mention) -> Mention:
        """'the Sudanese People's Liberation Army', 'the Pakistani Taliban': a demonym right before
        a body of another country names that body's namesake or branch in its own country."""
        first = self.parsed.char_span(mention.start, mention.end, alignment_mode="expand")[0]
        before = self.names_by_token.get(first.i - 1)
        if (before is None or before.kind != "demonym" or not mention.actor.country
                or {before.actor.country, mention.actor.country} & NON_STATE_CODES
                or before.actor.country == mention.actor.country):
            return mention
        country = before.actor.country
        return replace(mention, start=before.start, text=self.doc.text[before.start:mention.end], actor=replace(
            mention.actor, text=self.doc.text[before.start:mention.end], country=country,
            reason=f"{mention.actor.reason}; '{before.text}' makes it a {country} namesake or branch"))

    def national_branch(self, token, mention: Mention) -> Mention:
        """'Egyptian authorities arrested Muslim Brotherhood members': a movement of many countries
        acts as its branch in the country its sentence (else the article) is about."""
        owners, why = self.context_owner(token)
        if not owners or owners[0].country in NON_STATE_CODES:
            return mention
        country = owners[0].country
        return replace(mention, actor=replace(mention.actor, country=country, reason=(
            f"{mention.actor.reason}; a movement of many countries, here its {country} branch: {why}")))

    def shared_head(self, token, found: list[Mention]) -> list[Mention]:
        """'Armenian and Azerbaijani troops', where the KB names 'Azerbaijani troops': the other
        adjective of the pair heads the same kind of actor."""
        if len(found) != 1:
            return []
        named = found[0]
        mentions = []
        for child in token.children:
            other = self.names_by_token.get(child.i)
            if (child.dep_ not in ("amod", "compound") or other is None or other.kind not in ("demonym", "country")
                    or named.start <= child.idx < named.end
                    or not any(named.start <= c.idx < named.end for c in child.conjuncts)):
                continue
            text = self.doc.text[other.start:token.idx + len(token)]
            actor = replace(named.actor, text=text, country=other.actor.country, actor_id=other.actor.actor_id,
                            reason=f"'{other.text}' shares the head of '{named.text}': {named.actor.reason}")
            mentions.append(Mention(other.start, token.idx + len(token), text, actor, "role", token.idx))
        return mentions

    def home_country(self, token, mention: Mention) -> Mention | None:
        """'Bosnian Serbs', 'Afghan Tajiks': a people qualified by another country's adjective live
        in, and are coded to, that country."""
        for child in token.children:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i >= token.i or is_hyphen_joined(child, token):
                continue  # 'Israeli-Syrian talks': two countries, not Syrians of Israel
            qualifier = self.names_by_token.get(child.i)
            if (qualifier is not None and qualifier.kind in ("demonym", "country") and qualifier.actor.country
                    and qualifier.actor.country != mention.actor.country):
                actor = replace(mention.actor, country=qualifier.actor.country, actor_id=qualifier.actor.actor_id,
                                reason=f"{mention.text} of {qualifier.actor.country} ('{qualifier.text}' qualifies "
                                       f"them): {mention.actor.reason}")
                return replace(mention, actor=actor)
        return None

    @staticmethod
    def is_ethnic(token) -> bool:
        """'ethnic Albanians', 'ethnic Albanian guerrillas': a group named by ethnicity, not nationality."""
        words = [token.doc[i].lower_ for i in range(max(0, token.i - 2), token.i)]
        return "ethnic" in words

    def ethnic_group(self, token, mention: Mention) -> Mention | None:
        """An ethnic group belongs to the country it lives in: the other country named most in its sentence."""
        others = {mention.actor.country, None} | NON_STATE_CODES
        sentence = token.sent
        counts: dict[str, list[Mention]] = {}
        for m in self.names:
            if sentence.start_char <= m.start < sentence.end_char and m.actor.country not in others:
                counts.setdefault(m.actor.country, []).append(m)
        ranked = sorted(counts.items(), key=lambda kv: -len(kv[1]))
        if not ranked or len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
            return None
        country, named = ranked[0]
        actor = replace(mention.actor, country=country, actor_id=named[0].actor.actor_id,
                        reason=f"ethnic {mention.text} living in {country} ('{named[0].text}' in the sentence)")
        return replace(mention, actor=actor)

    def titled_person(self, token) -> list[Mention]:
        """'President Bush', 'Judge Alejandro Rivera': a person named with a title, by surname or by title."""
        if token.ent_type_ != "PERSON" or token.pos_ != "PROPN" or self.is_title_word(token):
            return []
        head = token.head
        if head.i != token.i and head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
            return []  # not the last word of the name
        title = next((c for c in reversed(list(token.lefts))
                      if c.dep_ in ("compound", "amod", "nmod") and self.role_for(c) is not None), None)
        if title is None:
            return []
        role = self.role_for(title)
        known = self.person_by_surname(token, role, in_office=not is_former(title))
        if known and (owners := {a.country for a in self.owner_actors(token) if a.country}) \
                and known.actor.country not in owners:
            known = None  # "Jordan's King Hussein" is no Iraqi Hussein
        return [known] if known else self.role_mentions(token, role, (token, title))

    def person_by_surname(self, token, role: Entry | None = None, in_office: bool = False) -> Mention | None:
        """A titled surname ('President Bush') names the KB person of that surname, if all share a country;
        ``in_office``: the title is a current one, which with no date gives the sector."""
        people = [p for p in self.kb.surnames.get(fold(token.text), []) if bears_given_names(p, token)]
        if not people or len({p.country for p in people}) != 1:
            return None
        title = self.title_of(role) if in_office else None
        # 'President Clinton' is the Clinton who held that office
        holders = [p for p in people if any(t.role in title.offices for t in p.terms)] if title else []
        person = pick_person(holders or people, self.day)
        start = token.left_edge.idx
        text = self.doc.text[start:token.idx + len(token)]
        actor = person_actor(person, text, self.day, title=title)
        why = (f"title '{role.name}' with " if role else "") + f"the surname '{token.text}' of {len(people)} known "
        why += ("person" if len(people) == 1 else "people") + (f", {len(holders)} of them in that office"
                                                                if len(people) > len(holders) > 0 else "")
        actor = replace(actor, reason=f"{why}: {actor.reason}")
        return Mention(start, token.idx + len(token), text, actor, "person", token.idx)

    def is_title_word(self, token) -> bool:
        """'President' in 'President Gbagbo' is part of a name, not an actor of its own."""
        return (token.dep_ == "compound" and token.head.ent_type_ == "PERSON" and token.head.pos_ == "PROPN"
                and self.role_for(token) is not None)


def resolve_actors(doc: Document, kb: KnowledgeBase) -> Document:
    """Assign ``doc.mentions``: every actor-denoting phrase head with its resolved actor."""
    doc.mentions = Resolver(doc, kb).resolve()
    return doc


def actor_stage(kb: KnowledgeBase) -> FunctionStage:
    return FunctionStage("actors", ("sentences",), ("mentions",), lambda doc: resolve_actors(doc, kb))

