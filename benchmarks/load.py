"""Load test on loopback only, bounded in count and time.

1. Starts the app (serve.py) on 127.0.0.1, sends --questions (default 200) from --clients (default 20)
   concurrent gradio_client clients, reports throughput, p50/p95 latency and errors.
2. Runs the batch CLI over --batch (default 1000) questions and reports the same.

    python benchmarks/load.py [--questions 200] [--clients 20] [--batch 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
TIME_LIMIT_S = 600


def questions() -> list[str]:
    items = [json.loads(x) for x in open(DEV, encoding="utf-8") if x.strip()]
    return [i["question"] for i in items if i.get("question")]


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return round(v[int(p * (len(v) - 1))], 1)


def app_load(n: int, clients: int) -> dict:
    from gradio_client import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tempfile.NamedTemporaryFile(prefix="load-serve-", suffix=".log", delete=False)
    proc = subprocess.Popen([sys.executable, "serve.py", "--port", str(port)], cwd=ROOT,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url, timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        qs = questions()
        work = [qs[i % len(qs)] for i in range(n)]
        pool = [Client(url, verbose=False) for _ in range(clients)]
        latencies, errors = [], []
        deadline = time.time() + TIME_LIMIT_S

        def one(i: int) -> None:
            if time.time() > deadline:
                errors.append("time limit")
                return
            t = time.perf_counter()
            try:
                out = pool[i % clients].predict(work[i], api_name="/ask")
                if out.get("status") not in ("answered", "not_found", "invalid"):
                    errors.append(f"bad status {out.get('status')}")
            except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
                errors.append(repr(exc)[:200])
            latencies.append((time.perf_counter() - t) * 1000)

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as ex:
            list(ex.map(one, range(n)))
        wall = time.perf_counter() - started
        return {"requests": n, "clients": clients, "seconds": round(wall, 2), "throughput_rps": round(n / wall, 1),
                "p50_ms": pct(latencies, 0.5), "p95_ms": pct(latencies, 0.95), "errors": len(errors),
                "error_samples": errors[:3], "server_log": log.name if errors else None}
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def batch_load(n: int) -> dict:
    qs = questions()
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        src.write_text("".join(json.dumps({"id": i, "question": qs[i % len(qs)]}, ensure_ascii=False) + "\n"
                               for i in range(n)), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "ask", "--batch", str(src), "--out", str(dst)], cwd=ROOT,
                       check=True, timeout=TIME_LIMIT_S, env=os.environ)
        wall = time.perf_counter() - started
        rows = [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()]
    lat = [r["latency_ms"] for r in rows]
    bad = sum(1 for r in rows if r["status"] not in ("answered", "not_found", "invalid"))
    return {"questions": n, "lines_out": len(rows), "seconds_incl_startup": round(wall, 2),
            "throughput_qps": round(n / wall, 1), "p50_ms": pct(lat, 0.5), "p95_ms": pct(lat, 0.95),
            "errors": bad + (n - len(rows))}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--batch", type=int, default=1000)
    args = ap.parse_args()
    report = {"machine": {"cpus": os.cpu_count()},
              "app": app_load(args.questions, args.clients), "batch": batch_load(args.batch)}
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    out = ROOT / "benchmarks" / "results" / "load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    return 0 if report["app"]["errors"] == 0 and report["batch"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
