"""mtaudit: finds machine-translation tells in English news copy and scores its readability and fidelity.

    from audit import Options, run
    report = run(["drafts/"], Options(fail_on="major"))
    for finding in report.findings: ...

    from audit import audit_text
    report = audit_text(text)            # one text, default settings

    for file_report in audit_many({"id": i, "text": t} for i, t in rows):   # a stream, as it goes
        ...
"""

from .version import __version__

# The names the package offers, by the module that defines them: imported when first used, so that
# `import audit` (and `mtaudit --version`) does not load the engine and its rules.
_EXPORTS = {
    "Config": "config",
    "RuleSet": "engine",
    "CATEGORIES": "finding",
    "SEVERITIES": "finding",
    "Finding": "finding",
    "FileReport": "report",
    "Report": "report",
    "Options": "runner",
    "Text": "runner",
    "UsageError": "runner",
    "audit_file": "runner",
    "audit_many": "runner",
    "audit_text": "runner",
    "run": "runner",
    "Scores": "scoring.model",
    "Article": "streaming",
}

TYPE_CHECKING = False  # typing's flag without importing typing (type checkers take it as true)
if TYPE_CHECKING:
    from .config import Config
    from .engine import RuleSet
    from .finding import CATEGORIES, SEVERITIES, Finding
    from .report import FileReport, Report
    from .runner import Options, Text, UsageError, audit_file, audit_many, audit_text, run
    from .scoring.model import Scores
    from .streaming import Article


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'audit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Article",
    "CATEGORIES",
    "SEVERITIES",
    "Config",
    "FileReport",
    "Finding",
    "Options",
    "Report",
    "RuleSet",
    "Scores",
    "Text",
    "UsageError",
    "__version__",
    "audit_file",
    "audit_many",
    "audit_text",
    "run",
]
