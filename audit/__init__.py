"""mtaudit: finds machine-translation tells in English news copy and scores its readability and fidelity.

    from audit import Options, run
    report = run(["drafts/"], Options(fail_on="major"))
    for finding in report.findings: ...

    from audit import audit_text
    report = audit_text(text)            # one text, default settings

    for file_report in audit_many({"id": i, "text": t} for i, t in rows):   # a stream, as it goes
        ...
"""

from .config import Config
from .engine import RuleSet
from .finding import CATEGORIES, SEVERITIES, Finding
from .report import FileReport, Report
from .runner import Options, Text, UsageError, audit_file, audit_many, audit_text, run
from .scoring.model import Scores
from .streaming import Article
from .version import __version__

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
