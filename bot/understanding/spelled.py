"""Numbers written in words, as digits: "dua ribu dua puluh satu" and the spoken "dua ribu
dua satu" are 2021, "two thousand twenty" and "twenty twenty" are 2020, "dua ribu tiga
ratus satu" is 2301. A lone number word ("dua negara", "lima besar") stays a word: the
matcher reads it as a count."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

CENTURY_WORDS = {"nineteen": 19, "twenty": 20}  # "twenty twenty one": a year said in pairs
JOINING = frozenset({"and", "dan"})  # inside a number only after a multiplier


def spell_out_numbers(
    tokens: Sequence[str], numbers: Mapping[tuple[str, ...], int], multipliers: Mapping[str, int]
) -> tuple[str, ...]:
    """``tokens`` with each run of number words that holds a multiplier ("ribu",
    "hundred") or says a year in pairs ("twenty twenty") replaced by its digits."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        end = i
        while end < len(tokens):
            pair = tuple(tokens[end : end + 2])
            if len(pair) == 2 and pair in numbers:  # "enam belas": one number of two words
                end += 2
            elif (tokens[end],) in numbers or tokens[end] in multipliers:
                end += 1
            elif tokens[end] in JOINING and end > i and tokens[end - 1] in multipliers:
                end += 1  # "seven hundred and sixteen", "two thousand and twenty"
            else:
                break
        while end > i and tokens[end - 1] in JOINING:
            end -= 1
        value = (
            _value(_words(tokens[i:end], numbers), numbers, multipliers) if end - i > 1 else None
        )
        if value is None:
            out.append(tokens[i])
            i += 1
        else:
            out.append(str(value))
            i = end
    return tuple(out)


def _words(run: Sequence[str], numbers) -> list[tuple[str, ...]]:
    """The number words of a run, two-word numbers ("enam belas") as one, joiners left out."""
    words: list[tuple[str, ...]] = []
    k = 0
    while k < len(run):
        pair = tuple(run[k : k + 2])
        if len(pair) == 2 and pair in numbers:
            words.append(pair)
            k += 2
        else:
            if run[k] not in JOINING:
                words.append((run[k],))
            k += 1
    return words


def _value(run, numbers, multipliers) -> int | None:
    """The number a run of number words says, or None when it is no single number."""
    if not any(word[0] in multipliers for word in run if len(word) == 1):
        return _year_in_pairs(run, numbers)
    total = current = last = 0
    for k, word in enumerate(run):
        if len(word) == 1 and word[0] in multipliers and k > 0:
            factor = multipliers[word[0]]
            if factor >= 1000:
                total, current, last = total + max(current, 1) * factor, 0, 0
                rest = [numbers.get(w) for w in run[k + 1 :]]
                if len(rest) == 2 and all(d is not None and d < 10 for d in rest):
                    return total + rest[0] * 10 + rest[1]  # "dua ribu dua satu": 2021
            else:
                current, last = current - last + max(last, 1) * factor, max(last, 1) * factor
        elif word in numbers:
            value = numbers[word]
            current, last = current + value, value
        else:
            return None  # a multiplier first: "ribu" alone is no number
    return total + current


def _year_in_pairs(run, numbers) -> int | None:
    century = CENTURY_WORDS.get(run[0][0]) if len(run[0]) == 1 else None
    rest = [numbers.get(w) for w in run[1:]]
    if century is None or None in rest or not 10 <= sum(rest) <= 99:
        return None
    return century * 100 + sum(rest)
