"""Score actor resolution alone on the PLOVER gold records (``../shared/data/plover-gsr``).

The end-to-end PLOVER score (``plover_gsr.py``) needs the coder to find the
event first; this one asks only whether the actors were resolved.  For every
gold source and target whose code names a country (codes normalised as in
``plover_gsr.country_code``), the gold text is found in the sentence and the
actor is *right* when a mention in ``doc.mentions`` overlapping that span has
the gold country, *wrong* when overlapping mentions name only other countries,
and *missed* when no mention overlaps it.  Each sentence is parsed in full
(no fast path) and has no publication date, as in ``eventwire eval-plover``.

Run: ``python -m eventwire.eval.actors_gsr [PATH] [--details]``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..model import Mention
from .plover_gsr import country_code, load_plover_gsr

DEFAULT_PATH = Path("..") / "shared" / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.jsonl"
ROLES = ("source", "target")

Resolve = Callable[[str], list[Mention]]


@dataclass(frozen=True, slots=True)
class ActorJudgement:
    record_id: str
    role: str  # source | target
    text: str
    gold: str
    found: tuple[str, ...]  # countries of the mentions overlapping the gold span
    verdict: str  # right | wrong | missed | no-span


def gold_span(sentence: str, text: str) -> tuple[int, int] | None:
    """Where the gold text is in the sentence: the first whole-word occurrence, exact case first."""
    text = " ".join(text.split())
    if not text:
        return None
    word = r"(?<!\w)" + re.escape(text) + r"(?!\w)"
    for pattern, flags in ((word, 0), (word, re.IGNORECASE), (re.escape(text), re.IGNORECASE)):
        found = re.search(pattern, sentence, flags)
        if found:
            return found.start(), found.end()
    return None


def judge_actor(sentence: str, text: str, gold: str, mentions: list[Mention]) -> tuple[tuple[str, ...], str]:
    span = gold_span(sentence, text)
    if span is None:
        return (), "no-span"
    start, end = span
    found = tuple(dict.fromkeys(
        m.actor.country for m in mentions if m.start < end and start < m.end and m.actor.country))
    if not found:
        return found, "missed"
    return found, "right" if gold in found else "wrong"


def judge_record(record: dict, mentions: list[Mention]) -> list[ActorJudgement]:
    judged = []
    for role in ROLES:
        for actor in record.get(role) or ():
            gold = country_code(actor.get("code")) if isinstance(actor, dict) else None
            if not gold or not str(actor.get("text") or "").strip():
                continue
            found, verdict = judge_actor(record["text"], actor["text"], gold, mentions)
            judged.append(ActorJudgement(str(record.get("id")), role, actor["text"], gold, found, verdict))
    return judged


def sentence_resolver() -> Resolve:
    """Parse a whole sentence and resolve its actors: the two stages the coder's arguments rest on."""
    from ..actors.kb import knowledge_base
    from ..actors.resolve import actor_stage
    from ..model import Article
    from ..nlp import parse_stage
    from ..pipeline import Pipeline

    pipeline = Pipeline([parse_stage(None), actor_stage(knowledge_base())])
    return lambda text: pipeline.run(Article(doc_id="sentence", text=text)).mentions or []


def score_actors(records: Iterable[dict], resolve: Resolve) -> dict:
    """Per-role accuracy over gold actors with a country (a span not found in the text is not scored)."""
    resolved: dict[str, list[Mention]] = {}
    judged: list[ActorJudgement] = []
    for record in records:
        text = record["text"]
        if text not in resolved:
            resolved[text] = resolve(text)
        judged.extend(judge_record(record, resolved[text]))
    result: dict = {"judged": judged}
    for role in ROLES:
        scored = [j for j in judged if j.role == role and j.verdict != "no-span"]
        right = sum(j.verdict == "right" for j in scored)
        result[role] = {
            "right": right, "total": len(scored), "accuracy": right / len(scored) if scored else 0.0,
            "wrong": sum(j.verdict == "wrong" for j in scored),
            "missed": sum(j.verdict == "missed" for j in scored),
            "no_span": sum(j.role == role and j.verdict == "no-span" for j in judged),
        }
    return result


def format_actors(result: dict, details: bool = False) -> str:
    lines = ["Actor resolution on the PLOVER gold records (gold actors with a country code)"]
    for role in ROLES:
        r = result[role]
        lines.append(f"  {role:<7} {r['right']}/{r['total']} {r['accuracy']:.3f}"
                     f"  (wrong {r['wrong']}, missed {r['missed']}, gold text not in sentence {r['no_span']})")
    if details:
        lines += [f"  {j.verdict:<7} {j.record_id} {j.role} {j.text!r} gold {j.gold} got {','.join(j.found) or '-'}"
                  for j in result["judged"] if j.verdict != "right"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    details = "--details" in args
    paths = [a for a in args if a != "--details"]
    records = load_plover_gsr(paths[0] if paths else DEFAULT_PATH)
    print(format_actors(score_actors(records, sentence_resolver()), details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
