"""Scripts: train the coach's learned second opinion (coach/learned.py) on the labelled corpus.

Usage:  python scripts/coach_train.py [--cv] [--write] [--exclude FILE ...]

``--cv`` scores each check leave-one-file-out: for every corpus file, the model is trained on
the other files and scored on that one, so each figure is on stories the model never saw
(the rules, though, were tuned on every file, so the "rule" column flatters them). ``--write``
trains on every file and writes ``narrative_app/resources/coach/learned.json``. Standard
library only (plain stochastic gradient descent), deterministic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from narrative_app.coach import learned  # noqa: E402
from narrative_app.coach.registry import BY_ID, Context  # noqa: E402
from narrative_app.coach.text import prepared  # noqa: E402

CORPUS = ROOT / "tests" / "coach_corpus"
OUT = ROOT / "narrative_app" / "resources" / "coach" / "learned.json"
# What each trained check's model may do, and the chance it needs (see the module doc of
# coach/learned.py): (mode, threshold to tick, threshold below which a rule's tick is
# withheld, whether word stems are read). The Self turn checks generalise better on the cue
# families and the readers' shapes alone; the others gain from the stems.
# "judge" was chosen in the round of 2 December, afternoon: on four unseen files (fresh14-17),
# each scored with models trained on every other file, the model's own verdict at 0.6 beat
# the rule on these checks, and it then held on two more files nobody had tuned on
# (fresh18-19, see scripts/coach_eval.py). With 29 files to learn from, word stems now help
# the choice and the difficulty too (leave-one-file-out on fresh14-19: the choice 0.68 to
# 0.78, the difficulty 0.79 to 0.82); the outcome still does better without them. The
# difficulty keeps "decide" (as a judge it withheld a tick the team's labels give); the
# feelings and the shared moment keep their rule with a veto: there the model alone did
# worse than the rule.
MODES = {
    "emotion": ("veto", 0.3, 0.3, True),
    "challenge": ("decide", 0.7, 0.45, True),
    "choice_point": ("judge", 0.6, 0.6, True),
    "outcome": ("judge", 0.6, 0.6, False),
    # On unseen sets the shared-moment model let ticks through that its rule did not give
    # (sealed3 0.85 against 0.93 for the rule of the round before; fresh11 0.69, fresh12
    # 0.75): it may now only withhold a tick.
    "experiential_us": ("veto", 0.6, 0.6, True),
    "urgency": ("judge", 0.6, 0.6, True),
    "hope": ("judge", 0.6, 0.6, True),
    "ask": ("judge", 0.6, 0.6, True),
    "specific_moment": ("judge", 0.6, 0.6, True),
    "resume": ("judge", 0.6, 0.6, True),
}
MIN_FILES = 3  # a word stem is kept only when it appears in stories of this many files
EPOCHS = 40
L2 = 0.02
RATE = 0.3


def load(exclude: set[str]) -> list[tuple[str, dict]]:
    """(file name, part) for every part of every corpus file not in ``exclude``."""
    import coach_eval  # scripts/ is on the path when this script runs

    return [(path.name, raw)
            for path in sorted(CORPUS.glob("*.toml")) if path.name not in exclude
            for raw in coach_eval.load_corpus(files=[path])[0]]


Example = tuple[str, dict[str, float], int, bool]


def examples(rows: list[tuple[str, dict]], check: str) -> list[Example]:
    """(file, features, label 1 = ok, rule said ok) for every part labelled on ``check``."""
    spec = BY_ID[check]
    out = []
    for name, raw in rows:
        label = raw.get("expect", {}).get(check)
        if label not in ("ok", "suggest"):
            continue
        draft = prepared(raw["draft"])
        if draft.is_empty:
            continue
        ctx = Context(part=raw["part"], draft=draft, fields=dict(raw.get("fields", {})))
        verdict = spec.rule(ctx)
        feats = learned.features(draft, raw["part"], True, len(verdict.hits))
        feats.pop("rule", None)
        out.append((name, feats, 1 if label == "ok" else 0, verdict.status == "ok"))
    return out


def vocabulary(data: list[Example], check: str) -> set[str]:
    files: dict[str, set[str]] = {}
    for name, feats, _, _ in data:
        for key in feats:
            files.setdefault(key, set()).add(name)
    stems = MODES.get(check, ("", 0.0, 0.0, True))[3]
    return {k for k, names in files.items()
            if not k.startswith(("w:", "wl:")) or (stems and len(names) >= MIN_FILES)}


def fit(data: list[Example], check: str) -> dict[str, float]:
    vocab = vocabulary(data, check)
    weights: dict[str, float] = {}
    grads: dict[str, float] = {}
    pos = sum(1 for d in data if d[2]) or 1
    neg = (len(data) - pos) or 1
    scale = {1: len(data) / (2 * pos), 0: len(data) / (2 * neg)}
    order = list(range(len(data)))
    rng = random.Random(7)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            _, feats, y, _ = data[i]
            feats = {k: v for k, v in feats.items() if k in vocab}
            p = learned.probability(weights, feats)
            g = (p - y) * scale[y]
            for k, v in feats.items():
                w = weights.get(k, 0.0)
                step = g * v + (L2 * w if k != "bias" else 0.0)
                grads[k] = grads.get(k, 0.0) + step * step
                weights[k] = w - RATE * step / (grads[k] ** 0.5 + 1e-8)
    return {k: round(v, 4) for k, v in weights.items() if abs(v) >= 1e-3}


def score(rows: list[tuple[int, bool]]) -> tuple[float, float]:
    """Balanced accuracy and precision of "done" for (label 1 = ok, ticked) pairs."""
    import coach_eval

    tally = coach_eval.Score()
    for y, ticked in rows:
        tally.add("ok" if y else "suggest", "ok" if ticked else "suggest", "")
    return tally.balanced_accuracy, tally.ok_precision


def cross_validate(
    rows: list[tuple[str, dict]],
    checks: tuple[str, ...],
    thresholds: tuple[float, ...],
    only: list[str] | None = None,
) -> None:
    files = sorted({name for name, _ in rows})
    for check in checks:
        data = examples(rows, check)
        results: dict[str, list[tuple[int, bool]]] = {"rule": [], "model": []}
        for t in thresholds:
            results[f"veto{t}"] = []
        for held in (only or files):
            test = [d for d in data if d[0] == held]
            if not test:
                continue
            weights = fit([d for d in data if d[0] != held], check)
            for _, feats, y, rule_ok in test:
                p = learned.probability(weights, feats)
                results["rule"].append((y, rule_ok))
                results["model"].append((y, p >= 0.5))
                for t in (0.6, 0.7):
                    results.setdefault(f"model{t}", []).append((y, p >= t))
                for t in thresholds:
                    results[f"veto{t}"].append((y, rule_ok and p >= t))
        line = "  ".join(f"{k} {score(v)[0]:.2f}/{score(v)[1]:.2f}" for k, v in results.items())
        print(f"{check:<16} n={len(data):<4} {line}", flush=True)


def system_cv(rows: list[tuple[str, dict]], files: list[str]) -> None:
    """The whole coach on each file, with the learned checks trained on the other files."""
    import coach_eval  # scripts/ is on the path when this script runs

    for held in files:
        rest = [r for r in rows if r[0] != held]
        checks = {check: {"mode": mode, "threshold": threshold, "veto": veto,
                          "weights": fit(examples(rest, check), check)}
                  for check, (mode, threshold, veto, _) in MODES.items()}
        learned._models = lambda checks=checks: checks  # type: ignore[assignment]
        scores = coach_eval.evaluate(files=[CORPUS / held])
        line = "  ".join(f"{c} {s.balanced_accuracy:.2f}/{s.ok_precision:.2f}"
                         for c, s in scores.items() if c in MODES)
        print(f"{held:<14} {line}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--exclude", nargs="*", default=[])
    parser.add_argument("--test", nargs="*", default=None,
                        help="score only these files, each with a model trained on the rest")
    parser.add_argument("--system", nargs="*", default=None,
                        help="score the whole coach on these files, trained on the rest")
    parser.add_argument("--checks", default="", help="comma-separated check ids")
    args = parser.parse_args(argv)
    rows = load(set(args.exclude))
    if args.cv:
        checks = tuple(args.checks.split(",")) if args.checks else tuple(MODES)
        cross_validate(rows, checks, (0.2, 0.3, 0.4, 0.5), args.test)
    if args.system:
        system_cv(rows, args.system)
    if args.write:
        checks = {}
        for check, (mode, threshold, veto, _) in MODES.items():
            weights = fit(examples(rows, check), check)
            checks[check] = {"mode": mode, "threshold": threshold, "veto": veto,
                             "weights": weights}
        files = sorted({name for name, _ in rows})
        OUT.write_text(json.dumps({"trained_on": files, "checks": checks}, indent=0,
                                  sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
