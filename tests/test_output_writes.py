"""How a report reaches its target (audit/output.py): in batches rather than a write per rendered
piece, the part already rendered written out when rendering fails, a file target left as it was."""

from __future__ import annotations

import io

import pytest

from audit.output import BATCH_CHARS, OutputError, batches, write_report


class CountingStream(io.TextIOBase):
    """A text stream over a binary one that counts the writes reaching the binary one."""

    def __init__(self) -> None:
        self.buffer = CountingBinary()

    def write(self, text: str) -> int:
        return self.buffer.write(text.encode("utf-8"))


class CountingBinary(io.RawIOBase):
    def __init__(self) -> None:
        self.data = bytearray()
        self.writes = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.writes += 1
        self.data += data
        return len(data)


LONE_SURROGATE = "\ud83d"  # escaped when encoded, not an error


def pieces(count: int, fail_after: int | None = None):
    for index in range(count):
        if fail_after is not None and index == fail_after:
            raise RuntimeError("the renderer failed")
        yield f"piece {index}, \u201cquoted\u201d {LONE_SURROGATE if index == 3 else ''}\n"


def test_many_pieces_reach_standard_output_in_a_few_writes(monkeypatch):
    stream = CountingStream()
    monkeypatch.setattr("sys.stdout", stream)
    write_report(pieces(20_000), None)
    expected = "".join(pieces(20_000)).encode("utf-8", "backslashreplace")
    assert bytes(stream.buffer.data) == expected  # the lone surrogate escaped, as piece by piece
    assert stream.buffer.writes <= len(expected) // BATCH_CHARS + 1


def test_what_was_rendered_before_a_failure_is_written(monkeypatch):
    stream = CountingStream()
    monkeypatch.setattr("sys.stdout", stream)
    with pytest.raises(RuntimeError):
        write_report(pieces(100, fail_after=40), None)
    assert bytes(stream.buffer.data) == "".join(pieces(40)).encode("utf-8", "backslashreplace")


def test_a_file_target_keeps_its_old_content_when_rendering_fails(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("yesterday's report\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_report(pieces(20_000, fail_after=19_000), str(target))
    assert target.read_text(encoding="utf-8") == "yesterday's report\n"
    write_report(pieces(20_000), str(target))
    assert target.read_bytes() == "".join(pieces(20_000)).encode("utf-8", "backslashreplace")


def test_batches_join_pieces_to_the_size_and_lose_nothing():
    joined = list(batches(["ab"] * 10, size=5))
    assert joined == ["ababab"] * 3 + ["ab"]
    assert list(batches([], size=5)) == []


def test_batches_give_out_what_came_before_a_failing_piece():
    def rendered():
        yield "head,"
        yield "body,"
        raise ValueError("renderer failed")

    joined = batches(rendered(), size=1_000)
    assert next(joined) == "head,body,"
    with pytest.raises(ValueError, match="renderer failed"):
        next(joined)


def test_a_failing_renderer_leaves_the_part_rendered_on_standard_output(capsys):
    def rendered():
        yield "kept"
        raise ValueError("renderer failed")

    with pytest.raises(ValueError):
        write_report(rendered(), None)
    assert capsys.readouterr().out == "kept"


def test_an_unwritable_target_is_one_error(tmp_path):
    with pytest.raises(OutputError):
        write_report(["x"], str(tmp_path / "missing" / "report.txt"))
