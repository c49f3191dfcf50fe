"""Small text helpers shared by the knowledge loader and the pipeline."""

from __future__ import annotations

import re
import unicodedata

YEAR_RANGE = range(1900, 2101)  # years a fact or a question may name
_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})((?:[.,]\d{3})+)(?![\d]|[.,]\d)")
_SEPARATED = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
_TAG = re.compile(r"<[^>]{0,200}>")
_TOKEN = re.compile(r"[a-z0-9]+|%|&")
# "peringkat 3-5", "3 s/d 5": a range of small numbers, written with a range word
_RANGE = re.compile(r"(?<![\d.,/-])(\d{1,2})\s*(?:-|–|—|s/d|s\.d\.?)\s*(\d{1,2})(?![\d.,/-])")
_MINUS_BESIDE_NUMBER = re.compile(r"(?<![\d.,])(\d[\d.,]*)\s+-\s+(?=[a-z])|(?<=[a-z])\s+-\s*(?=\d)")
_MINUS_IN_SUM = re.compile(
    r"(?<=\+)(\s*[a-z]+)\s*-\s*([a-z]+)\b|\b([a-z]+)\s*-\s*([a-z]+)(?=\s*\+)"
)
# "bukan, India": a denial cut off by a comma corrects ("not India" has no comma)
_DENIAL_COMMA = re.compile(r"^\s*(?:eh\s+)?(bukan|nggak|gak|enggak)\s*,\s*|^\s*(no|nope)\s*,\s*")
_NUMBER_IN_TEXT = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|\d+")


def collapse_spaces(text: str) -> str:
    """Fold every run of white space (non-breaking spaces included) into one space."""
    return " ".join(text.split())


def parse_int(text: str) -> int | None:
    """A non-negative integer written plain (6433) or grouped (6.433, 6,433); else None."""
    text = text.strip()
    if text.isascii() and text.isdigit():
        return int(text)
    if _SEPARATED.match(text):
        return int(re.sub(r"[.,]", "", text))
    return None


def numbers_in(text: str) -> list[str]:
    """The integers written in ``text``, in order, grouping separators removed."""
    return [re.sub(r"[.,]", "", m).lstrip("0") or "0" for m in _NUMBER_IN_TEXT.findall(text)]


def digits_in(text: str) -> set[str]:
    """The distinct integers written in ``text``."""
    return set(numbers_in(text))


def split_list(text: str) -> list[str]:
    """Split an ``a|b|c`` field into its non-empty, stripped items."""
    return [item.strip() for item in text.split("|") if item.strip()]


def ungroup_numbers(text: str) -> str:
    """Remove grouping separators from numbers: "8.940" and "8,940" -> "8940"."""
    return _GROUPED.sub(lambda m: m.group(1) + re.sub(r"[.,]", "", m.group(2)), text)


def _as_repair(match: re.Match) -> str:
    """ "bukan, India" -> "eh bukan India", "no, India" -> "no wait India": the comma's
    correction said in words the lexicon knows (``repair``)."""
    return f"eh {match[1]} " if match[1] else f"{match[2]} wait "


def _minus_unless_year(match: re.Match) -> str:
    number = match[1]
    if number and number.isdigit() and int(number) in YEAR_RANGE:
        return match[0]  # "Data 2020 - berapa ITAS?": a dash after a year
    return f"{number or ''} minus "


def _minus_between_names(match: re.Match) -> str:
    left, right = (match[1], match[2]) if match[1] else (match[3], match[4])
    return match[0] if left.strip() == right else f"{left} minus {right}"  # not "rata-rata"


def _minus_signs(text: str) -> str:
    """A hyphen that subtracts says "minus": beside a number and a name ("8940 - Korea"),
    or beside a name of a sum ("Korea+Jepang-China"); "rata-rata", "non-Japanese", "3-5"
    and a dash between sentences stay as they are."""
    text = _MINUS_BESIDE_NUMBER.sub(_minus_unless_year, text)
    if "+" in text:
        text = _MINUS_IN_SUM.sub(_minus_between_names, text)
    return text


def clean_tokens(text: str) -> list[str]:
    """Tokens of ``text`` without any lexicon: lower-case ASCII words, numbers and ``%``."""
    text = _TAG.sub(" ", text)
    if not text.isascii():  # accents off: "Türkiye" -> "turkiye"
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    if "," in text:
        text = _DENIAL_COMMA.sub(_as_repair, text, count=1)
    if "-" in text:
        text = _minus_signs(text)
    if " / " in text:  # "ITAS / 12": divided (not "s/d", "24/7" or a date)
        text = text.replace(" / ", " dibagi ")
    text = text.replace("'", "").replace("’", "").replace("`", "").replace("+", " plus ")
    if "-" in text or "/" in text or "–" in text or "—" in text:
        text = _RANGE.sub(r"\1 sd \2", text)
    text = ungroup_numbers(text)
    return _TOKEN.findall(text)
