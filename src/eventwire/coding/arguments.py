"""Who did it to whom: finding source and target actors in the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from ..actors.resolve import (CRAFT_ROLES, NON_STATE_CODES, ORIGIN_VERBS, VIOLENT_ACT_NOUNS, is_counted_format,
                              is_model_designated, multiword_role, names_a_relation)
from ..model import Actor, Document
from ..nlp import is_gerund_read_as_adjective, is_hyphen_joined, is_infinitive, is_stranded_coordinate

SUBJECT_DEPS = ("nsubj", "csubj")
INHERITING_DEPS = ("xcomp", "conj", "advcl", "pcomp", "acl", "ccomp", "dep", "acomp")
# Where a noun phrase of its own stands (not a modifier, nor a predicate as in 'took them hostage').
NOMINAL_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass", "conj", "appos")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
OTHER_RELATIVE_WORDS = {"where", "when", "whose", "why", "whereby"}
# Prepositions through which an argument's real actor is reached: "despots in countries such as X".
DESCEND_PREPS = {"of", "as", "including", "like"}
# Acts only a state does to people: where they happen names the state that did them.
STATE_PUNISHMENTS = frozenset({"execution", "hanging", "beheading", "arrest", "detention", "imprisonment", "jailing",
                               "sentencing", "sentence", "trial", "conviction", "deportation", "expulsion", "flogging"})
# Kinds of country or place whose 'of' phrase names it, before any adjective describing it.
NAMED_BY_OF = frozenset({"republic", "kingdom", "island", "state", "nation", "emirate", "sultanate", "enclave",
                         "territory", "province", "region", "town", "city", "village", "principality", "area",
                         "zone", "district", "suburb", "camp", "capital"})


# Entity labels whose unresolved mentions still name an actor ("Prisoners" is a role word instead).
ACTOR_ENTITY_TYPES = ("PERSON", "ORG", "NORP", "GPE")
# Heads that only count the real actor in their 'of' phrase: "thousands of students".
QUANTITY_WORDS = {"thousand", "hundred", "dozen", "million", "score", "group", "number", "band", "crowd",
                  "team", "delegation", "contingent", "batch", "patch", "unit", "wave", "handful", "some"}
# Legal-form words that mark a name as a company's ('AirTanker Ltd.', 'Zentrix Holdings plc').
COMPANY_SUFFIXES = frozenset({"inc", "inc.", "ltd", "ltd.", "llc", "plc", "corp", "corp.", "corporation", "gmbh", "ag",
                              "s.a.", "sa", "n.v.", "nv", "s.p.a.", "spa", "co.", "holdings", "limited"})


@dataclass(frozen=True)
class CompanyRole:
    """The role an unknown company name implies: a business of no known country."""

    name: str = "company"
    sector: str = "BUS"


COMPANY = CompanyRole()


def is_company_name(text: str) -> bool:
    words = text.lower().replace(",", " ").split()
    return len(words) > 1 and words[-1] in COMPANY_SUFFIXES


def word_lemmas(token) -> tuple[str, ...]:
    """Possible lemmas of a word, most trusted first: the parser's, the word itself, and the word
    with a regular ending undone ('staged' -> 'stage'), since the small model mis-lemmatises
    ('staged' -> 'stag', 'hopes' -> 'hop').  Only endings the pre-pass also generates are undone,
    so the fast path stays a superset."""
    from .prefilter import base_forms

    lemmas = (token.lemma_.lower(), token.lower_, *base_forms(token.lower_))
    if (left := hyphen_partner(token)) is not None:  # 'cease-fire' is a 'ceasefire', 'pull-out' a 'pullout'
        joined = left.lower_ + token.lower_
        lemmas += (f"{left.lower_}-{token.lower_}", joined, *base_forms(joined))
    return tuple(dict.fromkeys(lemmas))


def hyphen_partner(token):
    """The word joined to this one by a hyphen on its left, with no space ('cease' of 'cease-fire')."""
    left = token.doc[token.i - 2] if token.i >= 2 else None
    joined = left is not None and is_hyphen_joined(left, token) and not left.whitespace_ and not (
        token.doc[token.i - 1].whitespace_)
    return left if joined else None


class ActorIndex:
    """Actors by the offset of their head word, for one document.

    Mentions the actor stage placed in a country or a sector are indexed; for the
    rest ``unresolved`` still recognises an argument that names an actor (a named
    entity or a role word such as 'prisoners'), so an event is coded with an actor
    whose country is unknown rather than lost.
    """

    def __init__(self, doc: Document, roles: dict | None = None):
        self.text = doc.text
        self.roles = roles or {}
        self.by_head: dict[int, list[Actor]] = {}
        self.span_end: dict[int, int] = {}
        # in text order: 'Indian and Pakistani forces' are the Indian, then the Pakistani forces
        for mention in sorted(doc.mentions or (), key=lambda m: m.start):
            if mention.head is not None and (mention.actor.country or mention.actor.sector):
                for head in (mention.head, *split_name_heads(doc.parsed, mention)):
                    self.by_head.setdefault(head, []).append(mention.actor)
                    self.span_end[head] = max(self.span_end.get(head, 0), mention.end)

    def arguments(self, token) -> list[Actor]:
        """Resolved actors of an argument phrase, else the unresolved actors it names."""
        return self.for_argument(token) or [a for t in (token, *conjuncts(token)) for a in self.unresolved(t)]

    def for_argument_list(self, tokens) -> list[Actor]:
        return [a for token in tokens for a in self.for_argument(token)]

    def countries(self) -> set[str]:
        """The countries (and organisations) of the document's actors."""
        return {a.country for actors in self.by_head.values() for a in actors if a.country}

    def names_people(self, token) -> bool:
        """A phrase naming people ('two German aid workers', 'a senator'), not things or places."""
        return token.ent_type_ == "PERSON" or any(w in self.roles and w not in CRAFT_ROLES for w in word_lemmas(token))

    def unresolved(self, token) -> list[Actor]:
        if token.pos_ not in ("NOUN", "PROPN", "NUM"):
            return []
        if token.lemma_.lower() in QUANTITY_WORDS or token.pos_ == "NUM":
            inner = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in objects_of(c)]
            # 'accused by rights groups of torturing ...': an 'of' phrase naming no people is not what is counted
            if inner and (counted := self.arguments(inner[0])):
                return counted
        role = multiword_role(token, self.roles) or next(  # 'the Secretary-General' is no general
            (self.roles[w] for w in word_lemmas(token) if w in self.roles), None) or next(
            (self.roles[w] for c in token.children if c.dep_ in ("compound", "amod")  # 'opposition supporters'
             and not is_counted_format(c) and not ACT_NOUNS.intersection(word_lemmas(token))
             for w in word_lemmas(c) if w in self.roles), None)
        named_org = token.ent_type_ == "ORG" and token.pos_ == "PROPN"
        if named_org and role is not None and role.name.split()[-1] not in word_lemmas(token):
            role = None  # 'General Mills': a title word inside a company's name is no general
        if role is None and token.ent_type_ not in ACTOR_ENTITY_TYPES:
            return []
        if role is not None and (role.name in CRAFT_ROLES or is_model_designated(token)):
            return []  # hardware with no named owner is no actor ('a new twin-deck aircraft', 'F-16 fighters')
        start, end = token.left_edge.idx, token.idx + len(token)
        why = f"role '{role.name}', country unresolved" if role else f"{token.ent_type_} name, country unresolved"
        if role is None and named_org and is_company_name(self.text[start:end]):
            role, why = COMPANY, f"company name '{self.text[start:end]}', country unresolved"
        origin = self.origin_country(token)
        if origin is not None:
            why = f"{token.ent_type_ or 'group'} from '{origin.text}' (the clause saying where they come from)"
        return [Actor(self.text[start:end], origin.country if origin else None, getattr(role, "sector", None),
                      None, why, start, end)]

    def origin_country(self, token) -> Actor | None:
        """'West Africans ordered out of Nigeria': a participle saying where a group comes from."""
        for clause in token.children:
            if clause.dep_ == "acl" and clause.lemma_.lower() in ORIGIN_VERBS:
                found = {a.country: a for t in clause.subtree for a in self.at(t)
                         if a.country and a.country not in NON_STATE_CODES}
                if len(found) == 1:
                    return next(iter(found.values()))
        return None

    def at(self, token) -> list[Actor]:
        return self.by_head.get(token.idx, [])

    def for_argument(self, token, depth: int = 0) -> list[Actor]:
        """The actors an argument phrase denotes, with its coordinated phrases ('China and Russia')."""
        actors = []
        stranded = [c for c in token.children if is_stranded_coordinate(c)]
        for head in (*stranded, token, *conjuncts(token), *self.conjuncts_inside_name(token),
                     *common_conjuncts_of_a_name(token)):
            actors.extend(self.phrase_actors(head, depth))
        return unique(actors)

    def doers(self, act, depth: int) -> list[Actor]:
        """Who did the act a noun names, before whom it was done to: its 'by' agent, or the state
        where a state's punishment happened ('the execution of a Briton in Iran')."""
        if is_object_of_an_act(act):  # 'the shooting down of an airliner by Israeli jets': the jets shot
            return self.jailing_state(act)
        return [a for obj in by_agents(act) for a in self.for_argument(obj, depth + 1)] or self.jailing_state(act)

    def jailing_state(self, token) -> list[Actor]:
        """The state where a state's punishment happened ('the execution of a Briton in Iran')."""
        if token.lemma_.lower() not in STATE_PUNISHMENTS:
            return []
        punished = [token, *prep_objects(token, "of")]  # 'in Iran' may hang on the person
        return [a for word in punished for obj in prep_objects(word, "in") for a in self.at(obj)
                if a.country and a.country not in NON_STATE_CODES]

    def conjuncts_inside_name(self, token) -> list:
        """'the Republic of Congo, Uganda and Zimbabwe': the list hangs off the name's last word."""
        end = self.span_end.get(token.idx)
        if end is None:
            return []
        return [c for t in token.subtree if token.i < t.i and t.idx < end for c in conjuncts(t)
                if c.idx >= end]

    def phrase_actors(self, token, depth: int) -> list[Actor]:
        found = self.at(token)
        if found and all(is_place_actor(a) for a in found) and (holders := self.place_holders(token, depth)):
            return holders  # 'Serb-held Krajina': the Serbs who hold it
        if found and not any(a.sector for a in found) and (described := [
                a for c in token.children if c.dep_ == "appos" for a in self.for_argument(c, depth + 1)
                if a.country and a.sector]):
            return described  # 'Said Musa, a senior aide to Arafat': the apposition says whose he is
        if found or depth >= 3:
            return found
        if token.pos_ == "NOUN" and (doers := self.doers(token, depth)):
            return doers  # 'condemned the killing of X by Y' is aimed at Y
        # an apposition naming a country names the actor itself, a possessor only its owner:
        # "Iraq's neighbours, Syria and Jordan"
        children = list(token.children)
        if any(c.dep_ == "poss" for c in children):
            children.sort(key=lambda c: c.dep_ != "appos")
        if token.lemma_.lower() in NAMED_BY_OF:  # 'the former Soviet republic of Georgia' is Georgia
            children.sort(key=lambda c: not (c.dep_ == "prep" and c.lower_ == "of"))
        for child in children:
            if child.dep_ == "appos":
                found = [a for a in self.for_argument(child, depth + 1) if a.country]
            elif child.dep_ == "poss":
                found = [] if names_a_relation(token) else self.for_argument(child, depth + 1)
            elif child.dep_ in ("amod", "compound", "nmod") and self.at(child):
                # 'the Turkish and Greek sides'; but goods and markets do nothing for a country ('Indian shares
                # rallied'), though what is done to them is done to it ('tariffs on Chinese steel')
                found = [] if is_market_subject(token) else self.for_argument(child, depth + 1)
            elif child.dep_ == "compound":  # 'US Predator attacks': the name hangs off an inner compound
                found = self.phrase_actors(child, depth + 1)
            elif child.dep_ == "amod" and child.lemma_.lower() in HOLDING_PARTICIPLES and not any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in children):
                # 'Serb-held areas', 'Hezbollah-controlled villages': the holder's (but 'Israeli-controlled
                # parts of the West Bank' are the West Bank)
                found = self.holders_named_by(child, depth)
            elif child.dep_ == "acl" and child.lemma_.lower() in HOLDING_PARTICIPLES:
                # 'camps run by the PKK', 'positions held by rebels': the holder's
                found = [a for obj in agent_objects(child) for a in self.for_argument(obj, depth + 1)]
            elif child.dep_ == "prep" and child.lower_ in DESCEND_PREPS:
                found = [a for obj in objects_of(child) for a in self.for_argument(obj, depth + 1)]
            if found:
                return found
        return []

    def holders_named_by(self, participle, depth: int) -> list[Actor]:
        """Whom an 'X-held' or 'X-controlled' participle names."""
        return [a for c in participle.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")
                for a in self.for_argument(c, depth + 1)]

    def place_holders(self, place, depth: int) -> list[Actor]:
        """Who holds a named place by the 'X-held' modifier on it."""
        return [a for c in place.children if c.dep_ == "amod" and c.lemma_.lower() in HOLDING_PARTICIPLES
                for a in self.holders_named_by(c, depth) if a.country]


