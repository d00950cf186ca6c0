# Dates are typed as Latvians write them (26.11.2026); the first format is the one forms show.
# ISO dates are accepted too (Django adds them), and eight digits alone (26112026), since a
# phone's number pad may have no full stop.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%d%m%Y"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H.%M",
    "%d.%m.%y %H:%M",
]
# A time of day as Latvian writes it in running text: "plkst. 18.00".
TIME_FORMAT = "H.i"
