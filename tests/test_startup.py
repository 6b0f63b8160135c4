"""Start-up work left until it is needed: module-level patterns compiled when first used."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from audit.text.lazy import LazyRegex, lazy_compile

from .conftest import ROOT, SEEDS


def test_a_lazy_pattern_is_compiled_once_at_its_first_use_and_reads_as_the_pattern():
    made = []

    def compiler(pattern: str, flags: int) -> re.Pattern[str]:
        made.append(pattern)
        return re.compile(pattern, flags)

    words = LazyRegex(compiler, r"(?P<word>\w+)", re.IGNORECASE)
    assert made == []
    assert [m.group("word") for m in words.finditer("Two words")] == ["Two", "words"]
    assert words.pattern == r"(?P<word>\w+)" and words.flags & re.IGNORECASE and words.groupindex == {"word": 1}
    assert words.sub("-", "a b") == "- -" and made == [r"(?P<word>\w+)"]
    copied = pickle.loads(pickle.dumps(lazy_compile(r"\p{Lu}", 0, compiler=regex.compile)))
    assert isinstance(copied, LazyRegex) and "_compiled" not in copied.__dict__ and copied.findall("aBc") == ["B"]


def test_a_plain_one_file_lint_compiles_no_pattern_it_does_not_use():
    seed = str(SEEDS / "000_5fb1b673f4b7e9d3.txt")
    probe = "\n".join([
        "import contextlib, io",
        "from audit import cli, document, safe_text, suppression",
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):  # exit status 1: findings",
        f"    cli.cli.main(['lint', {seed!r}, '--no-scores'], standalone_mode=False)",
        "lazy = [suppression._DIRECTIVE, document._EMAIL, document._MD_FENCE, safe_text._TERMINAL_UNSAFE]",
        "print(['_compiled' in pattern.__dict__ for pattern in lazy])",
    ])
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.stdout.strip() == "[False, False, False, False]", result.stderr


def test_rules_from_the_cache_keep_their_examples_packed_until_read():
    from audit.config import Config
    from audit.engine import RuleSet

    rules = RuleSet.load(Config(scores=False)).all_rules
    copied = pickle.loads(pickle.dumps(rules))  # as the rule-set cache stores and loads them
    assert all("bad" not in rule.__dict__ and "_packed_examples" in rule.__dict__ for rule in copied)
    assert [(r.bad, r.good) for r in copied] == [(r.bad, r.good) for r in rules] and copied == rules
    assert all("_packed_examples" not in rule.__dict__ for rule in copied)
    assert pickle.loads(pickle.dumps(copied)) == rules  # packed again, read again


def test_the_shipped_compiled_patterns_cover_every_built_in_pattern_and_are_what_compiling_makes(tmp_path):
    """A cold build reads every built-in pattern and pack from audit/rules/precompiled.marshal; when this
    fails after a rule was edited, remake the file: python -m audit.precompile."""
    import marshal

    from audit.precompile import make
    from audit.rules import cache, precompiled

    made = tmp_path / "precompiled.marshal"
    make(made)
    fresh = marshal.loads(made.read_bytes())
    shipped = marshal.loads(precompiled.FILE.read_bytes())
    assert fresh["versions"] == precompiled.versions() and len(fresh["packs"]) > 10
    for table in ("regex", "re", "faster"):  # made with another regex or Python version (not pinned): not read
        if shipped["versions"][table] != fresh["versions"][table]:
            fresh[table] = {}
    for key, data in fresh["packs"].items():  # (marshal's bytes depend on which strings a process shares)
        assert marshal.loads(data) == marshal.loads(shipped["packs"][key])  # a KeyError: remake the file
    assert all(set(fresh[table]) <= set(shipped[table]) for table in ("regex", "re", "faster"))  # (timings differ)
    assert_regex_forms_shipped(fresh["regex"], shipped["regex"], precompiled.regex_compile)
    for (pattern, flags), state in fresh["re"].items():
        assert marshal.loads(shipped["re"][pattern, flags]) == marshal.loads(state)
        assert cache.stdlib_compile(precompiled.twin_state(pattern, flags)) == re.compile(pattern, flags)


def test_remaking_the_shipped_pattern_files_without_a_change_leaves_their_bytes_as_they_were(tmp_path):
    """python -m audit.precompile keeps what the files hold for unchanged patterns and packs and writes them
    in one form (`regex` codes some patterns differently in each process, and the timings differ): a
    remade file differs from the shipped one only where a source changed. When this fails after a rule or
    a module-level pattern was edited, remake the files."""
    import marshal
    import shutil

    from audit.precompile import make, make_shipped
    from audit.rules import precompiled
    from audit.text import shipped

    for made_by, path, versions in ((make, precompiled.FILE, precompiled.versions()),
                                    (make_shipped, shipped.FILE, shipped.versions())):
        if marshal.loads(Path(path).read_bytes())["versions"] != versions:  # regex and Python are not pinned
            pytest.skip(f"{path} was made for another regex or Python version: remaking it compiles anew")
        copy = tmp_path / Path(path).name
        shutil.copyfile(path, copy)
        made_by(copy)
        assert copy.read_bytes() == Path(path).read_bytes(), f"{path} is not what remaking it gives"


def test_the_shipped_module_patterns_cover_what_the_modules_compile_at_import_and_are_what_compiling_makes():
    """The patterns mtaudit's modules compile at import are made from audit/text/shipped.marshal; when this
    fails after a module-level pattern was edited, remake the file: python -m audit.precompile."""
    import _sre
    import marshal

    from audit.precompile import shipped_tables
    from audit.text import shipped

    fresh = shipped_tables()
    file = marshal.loads(shipped.FILE.read_bytes())
    assert fresh["versions"] == shipped.versions() and len(fresh["re"]) > 20 and len(fresh["regex"]) > 5
    if file["versions"]["re"] == fresh["versions"]["re"]:  # made with another Python: not read
        assert set(fresh["re"]) <= set(file["re"])  # a KeyError below, or this: remake the file
        for (pattern, flags), arguments in fresh["re"].items():
            assert file["re"][pattern, flags] == arguments
            assert _sre.compile(*arguments) == re.compile(pattern, flags) == shipped.compiled_re(pattern, flags)
    if file["versions"]["regex"] == fresh["versions"]["regex"]:
        assert set(fresh["regex"]) <= set(file["regex"])
        assert_regex_forms_shipped(fresh["regex"], file["regex"], shipped.compiled_regex)


def assert_regex_forms_shipped(fresh: dict, shipped: dict, compile_shipped) -> None:
    """Each `regex` form made now is the shipped one (its source, flags and groups: `regex` orders some
    sets by string hash in its code), and the pattern `compile_shipped` makes pickles as the shipped form."""
    import copyreg

    def source_flags_and_groups(state: tuple) -> tuple:
        return state[0], state[1], state[3], state[4], state[10]

    for (pattern, flags), state in fresh.items():
        assert source_flags_and_groups(shipped[pattern, flags]) == source_flags_and_groups(state)
        assert copyreg.dispatch_table[regex.Pattern](compile_shipped(pattern, flags))[1] == shipped[pattern, flags]


def test_the_shipped_dataclass_code_covers_the_package_s_classes_and_is_what_compiling_makes():
    """The methods `dataclasses` writes for mtaudit's classes are made from audit/text/dataclass_code.marshal;
    when this fails after a dataclass was edited, remake the file: python -m audit.precompile."""
    import dataclasses
    import marshal

    from audit.precompile import dataclass_code_table
    from audit.text import dataclass_code

    fresh = dataclass_code_table()
    file = marshal.loads(Path(dataclass_code.FILE).read_bytes())
    assert len(fresh["code"]) > 300
    if file["version"] == fresh["version"]:  # made with another Python: not read
        assert set(fresh["code"]) <= set(file["code"])  # else remake the file
        for text, code in fresh["code"].items():
            assert marshal.loads(file["code"][text]) == marshal.loads(code) == dataclass_code.compiled(text)
        assert file["docs"] == fresh["docs"]  # the docstrings `dataclasses` writes, as it writes them
        from audit.config import Config

        assert len(fresh["docs"]) > 20 and Config.__doc__ == fresh["docs"]["audit.config.Config"]
        assert Config.__doc__.startswith("Config(")

    @dataclass_code.dataclass(frozen=True)
    class Outside:  # a class of another package: compiled as usual, the same methods
        name: str = "x"

    assert repr(Outside()).endswith(".<locals>.Outside(name='x')")
    assert dataclasses.fields(Outside)[0].name == "name" and Outside() == Outside()


def test_precompile_refuses_an_unknown_argument_with_its_usage(capsys):
    from audit.precompile import main

    assert main(["--bogus"]) == 2
    assert capsys.readouterr().err == "usage: python -m audit.precompile [--fresh]\n"
