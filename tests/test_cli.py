import json
import os
import subprocess
import sys

from assistant.cli import batch_result

KEYS = {"id", "answer", "status", "verdict", "citations", "latency_ms"}


def test_batch_lines_each_get_a_result(assistant):
    lines = [
        '{"id": "a", "question": "2024年广州市PM2.5平均浓度是多少？"}',
        '{"id": "b", "turns": ["荔湾区PM2.5是多少？", "那PM10呢？"]}',
        '{"id": "c", "question": ""}',
        "not json at all",
        '["a", "list"]',
        '{"id": "d"}',
        '{"id": "e", "turns": "not a list"}',
        '{"id": "f", "question": 42}',
        '{"id": "g", "question": "' + "广州" * 20000 + '"}',
    ]
    results = [batch_result(assistant, line, n) for n, line in enumerate(lines, 1)]
    for r in results:
        assert set(r) == KEYS
        json.dumps(r, ensure_ascii=False)
    by_id = {r["id"]: r for r in results}
    assert by_id["a"]["status"] == "answered" and "21" in by_id["a"]["answer"]
    assert "42" in by_id["b"]["answer"]
    assert by_id["c"]["status"] == "invalid"
    assert by_id["line-4"]["status"] == "invalid" and by_id["line-5"]["status"] == "invalid"
    assert by_id["d"]["status"] == by_id["e"]["status"] == by_id["f"]["status"] == "invalid"
    assert by_id["g"]["status"] in ("answered", "not_found")


def _run(args, settings, **kw):
    env = {**os.environ, "ASSISTANT_INDEX": str(settings.index_dir)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, env=env,
                          timeout=300, **kw)


def test_cli_ask_json_and_batch_file(settings, built_index, tmp_path):
    out = _run(["ask", "白云区PM10浓度是多少？", "--json"], settings)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["status"] == "answered" and "43" in data["answer"] and data["citations"]
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "question": "酸雨频率"}\n{broken\n', encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    out = _run(["ask", "--batch", str(src), "--out", str(dst)], settings)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in rows] == ["answered", "invalid"]


def test_cli_search_prints_locators(settings, built_index):
    out = _run(["search", "浮游植物优势种", "-k", "2", "--json"], settings)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert len(hits) == 2 and "海洋环境" in hits[0]["locator"]


def test_cli_reports_a_missing_index_clearly(settings, tmp_path):
    env = {**os.environ, "ASSISTANT_INDEX": str(tmp_path / "none")}
    out = subprocess.run([sys.executable, "-m", "assistant", "search", "PM2.5"], capture_output=True, text=True,
                         env=env, timeout=300)
    # a missing index is built on first use, with a message on stderr
    assert out.returncode == 0 and "正在构建" in out.stderr
