"""What is wrong with an imported file, each problem at its row and field, all reported at once.

Readers are all-or-nothing: they check every row, collect every problem and raise ImportRejected,
so a person can fix the whole file in one go instead of one upload at a time.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

# Beyond this many, a broken file's problems are counted rather than listed: nobody reads more.
MAX_LISTED_PROBLEMS = 1000

# The field of a problem with the file as a whole (reported at row 0).
WHOLE_FILE = "file"


@dataclass(frozen=True)
class RowError:
    """One problem: its row (0 = the file as a whole), its column or property, and why."""

    row: int
    field: str
    message: str


class ImportRejected(Exception):
    """A file refused as a whole, with every problem found in it sorted by row and field."""

    def __init__(self, errors: list[RowError]):
        self.errors = sorted(errors, key=lambda error: (error.row, error.field))
        super().__init__(f"{len(self.errors)} problem(s) in the file")


class Invalid(ValueError):
    """A value that cannot be used; the message tells the person fixing the file why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def rejected(message: str, *, row: int = 0, field: str = WHOLE_FILE) -> ImportRejected:
    """A rejection for one problem, by default with the file as a whole."""
    return ImportRejected([RowError(row=row, field=field, message=message)])


class Problems:
    """Every problem found in a file, listing the first `max_listed` and counting the rest."""

    def __init__(self, max_listed: int = MAX_LISTED_PROBLEMS) -> None:
        self.max_listed = max_listed
        self.listed: list[RowError] = []
        self.unlisted = 0

    def __bool__(self) -> bool:
        return bool(self.listed or self.unlisted)

    def add(self, row: int, field: str, message: str) -> None:
        if len(self.listed) < self.max_listed:
            self.listed.append(RowError(row=row, field=field, message=message))
        else:
            self.unlisted += 1

    def raise_if_any(self) -> None:
        """Raise ImportRejected with the problems so far, if there are any."""
        if self.unlisted:
            self.listed.append(
                RowError(
                    row=0,
                    field=WHOLE_FILE,
                    message=_(
                        "Only the first %(listed)s problems are listed; %(more)s more were not. "
                        "Fix these and import the file again to see the rest."
                    )
                    % {"listed": len(self.listed), "more": self.unlisted},
                )
            )
            self.unlisted = 0
        if self.listed:
            raise ImportRejected(self.listed)
