"""The popups app's writes, by area: the round itself, the units it offers, applications,
the jury."""

from regrow.popups.services.applications import (  # noqa: F401
    application_save,
    application_submit,
    application_withdraw,
    document_add,
    document_remove,
    fit_refusal,
    window_refusal,
)
from regrow.popups.services.jury import (  # noqa: F401
    conflict_declare,
    juror_assign,
    juror_in,
    juror_remove,
    scores_save,
)
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
