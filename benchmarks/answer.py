"""Answer benchmark: per-question latency of the batch path (p50/p95 after warm-up) and peak memory.

    python benchmarks/answer.py [--questions ../shared/eval/dev.jsonl] [--repeat 10]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.cli import batch_result  # noqa: E402
from assistant.config import ROOT  # noqa: E402
from assistant.core import Assistant  # noqa: E402


def latencies(assistant, lines: list[str], repeat: int) -> list[float]:
    """Per-question latency of the batch path in ms, sorted, after one warm-up pass over the lines."""
    for n, line in enumerate(lines, 1):  # warm-up
        batch_result(assistant, line, n)
    lat = []
    for _ in range(repeat):
        for n, line in enumerate(lines, 1):
            t = time.perf_counter()
            batch_result(assistant, line, n)
            lat.append((time.perf_counter() - t) * 1000)
    return sorted(lat)


def spread(lat: list[float]) -> dict:
    """p50, p95 and max of sorted latencies, in ms."""
    return {"p50_ms": round(statistics.median(lat), 2), "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 2),
            "max_ms": round(lat[-1], 2)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"))
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    lines = [x for x in open(args.questions, encoding="utf-8") if x.strip()]
    t0 = time.perf_counter()
    assistant = Assistant()
    startup = time.perf_counter() - t0
    lat = latencies(assistant, lines, args.repeat)
    text = json.dumps({
        "questions": len(lines), "runs": len(lat), "startup_s": round(startup, 2), **spread(lat),
        "throughput_qps": round(len(lat) / (sum(lat) / 1000), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }, indent=1)
    print(text)
    (Path(__file__).parent / "results" / "answer.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