def split_name_heads(parsed, mention) -> list[int]:
    """'met President Jose Eduardo dos Santos': the parser may split a name at a lowercase particle
    (reading 'dos' as a verb); the head word of each piece stands for the whole name too."""
    if parsed is None or mention.kind in ("role", "coref"):  # phrases the stage built from the parse
        return []
    span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return []
    return [t.idx for t in span if t.idx != mention.head and t.pos_ == "PROPN"
            and not span.start <= t.head.i < span.end]


def is_place_actor(actor: Actor) -> bool:
    return bool(actor.actor_id) and actor.actor_id.startswith("place:")


def is_object_of_an_act(noun) -> bool:
    """The 'of' object of a noun that names no doer itself, which a 'by' phrase hung on the object belongs to."""
    of = noun.head
    return noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and not by_phrases(of.head)


def by_agents(noun) -> list:
    """The objects of a noun's 'by' phrases: who did the act it names."""
    return [o for c in by_phrases(noun) for o in objects_of(c)]


def by_phrases(noun) -> list:
    """A noun's 'by' phrases, with one the parser hung on the active verb whose object the noun is
    ('condemned the killing of three Palestinians by Israeli troops')."""
    own = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    verb = noun.head
    if own or noun.dep_ != "dobj" or is_passive(verb):
        return own
    return [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i]


# Participles of holding ground: a place 'X-held' or 'X-controlled' is X's.
HOLDING_PARTICIPLES = frozenset({"hold", "held", "control", "controlled", "occupy", "occupied", "run", "own", "owned",
                                 "operate", "operated", "man", "manned"})


