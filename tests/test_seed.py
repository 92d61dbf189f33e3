"""The seed article, end to end: ingest, code, score against its gold (printed)."""

from __future__ import annotations

import json

import pytest

from eventwire.api import code_article
from eventwire.eval.events import format_scores, load_gold, score
from eventwire.ingest import read_inputs
from eventwire.model import document_record

from .conftest import shared_path

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed():
    article = next(read_inputs([str(shared_path("examples", "nk-venezuela-solidarity.txt"))]))
    doc = code_article(article)
    gold = load_gold([shared_path("eval", "nk-venezuela-solidarity.gold.json")])
    scores = score(gold, {doc.article.doc_id: json.loads(json.dumps(document_record(doc)))})
    print("\n" + format_scores(scores))
    return doc, scores


def test_seed_scores(seed):
    _, scores = seed
    assert scores.f1 >= 0.9
    assert scores.forbidden == 0
    assert scores.sector_accuracy >= 0.9
    assert scores.date_accuracy == 1.0


def test_the_four_mentions_of_the_message_are_one_event(seed):
    doc, _ = seed
    support = [e for e in doc.events if e.type == "SUPPORT" and e.source.country == "PRK"
               and e.target and e.target.country == "VEN" and e.asserted]
    assert len(support) == 1 and support[0].mentions == 4
    assert support[0].date.start == support[0].date.end == "2018-03-08"


def test_boilerplate_yields_nothing(seed):
    doc, _ = seed
    assert "Follow Ben Kew" not in doc.text and "COMMENTS" not in doc.text


def test_denied_and_imagined_events_are_flagged_not_asserted(seed):
    doc, _ = seed
    condemn = [e for e in doc.events if e.type == "ACCUSE" and "refused to condemn" in e.evidence[0].sentence]
    assert condemn and all("negation" in e.aux for e in condemn)
    assert not [e for e in doc.events if e.asserted and "could serve as intermediaries" in e.evidence[0].sentence]


def test_the_embassy_plan_is_placed_in_caracas(seed):
    doc, _ = seed
    plan = [e for e in doc.events if "open an embassy" in e.evidence[0].sentence and e.type == "AGREE"]
    assert plan and plan[0].location is not None and plan[0].location.name == "Caracas"
    assert plan[0].location.country == "VEN"


def test_alliances_are_relations_and_loaded_words_are_framing(seed):
    doc, _ = seed
    assert {("VEN", "IRN"), ("PRK", "IRN")} <= {(r.a.country, r.b.country) for r in doc.relations}
    assert "despots" in doc.framing_terms and "totalitarian dictatorship" in doc.framing_terms


def test_an_independent_scorer_gives_the_same_figures(seed):
    """The second, separately written scorer reads only each event's first evidence span."""
    from .test_eval_events import reference_score

    doc, scores = seed
    gold = json.loads(shared_path("eval", "nk-venezuela-solidarity.gold.json").read_text(encoding="utf-8"))
    reference = reference_score([gold], {doc.article.doc_id: json.loads(json.dumps(document_record(doc)))})
    assert (reference["tp"], reference["fp"], reference["forbidden"]) == (scores.tp, scores.fp, scores.forbidden)
    assert reference["matched_required"] == scores.matched_required
