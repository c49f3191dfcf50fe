"""Numbers and names in the reply language, through Babel (CLDR)."""

from __future__ import annotations

import math
from functools import cache

from babel import Locale
from babel.numbers import NumberPattern, format_decimal, parse_pattern

from bot.model.countries import country_name

LOCALES = {"id": "id_ID", "en": "en_US"}


@cache
def number(value: int, lang: str) -> str:
    """An integer with the language's grouping: 6.433 (id), 6,433 (en)."""
    return format_decimal(value, locale=LOCALES[lang])


SHOWN_ERROR = 0.02  # a rounded decimal may be this far off (relative) before a second place


def decimal(value: float, lang: str) -> str:
    """A number with at most one decimal: 3,7 (id), 3.7 (en), 36 (not 36,0); more where
    one would hide it: 0,011 (not 0), 1,04 times (not 1 time: "equal")."""
    places = _places(value)
    return _pattern("#,##0." + "#" * places).apply(round(value, places), _locale(lang))


def _places(value: float) -> int:
    size = abs(value)
    if 0 < size < 1:
        return max(1, 1 - math.floor(math.log10(size)))  # two significant digits
    if size < 10 and abs(round(value, 1) - value) > SHOWN_ERROR * size:
        return 2
    return 1


def percent(value: float, lang: str) -> str:
    """A percentage with one decimal: 33,2% (id), 33.2% (en)."""
    return _pattern("#,##0.0").apply(round(value, 1), _locale(lang)) + "%"


@cache
def _pattern(pattern: str) -> NumberPattern:
    """A number pattern, parsed once (Babel parses it again on every ``format_decimal``)."""
    return parse_pattern(pattern)


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def load_formats() -> None:
    """Load each language's number formats now (CLDR data, ~60 ms the first time), so the
    first reply that writes a number does not wait for them."""
    for lang in LOCALES:
        number(1000, lang), decimal(1.5, lang), percent(1.5, lang)


def signed(value: int, lang: str) -> str:
    """An integer with its sign: +669, −1.204 (a true minus sign)."""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + number(abs(value), lang)


def signed_percent(value: float | None, lang: str) -> str:
    """A percentage change with its sign: +10,4% / +10.4%; "" when it cannot be computed."""
    if value is None:
        return ""
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + percent(abs(value), lang)


def country(code: str, lang: str) -> str:
    """The country's name in the reply language."""
    return country_name(code, lang)


def join_list(items: list[str], lang: str) -> str:
    """ "a, b dan c" / "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    word = " dan " if lang == "id" else " and "
    return ", ".join(items[:-1]) + word + items[-1]
