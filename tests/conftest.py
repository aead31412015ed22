"""Session fixtures for the expensive real things: one embedding model, one Chroma store in a tmpdir."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from assistant.config import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    return dataclasses.replace(Settings(), index_dir=tmp_path_factory.mktemp("index"), chroma_host=None)


@pytest.fixture(scope="session")
def embedder(settings):
    from assistant.embed import get_embedder

    return get_embedder(settings.embedder)


@pytest.fixture(scope="session")
def built_index(settings, embedder):
    from assistant.index import build_index

    return build_index(settings, embedder, progress=False)


@pytest.fixture(scope="session")
def assistant(settings, built_index):
    from assistant.core import Assistant

    return Assistant(settings, build_if_missing=False)


@pytest.fixture(scope="session")
def lexicon(settings):
    from assistant.lexicon import load_lexicon

    return load_lexicon(settings.corpus_dir, settings.bulletin_dir)


@pytest.fixture(scope="session")
def tables(settings):
    from assistant.tables import load_tables

    return load_tables(settings.bulletin_dir)


@pytest.fixture(scope="session")
def raw_text(settings) -> str:
    return (settings.bulletin_dir / "bulletin.txt").read_text(encoding="utf-8")