def is_market_subject(token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") and bool(MARKET_NOUNS.intersection(word_lemmas(token)))


NOMINAL_POS = ("NOUN", "PROPN", "PRON", "NUM")
# Goods, markets and money: a country's adjective on them names no actor ('Indian shares rallied').
MARKET_NOUNS = frozenset({"share", "stock", "market", "index", "bourse", "exchange", "currency", "bond", "yield",
                          "economy", "export", "import", "gas", "oil", "crude", "grain", "wheat", "rice", "product",
                          "good", "price", "inflation", "growth", "output", "sale", "demand", "supply", "asset",
                          "equity", "debt", "peso", "rupee", "yuan", "ruble", "rouble", "lira", "rand", "real"})
# Nouns naming an act, not who acts: a role word before them ('a drone attack', 'a police raid')
# does not make the phrase an actor.
ACT_NOUNS = frozenset({"attack", "strike", "airstrike", "raid", "bombing", "operation", "offensive", "assault",
                       "shelling", "crackdown", "campaign", "exercise", "drill", "patrol", "deployment", "incursion",
                       "cooperation", "co-operation", "aid", "assistance", "training", "tie", "relation", "alliance",
                       "pact", "agreement", "accord", "deal", "talk", "spending", "budget", "contact"})


def common_conjuncts_of_a_name(token) -> list:
    """'The government of Sierra Leone and RUF rebels signed ...': a common noun the parser
    coordinates with the proper noun of an 'of' phrase is coordinated with the phrase's head."""
    return [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for name in objects_of(prep)
            if name.pos_ == "PROPN" for c in name.conjuncts if c.i > name.i and c.pos_ == "NOUN"]


def conjuncts(token) -> list:
    """Coordinated phrases of the same kind: 'China and Russia', not 'X threatening and Y transforming'."""
    return [c for c in token.conjuncts if c.i > token.i and (c.pos_ in NOMINAL_POS) == (token.pos_ in NOMINAL_POS)
            and not is_possessor_elsewhere(c)] + listed_apposition(token)


def listed_apposition(token) -> list:
    """'Mexico, Brazil and the oil-rich Venezuela': the parser often reads the second name as an
    apposition carrying the rest of the list; one name in apposition to another, itself coordinated,
    is a list."""
    if token.pos_ != "PROPN":
        return []
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and any(c.dep_ == "conj" for c in child.children):
            return [child, *conjuncts(child)]
    return []


def is_possessor_elsewhere(token) -> bool:
    """'X and the Maduro regime's transforming ...': a possessive ending shows the parse joined two clauses."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return following is not None and following.tag_ == "POS" and following.head.i != token.i


def objects_of(prep) -> list:
    objects = [gerund_subject(c) if c.dep_ == "pcomp" else c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    for child in prep.children:  # "such as X": the object hangs off 'as'
        if child.dep_ == "prep":
            objects.extend(objects_of(child))
    return objects or shared_object(prep)


def gerund_subject(pcomp):
    """'clashed with rebels trying to cross': the parser makes the object the gerund's subject.  After
    a comma it is a clause of its own ('talks broke down, with both sides announcing a truce')."""
    prep = pcomp.head
    low, high = sorted((prep.i, prep.head.i))
    if any(t.text == "," for t in prep.doc[low:high]):
        return pcomp
    if pcomp.lower_ == "visiting" and prep.lower_ == "with":  # 'talks with visiting President X': X, a guest
        return next((c for c in pcomp.children if c.dep_ == "dobj"), pcomp)
    return next((c for c in pcomp.children if c.dep_ == "nsubj" and c.i < pcomp.i), pcomp)


def shared_object(prep) -> list:
    """'established ties with and opened an embassy in X': a preposition left without its object
    before 'and' shares the object that ends the coordinated phrase."""
    doc = prep.doc
    if prep.i + 2 >= len(doc) or doc[prep.i + 1].dep_ != "cc":
        return []
    conjunct = doc[prep.i + 2]
    last = [t for t in conjunct.subtree if t.dep_ == "pobj" and t.i > prep.i]
    return last[-1:]


def unique(actors: list[Actor]) -> list[Actor]:
    seen, result = set(), []
    for actor in actors:
        key = (actor.country, actor.sector, actor.actor_id, actor.start)
        if key not in seen:
            seen.add(key)
            result.append(actor)
    return result


def is_passive(verb) -> bool:
    return (has_passive_words(verb) or is_passive_participle(verb) or is_headline_passive(verb)
            or is_passive_conjunct(verb))


def has_passive_words(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def is_passive_conjunct(verb) -> bool:
    """'killed' in 'was shot and killed by rebels': a participle coordinated with a passive, with no
    subject or object of its own, shares its passive ('was briefed and ordered troops ...' does not),
    and so does a verb of giving, whose passive keeps what is given ('was summoned and handed a
    protest note')."""
    if verb.dep_ != "conj" or not has_passive_words(verb.head):
        return False
    giving = verb.lemma_.lower() in GIVING_VERBS and verb.tag_ in ("VBN", "VBD")
    own = ("nsubj", "nsubjpass", "aux") if giving else ("nsubj", "nsubjpass", "dobj", "aux")
    return (verb.tag_ == "VBN" or giving) and not any(c.dep_ in own for c in verb.children)


# Verbs with two objects, whose passive keeps the thing given: 'was handed a protest note'.
GIVING_VERBS = frozenset({"hand", "give", "send", "offer", "show", "grant", "award", "promise"})


def antecedent(subject, verb):
    """The noun a relative clause's pronoun subject stands for ('the PLO, which was expelled ...':
    the PLO); any other subject is itself."""
    return verb.head if verb.dep_ == "relcl" and subject.lower_ in RELATIVE_PRONOUNS else subject


def passive_subjects(verb) -> list:
    subjects = ("nsubjpass", "nsubj") if is_headline_passive(verb) else ("nsubjpass",)
    own = [antecedent(c, verb) for c in verb.children if c.dep_ in subjects]
    return own or (passive_subjects(verb.head) if is_passive_conjunct(verb) else [])


# Verbs never used without an object: with a subject and no object, no auxiliary, they are a
# headline's passive ('Five Palestinians killed in Israeli raid', 'Opposition leader detained').
OBJECT_ONLY_VERBS = frozenset({
    "kill", "wound", "injure", "arrest", "detain", "abduct", "kidnap", "execute", "deport", "expel", "jail",
    "imprison", "sentence", "assassinate", "behead", "torture", "extradite", "convict", "indict", "massacre"})


def is_headline_passive(verb) -> bool:
    """Not when an object hides elsewhere: a number ('gunmen killed at least 24'), or one shared
    with a coordinated verb ('he tortured and beat his girlfriend'); nor with a pronoun subject."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in OBJECT_ONLY_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(s.pos_ != "PRON" for s in subjects) and not any(
        c.dep_ in ("dobj", "aux", "auxpass", "ccomp", "xcomp", "dative", "prt", "attr", "oprd")
        or (c.dep_ == "npadvmod" and c.pos_ == "NUM")
        or (c.dep_ == "conj" and any(o.dep_ == "dobj" for o in c.children)) for c in verb.children)


def is_passive_participle(verb) -> bool:
    """'forces backed by the US', 'a journalist detained in Russia': a reduced passive on a noun,
    which is its object; not an intransitive verb's participle ('youths resorted to ...')."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if is_verbless_sentence_verb(verb):
        return False
    if any(c.dep_ == "agent" and not is_means(c) for c in verb.children):
        return True
    return not any(c.dep_ in ("dobj", "prt") for c in verb.children) and verb.lemma_.lower() not in INTRANSITIVE


# What 'by' can name that is no agent: 'conferred by telephone with', 'informed by letter'.
MEANS_NOUNS = frozenset({"telephone", "phone", "letter", "telex", "radio", "cable", "fax", "satellite", "videolink",
                         "video", "mail", "email", "e-mail", "messenger", "telegram", "hotline", "courier", "note",
                         "ship", "boat", "air", "sea", "road", "bus", "train", "truck", "lorry", "ferry"})


def is_means(by) -> bool:
    return any(MEANS_NOUNS.intersection(word_lemmas(o)) for o in objects_of(by))


def agent_objects(token) -> list:
    return [obj for c in token.children if c.dep_ == "agent" for obj in objects_of(c)]


def is_verbless_sentence_verb(verb) -> bool:
    """'North Korea's news agency called Kim a traitor.': the parser, finding no verb, makes the
    noun the root and the finite verb a participle on it; with objects, that verb is the main one."""
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.dep_ == "ROOT"
            and verb.head.pos_ in ("NOUN", "PROPN")
            and (any(c.dep_ == "dobj" for c in verb.children) or bool(named_then_called(verb))))


def small_clause_subjects(verb) -> list:
    """'declared the Syrian diplomat persona non grata' parsed as a verbless clause whose subject is
    the diplomat: the subject of a noun or adjective complement is the verb's object."""
    return [s for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN", "ADJ")
            for s in c.children if s.dep_ == "nsubj"]


def named_then_called(verb) -> list:
    """'called X a traitor' parsed with two complements and no object: the first is the object."""
    complements = [c for c in verb.children if c.dep_ == "oprd"]
    return complements[:1] if len(complements) == 2 else []


def passive_agents(verb) -> list:
    """A passive's agent, also when the parser hangs 'by' on its complement ('was declared persona
    non grata by X', 'was named envoy by X')."""
    return agent_objects(verb) or [o for c in verb.children if c.dep_ in ("oprd", "attr")
                                   for o in prep_objects(c, "by")] or shared_agents(verb)


def shared_agents(verb) -> list:
    """'was shot and killed by rebels', 'was arrested by police and deported': one 'by' phrase
    names the agent of coordinated passives."""
    if is_passive_conjunct(verb):
        return agent_objects(verb.head)
    return [o for c in verb.children if c.dep_ == "conj" and is_passive_conjunct(c) for o in agent_objects(c)]


# Verbs whose past participle on a noun is no passive: 'youths resorted to violence', 'troops arrived'.
INTRANSITIVE = frozenset({"resort", "arrive", "come", "go", "happen", "occur", "remain", "rise", "fall", "emerge",
                          "return", "flee", "die", "live", "stay", "settle", "retire", "vanish", "disappear",
                          "grow", "turn", "become", "gather", "assemble", "converge", "march", "riot", "protest",
                          "demonstrate", "rally", "confer", "talk", "speak"})

# Verbs whose object did the act of their 'of/for/from' gerund: 'accused Y of firing', 'thanked Y
# for sending', 'stopped Y from entering': Y fired, sent, entered.
OBJECT_DOER_VERBS = frozenset({"accuse", "blame", "condemn", "criticize", "criticise", "denounce", "fault", "praise",
                               "commend", "thank", "congratulate", "punish", "penalize", "penalise", "fine", "sue",
                               "charge", "suspect", "convict", "forgive", "reward", "stop", "prevent", "prohibit",
                               "bar", "ban", "deter", "dissuade", "discourage", "keep", "block", "sentence", "arrest",
                               "detain", "jail", "imprison", "execute", "prosecute", "indict", "try", "expel",
                               "deport", "dismiss", "sack", "reprimand", "honour", "honor", "award", "blast", "slam",
                               "castigate", "chide", "rap", "rebuke", "scold", "lambaste", "lambast", "assail",
                               "berate", "censure", "reproach", "upbraid", "excoriate", "hail", "applaud", "laud",
                               "salute", "compliment", "admonish", "attack", "lash"})
DOER_PREPS = frozenset({"of", "for", "from"})
# ... and of their 'with' gerund: 'charged Y with violating', 'credited Y with ending', 'tasked Y with guarding'.
WITH_DOER_VERBS = frozenset({"charge", "credit", "task", "entrust"})


def object_doer(gerund):
    """The object of 'accused Y of firing' or 'charged Y with firing' (or the subject of 'Y was accused
    of firing') as the subject of 'firing' (see OBJECT_DOER_VERBS)."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    verb = prep.head.lemma_.lower()
    with_doer = prep.lower_ == "with" and verb in WITH_DOER_VERBS
    if not (prep.lower_ in DOER_PREPS and verb in OBJECT_DOER_VERBS or with_doer):
        return None
    aimed_at = [o for c in prep.head.children if c.dep_ == "prep" and c.lower_ == "at" for o in objects_of(c)]
    return next((c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")), None) or next(
        iter(aimed_at), None)  # 'lashed out at Y for deploying'


# Verbs that make their object do what their infinitive says: 'prompting police to use force'.
CAUSING_VERBS = frozenset({"prompt", "cause", "lead", "spur", "drive", "provoke"})


def caused_doer(verb):
    """The object of a causing verb, who does the act of its infinitive complement."""
    head = verb.head
    if verb.dep_ != "xcomp" or not is_infinitive(verb) or head.lemma_.lower() not in CAUSING_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "dobj"), None)


def subject_token(verb):
    """The word that is the verb's subject, looking through conjoined and embedded verbs."""
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        if (doer := object_doer(verb)) is not None:
            return doer
        subjects = own_subjects(verb)
        if not subjects and is_summons_purpose(verb):
            return None  # 'the ambassador was summoned to protest ...': the summoner protests
        if not subjects and (crowd := protesting_crowd(verb)) is not None:
            return crowd
        if subjects:
            subject = named_of_two_subjects(subjects) or subjects[0]
            if (noun := antecedent(subject, verb)).i != subject.i:
                return noun
            return participle_subject(subject) or subject
        if verb.dep_ == "relcl" and not is_passive(verb):
            return verb.head
        if is_gerund_read_as_adjective(verb):  # 'X denied supporting rebels': X's act
            verb = verb.head.head
            continue
        if caused := caused_doer(verb):  # 'hurled stones, prompting police to use rubber pellets'
            return caused
        if (verb.dep_ in INHERITING_DEPS or is_misparsed_progressive(verb)) and verb.head.i != verb.i:
            if (patient := acting_patient(verb)) is not None:
                return patient
            if (main := finite_beside_gerund(verb)) is not None:
                verb = main
                continue
            act_of_noun = verb.dep_ == "acl" and is_infinitive(verb)
            verb = verb.head
            if verb.pos_ in ("NOUN", "PROPN"):
                # "Russia's move to annex ...", "the decision by Mali to expel ...", "the French decision to ..."
                owner = noun_owner(verb, national=act_of_noun)
                if owner is not None:
                    return owner
                verb = governing_verb(verb)  # "issued a declaration demanding ...": the issuer
            continue
        return None
    return None


# Verbs whose passive names where one is called to, whose holder calls: 'was summoned to the Foreign Ministry'.
SUMMONING_VERBS = frozenset({"summon", "call"})


def is_summons_purpose(verb) -> bool:
    """'was summoned to protest ...', 'was called in to receive a protest': the purpose of a summons
    is the summoner's, not the summoned envoy's."""
    head = verb.head
    return verb.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in SUMMONING_VERBS and is_passive(head)


# What crowds do, read by the parser as the main verb's circumstance: 'fired on demonstrators protesting ...'.
CROWD_ACTS = frozenset({"protest", "demonstrate", "demand", "chant", "march", "rally", "denounce", "condemn"})


def protesting_crowd(verb):
    """'Police fired on Sikh demonstrators protesting the visit': a crowd's act right after the
    people the main verb acts on is theirs, not the main subject's."""
    before = verb.doc[verb.i - 1] if verb.i else None
    if (verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in CROWD_ACTS or before is None
            or before.tag_ not in ("NNS", "NNPS") or before.dep_ not in ("dobj", "pobj")  # a crowd is plural
            or before.ent_type_ in NOT_A_CROWD_LABELS):  # '... in Istanbul demanding', '... on Friday protesting'
        return None
    return before


NOT_A_CROWD_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def own_subjects(verb) -> list:
    """A verb's subjects, also those the parser hangs on its auxiliary ('the Guards had test-fired')."""
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS] or [
        c for aux in verb.children if aux.dep_ == "aux" and aux.i < verb.i for c in aux.children
        if c.dep_ in SUBJECT_DEPS]


