"""The popups app's writes, by area: the round itself, and the units it offers."""

from regrow.popups.services.offers import (  # noqa: F401
    agreement_save,
    round_unit_add,
    round_unit_remove,
    round_unit_set_terms,
    validate_phases,
)
from regrow.popups.services.rounds import (  # noqa: F401
    criterion_add,
    criterion_remove,
    event_add,
    event_remove,
    require_coordinator,
    round_save,
    validate_round,
)
