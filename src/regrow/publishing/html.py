"""User HTML is sanitised with nh3 (Ammonia): on save, and again when it is shown.

The sanitiser is shared with the apps below publishing (a Transfer Plan's text is written in the
same editor): it lives in lib/richtext.py.
"""

from regrow.lib.richtext import (  # noqa: F401 - publishing's names for them
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    URL_SCHEMES,
    clean_html,
    plain_text,
)
