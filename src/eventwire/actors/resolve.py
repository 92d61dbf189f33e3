"""Actor resolution: names, roles and pronouns in a parsed article become actors.

Every noun-phrase head that denotes an actor gets a ``Mention`` whose ``head``
is that word's offset; the coder looks actors up by head.  Each actor says
which knowledge-base entry resolved it and why (``actor_id``, ``reason``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..model import Actor, Document, Mention
from ..pipeline import FunctionStage
from .kb import Entry, KnowledgeBase, fold
from .names import NameMatch, find_names


def objects_of(prep) -> list:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]

NOUN_POS = {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "nummod"}
OWNER_PREPS = {"of", "in", "from"}
# Nouns that refer back to actors already named ('the two countries', 'the party'), with the
# sector they imply (None keeps the antecedent's).
PAIR_NOUNS = {"country": "GOV", "nation": "GOV", "government": "GOV", "state": "GOV", "capital": "GOV",
              "side": None, "party": "PTY", "leader": None, "neighbor": None, "neighbour": None}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
SINGULAR_PRONOUNS = {"it", "its"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
# Entity labels under which a knowledge-base name is not an actor ("Jordan" the person).
CONFLICTING_LABELS = {"country": {"PERSON"}, "capital": {"PERSON", "ORG"}, "demonym": set(),
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


def person_actor(entry: Entry, text: str, day: dt.date | None) -> Actor:
    """A person's country and sector on a given day: GOV only while in office."""
    term = entry.term_on(day)
    if term is not None:
        span = f"{term.start or '?'}..{term.end or 'present'}"
        return Actor(text, term.country, term.sector, entry.id,
                     f"{entry.name}: {term.role} {term.country} {span} covers {day}")
    country = entry.terms[-1].country if entry.terms else entry.country
    when = f"on {day}" if day else "with no date"
    return Actor(text, country, None, entry.id, f"{entry.name}: known, but not in office {when}")


def entry_actor(entry: Entry, text: str, day: dt.date | None, why: str) -> Actor:
    if entry.kind == "person":
        return person_actor(entry, text, day)
    sector = "CVL" if entry.kind == "demonym" else entry.sector
    return Actor(text, entry.country, sector, entry.id, f"{why} '{text}' ({entry.kind} {entry.source})")


def choose_entry(match: NameMatch, label: str, kb: KnowledgeBase) -> Entry | None:
    """Pick among entries sharing a name, using the entity label as evidence."""
    usable = [e for e in match.entries if label not in CONFLICTING_LABELS.get(e.kind, set())]
    if not usable:
        return None
    preferred = {"PERSON": "person", "ORG": "organization", "NORP": "demonym", "GPE": "country"}.get(label)
    for entry in usable:
        if entry.kind == preferred:
            return entry
    order = ("person", "organization", "country", "seat", "capital", "demonym")
    return min(usable, key=lambda e: order.index(e.kind) if e.kind in order else len(order))