def finite_beside_gerund(verb):
    """'accused the government of rigging the election and called for protests': a finite verb the
    parser coordinates with a gerund is coordinated with the verb the gerund depends on."""
    gerund = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or gerund.tag_ != "VBG":
        return None
    if gerund.dep_ != "pcomp" or gerund.head.dep_ != "prep" or gerund.head.head.pos_ not in ("VERB", "AUX"):
        return None
    return gerund.head.head


def acting_patient(verb):
    """'Karzai was briefed on the attack and ordered troops to ...': an active verb with an object,
    coordinated with a passive one, is done by the passive's subject ('was shot and killed', with
    no object, stays passive)."""
    if verb.dep_ != "conj" or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    head = verb.head
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None) if head.pos_ in ("VERB", "AUX") else None


# Verbs that give a body its task: 'appointed a rapporteur to investigate ...'.
APPOINTING_VERBS = frozenset({"appoint", "name", "set", "establish", "form", "create", "send", "dispatch", "hire",
                              "assign", "commission", "nominate", "deploy", "task", "charge", "empower", "authorize",
                              "authorise", "mandate", "instruct"})


def is_appointee(noun, verb) -> bool:
    """'named a rapporteur to investigate', 'set up a commission to inquire': an unnamed body,
    object of a verb, given a task by its infinitive; whoever gave it the task acts through it."""
    return (noun.dep_ == "dobj" and noun.head.lemma_.lower() in APPOINTING_VERBS and verb.head.i == noun.i
            and verb.dep_ in ("acl", "relcl") and is_infinitive(verb))


# Entity labels of a modifier that names whose act a noun is: 'the French decision to ...',
# 'the U.S. plan to ...', 'a NATO move to ...'.
OWNER_MODIFIER_LABELS = {"amod": ("NORP",), "compound": ("GPE", "ORG", "NORP")}


def noun_owner(noun, national: bool = False):
    """Whose act a noun names: its possessor or the object of its 'by', or with ``national`` (the
    noun of an act, not a doer like 'a Syrian newspaper') a national modifier."""
    owners = [c for c in noun.children if c.dep_ == "poss"] + [
        o for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for o in objects_of(c)]
    if national:
        owners += [c for c in noun.children if c.ent_type_ in OWNER_MODIFIER_LABELS.get(c.dep_, ())]
    return owners[0] if owners else None


def named_of_two_subjects(subjects: list):
    """Two subjects with no comma between them misparse a label and a name ('Old foes Iran and
    Egypt have ...'): the name is the second.  With a comma the second is an apposition ('Qatar's
    emir, Sheikh Hamad, ...') and the first stays, unless the first is an opening participle phrase
    ('Addressing parliament, the prime minister accused ...')."""
    if len(subjects) != 2 or subjects[0].i > subjects[1].i:
        return None
    first, second = subjects
    opening = first.left_edge
    if opening.tag_ == "VBG" and opening.i == opening.sent.start:
        return second
    between = first.doc[first.i + 1:second.left_edge.i]
    return None if any(t.is_punct for t in between) else second


def is_misparsed_progressive(verb) -> bool:
    """'Qatar is mediating between ...': the parser can make the participle the attribute of 'is'."""
    return verb.dep_ == "attr" and verb.tag_ == "VBG" and verb.pos_ == "VERB" and verb.head.lemma_ == "be"


def participle_subject(subject):
    """'The Red Cross operating in Iraq said ...': the parser makes the participle the subject and
    the noun it modifies the participle's subject; the noun is the speaker."""
    if subject.tag_ != "VBG" or subject.pos_ != "VERB":
        return None
    nouns = [c for c in subject.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    return nouns[0] if nouns else None


PERSONAL_PRONOUNS = {"it", "they", "he", "she", "we"}
THIRD_PERSON = PERSONAL_PRONOUNS - {"we"}


# Gatherings whose 'of' phrase names who gathers: 'a meeting of the Arab League was convened'.
GATHERING_NOUNS = frozenset({"meeting", "session", "summit", "conference", "gathering", "assembly"})


# Where something is posted or said: 'posted on Twitter accusing X' is the poster's accusation.
MEDIA_NOUNS = frozenset({"twitter", "facebook", "instagram", "youtube", "tiktok", "telegram", "weibo", "whatsapp",
                         "television", "tv", "radio", "website", "blog", "media"})


def verb_sources(index: ActorIndex, verb, place_of_attack: bool = True) -> list[Actor]:
    posted = verb.head.lower_ in MEDIA_NOUNS and verb.head.dep_ == "pobj"
    if (verb.dep_ == "acl" and verb.tag_ == "VBG" and not posted or is_verbless_sentence_verb(verb)) and (
            actors := index.arguments(verb.head)):
        return actors  # 'American planes patrolling the zone': the planes patrol
    if is_passive(verb):
        return ([a for obj in passive_agents(verb) for a in index.arguments(obj)] or instrument_owners(index, verb)
                or [a for s in passive_subjects(verb) if s.lemma_.lower() in GATHERING_NOUNS
                    for obj in prep_objects(s, "of") for a in index.arguments(obj)])
    subject = subject_token(verb)
    if subject is None:
        return []
    if place_of_attack and is_violent_act(subject):  # 'the downing of a Libyan airliner by Israeli jets killed ...'
        owner = noun_owner(subject)
        if actors := [a for doer in ([owner] if owner is not None else misplaced_agents(subject))
                      for a in index.arguments(doer)]:
            return actors
    actors = index.arguments(subject)
    if not actors and subject.lower_ in PERSONAL_PRONOUNS:
        return (reporter(index, verb) if subject.lower_ in THIRD_PERSON else []) or previous_subject(index, verb.sent)
    if not actors and is_appointee(subject, verb):  # 'appointed a rapporteur to investigate ...'
        return verb_sources(index, subject.head, place_of_attack)
    if not actors:  # 'Saudi-led airstrikes killed ...', 'a US-led offensive retook ...'
        actors = led_by(index, subject)
    if not actors and place_of_attack and is_violent_act(subject):  # 'shells fired by X hit ...'
        return [a for agent in participle_agents(subject) for a in index.arguments(agent)] or place_of_violence(
            index, subject, verb)
    if not actors and subject.lemma_.lower() in DOCUMENT_NOUNS:
        return [a for issuer in document_issuers(subject) for a in index.arguments(issuer)]
    return actors


# Texts that speak for whoever issued them: 'a statement issued by X condemned ...'.
DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "report", "letter", "editorial",
                            "commentary", "resolution", "message", "memorandum", "note", "appeal", "petition"})
# Papers whose pages carry their own voice: 'an editorial in the People's Daily'.
OPINION_NOUNS = frozenset({"editorial", "commentary"})


def participle_agents(noun) -> list:
    """The agent of a participle on a noun: 'a statement issued by X', 'a mine planted by X'."""
    return [o for c in noun.children if c.dep_ == "acl" for o in agent_objects(c)]


