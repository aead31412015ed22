"""Ingest benchmark: how much of the hand-curated 2024 table `add` reproduces by itself, how long `add` takes,
and how well documents added with `add` are answered.

    python benchmarks/ingest.py [--eval DIR ...]

* reproduction: `add` of shared/bulletin/guangzhou-2024.txt into an empty corpus, (a) from the raw text alone and
  (b) with the hand-fixed section tree (structured.override.md) and places, but never overrides.csv; each curated
  fact counts as reproduced when a generated fact has its indicator, place, year, statistic and value (text
  facts: indicator, place, year, statistic). Prose facts (locator 正文) are the target; the table and legend
  facts, whose columns the extraction printed apart, stay hand decisions.
* answering: for each --eval folder (documents + questions.jsonl, as written by a helper that saw no code), every
  document is added to an empty corpus and the questions are scored with shared/eval/score.py.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.embed import get_embedder  # noqa: E402
from assistant.ingest import add_bulletin  # noqa: E402

RAW = ROOT.parent / "shared" / "bulletin" / "guangzhou-2024.txt"
CURATED = HERE / "ingest" / "guangzhou-2024-curated.csv"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _key(r: dict, with_value: bool = True) -> tuple:
    value = f"{float(r['value']):.6g}" if r["value"] else ""
    return (r["indicator"], r["place"], str(r["year"]), r["stat"], value if with_value else "")


def reproduction(embedder, hand: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        (corpus / "guangzhou-2024").mkdir(parents=True)
        shutil.copy(ROOT / "corpus" / "lexicon.yaml", corpus)
        if hand:
            for name in ("structured.override.md", "places.override.yaml"):
                shutil.copy(ROOT / "corpus" / "guangzhou-2024" / name, corpus / "guangzhou-2024" / name)
        s = dataclasses.replace(Settings(), corpus_dir=corpus, index_dir=Path(tmp) / "index", chroma_host=None)
        t = time.perf_counter()
        report = add_bulletin(RAW, s, embedder, bulletin_id="guangzhou-2024", title="2024年广州市生态环境状况公报",
                              city="广州市", period="2024", progress=False)
        seconds = time.perf_counter() - t
        auto = _rows(corpus / "guangzhou-2024" / "tables" / "facts.csv")
    curated = _rows(CURATED)
    numeric = {_key(r) for r in auto if r["value"]}
    textual = {_key(r, False) for r in auto if not r["value"]}
    hit = [(_key(r) in numeric) if r["value"] else (_key(r, False) in textual) for r in curated]
    prose = [h for h, r in zip(hit, curated, strict=True) if r["locator"] == "正文"]
    prose_numeric = [h for h, r in zip(hit, curated, strict=True) if r["locator"] == "正文" and r["value"]]
    tables = [h for h, r in zip(hit, curated, strict=True) if r["locator"] != "正文"]
    curated_keys = {_key(r) for r in curated if r["value"]} | {_key(r, False) for r in curated if not r["value"]}
    extra = [r for r in auto if (_key(r) if r["value"] else _key(r, False)) not in curated_keys]
    return {
        "add_seconds": round(seconds, 2), "generated_facts": report.auto_facts, "review_items": report.review,
        "prose_facts_reproduced": f"{sum(prose)}/{len(prose)}", "prose_share": round(sum(prose) / len(prose), 3),
        "prose_numeric_reproduced": f"{sum(prose_numeric)}/{len(prose_numeric)}",
        "prose_numeric_share": round(sum(prose_numeric) / len(prose_numeric), 3),
        "table_and_legend_facts_reproduced": f"{sum(tables)}/{len(tables)}",
        "generated_facts_not_in_curated": len(extra),
    }


def answering(folder: Path, embedder) -> dict:
    sys.path.insert(0, str(ROOT))
    from tests.docs.render import render_pdf

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        shutil.copy(ROOT / "corpus" / "lexicon.yaml", corpus)
        s = dataclasses.replace(Settings(), corpus_dir=corpus, index_dir=Path(tmp) / "index", chroma_host=None)
        docs = sorted(p for p in folder.iterdir() if p.suffix in (".html", ".htm", ".txt", ".pdf"))
        for src in sorted(folder.glob("*.json")):
            docs.append(render_pdf(src, Path(tmp) / f"{src.stem}.pdf"))
        added = []
        for doc in docs:
            r = add_bulletin(doc, s, embedder, progress=False)
            added.append({"file": doc.name, "id": r.id, "facts": r.facts, "review": r.review, "seconds": r.seconds})
        out = Path(tmp) / "answers.jsonl"
        env = {"ASSISTANT_CORPUS": str(corpus), "ASSISTANT_INDEX": str(Path(tmp) / "index")}
        import os

        subprocess.run([sys.executable, "-m", "assistant", "ask", "--batch", str(folder / "questions.jsonl"), "--out", str(out)],
                       cwd=ROOT, env={**os.environ, **env}, check=True, capture_output=True)
        score = subprocess.run([sys.executable, str(SCORE), str(folder / "questions.jsonl"), str(out), "--json"],
                               capture_output=True, text=True, check=True)
        return {"documents": added, "score": json.loads(score.stdout.strip().splitlines()[-1])}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", nargs="*", default=[], help="folders of documents + questions.jsonl")
    args = ap.parse_args()
    embedder = get_embedder(Settings().embedder)
    path = HERE / "results" / "ingest.json"
    kept = {k: v for k, v in (json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}).items()
            if k.endswith("_first_run")}  # the first run of a held-out set stays on record
    result = {**kept, "reproduction_raw_text_only": reproduction(embedder, hand=False),
              "reproduction_with_hand_section_tree": reproduction(embedder, hand=True)}
    for folder in args.eval:
        result[f"answering_{Path(folder).name}"] = answering(Path(folder), embedder)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    (HERE / "results" / "ingest.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
