# English pages show and take ISO dates (2026-11-26), which no reader mistakes for another day;
# dotted dates (26.11.2026) and eight digits alone (20261126) are taken too. Month-first dates
# (11/26/2026) are not: 03/04/2026 would be a different day to many of our readers.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%Y%m%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%d.%m.%Y %H:%M"]
# Dates in running text come from lib/dates.py ("4 February 2026"); these are for the rest.
# Tables show ISO dates, as forms take them; times are on the 24-hour clock.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
