"""Country codes and names, from Babel's CLDR data (no hand-written name lists)."""

from __future__ import annotations

from functools import cache

from babel import Locale


@cache
def _territories(lang: str) -> dict[str, str]:
    names = Locale.parse(lang).territories
    return {code: name for code, name in names.items() if len(code) == 2 and code.isalpha()}


def is_country_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-2 code that CLDR knows (KR, JP, ...)."""
    return code in _territories("en")


def country_name(code: str, lang: str) -> str:
    """The country's name in ``lang`` ("id" or "en"), e.g. KR -> "Korea Selatan"."""
    return _territories(lang).get(code, code)


def all_country_names(lang: str) -> dict[str, str]:
    """Every CLDR country code mapped to its name in ``lang``."""
    return dict(_territories(lang))
