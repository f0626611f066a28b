"""Coach quality: per-check precision and recall on the labelled corpus hold the 0.85 line.

The corpus (tests/coach_corpus/) has a development half, a held-out half and a small blind
batch written by the team ("team" is the three together), plus a second blind batch by a
separate writer (blind2, its story under `text`). The team halves and the team whole are held
to the line here; blind2 is evaluated by the script and reported there (its first run and
current figures are in the script's docstring), not held, because a few of its labels
disagree with the team's on the same kind of story. Each check must have enough labelled
examples to mean something.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from narrative_app.coach.registry import NARRATIVE_CHECKS, PART_CHECKS

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "coach_eval.py"
LINE = 0.85


def _load_eval():
    spec = importlib.util.spec_from_file_location("coach_eval", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("coach_eval", module)
    spec.loader.exec_module(module)
    return module


coach_eval = _load_eval()
ALL_CHECKS = sorted({c for checks in PART_CHECKS.values() for c in checks} | set(NARRATIVE_CHECKS))


def test_corpus_is_big_and_varied_enough() -> None:
    parts, narratives = coach_eval.load_corpus("all")
    assert len(parts) >= 60
    assert len({p["id"] for p in parts}) == len(parts)
    assert {p["part"] for p in parts} == {"self", "us", "now"}
    assert len({p["sector"] for p in parts if "sector" in p}) >= 8
    for split in ("dev", "heldout"):
        assert len(coach_eval.load_corpus(split)[0]) >= 30
    assert len(narratives) >= 16


def test_every_part_is_labelled_for_every_check_of_its_story() -> None:
    parts, _ = coach_eval.load_corpus("all")
    speakability = {"long_sentences", "jargon"}
    for entry in parts:
        story = set(PART_CHECKS[coach_eval.PartKind(entry["part"])])
        labelled = set(entry["expect"])
        # The team labels speakability on every part; the blind2 writer did not label it.
        assert story <= labelled <= story | speakability, entry["id"]
        assert set(entry["expect"].values()) <= {"ok", "suggest"}
        assert isinstance(entry["draft"], str), entry["id"]


def test_the_second_blind_batch_is_read_and_scored() -> None:
    parts, _ = coach_eval.load_corpus("blind2")
    assert len(parts) >= 40 and all(p["draft"].strip() for p in parts)
    ids = {p["id"] for p in coach_eval.load_corpus("all")[0]}
    assert {p["id"] for p in parts} <= ids
    scores = coach_eval.evaluate("blind2")
    assert {"specific_moment", "choice_point", "urgency", "ask"} <= set(scores)


@pytest.mark.parametrize("split", ["dev", "heldout", "team"])
def test_each_check_reaches_the_line(split: str) -> None:
    # The small blind batch is held to the line only as part of "team": alone, one story more
    # or less moves a check by 0.2. Its first-run figures are reported in the eval script.
    scores = coach_eval.evaluate(split)
    assert set(scores) == set(ALL_CHECKS)
    below = {
        check: (round(s.precision, 2), round(s.recall, 2), s.misses)
        for check, s in scores.items()
        if s.precision < LINE or s.recall < LINE
    }
    assert not below, below


def test_every_check_has_both_classes_to_learn_from() -> None:
    scores = coach_eval.evaluate("all")
    for check, s in scores.items():
        assert s.tp + s.fn >= 4, f"{check}: too few expected suggestions"
        assert s.tn + s.fp >= 4, f"{check}: too few expected oks"


def test_the_script_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert coach_eval.main(["--split", "heldout"]) == 0
    out = capsys.readouterr().out
    assert "specific_moment" in out and "prec" in out and "recall" in out


def test_any_corpus_file_is_scored_with_balanced_accuracy_and_precision_of_done(
    tmp_path, capsys
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        '[[part]]\nid = "m-now-1"\npart = "now"\ndraft = """\nBy next spring, if we keep '
        'going like this, we will have burnt out half the team. From January every family '
        'can have a named back-up worker. Will you sign up on the sheet by the door today?\n"""'
        '\n[part.expect]\nurgency = "ok"\nhope = "ok"\nask = "ok"\n',
        encoding="utf-8",
    )
    scores = coach_eval.evaluate(files=[path])
    assert scores["urgency"].balanced_accuracy == 1.0
    assert scores["hope"].ok_precision == 1.0
    assert coach_eval.main(["--file", str(path)]) == 0
    out = capsys.readouterr().out
    assert "bal.acc" in out and "done prec" in out and "mine.toml" in out
    assert coach_eval.main(["--file", str(tmp_path / "missing.toml")]) == 2
    assert "no such corpus file" in capsys.readouterr().err
