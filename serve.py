"""Start the app: python serve.py [--host 127.0.0.1] [--port 7860]. Builds the index first if it is missing."""

from __future__ import annotations

import argparse
import sys

import assistant  # noqa: F401  (telemetry off before gradio is imported)


def main() -> int:
    parser = argparse.ArgumentParser(description="广州生态环境公报问答助手")
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认只在本机）")
    parser.add_argument("--port", type=int, default=7860)
    args = parser.parse_args()
    from assistant.core import Assistant
    from assistant.index import IndexUnavailable
    from assistant.tables import TableError
    from assistant.ui import CSS, THEME, build_app

    try:
        app = build_app(Assistant())
    except (IndexUnavailable, TableError) as exc:
        print(f"无法启动：{exc}", file=sys.stderr)
        return 1
    app.queue(default_concurrency_limit=4).launch(server_name=args.host, server_port=args.port, share=False,
                                                  show_error=False, theme=THEME, css=CSS, footer_links=["api"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
