"""The LLM path over real HTTP: langchain-openai's client against a local /v1/chat/completions server whose
replies the test scripts. Tool calls run, the verifier checks every number, and every failure of the model
(a server error, a timeout, tool arguments that are not JSON, a figure with no evidence) ends in the built-in
planner's answer with a log line, never in an error for the user."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from tests.openai_stub import OpenAIStub, Reply

LOOKUP = ("lookup_figure", {"indicator": "PM2.5", "place": "全市", "year": 2024, "stat": "value"})


@pytest.fixture
def stub():
    with OpenAIStub() as server:
        yield server


@pytest.fixture
def ask(settings, built_index, stub):
    from assistant.core import Assistant

    llm_settings = dataclasses.replace(settings, llm_base_url=stub.base_url, llm_model="stub-model", llm_timeout=2)
    assistant = Assistant(llm_settings, build_if_missing=False)
    return assistant.ask


def has(text: str, figure: float) -> bool:
    from assistant.answer import numbers

    return any(abs(v - figure) < 1e-9 for v, _ in numbers(text))


def test_a_tool_call_and_a_cited_answer_go_through_the_real_client(ask, stub):
    stub.enqueue(Reply(tool=LOOKUP), Reply(content="2024年广州市PM2.5平均浓度为21微克/立方米[1]。"))
    a = ask("广州PM2.5是多少？")
    assert a.intent == "llm:value" and has(a.text, 21)
    assert a.citations and has(a.citations[0]["text"], 21)
    assert stub.requests[0]["model"] == "stub-model"
    assert any(t["function"]["name"] == "lookup_figure" for t in stub.requests[0]["tools"])
    tool_result = next(m for m in stub.requests[1]["messages"] if m["role"] == "tool")
    assert "21" in tool_result["content"]  # the tool really ran on the curated facts


def test_a_wrong_figure_is_sent_back_and_then_replaced(ask, stub, caplog):
    stub.enqueue(Reply(tool=LOOKUP), Reply(content="广州PM2.5为25微克/立方米[1]。"),
                 Reply(content="广州PM2.5为26微克/立方米[1]。"))
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        a = ask("广州PM2.5是多少？")
    assert has(a.text, 21) and not has(a.text, 25) and not has(a.text, 26)
    assert "25" in stub.requests[2]["messages"][-1]["content"]  # the model was told which number had no evidence
    assert "内置规划器" in caplog.text


@pytest.mark.parametrize("failure", [
    pytest.param([Reply(status=500)], id="server-error"),
    pytest.param([Reply(delay=4, content="太迟了")], id="timeout"),
    pytest.param([Reply(tool=("lookup_figure", '{"indicator": "PM2.5", "place": '))], id="malformed-tool-arguments"),
])
def test_a_failing_model_falls_back_to_the_planner_with_a_log_line(ask, stub, caplog, failure):
    stub.enqueue(*failure)
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        a = ask("2024年广州市PM2.5平均浓度是多少？")
    assert a.status == "answered" and has(a.text, 21) and a.citations
    assert not a.intent.startswith("llm:")
    assert "改用内置规划器" in caplog.text
