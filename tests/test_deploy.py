"""The README's deployment recipe, run for real: one Chroma server, two app processes, deploy/nginx.conf."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import procs

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    nginx_bin = procs.require(NGINX, "Debian nginx")
    tmp = tmp_path_factory.mktemp("deploy")
    corpus = tmp / "corpus"  # one corpus folder all processes share: a bulletin added through one is seen by all
    shutil.copytree(ROOT / "corpus", corpus)
    with procs.chroma_server(tmp / "chroma") as (chroma, chroma_port):
        env = {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(chroma_port), "ASSISTANT_CORPUS": str(corpus)}
        ports = [procs.free_port(), procs.free_port()]
        logs = [tmp / f"app-{p}.log" for p in ports]
        # Both start at once against an empty server: both build an index, neither may break the other.
        apps = [procs.start_app(p, log, **env) for p, log in zip(ports, logs, strict=True)]
        nginx = None
        try:
            for p, a, log in zip(ports, apps, logs, strict=True):
                procs.wait_for(f"http://127.0.0.1:{p}/", a, timeout=300, log=log)
            proxy_port = procs.free_port()
            conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
            conf = (conf.replace("127.0.0.1:7861", f"127.0.0.1:{ports[0]}")
                    .replace("127.0.0.1:7862", f"127.0.0.1:{ports[1]}")
                    .replace("listen 127.0.0.1:8080", f"listen 127.0.0.1:{proxy_port}"))
            prefix = tmp / "nginx"
            (prefix / "logs").mkdir(parents=True)
            (prefix / "nginx.conf").write_text(conf, encoding="utf-8")
            nginx = subprocess.Popen([nginx_bin, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            url = f"http://127.0.0.1:{proxy_port}/"
            procs.wait_for(url, nginx, timeout=30)
            yield {"url": url, "proxy_port": proxy_port, "ports": ports, "apps": apps, "logs": logs, "env": env,
                   "access_log": prefix / "logs" / "access.log"}
        finally:
            if nginx is not None:
                procs.stop(nginx)
            for a in apps:
                procs.stop(a)


def _upstreams(access_log: Path) -> dict[str, set[int]]:
    """client address → the app ports nginx sent it to."""
    seen: dict[str, set[int]] = {}
    for line in access_log.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\S+) .* upstream=127\.0\.0\.1:(\d+)", line)
        if m:
            seen.setdefault(m.group(1), set()).add(int(m.group(2)))
    return seen


def test_questions_and_fact_checks_through_the_proxy(cluster):
    from gradio_client import Client

    client = Client(cluster["url"], verbose=False)
    answer = client.predict("天河区PM2.5年均浓度是多少？", api_name="/ask")
    assert answer["status"] == "answered" and "22" in answer["answer"] and answer["citations"]
    checks = client.predict("2024年广州PM2.5平均浓度为23微克/立方米。", api_name="/fact_check")
    assert checks[0]["verdict"] == "refuted" and "21" in checks[0]["answer"]


def test_clients_are_spread_over_the_processes_and_stay_on_one(cluster):
    for last in range(2, 40):  # 127.0.0.0/8 is all loopback: each source address is another client
        conn = http.client.HTTPConnection("127.0.0.1", cluster["proxy_port"], timeout=30,
                                          source_address=(f"127.0.0.{last}", 0))
        for _ in range(2):
            conn.request("GET", "/config")
            assert conn.getresponse().read()
        conn.close()
    seen = _upstreams(cluster["access_log"])
    assert set().union(*seen.values()) == set(cluster["ports"])  # both processes take clients
    assert all(len(ports) == 1 for ports in seen.values())  # and each client stays with one (sticky)


def test_reindex_while_serving_moves_running_processes_to_the_new_index(cluster):
    from gradio_client import Client

    env = {**os.environ, **cluster["env"]}
    for _ in range(2):  # the second rebuild deletes the collection the apps opened at startup
        out = subprocess.run([sys.executable, "-m", "assistant", "index", "--quiet"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
    for port in cluster["ports"]:  # each process, directly
        answer = Client(f"http://127.0.0.1:{port}/", verbose=False).predict("近岸海域浮游植物主要优势种有哪些？",
                                                                          api_name="/ask")
        assert "骨条藻" in answer["answer"]
    for log in cluster["logs"]:
        assert "暂以关键词检索" not in log.read_text(encoding="utf-8")  # dense search kept working, no fallback


def test_a_bulletin_added_through_one_process_is_answered_by_the_other(cluster):
    """The recipe keeps the corpus in one shared folder and the vectors in the one Chroma server: `add` through
    one app process, and the other answers from the new bulletin on its next question, without a restart."""
    from gradio_client import Client, handle_file

    first, second = (Client(f"http://127.0.0.1:{port}/", verbose=False) for port in cluster["ports"])
    assert second.predict("2023年7月宁波市PM2.5是多少？", api_name="/ask")["status"] == "not_found"
    added = first.predict(handle_file(str(ROOT / "tests" / "docs" / "zhejiang-2023-07.html")), "", "", "", "",
                          api_name="/add")
    assert added["status"] == "added" and added["id"] == "zhejiang-2023-07"
    answer = second.predict("2023年7月宁波市PM2.5是多少？", api_name="/ask")
    assert answer["status"] == "answered" and "15" in answer["answer"]
    assert answer["citations"][0]["source"] == added["title"]


def test_a_process_that_dies_is_skipped(cluster):
    from gradio_client import Client

    serving = _upstreams(cluster["access_log"]).get("127.0.0.1", {cluster["ports"][0]})
    victim = cluster["apps"][cluster["ports"].index(next(iter(serving)))]
    victim.kill()
    victim.wait()
    answer = Client(cluster["url"], verbose=False).predict("2024年广州市PM10平均浓度是多少？", api_name="/ask")
    assert answer["status"] == "answered" and "37" in answer["answer"]