class Resolver:
    """Resolves one parsed article; holds the article's coreference context."""

    def __init__(self, doc: Document, kb: KnowledgeBase):
        self.doc, self.kb = doc, kb
        self.day = doc.article.published
        self.parsed = doc.parsed
        self.context = ArticleContext()
        self.by_head: dict[int, list[Mention]] = {}
        self.names_by_token: dict[int, Mention] = {}

    # -- names ---------------------------------------------------------------
    def name_mentions(self) -> list[Mention]:
        mentions = []
        for match in find_names(self.doc.text, self.kb):
            span = self.parsed.char_span(match.start, match.end, alignment_mode="expand")
            if span is None:
                continue
            label = span[0].ent_type_ or span.root.ent_type_
            entry = choose_entry(match, label, self.kb)
            if entry is None:
                continue
            actor = entry_actor(entry, match.text, self.day, "name")
            kind = {"capital": "metonym", "seat": "metonym"}.get(entry.kind, entry.kind)
            mention = Mention(match.start, match.end, match.text, actor, kind, span.root.idx)
            mentions.append(mention)
            for token in span:
                self.names_by_token[token.i] = mention
        return mentions

    def unknown_person(self, token) -> Mention | None:
        """A PERSON entity the knowledge base lacks: an earlier full name with the same surname."""
        if token.ent_type_ != "PERSON" or token.i in self.names_by_token:
            return None
        for mention in reversed(self.context.recent):
            if mention.kind == "person" and mention.text.split()[-1] == token.text and mention.start < token.idx:
                return replace(mention, start=token.idx, end=token.idx + len(token), text=token.text,
                               kind="coref", head=token.idx)
        return None

    # -- roles and modifiers ----------------------------------------------------
    def role_for(self, token) -> Entry | None:
        lemmas = [fold(token.lemma_)]
        compounds = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
        if compounds:
            words = [fold(c.lemma_) for c in compounds] + lemmas
            for size in range(len(words), 1, -1):
                role = self.kb.roles.get(" ".join(words[-size:]))
                if role:
                    return role
        return self.kb.roles.get(lemmas[0]) or self.kb.roles.get(fold(token.text))

    def owner_actors(self, token) -> list[Actor]:
        """Countries, people or organisations that qualify a role word ('Venezuelan', "Korea's", 'of Iran')."""
        owners = []
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS:
                owners.extend(self.with_conjuncts(child, self.name_actor))
            elif child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        owners.extend(self.with_conjuncts(obj, self.name_actor))
        return owners

    def with_conjuncts(self, token, resolve) -> list[Actor]:
        actors = list(resolve(token))
        for conj in token.conjuncts:
            if conj.i > token.i:
                actors.extend(resolve(conj))
        return actors

    def name_actor(self, token) -> list[Actor]:
        mention = self.names_by_token.get(token.i)
        if mention is None:
            head_mentions = self.by_head.get(token.idx, [])
            return [m.actor for m in head_mentions]
        return [mention.actor]

    def role_mentions(self, token, role: Entry) -> list[Mention]:
        span_start = token.left_edge.idx
        text = self.doc.text[span_start:token.idx + len(token)]
        owners = [a for a in self.owner_actors(token) if a.country]
        if not owners:
            owners = self.context_owner(token)
        mentions = []
        for owner in owners:
            sector = role.sector or owner.sector
            if owner.actor_id and owner.actor_id.startswith(("igo_", "ngo_")) or owner.country in ("IGO", "NGO"):
                sector = owner.sector
            actor = Actor(text, owner.country, sector, owner.actor_id,
                          f"role '{role.name}' ({role.source}) of {owner.country} from '{owner.text}'")
            mentions.append(Mention(span_start, token.idx + len(token), text, actor, "role", token.idx))
        return mentions

    def context_owner(self, token) -> list[Actor]:
        """A role with no owner word takes the only country named in its sentence, if there is one."""
        sentence = token.sent
        countries = {m.actor.country: m.actor for m in self.context.recent
                     if sentence.start_char <= m.start < sentence.end_char and m.actor.country}
        if len(countries) == 1:
            return list(countries.values())
        return []

    # -- coreference --------------------------------------------------------
    def pair_mentions(self, token) -> list[Mention]:
        """'the two countries', 'both governments': the two countries named last (not the clause's subject)."""
        determiners = {c.lower_ for c in token.lefts}
        if token.lemma_.lower() not in PAIR_NOUNS or token.tag_ not in ("NNS", "NNPS") or not (
                {"both", "two"} & determiners):
            return []
        text = self.doc.text[token.left_edge.idx:token.idx + len(token)]
        pair = self.context.last_countries(token.idx, 2, self.clause_subject_countries(token))
        if len(pair) < 2:
            return []
        return [self.coref(token, text, m, f"'{text}' = the two countries named last") for m in pair]

    def definite_mentions(self, token) -> list[Mention]:
        """'the country', 'the party': the last one named."""
        lemma = token.lemma_.lower()
        determiners = {c.lower_ for c in token.lefts}
        if lemma not in PAIR_NOUNS or not determiners & {"the", "this", "that"} or token.tag_ not in ("NN", "NNP"):
            return []
        text = self.doc.text[token.left_edge.idx:token.idx + len(token)]
        # The clause's own subject is not what 'the party' refers to: that would be 'its own party'.
        exclude = self.clause_subject_countries(token)
        if lemma == "party":
            found = self.context.last(token.idx, lambda m: m.actor.sector == "PTY" and m.kind != "coref"
                                      and m.actor.country not in exclude)
        else:
            found = self.context.last(token.idx, lambda m: m.kind in ("country", "metonym")
                                      and m.actor.country not in exclude)
        return [self.coref(token, text, found, f"'{text}' = the last {lemma} named")] if found else []

    def pronoun_mentions(self, token, lower: str) -> list[Mention]:
        if lower in PERSON_PRONOUNS:
            accept = lambda m: m.kind in ("person", "role") or (m.kind == "coref" and m.actor.actor_id and
                                                              not m.actor.actor_id.startswith("role"))
        elif lower in SINGULAR_PRONOUNS:
            accept = lambda m: m.kind in ("country", "organization", "metonym", "role", "coref")
        elif lower in PLURAL_PRONOUNS:
            accept = lambda m: True
        else:
            return []
        found = self.preferred_antecedent(token, accept)
        if found is None:
            return []
        return [self.coref(token, token.text, found, f"pronoun '{token.text}' = '{found.text}'")]

    def preferred_antecedent(self, token, accept) -> Mention | None:
        """Prefer the subject of the nearest earlier clause, else the nearest mention."""
        subjects = [m for m in reversed(self.context.recent)
                    if m.start < token.idx and m.actor.country and accept(m) and m.head is not None
                    and self.is_subject_at(m.head)]
        if subjects:
            return subjects[0]
        return self.context.last(token.idx, accept)

    def is_subject_at(self, offset: int) -> bool:
        token = self.token_at.get(offset)
        return token is not None and token.dep_ in ("nsubj", "nsubjpass", "csubj")

    def clause_subject_countries(self, token) -> set[str]:
        verb = token
        while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return {m.actor.country for s in subjects for m in self.by_head.get(s.idx, []) if m.actor.country}

    def coref(self, token, text: str, antecedent: Mention, why: str) -> Mention:
        sector = PAIR_NOUNS.get(token.lemma_.lower()) or antecedent.actor.sector
        actor = replace(antecedent.actor, text=text, sector=sector, reason=f"{why} ({antecedent.actor.reason})")
        return Mention(token.left_edge.idx, token.idx + len(token), text, actor, "coref", token.idx)

    # -- the walk --------------------------------------------------------------
    def resolve(self) -> list[Mention]:
        self.token_at = {t.idx: t for t in self.parsed}
        names = self.name_mentions()
        name_by_head: dict[int, list[Mention]] = {}
        for mention in names:
            name_by_head.setdefault(mention.head, []).append(mention)
        mentions: list[Mention] = []
        for token in self.parsed:
            if token.pos_ not in NOUN_POS:
                continue
            found = self.mentions_for(token, name_by_head.get(token.idx, []))
            for mention in found:
                self.by_head.setdefault(token.idx, []).append(mention)
                self.context.remember(mention)
            mentions.extend(found)
        return mentions

    def mentions_for(self, token, names: list[Mention]) -> list[Mention]:
        """Names first, then 'the two countries', roles, 'the country', pronouns, known surnames."""
        role = self.role_for(token) if token.pos_ in ("NOUN", "PROPN") else None
        if names and not (role and names[0].kind == "demonym"):
            return self.qualify_name(token, names)
        if token.i in self.names_by_token:
            return []
        if token.pos_ == "PRON":
            return self.pronoun_mentions(token, token.lower_)
        found = self.pair_mentions(token) or self.definite_mentions(token)
        if not found and role is not None:
            found = self.role_mentions(token, role)
        if not found:
            found = self.owned_organ(token)
        if not found and (person := self.unknown_person(token)):
            found = [person]
        return found

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
        """A demonym used as a noun ('Venezuelans') is civilians; a titled person ('President X') keeps the title."""
        result = []
        for mention in names:
            if mention.kind == "demonym" and token.dep_ in ("amod", "compound"):
                continue
            result.append(mention)
        return result


def resolve_actors(doc: Document, kb: KnowledgeBase) -> Document:
    """Assign ``doc.mentions``: every actor-denoting phrase head with its resolved actor."""
    doc.mentions = Resolver(doc, kb).resolve()
    return doc


def actor_stage(kb: KnowledgeBase) -> FunctionStage:
    return FunctionStage("actors", ("sentences",), ("mentions",), lambda doc: resolve_actors(doc, kb))


def actors_at(doc: Document, offset: int) -> list[Actor]:
    return [m.actor for m in doc.mentions or () if m.head == offset]


def countries_in(mentions: Iterable[Mention]) -> list[str]:
    """Countries mentioned in an article, most-mentioned first."""
    counts: dict[str, int] = {}
    for mention in mentions:
        country = mention.actor.country
        if country and len(country) == 3 and country not in ("IGO", "NGO"):
            counts[country] = counts.get(country, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])
