"""Self-consistency of the claim check: what the bulletin itself says, put up as claims, must never be refuted.

    python benchmarks/self_claims.py

* figures: every curated value and year-on-year change, claimed with its year, place and indicator;
* clauses: every prose clause of the structured text (8-90 characters, split at 。 and ；), claimed word for word.

Reports how many were refuted (each one a true claim called false), and lists them. Results:
benchmarks/results/self_claims.json. A reported number, not a test: tests/test_answer.py holds the figures part.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from assistant.config import Settings
    from assistant.core import Assistant
    from assistant.planner.sentence_check import units

    a = Assistant(Settings())
    b = a.bulletins[Settings().bulletin]
    figures, clauses = b.box.stated_claims(), []
    for line in (b.folder / "structured.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        clauses += [f"核实：{u}" for u in units(line) if 8 <= len(u) <= 90 and not re.match(r"(图|表|注)", u)]
    result = {}
    for kind, claims in (("figures", figures), ("clauses", clauses)):
        verdicts = {c: a.ask(c).verdict for c in claims}
        refuted = [c for c, v in verdicts.items() if v == "refuted"]
        result[kind] = {"claims": len(claims), "supported": sum(v == "supported" for v in verdicts.values()),
                        "unverifiable": sum(v == "unverifiable" for v in verdicts.values()), "refuted": len(refuted),
                        "refuted_claims": refuted}
        print(kind, {k: v for k, v in result[kind].items() if k != "refuted_claims"})
    (HERE / "results" / "self_claims.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
