"""Extraction quality, measured the way the project is judged: ``score.py`` on gold it may tune on.

Builds ``seeds/`` and the public dev sets, runs ``../shared/eval/score.py`` on each, and fails if a
figure drops more than 0.02 below its target (issue 3). Skipped when ``../shared`` is absent.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
SLACK = 0.02
PPO = "Person,Place,Organization"

pytestmark = pytest.mark.skipif(not SCORE.exists(), reason="../shared/eval/score.py not present")


def _build(texts: Path, out: Path) -> Path:
    r = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(texts), "-o", str(out), "-q"],
                       cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stderr
    return out / "graph.ttl"


def _score(graph: Path, texts: Path, gold: Path, types: str | None = None) -> dict:
    cmd = [sys.executable, str(SCORE), "--graph", str(graph), "--texts", str(texts), "--gold", str(gold),
           "--ontology", str(ROOT / "ontology"), "--json"]
    if types:
        cmd += ["--types", types]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def seeds_scores(tmp_path_factory):
    graph = _build(ROOT / "seeds", tmp_path_factory.mktemp("seeds"))
    gold = SHARED / "eval" / "gold" / "seeds-dev"
    return _score(graph, ROOT / "seeds", gold), _score(graph, ROOT / "seeds", gold, PPO)


def test_every_dev_document_is_found(seeds_scores):
    assert seeds_scores[0]["documents_missing"] == []


def test_seed_entities_person_place_organization(seeds_scores):
    assert seeds_scores[1]["entities"]["f1"] >= 0.90 - SLACK


def test_seed_entities_all_six_types(seeds_scores):
    assert seeds_scores[0]["entities"]["f1"] >= 0.80 - SLACK


def test_seed_relations(seeds_scores):
    rel = seeds_scores[0]["relations"]
    assert rel["f1"] >= 0.70 - SLACK
    assert (rel["role_accuracy"] or 0) >= 0.90 - SLACK


def test_seed_duplicates(seeds_scores):
    assert seeds_scores[0]["duplicate_rate"] <= 0.02 + SLACK


@pytest.mark.parametrize("name", ["msra-val", "pd-dev"])
def test_public_dev_sets_person_place_organization(name, tmp_path):
    data = SHARED / "data" / name
    graph = _build(data / "docs", tmp_path / "out")
    res = _score(graph, data / "docs", data / "gold", PPO)
    assert res["documents_missing"] == []
    assert res["entities"]["f1"] >= 0.85 - SLACK
