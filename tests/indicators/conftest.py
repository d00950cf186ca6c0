import pytest

from regrow.indicators.standard import ensure_standard_indicators
from regrow.towns.models import Town


@pytest.fixture
def indicators(db):
    return {indicator.code: indicator for indicator in ensure_standard_indicators()}


@pytest.fixture
def coded_towns(aluksne, altena):
    """Alūksne with a national code, Altena with a LAU code."""
    Town.objects.filter(pk=aluksne.town.pk).update(national_code="0360201")
    Town.objects.filter(pk=altena.town.pk).update(lau_code="05962004")
    aluksne.town.refresh_from_db()
    altena.town.refresh_from_db()
    return aluksne, altena


def long_csv(*rows: str, header: str = "town,indicator,period,value,flags,source") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()
