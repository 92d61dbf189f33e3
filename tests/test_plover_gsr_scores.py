"""The coder on the 322 PLOVER gold-standard sentences: scores printed, minima asserted.

Patterns were developed on the odd-numbered records (by position in the file); the
even-numbered ones are held out, so their figures estimate the scores on unseen news.
The minima are the figures last measured (patterns and argument rules), rounded down.
"""

from __future__ import annotations

import pytest

from eventwire.eval.plover_gsr import format_plover_gsr, load_plover_gsr, score_plover_gsr, summarise
from eventwire.eval.suites import code_sentence

from .conftest import shared_path

pytestmark = [pytest.mark.model, pytest.mark.shared]

MINIMA = {  # part -> (detection rate, type accuracy, source country accuracy, target country accuracy)
    "all": (0.92, 0.81, 0.88, 0.81),
    "odd (development)": (0.98, 0.93, 0.96, 0.93),
    "even (held out)": (0.85, 0.70, 0.80, 0.68),
}


@pytest.fixture(scope="module")
def scored():
    records = load_plover_gsr(shared_path("data", "plover-gsr", "PLOVER_GSR_CAMEO.jsonl"))
    result = score_plover_gsr(records, code_sentence)
    judged = result["per_record"]
    parts = {
        "all": result,
        "odd (development)": summarise(judged[0::2]),
        "even (held out)": summarise(judged[1::2]),
    }
    print("\n" + format_plover_gsr(result))
    for name, part in parts.items():
        print(f"  {name:<18} detection {part['detection_rate']:.3f}  type {part['type_accuracy']:.3f}  "
              f"source {part['source_accuracy']:.3f}  target {part['target_accuracy']:.3f}")
    return parts


@pytest.mark.parametrize("part", list(MINIMA))
def test_plover_gsr_minima(scored, part):
    detection, type_accuracy, source_accuracy, target_accuracy = MINIMA[part]
    assert scored[part]["detection_rate"] >= detection
    assert scored[part]["type_accuracy"] >= type_accuracy
    assert scored[part]["source_accuracy"] >= source_accuracy
    assert scored[part]["target_accuracy"] >= target_accuracy
