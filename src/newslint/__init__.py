"""newslint — an editorial quality linter for Chinese news text."""
__version__ = "0.1.0"

from .finding import CATEGORIES, SEVERITIES, Finding, Fix, Location, Rule  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402

__all__ = ["__version__", "hookimpl", "Rule", "Finding", "Fix", "Location", "CATEGORIES", "SEVERITIES"]