def document_issuers(document) -> list:
    """Who a text speaks for: the agent of the participle on it ('issued by X', 'a resolution adopted
    by X'), its 'by' or 'from' phrase ('a report by X', 'a statement from X') and, for an editorial,
    the paper it is in."""
    preps = {"by", "from", *(("in",) if document.lemma_.lower() in OPINION_NOUNS else ())}
    return participle_agents(document) + [o for c in document.children if c.dep_ == "prep" and c.lower_ in preps
                                          for o in objects_of(c)]


# Verbs that address someone directly ('wrote to X', 'telephoned X'), and verbs that address
# someone when their object is a text ('sent a letter to X').
WRITING_VERBS = frozenset({"write", "telephone", "phone", "cable", "telex", "call"})
SENDING_VERBS = frozenset({"send", "deliver", "hand", "address", "submit", "dispatch"})


def message_addressees(clause) -> list:
    """Whom a message's content is addressed to: a participle on a text or on the act of sending
    or writing it ('sent a letter to X asking for ...', 'a letter to X urging ...', 'wrote to X
    demanding ...') is said to the letter's addressee."""
    if clause.tag_ != "VBG" or any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return []
    head = clause.head
    if clause.dep_ == "acl" and head.lemma_.lower() in DOCUMENT_NOUNS:
        texts, verb = [head], head.head if head.dep_ == "dobj" else None
    elif clause.dep_ in ("advcl", "xcomp") and head.pos_ == "VERB":
        texts, verb = [o for o in direct_objects(head) if o.lemma_.lower() in DOCUMENT_NOUNS], head
    else:
        return []
    lemma = verb.lemma_.lower() if verb is not None else ""
    if not (lemma in WRITING_VERBS or (texts and lemma in SENDING_VERBS) or (texts and verb is None)):
        return []
    addressed = [o for t in (*texts, *([verb] if verb is not None else ())) for c in t.children
                 if c.dep_ in ("prep", "dative") and c.lower_ == "to" for o in objects_of(c)]
    if lemma in WRITING_VERBS - {"write"}:  # 'telephoned X', 'cabled X'
        addressed += [o for o in direct_objects(verb) if o.lemma_.lower() not in DOCUMENT_NOUNS]
    return addressed


# Prepositions that say where something happened.
WHERE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "through"})
# Prepositions naming the action an act was part of: 'killed in airstrikes', 'arrested five during a raid'.
MEANS_PREPS = frozenset({"in", "during"})
# A line between two countries: 'near the Turkish border' does not say on which side.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
# Verbs of launching fire, and the prepositions that say where it came from.
LAUNCH_VERBS = frozenset({"fire", "launch", "shoot", "lob"})
ORIGIN_PREPS = frozenset({"from"})


def claimants(trigger) -> list:
    """Who claimed the attack its sentence tells of: 'killed 18 people, in an attack claimed by
    Hamas' (the objects of the claim's 'by')."""
    return [a for c in trigger.sent if c.dep_ == "acl" and c.lemma_.lower() == "claim" and is_violent_act(c.head)
            for a in agent_objects(c)]


def is_violent_act(token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and any(w in VIOLENT_ACT_NOUNS for w in word_lemmas(token))


# Aircraft, whose acts are a force's ('F-16 jets took part in strikes'), and attacks from the air ('air
# strikes', 'an air raid', 'warplanes'; not 'a bomber', most often a person, nor a plane, most often an airliner).
AIRCRAFT = frozenset({"jet", "warplane", "aircraft", "bomber", "helicopter", "gunship", "drone", "plane"})
AIR_ATTACKS = AIRCRAFT - {"bomber", "plane"} | {"airstrike"}
AIR_MODIFIERS = frozenset({"air", "aerial", "drone", "missile"})


# Munitions fired from afar: where they land is not where their users are.
FIRED_MUNITIONS = frozenset({"missile", "rocket", "shell", "mortar", "scud", "katyusha", "projectile", "shellfire",
                             "artillery"})


def is_fired_from_afar(token) -> bool:
    """'Air strikes in Gaza', 'rockets landed in Israel': those who fire them are seldom of the place."""
    return is_air_attack(token) or bool(FIRED_MUNITIONS.intersection(word_lemmas(token)))


def is_air_attack(token) -> bool:
    return bool(AIR_ATTACKS.intersection(word_lemmas(token))) or (
        token.lemma_.lower() in ("strike", "raid", "attack", "bombardment") and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in AIR_MODIFIERS for c in token.children))


def struck_from_the_air(trigger) -> bool:
    """'Warplanes bombed ...', 'were killed in air strikes', 'an airstrike': an attack from the air."""
    subject = subject_token(trigger) if trigger.pos_ == "VERB" else None
    means = [o for p in MEANS_PREPS for o in prep_objects(trigger, p)]
    return any(is_air_attack(t) for t in (trigger, *([subject] if subject is not None else []), *means))


def place_of_violence(index: ActorIndex, subject, verb) -> list[Actor]:
    """'A roadside bombing near Samarra killed ...': with the attacker unnamed, violence is coded to
    the country where it happened (the place in the subject's phrase, else in the verb's or, for 'a
    bomb exploded in X, killing ...', in the clause the verb follows), sector unknown; fire launched
    from a place ('rockets fired from Gaza hit ...') to the place it came from."""
    launches = [c for c in (*subject.children, subject.head, verb)
                if c.pos_ == "VERB" and c.lemma_.lower() in LAUNCH_VERBS and c.dep_ != "nsubj"]
    if not launches and is_fired_from_afar(subject):
        return []  # 'air strikes in Gaza killed ...', 'rockets hit X
    # ... or where its victims were: 'a car bomb killed 20 people in Baghdad'
    for head in dict.fromkeys((*launches, subject, verb, subject.head, *direct_objects(verb))):
        place = scene_of(index, head, ORIGIN_PREPS | WHERE_PREPS if head in launches else WHERE_PREPS)
        if place is not None:
            start, end = subject.left_edge.idx, subject.idx + len(subject)
            return [Actor(index.text[start:end], place.country, None, None,
                          f"attacker not named; violence in '{place.text}' ({place.country})", start, end)]
    return []


def scene_of(index: ActorIndex, head, preps=WHERE_PREPS) -> Actor | None:
    """The country a word's place phrase names, through the places it nests ('at a market in the
    Nigerian city of Maiduguri'); not an IGO nor an NGO."""
    phrases = [p for p in head.children if p.dep_ == "prep" and p.lower_ in preps]
    while phrases:
        objects = [o for prep in phrases for o in objects_of(prep)]
        # a place, not an act whose modifier names its doer ('killed in an Israeli raid') nor an
        # actor whose owner is elsewhere ('outside the U.S. embassy in Nairobi' is in Kenya)
        places = [a for obj in objects if not is_violent_act(obj) and obj.lemma_ not in BORDER_NOUNS
                  and not index.roles.keys() & set(word_lemmas(obj))
                  for a in index.for_argument(obj) if a.country and a.country not in NON_STATE_CODES]
        if places:
            return places[0]
        phrases = [p for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ in WHERE_PREPS | {"of"}]
    return None


def reporter(index: ActorIndex, verb) -> list[Actor]:
    """'the rebels said they had shot down ...': an unresolved third-person subject of a reported
    clause stands for whoever reports it (known or not: unknown actors are not the actor stage's to
    refer to); a 'we' is the quoted speaker's, found otherwise."""
    if verb.dep_ != "ccomp" or verb.head.pos_ != "VERB":
        return []
    subject = subject_token(verb.head)
    return index.arguments(subject) if subject is not None and subject.pos_ != "PRON" else []


def previous_subject(index: ActorIndex, sentence) -> list[Actor]:
    """'It wished ...' with an unresolved 'it': the actor that is the previous sentence's subject."""
    if sentence.start == 0:
        return []
    previous = sentence.doc[sentence.start - 1].sent
    root = previous.root
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS]
    return index.for_argument(subjects[0]) if subjects else []


# Prepositions that attach circumstances, not arguments: 'in the face of sanctions, X turned ...'.
ADJUNCT_PREPS = {"in", "at", "amid", "amidst", "despite", "after", "before", "during", "since", "following", "under",
                 "because", "like", "as", "without", "over", "throughout", "besides"}


def is_participation(prep) -> bool:
    """'took part in / participated in / engaged in the exercise': the 'in' phrase is what is joined."""
    verb = prep.head
    return prep.lower_ == "in" and (verb.lemma_ in ("participate", "engage") or (
        verb.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)))


def joining_verb(noun):
    """The verb by which someone joins an act: 'joined the strikes', 'took part in the talks'."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ == "join":
        return head
    return head.head if noun.dep_ == "pobj" and is_participation(head) else None


def governing_verb(noun):
    """The verb a noun is the object of, through prepositions ('turned ... for ties')."""
    token = noun
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ == "prep" and token.lower_ in ADJUNCT_PREPS and not is_participation(token):
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        # through prepositions, and through 'N of' ('launched ten days of war games')
        through_of = token.dep_ == "prep" and token.lower_ == "of"
        if head.dep_ not in ("prep", "agent") and token.dep_ != "pobj" and not through_of:
            return None
        token = head
    return None


def led_by(index: ActorIndex, noun) -> list[Actor]:
    """The leader named in an 'X-led' modifier: 'Saudi-led airstrikes', 'a US-led offensive'."""
    return [a for child in noun.children if child.dep_ == "amod" and child.lemma_.lower() == "lead"
            for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")
            for a in index.arguments(c)]


def instrument_owners(index: ActorIndex, verb) -> list[Actor]:
    """'Civilians were killed in Israeli airstrikes': with no agent, the owner of the violence the
    passive happened in."""
    owners = [a for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in MEANS_PREPS
              for obj in objects_of(prep) if is_violent_act(obj)
              for a in modifier_actors(index, obj) or opponents(index, obj)]
    return owners or [a for weapon in circumstance_weapons(verb) for a in weapon_users(index, weapon)]


def opponents(index: ActorIndex, fight) -> list[Actor]:
    """Who fought the victims of 'killed in an attack by X' or 'in a clash with X'."""
    return [a for obj in by_agents(fight) + (prep_objects(fight, "with") if fight.lemma_.lower() in FIGHT_NOUNS else [])
            for a in index.arguments(obj)]


# Fighting between two sides, each the other's opponent.
FIGHT_NOUNS = frozenset({"clash", "fighting", "battle", "gunbattle", "firefight", "shootout", "skirmish"})


def clauses_opened_by(verb, words, marker_deps=("advmod", "mark")) -> list:
    """The verb's adverbial clauses opened by one of the words: 'were killed when ...'."""
    return [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ in marker_deps and m.lower_ in words for m in c.children)]


