"""audit.dask on a two-worker distributed.LocalCluster gives exactly the serial results, the rule set
compiled once per worker (the dask extra: pip install '.[dask]')."""

from __future__ import annotations

import json

import pytest

from audit import Options, audit_many
from audit.streaming import article_dict

from .conftest import SEEDS

REASON = "the dask extra is not installed (pip install '.[dask]')"
dask_bag = pytest.importorskip("dask.bag", reason=REASON)
dask_dataframe = pytest.importorskip("dask.dataframe", reason=REASON)
distributed = pytest.importorskip("distributed", reason=REASON)
pandas = pytest.importorskip("pandas", reason=REASON)
pytest.importorskip("pyarrow", reason=REASON)

from audit.dask import audit_bag, audit_frame, to_jsonl  # noqa: E402


def _articles() -> list[dict[str, str]]:
    seeds = [{"id": s.name, "text": s.read_text(encoding="utf-8")} for s in sorted(SEEDS.glob("*.txt"))]
    made = [
        {"id": "talks.md", "text": "# Talks in kyiv\n\nThe talks began on Monday.\n\nLeave a Reply\n"},
        {"id": "empty.txt", "text": ""},
        {"id": "ref.txt", "text": "Headline\n\nOfficials said 12 people were hurt on Monday.\n",
         "reference": "Headline\n\nOfficials said 15 people were hurt on Monday.\n"},
    ]
    return seeds + made


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            yield client


def test_two_workers_give_the_serial_results(client, tmp_path):
    rows = _articles()
    options = Options(signals=True)
    serial = [article_dict(report, signals=True) for report in audit_many(rows, options)]
    bag = dask_bag.from_sequence(rows, npartitions=4)
    results = audit_bag(bag, options).persist()  # audited once on the workers: compared, then written
    assert results.compute() == serial
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    ran = client.run(lambda: __import__("audit.engine").engine._load_packs.cache_info().misses)
    assert sorted(ran.values()) == [1, 1]  # each worker compiled (or loaded) its one rule set once

    to_jsonl(results, str(tmp_path / "out" / "*.jsonl"))
    written = [json.loads(line) for path in sorted((tmp_path / "out").glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines()]
    assert written == serial

    frame = dask_dataframe.from_pandas(pandas.DataFrame(rows), npartitions=3)
    audited = audit_frame(frame, options, reference_column="reference")
    audited.to_parquet(str(tmp_path / "parquet"))
    table = pandas.read_parquet(tmp_path / "parquet").sort_index()
    assert [json.loads(line) for line in table["report"]] == serial
    assert list(table["id"]) == [row["id"] for row in rows]
    assert list(table["verdict"]) == [line.get("verdict") for line in serial]
    assert list(table["findings"]) == [len(line["findings"]) for line in serial]
    assert "FID-NUMBER-MISMATCH" in table["report"].iloc[-1]
