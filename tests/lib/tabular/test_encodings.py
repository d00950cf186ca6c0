"""Text files decode from UTF-8 (with or without a mark) or the office's Windows code page."""

import pytest

from regrow.lib.tabular.encodings import decode_text
from regrow.lib.tabular.problems import ImportRejected

LATVIAN = "id,iela,piezīmes\n1,Tirgotāju iela,ā č ē ģ ī ķ ļ ņ š ū ž\n"


def rejection_of(data: bytes, encoding: str = "auto") -> str:
    with pytest.raises(ImportRejected) as rejected:
        decode_text(data, encoding)
    (error,) = rejected.value.errors
    assert (error.row, error.field) == (0, "file")
    return error.message


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (LATVIAN.encode("utf-8"), "auto"),
        (b"\xef\xbb\xbf" + LATVIAN.encode("utf-8"), "auto"),
        (LATVIAN.encode("cp1257"), "auto"),
        (LATVIAN.encode("utf-8"), "utf-8"),
        (LATVIAN.encode("cp1257"), "windows-1257"),
        (LATVIAN.encode("cp1257"), "Windows-1257"),
        (b"\xef\xbb\xbf" + LATVIAN.encode("utf-8"), "windows-1257"),  # the mark wins
    ],
    ids=["utf-8", "utf-8 bom", "cp1257 detected", "utf-8 chosen", "cp1257 chosen",
         "name in any case", "bom over choice"],
)  # fmt: skip
def test_latvian_letters_survive_each_encoding(data, encoding):
    assert decode_text(data, encoding) == LATVIAN


def test_a_short_windows_1257_file_is_read_as_1257_not_1252():
    # charset-normalizer guesses Windows-1252 here ("Tirgotâju"): the reason it is not used.
    assert decode_text("Tirgotāju iela".encode("cp1257")) == "Tirgotāju iela"


def test_another_code_page_can_be_named_for_auto():
    german = "Straße;Grüße à Paris, très bien\n"
    assert decode_text(german.encode("cp1252"), code_page="cp1252") == german
    assert decode_text(german.encode("cp1252"), "windows-1252") == german


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_refused_with_advice_to_save_as_csv_utf8(codec):
    assert "CSV UTF-8" in rejection_of(LATVIAN.encode(codec))


def test_bytes_that_are_no_text_are_refused():
    # 0x81 is not a character of Windows-1257, and C1 controls are no text either.
    assert "CSV UTF-8" in rejection_of(b"id\n\x81\x82\n")


def test_a_wrongly_chosen_encoding_names_the_line_and_the_other_choice():
    data = "id,iela\n1,Pils iela\n2,Dārza iela\n".encode("cp1257")
    message = rejection_of(data, "utf-8")
    assert "Line 3 cannot be read as UTF-8" in message
    assert "Choose Windows-1257" in message


def test_an_unknown_encoding_name_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown encoding"):
        decode_text(b"id\n", "ebcdic")
