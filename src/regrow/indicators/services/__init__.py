"""Writes to indicators' observations: imports (a preview, then all or nothing) and single values.

Callers use this package's names; previews of uploads are kept as the register keeps its own
(premises' preview storage, cleared by `regrow clear_import_previews`).
"""

from regrow.indicators.services.choices import public_indicators_choose
from regrow.indicators.services.edits import observation_record
from regrow.indicators.services.imports import (
    ImportConflict,
    ImportOptions,
    ImportPreview,
    observations_preview,
)
from regrow.indicators.services.writing import observations_import

__all__ = [
    "ImportConflict",
    "ImportOptions",
    "ImportPreview",
    "observation_record",
    "observations_import",
    "observations_preview",
    "public_indicators_choose",
]
