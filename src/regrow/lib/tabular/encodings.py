"""Text files as spreadsheet programs save them: UTF-8, with or without a byte order mark, or the
Windows code page of the office (Windows-1257 in the Baltic states).

charset-normalizer was tried for the guess and not used: on a short Latvian register it scores
Windows-1257 and Windows-1252 alike and picks 1252 (“Tirgotâju iela”), and on Portuguese or
Italian text it picks 1257. Valid UTF-8 is almost never anything else, so we try that first and
then the code page the caller names, which a person can also choose.
"""

import codecs
import re

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import rejected

UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# C1 control characters never appear in real text: seeing them means a wrong decoding.
_C1_CONTROLS = re.compile(r"[\x80-\x9f]")

# Names a person may choose, as forms and command lines spell them, and the codec for each.
ENCODINGS = {
    "utf-8": "utf-8-sig",
    "utf8": "utf-8-sig",
    "windows-1257": "cp1257",
    "cp1257": "cp1257",
    "windows-1252": "cp1252",
    "cp1252": "cp1252",
}
_DISPLAY_NAMES = {"utf-8-sig": "UTF-8", "cp1257": "Windows-1257", "cp1252": "Windows-1252"}


def _cannot_read() -> str:
    return _(
        "The file is saved as UTF-16 or another encoding that cannot be read. Open it in your "
        "spreadsheet program and save it as “CSV UTF-8”."
    )


def decode_text(data: bytes, encoding: str = "auto", *, code_page: str = "cp1257") -> str:
    """File bytes as text, or ImportRejected telling the person how to save the file instead.

    `encoding` is "auto" (UTF-8, else `code_page`) or one of ENCODINGS; a UTF-8 byte order mark
    wins over any choice. UTF-16 is refused: CSV readers expect one byte per ASCII character.
    """
    if data.startswith(_UTF16_BOMS) or b"\x00" in data:
        raise rejected(_cannot_read())
    if encoding == "auto":
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass  # offices' spreadsheets save CSV in their Windows code page: try that next
        try:
            text = data.decode(code_page)
        except UnicodeDecodeError:
            raise rejected(_cannot_read()) from None
        if _C1_CONTROLS.search(text):
            raise rejected(_cannot_read())
        return text
    codec = ENCODINGS.get(encoding.lower())
    if codec is None:
        raise ValueError(f"Unknown encoding {encoding!r}; use auto or one of {sorted(ENCODINGS)}.")
    if data.startswith(UTF8_BOM):
        codec = "utf-8-sig"  # the mark says UTF-8 for certain, whatever was chosen
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        other = "Windows-1257" if codec == "utf-8-sig" else "UTF-8"
        raise rejected(
            _(
                "Line %(line)s cannot be read as %(encoding)s. Choose %(other)s as the encoding, "
                "or save the file as “CSV UTF-8”."
            )
            % {
                "line": data.count(b"\n", 0, error.start) + 1,
                "encoding": _DISPLAY_NAMES[codec],
                "other": other,
            }
        ) from None
