"""Command line: `add`, `remove`, `list`, `index`, `search`, `ask` (one question, or --batch JSONL)."""

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
    import dataclasses

    from .embed import get_embedder
    from .index import build_index
    from .ingest import list_bulletins

    settings = Settings()
    embedder = get_embedder(settings.embedder)
    folders = [f for f in list_bulletins(settings.corpus_dir) if not args.id or f.name == args.id]
    if not folders:
        _print(f"资料库 {settings.corpus_dir} 中没有{'编号为 ' + args.id + ' 的' if args.id else ''}公报；请先运行 `python -m assistant add 文件`。")
        return 1
    for folder in folders:
        info = build_index(dataclasses.replace(settings, bulletin=folder.name), embedder, progress=not args.quiet)
        _print(f"{folder.name}：索引已建立，{info['chunks']} 段，向量模型 {info['embedder']}，集合 {info['collection']}，"
               f"用时 {info['seconds']} 秒")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from .embed import get_embedder
    from .ingest import IngestError, add_bulletin

    settings = Settings()
    try:
        report = add_bulletin(args.file, settings, get_embedder(settings.embedder), bulletin_id=args.id,
                              title=args.title, city=args.city, period=args.period, progress=not args.quiet)
    except IngestError as exc:
        print(f"错误：{exc}（资料库与索引未作改动）", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - whatever broke, nothing was changed; say so plainly
        print(f"错误：添加失败（{type(exc).__name__}: {exc}），资料库与索引未作改动。", file=sys.stderr)
        return 1
    _print(f"已添加《{report.title}》（编号 {report.id}，{report.region or '地区未识别'}，{report.period}）：{report.facts} 条数据"
           f"（自动抽取 {report.auto_facts}，人工决定 {report.overrides}），待核对 {report.review} 项，用时 {report.seconds} 秒。\n"
           f"  文件夹：{report.folder}\n  待核对清单：{report.folder / 'review.md'}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from .ingest import IngestError, remove_bulletin

    try:
        removed = remove_bulletin(args.id, Settings())
    except IngestError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    _print(f"已删除公报 {args.id}。" if removed else f"资料库中没有编号为 {args.id} 的公报。")
    return 0 if removed else 1


def cmd_list(args: argparse.Namespace) -> int:
    import csv

    from .corpus import load_manifest
    from .ingest import list_bulletins, review_count

    rows = []
    for folder in list_bulletins(Settings().corpus_dir):
        m = load_manifest(folder)
        with (folder / "tables" / "facts.csv").open(encoding="utf-8") as f:
            facts = sum(1 for _ in csv.DictReader(f))
        items = review_count(folder)
        rows.append({"id": m.id, "title": m.title, "region": m.city, "period": m.period, "kind": m.kind,
                     "facts": facts, "review": items})
    if args.json:
        _print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            _print(f"{r['id']}\t{r['period']}\t{r['title']}\t{r['facts']} 条数据\t待核对 {r['review']} 项")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .core import Assistant
    from .parse import clean

    assistant = Assistant()
    if assistant.default is None:
        _print("资料库中还没有公报；请先运行 `python -m assistant add 文件`。")
        return 1
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
    p = sub.add_parser("index", help="构建（或重建）检索索引：每份公报一个集合")
    p.add_argument("--id", help="只重建这一份公报的索引")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_index)
    p = sub.add_parser("add", help="添加公报：PDF、HTML 或 TXT/MD 文件 -> 资料库中的一个文件夹（数据、待核对清单、索引）")
    p.add_argument("file", type=Path)
    p.add_argument("--id", help="公报编号（默认由地区和时间生成，如 guangzhou-2025）")
    p.add_argument("--title", help="标题（默认从文件识别）")
    p.add_argument("--city", help="地区，如 广州市、广东省（默认从标题识别）")
    p.add_argument("--period", help="时间：2024（年报）、2023-07（月报）、2023-01~07（累计）；默认从标题识别")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_add)
    p = sub.add_parser("remove", help="删除一份公报（文件夹与索引）")
    p.add_argument("id")
    p.set_defaults(func=cmd_remove)
    p = sub.add_parser("list", help="列出资料库中的公报")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)
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
