"""mtaudit: finds machine-translation tells in English news copy and scores its readability and fidelity.

    from audit import Options, run
    report = run(["drafts/"], Options(fail_on="major"))
    for finding in report.findings: ...

    from audit import audit_text
    report = audit_text(text)            # one text, default settings
"""

from .config import Config
from .engine import RuleSet
from .finding import CATEGORIES, SEVERITIES, Finding
from .report import FileReport, Report
from .runner import Options, Text, UsageError, audit_file, audit_text, run
from .scoring.model import Scores
from .version import __version__

__all__ = [
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
    "audit_text",
    "run",
]
