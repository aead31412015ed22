"""Command line: `index`, `search`, `ask` (one question, or --batch JSONL)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .config import Settings


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def cmd_index(args: argparse.Namespace) -> int:
    from .embed import get_embedder
    from .index import build_index

    settings = Settings()
    info = build_index(settings, get_embedder(settings.embedder), progress=not args.quiet)
    _print(f"索引已建立：{info['chunks']} 段，向量模型 {info['embedder']}，集合 {info['collection']}，用时 {info['seconds']} 秒")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .core import Assistant
    from .parse import clean

    assistant = Assistant()
    query = clean(args.query, assistant.settings.max_question_chars)
    passages = assistant.retriever.search(query, k=args.k, mode=args.mode) if query else []
    if args.json:
        _print(json.dumps([p.__dict__ | {"locator": p.locator} for p in passages], ensure_ascii=False, indent=1))
    else:
        for i, p in enumerate(passages, 1):
            _print(f"[{i}] {p.score:.3f}  {p.locator}\n    {p.text}")
    return 0


def batch_result(assistant, line: str, lineno: int) -> dict:
    """One output line for one input line; a bad line yields an `invalid` result, never an exception."""
    started = time.perf_counter()
    qid = None
    try:
        item = json.loads(line)
        if not isinstance(item, dict):
            raise ValueError("每行应是一个 JSON 对象")
        qid = item.get("id")
        if "turns" in item:
            turns = item["turns"]
            if not isinstance(turns, list) or not turns or not all(isinstance(t, str) for t in turns):
                raise ValueError("turns 应是非空的字符串列表")
            answer = assistant.ask_turns(turns)
        elif isinstance(item.get("question"), str):
            answer = assistant.ask(item["question"])
        else:
            raise ValueError("缺少 question（字符串）或 turns（列表）")
        return answer.to_dict(qid)
    except Exception as exc:  # noqa: BLE001 - one bad line must not stop the batch
        return {"id": qid if qid is not None else f"line-{lineno}", "answer": f"无效输入（第{lineno}行）：{exc}",
                "status": "invalid", "verdict": None, "citations": [],
                "latency_ms": round((time.perf_counter() - started) * 1000, 2)}


def cmd_ask(args: argparse.Namespace) -> int:
    from .core import Assistant

    assistant = Assistant()
    if args.batch:
        out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
        try:
            with open(args.batch, encoding="utf-8", errors="replace") as f:
                for lineno, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    out.write(json.dumps(batch_result(assistant, line, lineno), ensure_ascii=False) + "\n")
                    out.flush()
        finally:
            if out is not sys.stdout:
                out.close()
        return 0
    if args.question is None:
        _print("请提供问题，例如：python -m assistant ask \"2024年广州市PM2.5平均浓度是多少？\"")
        return 2
    answer = assistant.ask(args.question)
    if args.json:
        _print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
    else:
        _print(answer.text)
        for i, c in enumerate(answer.citations, 1):
            _print(f"  [{i}] {c['locator']}\n      {c['text']}")
    return 0 if answer.status != "invalid" else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="广州生态环境公报问答助手")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("index", help="构建（或重建）检索索引")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_index)
    p = sub.add_parser("search", help="检索公报段落")
    p.add_argument("query")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--mode", choices=["hybrid", "bm25", "dense"], default="hybrid")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)
    p = sub.add_parser("ask", help="提问（或 --batch 批量）")
    p.add_argument("question", nargs="?")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", type=Path, help="输入 JSONL：每行 {id, question} 或 {id, turns}")
    p.add_argument("--out", type=Path, help="输出 JSONL（默认标准输出）")
    p.set_defaults(func=cmd_ask)
    args = parser.parse_args(argv)
    from .index import IndexUnavailable
    from .tables import TableError

    try:
        return args.func(args)
    except (IndexUnavailable, TableError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `| head` closed the pipe: not an error
        return 0
