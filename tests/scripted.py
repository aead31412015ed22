"""A chat model whose replies a test queues, and which records what it was asked (cf. simonw/llm MockModel)."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field


class ScriptedChatModel(BaseChatModel):
    replies: list[AIMessage] = Field(default_factory=list)
    asked: list[list[BaseMessage]] = Field(default_factory=list)

    def enqueue(self, *replies: AIMessage) -> ScriptedChatModel:
        self.replies.extend(replies)
        return self

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedChatModel:
        return self

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any) -> ChatResult:
        self.asked.append(list(messages))
        if not self.replies:
            raise RuntimeError("no scripted reply left")
        return ChatResult(generations=[ChatGeneration(message=self.replies.pop(0))])

    @property
    def _llm_type(self) -> str:
        return "scripted"


def tool_call(name: str, args: dict, call_id: str = "c1") -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": call_id, "type": "tool_call"}])
