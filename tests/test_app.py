"""End to end: the real app in a subprocess, driven by gradio_client and by headless Debian Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.procs import free_port, require, start_app, stop, wait_for

ROOT = Path(__file__).resolve().parents[1]
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "artifacts" / "screenshots"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def app_url(settings, built_index, tmp_path_factory):
    port = free_port()
    corpus = tmp_path_factory.mktemp("app") / "corpus"  # uploads go here, never into the repository's corpus
    shutil.copytree(ROOT / "corpus", corpus)
    proc = start_app(port, ASSISTANT_INDEX=str(settings.index_dir), ASSISTANT_CORPUS=str(corpus))
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(url, proc)
    except (RuntimeError, TimeoutError) as exc:
        stop(proc)
        pytest.fail(str(exc))
    yield url
    stop(proc)


def test_gradio_client_ask_and_fact_check(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    answer = client.predict("天河区PM2.5年均浓度是多少？", api_name="/ask")
    assert answer["status"] == "answered" and "22" in answer["answer"] and answer["citations"]
    checks = client.predict("2024年广州PM2.5平均浓度为23微克/立方米，空气质量达标344天。", api_name="/fact_check")
    assert checks[0]["verdict"] == "refuted" and "21" in checks[0]["answer"]
    assert client.predict("", api_name="/ask")["status"] == "invalid"


@pytest.fixture(scope="module")
def page(app_url):
    chromium = require(CHROMIUM, "Debian chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        pg = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        outside: list[str] = []
        pg.on("request", lambda r: outside.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", "localhost", None)
              and not r.url.startswith(("data:", "blob:")) else None)
        pg.goto(app_url, wait_until="load")
        pg.wait_for_selector("#question textarea", timeout=60000)
        pg.outside_requests = outside
        yield pg
        browser.close()


def test_chat_shows_answer_and_evidence(page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#question textarea").fill("天河区PM2.5年均浓度是多少？")
    page.locator("#send").click()
    page.wait_for_function("document.querySelector('#evidence').innerText.includes('天河区')", timeout=30000)
    page.wait_for_timeout(1500)  # let the streamed answer finish
    assert "22" in page.locator("#chat").inner_text()
    evidence = page.locator("#evidence")
    assert "图4" in evidence.inner_text() and evidence.locator("mark").count() >= 1
    page.screenshot(path=str(SHOTS / "chat.png"), full_page=True)


def test_follow_up_and_clear(page):
    page.locator("#question textarea").fill("那PM10呢？")
    page.locator("#send").click()
    page.wait_for_function("document.querySelector('#chat').innerText.includes('38')", timeout=30000)
    page.locator("#clear").click()
    page.wait_for_function("!document.querySelector('#chat').innerText.includes('38')", timeout=10000)


def test_fact_check_desk(page):
    page.get_by_role("tab", name="核查").click()
    page.locator("#passage textarea").fill("2024年广州PM2.5平均浓度为23微克/立方米，空气质量达标344天。")
    page.locator("#run-check").click()
    page.wait_for_function("document.querySelector('#check-table').innerText.includes('不符')", timeout=30000)
    assert "344" in page.locator("#check-text textarea").input_value()
    page.screenshot(path=str(SHOTS / "fact-check.png"), full_page=True)


def test_data_tab_charts_with_gradio_plots(page):
    page.get_by_role("tab", name="数据").click()
    page.wait_for_function("document.querySelector('#chart-caption').innerText.includes('国家标准限值 35')",
                           timeout=30000)
    page.wait_for_selector("#bar-chart canvas, #bar-chart svg", timeout=30000)  # Gradio's own BarPlot (Vega)
    page.wait_for_selector("#line-chart canvas, #line-chart svg", timeout=30000)
    assert "统计量" in page.locator("#data-table").inner_text() and "同比" in page.locator("#data-table").inner_text()
    page.screenshot(path=str(SHOTS / "data.png"), full_page=True)


def test_library_tab_uploads_a_bulletin_usable_at_once(page, tmp_path):
    page.get_by_role("tab", name="资料").click()
    wrong = tmp_path / "notes.docx"
    wrong.write_bytes(b"PK")
    page.locator("#upload input[type=file]").set_input_files(str(wrong))
    page.locator("#add").click()
    page.wait_for_function("document.querySelector('#add-status').innerText.includes('不支持的文件类型')", timeout=30000)
    assert "guangzhou-2024" in page.locator("#library-table").inner_text()
    page.reload(wait_until="load")  # a fresh upload box
    page.wait_for_selector("#question textarea", timeout=60000)
    page.get_by_role("tab", name="资料").click()
    page.locator("#upload input[type=file]").set_input_files(str(ROOT / "tests" / "docs" / "foshan-2024-03.txt"))
    page.locator("#add").click()
    page.wait_for_function("document.querySelector('#add-status').innerText.includes('已添加')", timeout=120000)
    assert "foshan-2024-03" in page.locator("#library-table").inner_text()
    page.screenshot(path=str(SHOTS / "library.png"), full_page=True)
    page.get_by_role("tab", name="问答").click()
    page.locator("#question textarea").fill("2024年3月佛山市南海区PM10浓度是多少？")
    page.locator("#send").click()
    page.wait_for_function("document.querySelector('#evidence').innerText.includes('南海区')", timeout=30000)


def test_gradio_client_add_endpoint(app_url, tmp_path):
    from gradio_client import Client, handle_file

    client = Client(app_url, verbose=False)
    bad = tmp_path / "slides.pptx"
    bad.write_bytes(b"PK")
    refused = client.predict(handle_file(str(bad)), "", "", "", "", api_name="/add")
    assert refused["status"] == "invalid" and "不支持的文件类型" in refused["message"]
    added = client.predict(handle_file(str(ROOT / "tests" / "docs" / "zhejiang-2023-07.html")), "", "", "", "",
                           api_name="/add")
    assert added["status"] == "added" and added["facts"] > 50
    answer = client.predict("2023年7月宁波市的优良天数比率是多少？", api_name="/ask")
    assert "90.3" in answer["answer"] and answer["citations"][0]["source"] == added["title"]


def test_no_request_leaves_the_machine(page):
    assert page.outside_requests == [], page.outside_requests
