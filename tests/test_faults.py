"""Faults a deployment meets: killed builds, damaged stores, a Chroma server that goes away, no network."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.index import IndexUnavailable, build_index, open_collection
from tests import procs

ROOT = Path(__file__).resolve().parents[1]


def _cli(args, index_dir, timeout=300, **env):
    full = {**os.environ, "ASSISTANT_INDEX": str(index_dir), **env}
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, capture_output=True, text=True,
                          env=full, timeout=timeout)


def test_killed_build_leaves_the_previous_index_usable(settings, embedder, tmp_path):
    index_dir = tmp_path / "idx"
    good = build_index(dataclasses.replace(settings, index_dir=index_dir), embedder, progress=False)
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "index", "--quiet"], cwd=ROOT,
                            env={**os.environ, "ASSISTANT_INDEX": str(index_dir)})
    time.sleep(2.5)  # model loaded, embedding under way
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    collection = open_collection(dataclasses.replace(settings, index_dir=index_dir))
    assert collection.count() == good["chunks"]
    out = _cli(["ask", "酸雨频率是多少"], index_dir)
    assert out.returncode == 0 and "6.6" in out.stdout


def test_damaged_store_gives_a_clear_message_and_index_repairs_it(settings, embedder, tmp_path):
    index_dir = tmp_path / "idx"
    build_index(dataclasses.replace(settings, index_dir=index_dir), embedder, progress=False)
    (index_dir / "chroma.sqlite3").write_bytes(b"this is not a database")
    out = _cli(["search", "PM2.5"], index_dir)
    assert out.returncode == 1 and "python -m assistant index" in out.stderr and "Traceback" not in out.stderr
    out = _cli(["index", "--quiet"], index_dir)
    assert out.returncode == 0, out.stderr
    assert list(tmp_path.glob("idx.corrupt-*"))  # the damaged store is kept aside, not deleted
    out = _cli(["ask", "PM2.5平均浓度"], index_dir)
    assert out.returncode == 0 and "21" in out.stdout


def test_deleted_index_is_rebuilt_on_first_use(tmp_path):
    out = _cli(["ask", "PM10平均浓度"], tmp_path / "gone")
    assert out.returncode == 0 and "37" in out.stdout and "正在构建" in out.stderr


@pytest.fixture
def chroma_server(tmp_path):
    with procs.chroma_server(tmp_path / "server") as server:
        yield server


def test_chroma_server_mode_and_server_loss(settings, embedder, chroma_server):
    from assistant.core import Assistant

    proc, port = chroma_server
    s = dataclasses.replace(settings, chroma_host="127.0.0.1", chroma_port=port)
    info = build_index(s, embedder, progress=False)
    assistant = Assistant(s, build_if_missing=False)
    assert assistant.retriever.collection.count() == info["chunks"]
    assert "14.7" in assistant.ask("海面漂浮的中小块垃圾密度年均值是多少？").text
    proc.kill()
    proc.wait()
    started = time.time()
    with pytest.raises(IndexUnavailable):
        assistant.retriever.search("浮游植物优势种", mode="dense")
    answer = assistant.ask("近岸海域浮游植物主要优势种有哪些？")  # falls back to keyword search, no hang
    assert "骨条藻" in answer.text and time.time() - started < 30
    with pytest.raises(IndexUnavailable, match="Chroma 服务器"):
        Assistant(s, build_if_missing=False)


def _netns_available() -> bool:
    return shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "-n", "true"], capture_output=True).returncode == 0


def test_everything_runs_with_the_network_cut(tmp_path):
    if not _netns_available():
        if os.environ.get("CI") == "true":
            pytest.fail("unshare -n is needed to cut the network in CI")
        pytest.skip("cannot create a network namespace here")
    index_dir = tmp_path / "offline"
    port = procs.free_port()
    script = f"""
set -e
ip link set lo up
export ASSISTANT_INDEX={index_dir} HF_HUB_OFFLINE=1
{sys.executable} -m assistant index --quiet
{sys.executable} -m assistant ask '天河区PM2.5是多少' > {tmp_path}/answer.txt
{sys.executable} serve.py --port {port} > {tmp_path}/serve.log 2>&1 &
pid=$!
for i in $(seq 1 120); do
  if {sys.executable} -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:{port}/', timeout=1)" 2>/dev/null; then
    echo up > {tmp_path}/up.txt; break; fi
  sleep 0.5
done
kill $pid
"""
    out = subprocess.run(["unshare", "-n", "bash", "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=400)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "22" in (tmp_path / "answer.txt").read_text(encoding="utf-8")
    assert (tmp_path / "up.txt").exists(), (tmp_path / "serve.log").read_text(encoding="utf-8")[-2000:]
