"""Understanding benchmark: question sets written blind (by helpers that saw only the bulletin, never the code),
scored with shared/eval/score.py, including its counts of answered-but-wrong and true-claims-refuted.

    python benchmarks/understanding.py [--sets dev tune tune2 heldout]

tune*.jsonl were used to find classes of failure; heldout.jsonl is never tuned on: its score is reported as it
comes out. Results: benchmarks/results/understanding.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
SETS = {"dev": ROOT.parent / "shared" / "eval" / "dev.jsonl", **{p.stem: p for p in sorted((HERE / "understanding").glob("*.jsonl"))}}


def score(path: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "answers.jsonl"
        subprocess.run([sys.executable, "-m", "assistant", "ask", "--batch", str(path), "--out", str(out)], cwd=ROOT,
                       env=os.environ, check=True, capture_output=True)
        res = subprocess.run([sys.executable, str(SCORE), str(path), str(out), "--json"], capture_output=True,
                             text=True, check=True)
        return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", nargs="*", default=list(SETS))
    args = ap.parse_args()
    results_path = HERE / "results" / "understanding.json"
    results = json.loads(results_path.read_text(encoding="utf-8")) if results_path.exists() else {}  # keeps first runs
    for name in args.sets:
        results[name] = {"questions": str(SETS[name].relative_to(ROOT.parent)), **score(SETS[name])}
        print(name, json.dumps(results[name], ensure_ascii=False))
    results_path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
