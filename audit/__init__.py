"""mtaudit: finds machine-translation tells in English news copy and scores its readability and fidelity.

    from audit import audit_text
    report = audit_text(text)
    for finding in report.findings: ...
"""

from .config import Config
from .engine import FileReport, Report, RuleSet, audit_file, audit_paths, audit_text
from .finding import CATEGORIES, SEVERITIES, Finding

__version__ = "0.1.0"

__all__ = [
    "CATEGORIES",
    "SEVERITIES",
    "Config",
    "FileReport",
    "Finding",
    "Report",
    "RuleSet",
    "__version__",
    "audit_file",
    "audit_paths",
    "audit_text",
]
