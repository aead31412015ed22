"""A local HTTP server that speaks OpenAI's /v1/chat/completions, with replies a test scripts.

The real langchain-openai client talks to it over loopback, so its request building, tool-call parsing and
error handling all run. Each scripted reply is one of:
  Reply(content="…")                     an assistant message
  Reply(tool=("lookup_figure", {...}))   a tool call (arguments sent as JSON)
  Reply(tool=("lookup_figure", "{bad"))  a tool call whose arguments are not valid JSON
  Reply(status=500)                      a server error
  Reply(delay=5.0, content="…")          an answer that arrives too late
Every request body is recorded in `requests`.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    content: str = ""
    tool: tuple[str, object] | None = None
    status: int = 200
    delay: float = 0.0


class OpenAIStub:
    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.requests: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                stub.requests.append(body)
                reply = stub.replies.pop(0) if stub.replies else Reply(status=500)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.status != 200:
                    self._send(reply.status, {"error": {"message": "scripted failure", "type": "server_error"}})
                    return
                message: dict = {"role": "assistant", "content": reply.content or None}
                if reply.tool:
                    name, args = reply.tool
                    message["tool_calls"] = [{"id": f"call_{len(stub.requests)}", "type": "function", "function": {
                        "name": name, "arguments": args if isinstance(args, str) else json.dumps(args, ensure_ascii=False)}}]
                self._send(200, {
                    "id": f"chatcmpl-{len(stub.requests)}", "object": "chat.completion", "created": int(time.time()),
                    "model": body.get("model", "stub"),
                    "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if reply.tool else "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

            def _send(self, status: int, payload: dict) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def enqueue(self, *replies: Reply) -> OpenAIStub:
        self.replies.extend(replies)
        return self

    def __enter__(self) -> OpenAIStub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