def circumstance_weapons(verb) -> list:
    """The weapons of a 'when' clause on the verb: 'were killed when their vehicle hit a mine'."""
    return [t for c in clauses_opened_by(verb, ("when", "as")) for t in (subject_token(c), *direct_objects(c))
            if t is not None and is_violent_act(t)]


def weapon_users(index: ActorIndex, weapon) -> list[Actor]:
    """Who used a weapon: the agent of a participle on it ('a mine planted by X'), else its
    modifiers ('a PKK mine', 'an Israeli rocket')."""
    return [a for o in participle_agents(weapon) for a in index.arguments(o)] or modifier_actors(index, weapon)


def modifier_actors(index: ActorIndex, noun) -> list[Actor]:
    """Who an event noun's modifiers say acts: 'Saudi-led airstrikes', 'Ukrainian attacks'."""
    return led_by(index, noun) or qualifier_actors(index, noun)


def qualifier_actors(index: ActorIndex, noun) -> list[Actor]:
    """'Ukrainian attacks', 'US sanctions': a country word before an event noun names who acts;
    not 'anti-American protests' nor 'pro-Russian rallies'."""
    return [a for child in noun.children if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i
            and not any(t.lower_ in ("anti", "pro") for t in noun.doc[max(0, child.i - 2):child.i])
            and not is_third_party_modifier(child) for a in index.arguments(child)]


def is_third_party_modifier(word) -> bool:
    """'U.N.-mediated talks', 'a U.N.-sponsored cease-fire': a broker's, not the parties' own act."""
    return word.lemma_.lower() in MEDIATING_PARTICIPLES or word.lower_.endswith(MEDIATING_SUFFIXES)


# Participles of a third party's good offices: 'a truce brokered by Egypt' is neither Egypt's truce
# nor one with Egypt.
MEDIATING_PARTICIPLES = frozenset({"broker", "mediate", "facilitate", "sponsor", "guarantee", "supervise",
                                   "monitor", "oversee"})
MEDIATING_SUFFIXES = tuple(f"-{p}d" if p.endswith("e") else f"-{p}ed" for p in MEDIATING_PARTICIPLES)  # '-mediated'


def noun_sources(index: ActorIndex, noun, names_victims: bool = False) -> list[Actor]:
    """Who does what a noun names; for a noun naming its victims ('three Japanese hostages'), its
    owner and modifiers are theirs, never the doer's."""
    joining = joining_verb(noun)
    if joining is not None and (actors := verb_sources(index, joining)):
        return actors  # 'Britain joined US-led strikes': the joiner strikes, not only the leader
    for child in noun.children if not names_victims else ():
        if child.dep_ == "poss":
            actors = index.arguments(child)
            if actors:
                return actors
    if not names_victims and (actors := [a for word in paired_modifiers(noun) for a in index.arguments(word)]):
        return actors  # 'Israeli-Syrian talks': both parties
    if not names_victims and (actors := modifier_actors(index, noun)):
        return actors
    for child in noun.children:  # "the sanctions imposed by X"
        if child.dep_ == "acl" and child.lemma_.lower() not in MEDIATING_PARTICIPLES:
            actors = [a for obj in agent_objects(child) for a in index.arguments(obj)]
            if actors:
                return actors
        if is_object_relative(child):  # "the sanctions that X imposed"
            actors = [a for s in child.children if s.dep_ == "nsubj" for a in index.arguments(s)]
            if actors:
                return actors
        if child.dep_ == "prep" and child.lower_ == "by":
            actors = [a for obj in objects_of(child) for a in index.arguments(obj)]
            if actors:
                return actors
    # a 'by' the parser hung on the noun's place or victims: 'the massacre of X in the camps by Y'
    if actors := [a for by in misplaced_agents(noun) for a in index.arguments(by)]:
        return actors
    if is_inquiry_topic(noun):
        return []  # 'began hearings into the assassination of X': the inquirers did not do it
    verb = governing_verb(noun) or acting_verb_of_means(noun)
    # the noun's own place is no source of it: 'a bombing near X killed ...' is not X's bombing of X
    actors = verb_sources(index, verb, place_of_attack=noun.dep_ not in SUBJECT_DEPS) if verb is not None else []
    if not actors and noun.lemma_.lower() in OF_AGENT_NOUNS:  # 'the withdrawal of Syrian troops was completed'
        actors = [a for obj in prep_objects(noun, "of") for a in index.arguments(obj)]
    if not actors:  # "fighting between X and Y": the parties are the sources
        actors = [a for obj in between_objects(noun) for a in index.arguments(obj)]
    if not actors and (verb := partnered_time_verb(noun)) is not None:
        actors = verb_sources(index, verb)  # 'speaking after talks with X, Y said ...': Y talked with X
    return actors


def misplaced_agents(noun) -> list:
    """The objects of a 'by' phrase on the objects of the noun's own 'of', 'in' or 'at' phrases."""
    return [agent for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "at")
            for obj in objects_of(prep) for by in obj.children if by.dep_ in ("prep", "agent") and by.lower_ == "by"
            for agent in objects_of(by)]


PARTNER_TIME_PREPS = frozenset({"after", "before", "during", "following"})


def partnered_time_verb(noun):
    """The verb a noun with a 'with' partner times ('after talks with Assad', 'following a meeting
    with X'): whoever does that verb took part, as wire copy writes it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in PARTNER_TIME_PREPS or not prep_objects(noun, "with"):
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


# What an inquiry is into: its topic is someone else's act.
INQUIRY_NOUNS = frozenset({"investigation", "inquiry", "probe", "hearing", "inquest", "trial"})


def is_inquiry_topic(noun) -> bool:
    """'an inquiry into the killing', 'opened hearings into the assassination' (the parser hangs
    'into' on the verb as often as on the noun)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("into", "of", "on") or noun.lemma_.lower() in INQUIRY_NOUNS:
        return False
    owner = prep.head
    return owner.lemma_.lower() in INQUIRY_NOUNS or prep.lower_ == "into" and any(
        o.lemma_.lower() in INQUIRY_NOUNS for o in direct_objects(owner))


def acting_verb_of_means(noun):
    """'killed 12 militants in a raid', 'arrested five during an operation': whoever did the act
    to its object carried out the raid (not so 'died in a raid' or 'were killed in a raid')."""
    prep, verb = noun.head, noun.head.head
    if noun.dep_ != "pobj" or prep.lower_ not in MEANS_PREPS or verb.pos_ != "VERB":
        return None
    return verb if direct_objects(verb) and not is_passive(verb) else None


def relativised_object(verb) -> list:
    """'a U.S. diplomat (whom) it accused of spying': the noun a relative clause with a subject of
    its own and no object of its own is on; not the place, time or owner another relative word
    relates it to ('Berkeley, where ...', 'Hasina, whose government ...', 'a school at which ...')."""
    subject = subject_token(verb)
    if verb.dep_ != "relcl" or subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return []
    related = [t for t in verb.subtree if t.lower_ in OTHER_RELATIVE_WORDS
               or t.lower_ in RELATIVE_PRONOUNS and t.dep_ == "pobj"]
    return [] if related else [verb.head]


def is_object_relative(clause) -> bool:
    """'the sanctions that X imposed on Y': a relative clause whose pronoun is its verb's object."""
    return clause.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS for c in clause.children)


def paired_modifiers(noun) -> list:
    """The two words of a hyphenated pair qualifying a noun: 'Israeli' and 'Syrian' of 'Israeli-Syrian talks'."""
    return [word for modifier in noun.children if modifier.dep_ in ("amod", "compound")
            for first in modifier.children if first.dep_ in ("amod", "compound", "npadvmod", "nmod")
            and is_hyphen_joined(first, modifier)
            for word in (first, modifier)]


