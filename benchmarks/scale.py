"""Scale benchmark: 50 bulletins in one corpus (the 2024 bulletin plus generated copies of a 2025 report, one per
city), then start-up time, per-question latency (p50/p95) and peak memory.

    python benchmarks/scale.py [--bulletins 50] [--repeat 3]

The copies are the project's own 2025 test report (tests/docs/guangzhou-2025.txt) with its city renamed; each is
added with `add`, so each has its own facts, places and index collection.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from answer import latencies, spread  # noqa: E402  (benchmarks/answer.py: the same timing)

from assistant.config import Settings  # noqa: E402
from assistant.embed import get_embedder  # noqa: E402
from assistant.ingest import add_bulletin  # noqa: E402
from assistant.ingest.meta import gazetteer  # noqa: E402

TEMPLATE = ROOT / "tests" / "docs" / "guangzhou-2025.txt"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bulletins", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    embedder = get_embedder(Settings().embedder)
    cities = sorted(p.name for p in gazetteer().values() if p.level == "city" and p.name.endswith("市")
                    and p.name != "广州市" and len(p.name) == 3)
    random.Random(7).shuffle(cities)
    cities = cities[: args.bulletins - 1]
    text = TEMPLATE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        corpus.mkdir()
        shutil.copy(ROOT / "corpus" / "lexicon.yaml", corpus)
        s = dataclasses.replace(Settings(), corpus_dir=corpus, index_dir=index, chroma_host=None)
        shutil.copytree(ROOT / "corpus" / "guangzhou-2024", corpus / "guangzhou-2024")
        add_times = []
        for city in cities:
            doc = Path(tmp) / f"{city}.txt"
            doc.write_text(text.replace("广州市", city).replace("广州", city[:-1]), encoding="utf-8")
            report = add_bulletin(doc, s, embedder, progress=False)
            add_times.append(report.seconds)
        from assistant.core import Assistant

        t0 = time.perf_counter()
        assistant = Assistant(s)
        startup = time.perf_counter() - t0
        questions = [json.dumps({"id": f"d{n}", **q}, ensure_ascii=False) for n, q in enumerate(
            [json.loads(x) for x in open(ROOT.parent / "shared" / "eval" / "dev.jsonl", encoding="utf-8") if x.strip()])]
        for city in cities[:20]:
            questions += [json.dumps({"id": city, "question": f"2025年{city}PM2.5平均浓度是多少？"}, ensure_ascii=False),
                          json.dumps({"id": city + "r", "question": f"{city}哪个区PM10最低？"}, ensure_ascii=False)]
        lat = latencies(assistant, questions, args.repeat)
        result = {
            "bulletins": len(assistant.bulletins), "questions": len(questions), "runs": len(lat),
            "add_seconds_p50": round(statistics.median(add_times), 2), "add_seconds_max": round(max(add_times), 2),
            "startup_s": round(startup, 2), **spread(lat),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    (HERE / "results" / "scale.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
