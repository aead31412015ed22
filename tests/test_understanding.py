"""Every example corpus in tests/corpus/*.yaml (cf. Duckling's Corpus.hs and negativeCorpus): phrasings grouped
by what they must give, and negative groups whose phrasings must not give it. A new rule arrives with at least
three differently worded examples, and every corpus holds at least one negative group."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.normalize import normalize
from assistant.parse import clean, parse
from assistant.planner import claim_figures

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(CORPUS.glob("*.yaml"))


def _groups():
    for path in FILES:
        for group in yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]:
            yield path.stem, group


def _cases():
    for stem, group in _groups():
        for phrasing in group["phrasings"]:
            label = phrasing if isinstance(phrasing, str) else " / ".join(phrasing)
            yield pytest.param(group, phrasing, id=f"{stem}:{'not:' if group.get('negative') else ''}{label[:40]}")


def observe(assistant, phrasing, keys: set[str]) -> dict:
    """What the pipeline gives for a phrasing, computed only as far as the expected keys need."""
    lex = assistant.lexicon
    if not isinstance(phrasing, str):  # a conversation: the last turn is observed
        a = assistant.ask_turns(phrasing)
        return {"answer": a.text, "status": a.status, "verdict": a.verdict}
    norm = normalize(clean(phrasing, 2000), lex)
    q = parse(norm.parts[0], lex)
    seen = {"note": "；".join(norm.notes), "claim": norm.is_claim, "text": norm.text, "parts": len(norm.parts),
            "intent": q.intent, "years": list(q.years), "indicators": list(q.indicators),
            "indicator_count": len(q.indicators)}
    if "figures" in keys:
        seen["figures"] = [[n, cmp] for n, _, cmp in claim_figures(q, lex)]
    if "rank_side" in keys:
        seen["rank_side"] = assistant.rules._rank_side(q)
    if keys & {"answer_has", "answer_lacks", "status", "verdict"}:
        a = assistant.ask(phrasing)
        seen.update(answer=a.text, status=a.status, verdict=a.verdict)
    return seen


def holds(key: str, want, seen: dict) -> bool:
    if key == "note":
        return want in seen["note"]
    if key == "text_has":
        return want in seen["text"]
    if key == "answer_has":
        return all(w in seen["answer"] for w in ([want] if isinstance(want, str) else want))
    if key == "answer_lacks":
        return not any(w in seen["answer"] for w in ([want] if isinstance(want, str) else want))
    if key == "figures":
        return [[float(n), c] for n, c in want] == seen["figures"]
    return seen[key] == want


@pytest.mark.parametrize("group,phrasing", list(_cases()))
def test_example_corpus(assistant, group, phrasing):
    want = group["expect"]
    seen = observe(assistant, phrasing, set(want))
    results = {k: holds(k, v, seen) for k, v in want.items()}
    if group.get("negative"):
        assert not all(results.values()), f"{group['rule']}: must not give {want}; got {seen}"
    else:
        assert all(results.values()), f"{group['rule']}: want {want}; got {seen}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_rule_has_three_phrasings_and_every_corpus_a_negative(path):
    groups = yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]
    assert all(len(g["phrasings"]) >= 3 for g in groups), [g["rule"] for g in groups if len(g["phrasings"]) < 3]
    assert any(g.get("negative") for g in groups), f"{path.name} has no negative group"