def between_objects(noun) -> list:
    """The parties of 'fighting between X and Y', also where the parser hangs 'between' on the
    verb the event noun is the subject of ('fighting broke out between X and Y', 'talks were held
    between X and Y')."""
    heads = [noun] + ([noun.head] if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" else [])
    return [obj for head in heads for child in head.children if child.dep_ == "prep" and child.lower_ == "between"
            for obj in objects_of(child)]


def particle_objects(verb) -> list:
    """'sealed off the West Bank and Gaza Strip': the parser sometimes takes a particle for a
    preposition and hangs the object on it."""
    objects = [o for c in verb.children if c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ in PARTICLE_PREPS
               for o in c.children if o.dep_ == "pobj"]
    return objects + [c for o in objects for c in conjuncts(o)]


# Particles the parser reads as prepositions: 'sealed off the town', 'shut down the paper'.
PARTICLE_PREPS = frozenset({"off", "down"})


def slot_tokens(trigger, slot: str) -> list:
    """Tokens filling one target slot: ``dobj``, ``dative``, ``prep:X``, ``obj:X``, ``poss``, ``itself``."""
    kind, _, word = slot.partition(":")
    if kind == "itself":  # 'seized hundreds of hostages'; not 'took them hostage', 'hostage-taking'
        counted = trigger.tag_ == "NNS" or any(c.dep_ in ("det", "nummod") for c in trigger.children)
        return [trigger] if counted and trigger.dep_ in NOMINAL_DEPS else []
    if kind == "dobj":
        if trigger.pos_ == "VERB" and is_passive(trigger):
            return [trigger.head] if is_passive_participle(trigger) else passive_subjects(trigger)
        if is_gerund_read_as_adjective(trigger):
            return [trigger.head]
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "attr") and c.lower_ not in RELATIVE_PRONOUNS]
        return (objects or relativised_object(trigger) or counted_objects(trigger) or named_then_called(trigger)
                or free_relative_objects(trigger) or objects_before_a_day(trigger) or particle_objects(trigger)
                or small_clause_subjects(trigger))
    if kind == "dative":
        if trigger.pos_ in ("NOUN", "PROPN"):  # 'gave Syria an ultimatum': the verb's indirect object
            verb = governing_verb(trigger)
            return [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"] if verb is not None else []
        return [c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"] + [
            o for c in trigger.children if c.dep_ == "dative" and c.pos_ == "ADP" for o in objects_of(c)
        ] + indirect_objects(trigger)
    if kind in ("prep", "obj"):  # the parser attaches a preposition to the verb or its object alike
        # a compound preposition hangs its second word on the first: 'walked out of X', 'away from X'
        preps = [c for c in trigger.children if c.dep_ in ("prep", "dative", "agent")]
        preps += [c for p in preps if p.lower_ in ADVERB_PREPS
                  and not any(o.dep_ in ("pobj", "pcomp") for o in p.children)
                  for c in p.children if c.dep_ == "prep"]
        # or on the verb's particle, which the parser may take for an adverb: 'handing it back to Chad'
        preps += [c for p in trigger.children if p.dep_ == "prt" or p.dep_ == "advmod" and p.lower_ in ADVERB_PREPS
                  for c in p.children if c.dep_ == "prep"]
        own = [o for c in preps if c.lower_ == word for o in objects_of(c)] + on_agent(trigger, word)
        # ... or on its object, or on what it acts as ('acted as an intermediary between X and Y')
        on_object = [o for obj in direct_objects(trigger) or particle_objects(trigger) or prep_objects(trigger, "as")
                     for o in preposition_objects(obj, word)]
        verb = governing_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
        on_verb = (prep_objects(verb, word) + [o for c in verb.children if c.dep_ == "dative" and c.lower_ == word
                                               for o in objects_of(c)]) if verb is not None else []
        on_clause = [o for acl in trigger.children  # "sanctions imposed by X on Y", "... that X imposed on Y"
                     if acl.dep_ == "acl" or is_object_relative(acl)
                     for o in prep_objects(acl, word) + on_agent(acl, word)]
        # ... or on a noun's 'of' phrase: 'the withdrawal of Russian troops from Estonia'
        on_object += [o for obj in prep_objects(trigger, "of") for o in preposition_objects(obj, word)] if (
            trigger.pos_ == "NOUN" and word in ("from", "to", "into")) else []
        # ... or on the means it names: 'conferred by telephone with X'
        on_means = [o for c in preps if c.lower_ == "by" and is_means(c) for obj in objects_of(c)
                    for o in preposition_objects(obj, word)]
        found = own + on_object + on_means if kind == "prep" else on_object + own + on_means
        # 'was put under investigation in X': where an act happened, inside the verb's own phrase
        inside = [o for c in trigger.children if c.dep_ == "prep" and c.lower_ != word for obj in objects_of(c)
                  for o in preposition_objects(obj, word)] if word == "in" and trigger.pos_ == "VERB" else []
        return found + on_clause + on_verb + inside
    if kind == "examples":  # "... in countries such as X, Y and Z"
        return [o for c in clause_of(trigger).children if c.dep_ == "prep" for o in objects_of(c)
                if any(t.lower_ in ("such", "including") for t in o.subtree)]
    if kind == "clause":  # "demanded that Hamas renounce ...": the subject of the complement clause
        # a noun's 'for X to act' is parsed as an adverbial clause: 'its call for Israel to withdraw'
        clause_deps = ("ccomp", "xcomp", "acl", "advcl") if trigger.pos_ in ("NOUN", "PROPN") else ("ccomp", "xcomp")
        return [s for c in trigger.children if c.dep_ in clause_deps for s in c.children
                if s.dep_ in ("nsubj", "nsubjpass")]
    if kind == "poss":  # 'attacked Syria's positions' is aimed at Syria, 'attacked Syria's allies' is not
        # 'dismissed as baseless Indian charges': the object the parser put after 'as'
        objects = direct_objects(trigger) or prep_objects(trigger, "as")
        return [c for obj in objects if not names_a_relation(obj) for c in obj.children
                if c.dep_ in ("poss", "amod") or c.dep_ == "compound" and c.pos_ == "PROPN"]  # 'the U.N. deadline'
    if kind == "condition":
        return condition_subjects(trigger)
    if kind == "cause":
        return cause_tokens(trigger)
    if kind == "holder":
        return holders(trigger)
    if kind == "doer":
        return act_doers(trigger)
    return []


def act_doers(trigger) -> list:
    """Who did the act the trigger's object names: 'avenged the killing of its leader by X',
    'the massacre carried out by X', 'X's attack' (but 'avenged his death' names the victim)."""
    acts = direct_objects(trigger)
    return [o for act in acts for o in by_agents(act)] + [
        agent for act in acts for word in (act, *prep_objects(act, "of")) for agent in participle_agents(word)] + [
        c for act in acts if act.lemma_.lower() in VIOLENT_ACT_NOUNS for c in act.children if c.dep_ == "poss"]


def holders(trigger) -> list:
    """Who holds the people a request would free: the agent of a participle on them ('demanded the
    release of the sailors held by Iran'), the request's object or the object of its preposition."""
    asked = direct_objects(trigger) + [o for c in trigger.children if c.dep_ == "prep" for o in objects_of(c)]
    return [agent for obj in asked for person in prep_objects(obj, "of") for agent in participle_agents(person)]


# What an act answers: 'on alert over a Turkish ship', 'after the Indian tests', 'after warships entered'.
CAUSE_WORDS = frozenset({"over", "after", "following"})


def cause_tokens(trigger) -> list:
    """The objects of a cause phrase on the trigger (a noun's: on its verb) or on its own phrases,
    and the subject of an 'after' clause ('mobilized its reserves after American warships entered')."""
    verb = (governing_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None) or trigger
    heads = [verb, *(o for c in verb.children if c.dep_ in ("prep", "dobj") for o in (c, *objects_of(c)))]
    found = [o for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ in CAUSE_WORDS
             for o in objects_of(c)]
    return found + [s for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CAUSE_WORDS for m in c.children)
        for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


CONDITION_MARKS = frozenset({"if", "unless"})


def condition_clauses(trigger) -> list:
    """The 'if'/'unless' clauses on the verb or on its complement."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("xcomp", "ccomp"))]
    return [clause for head in heads for clause in head.children if clause.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children)]


def condition_subjects(trigger) -> list:
    """'threatened to cut gas supplies if Ukraine does not pay': a threat is aimed at whoever must
    meet its condition, the subject of an 'if'/'unless' clause on the verb or on its complement."""
    return [s for clause in condition_clauses(trigger) for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]


def ultimatum_giver(verb):
    """'gave Iraq until January 15 to withdraw or face military action', 'warned Damascus to stop
    ... or face the consequences': the verb that sets the demand an 'or face' closes, when it names
    whom it sets it to; otherwise None."""
    demand = verb.head
    if verb.dep_ != "conj" or demand.dep_ not in ("advcl", "xcomp", "ccomp") or not is_infinitive(demand):
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "or" for c in demand.children):
        return None
    return demand.head if ultimatum_addressees(demand.head) else None


def ultimatum_addressees(giver) -> list:
    """Whom an ultimatum is set to: 'gave Lithuania two days', 'warned Damascus to stop'."""
    return [c for c in giver.children if c.dep_ in ("dative", "dobj")]


def free_relative_objects(verb) -> list:
    """'condemned what it called aggression by X': the object is a 'what' clause; what it names
    (and who it says did it) stand for the object."""
    return [t for clause in verb.children if clause.dep_ == "ccomp"
            and any(c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children)
            for t in [*(c for c in clause.children if c.dep_ in ("oprd", "attr")),
                      *(o for c in clause.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                        for o in objects_of(c))]]


def counted_objects(verb) -> list:
    """'kidnapped up to 16 advisers': the parser reads 'up' as the verb's particle and the counted
    object as the object of 'to'."""
    return [o for prt in verb.children if prt.dep_ == "prt" and prt.lower_ == "up"
            for c in prt.children if c.dep_ == "prep" and c.lower_ == "to"
            for o in objects_of(c) if any(n.dep_ == "nummod" for n in o.children)]


def objects_before_a_day(verb) -> list:
    """'bombed Baalbek Sunday': the parser makes the day the verb's adverb and the object its modifier."""
    return [c for day in verb.children if day.dep_ in ("npadvmod", "dobj") and day.ent_type_ == "DATE"
            for c in day.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ != "DATE"]


def indirect_objects(verb) -> list:
    """Nouns between a verb and its object ('wished the party success'), which the parser often mislabels."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return []
    return [t for t in verb.doc[verb.i + 1:objects[0].left_edge.i if objects[0].left_edge.i > verb.i + 1
                                 else objects[0].i]
            if t.pos_ in NOMINAL_POS and t.dep_ in ("dative", "npadvmod", "nsubj", "dobj", "appos")] + [
        t for t in objects[0].subtree if t.i < objects[0].i and t.dep_ == "npadvmod" and t.pos_ in NOMINAL_POS]


def clause_of(trigger):
    return governing_verb(trigger) or trigger if trigger.pos_ != "VERB" else trigger


def prep_objects(token, word: str) -> list:
    """Objects of the preposition ``word`` hanging on the token itself."""
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ == word for o in objects_of(c)]


def on_agent(verb, word: str) -> list:
    """'imposed by the US on Iran': the parser often hangs the second phrase on the agent."""
    return [o for agent in agent_objects(verb) for o in prep_objects(agent, word)]


# Participles of ownership that carry a preposition for their noun: 'accounts belonging to X'.
OWNING_VERBS = frozenset({"belong", "owe"})


def preposition_objects(token, word: str, depth: int = 0) -> list:
    """Objects of preposition ``word`` on a phrase, also inside 'of' and 'in' phrases ('a message of
    greeting to X', '$2 billion in aid to X') and on a participle of ownership ('accounts belonging to X')."""
    found = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == word:
            found.extend(objects_of(child))
        elif child.dep_ == "acl" and child.lemma_.lower() in OWNING_VERBS:
            found.extend(prep_objects(child, word))
        elif child.dep_ == "prep" and child.lower_ in ("of", "in") and word != "in" and depth < 2:
            found.extend(o for inner in objects_of(child) for o in preposition_objects(inner, word, depth + 1))
    return found


def direct_objects(trigger) -> list:
    objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if not objects:  # 'Canberra called home its ambassador': the parser may make the object a predicate
        objects = [c for c in trigger.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")]
    return objects + [c for o in objects for c in conjuncts(o)]


# First words of compound prepositions: 'out of', 'away from' (not 'according to', 'because of').
ADVERB_PREPS = frozenset({"out", "away", "off", "back", "up", "down"})
# Prepositions of the place around an act, not what it is done to: 'burned flags outside the embassy'.
SURROUNDING_PREPS = frozenset({"outside", "near", "inside", "around", "along", "behind", "beside", "opposite"})
# Nouns of a movement whose 'of' phrase names who moves: 'the withdrawal of Syrian troops'.
OF_AGENT_NOUNS = frozenset({"withdrawal", "pullout", "pull-out", "deployment", "redeployment", "arrival", "retreat"})
# Verbs whose subject, with no object, is what moves: 'troops deployed', 'reservists mobilised'.
SELF_MOVING_VERBS = frozenset({"deploy", "redeploy", "mobilize", "mobilise"})


# Verbs of a complement clause that only carry their object: 'denied it had any role', 'played a part'.
HAVING_VERBS = frozenset({"have", "play", "bear"})


def object_words(trigger) -> set[str]:
    """Lemmas of the verb's objects and their modifiers: 'nuclear war' gives {'war', 'nuclear'};
    with the objects of its prepositions: 'called for the release of ...' gives {'release', ...}."""
    words = set()
    objects = direct_objects(trigger) + [o for c in trigger.children if c.dep_ in ("prep", "agent")
                                         and c.lower_ not in SURROUNDING_PREPS for o in objects_of(c)
                                         if not is_framework(c, o)]
    # ... or hung on its particle: 'stayed away from work'
    objects += [o for p in trigger.children if p.dep_ in ("prt", "advmod") for c in p.children if c.dep_ == "prep"
                for o in objects_of(c)]
    for obj in objects:
        words.update(word_lemmas(obj))
        # not where it is: 'burned an effigy outside the embassy' burns no embassy
        words.update(w for c in obj.children if c.dep_ in ("compound", "amod", "prep", "nmod", "appos")
                     and not (c.dep_ == "prep" and c.lower_ in SURROUNDING_PREPS)
                     for c in ([c] + [o for o in objects_of(c)] if c.dep_ == "prep" else [c])
                     for w in word_lemmas(c))
    if trigger.lemma_.lower() in SELF_MOVING_VERBS and not any(c.dep_ == "dobj" for c in trigger.children):
        # 'the army deployed in the south': the army was deployed
        words.update(w for c in trigger.children if c.dep_ == "nsubj" for w in word_lemmas(c))
    for child in trigger.children:  # "gave Pakistan loans", "called him a traitor", "declared X a usurper"
        if (child.dep_ == "dative" and child.pos_ != "ADP") or child.dep_ == "oprd" or (
                child.dep_ == "ccomp" and child.pos_ == "NOUN"):
            words.update(word_lemmas(child))
        elif child.dep_ == "ccomp" and child.lemma_.lower() in HAVING_VERBS:  # 'denied it had any role in ...'
            words.update(w for o in child.children if o.dep_ == "dobj" for w in word_lemmas(o))
    return words


# What an act is done under, not to: 'pulled out of Slovenia under an EC-brokered accord'.
FRAMEWORK_NOUNS = frozenset({"accord", "agreement", "deal", "treaty", "pact", "plan", "resolution", "ceasefire",
                             "truce", "arrangement", "term", "pressure", "mandate", "auspices", "deadline"})


def is_framework(prep, obj) -> bool:
    return prep.lower_ == "under" and obj.lemma_.lower() in FRAMEWORK_NOUNS


# Prepositions through which a target is reached from a phrase that names no actor itself:
# 'a war against X', 'his commitment to X', 'a suspension of links with X', 'a camp for X',
# 'demands for reform from X'.
NESTED_TARGET_PREPS = ("of", "to", "on", "against", "with", "toward", "towards", "for", "into", "from")


# A vehicle is attacked for whom it carries: 'ambushed a bus carrying Israeli tourists'.
CARRYING_VERBS = frozenset({"carry", "transport", "ferry"})


# Participles that say what someone is charged with: 'two men convicted of spying for X'.
CHARGING_PARTICIPLES = frozenset({"convict", "accuse", "suspect", "charge", "sentence", "find", "jail", "arrest",
                                  "detain", "condemn"})


def nested_targets(index: ActorIndex, token, preps: tuple[str, ...] = NESTED_TARGET_PREPS,
                   depth: int = 0, brokers: bool = False) -> list[Actor]:
    """The actors inside an argument phrase that is not itself an actor: objects of its
    prepositions, and the doer of an event it names ('an admission by X', 'crimes committed
    by X').  A phrase headed by an actor, even one of unknown country ('rebels backed by X'),
    is never looked through; one an actor merely owns is ('its war with X')."""
    if depth > 2 or index.at(token) or index.unresolved(token):
        return []
    # the doer of a named act first: 'the arrest of its fishermen by Japan' is aimed at Japan
    children = sorted(token.children, key=lambda c: not (c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"))
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "by" or child.dep_ == "agent":
            inner = objects_of(child)
        elif child.dep_ == "acl" and child.lemma_.lower() in CHARGING_PARTICIPLES:
            continue  # 'two men convicted of spying for X': what they are charged with is not who they are
        elif not brokers and child.dep_ == "acl" and child.lemma_.lower() in MEDIATING_PARTICIPLES:
            continue  # 'agreed to a ceasefire brokered by Egypt': the broker is no party (but whoever
            # rejects a deal brokered by X rejects X's offer)
        elif child.dep_ == "acl":  # 'crimes committed by X', 'an invitation to attend talks with X'
            carries = is_infinitive(child) or child.lemma_.lower() in CARRYING_VERBS  # 'a bus carrying X'
            inner = agent_objects(child) or ([o for o in child.children if o.dep_ == "dobj"] if carries else [])
            if not inner and child.tag_ in ("VBG", "VBN"):  # 'power lines leading into X'
                inner = [o for c in child.children if c.dep_ == "prep" and c.lower_ in preps for o in objects_of(c)]
        elif child.dep_ == "prep" and child.lower_ in preps:
            inner = objects_of(child)
        elif child.dep_ == "relcl" and is_violent_act(token):  # 'the bombing that killed 19 Israelis'
            inner = direct_objects(child)
        else:
            continue
        actors = [a for obj in inner for a in index.for_argument(obj)] or [
            a for obj in inner for a in nested_targets(index, obj, preps, depth + 1, brokers)]
        if actors:
            return actors
    return []


def purpose_clauses(verb) -> list:
    """Clauses saying what an act is for, sharing its subject: 'marched to demand ...' (an
    infinitive without a subject of its own), 'joined the protest in demanding ...'."""
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
               and is_infinitive(c)]
    clauses += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG"  # 'marched ..., demanding X'
                and not any(m.dep_ == "mark" for m in c.children)]
    clauses += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                for p in c.children if p.dep_ == "pcomp" and p.tag_ == "VBG"]
    for clause in list(clauses):  # 'rioted ..., joining demonstrators in demanding ...'
        clauses += [p for c in clause.children if c.dep_ == "prep" and c.lower_ == "in"
                    for p in c.children if p.dep_ == "pcomp" and p.tag_ == "VBG"]
    return [c for c in clauses if not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]
