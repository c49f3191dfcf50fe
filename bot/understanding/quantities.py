"""Stage 3c: the numbers of a question: years (also relative: "tahun lalu"), counts ("5
negara"), ordinals ("ketiga"), figures it states ("bener ITAS 6433?") and details that
narrow a figure ("per bulan", "pasal 71")."""

from __future__ import annotations

from datetime import date

from bot.facts.base import FactBase
from bot.model.frame import Entities, add_unique
from bot.model.text import YEAR_RANGE
from bot.understanding.lexis import lexis
from bot.understanding.phrases import has_phrase, starts_with
from bot.understanding.rank_counts import POSITION_PREFIXES
from bot.understanding.strays import slip_of_qualifier
from bot.understanding.surroundings import OFFICE_WORDS, cited_year, follows

MAX_COUNT = 50
ARTICLES = frozenset({"the", "that", "this"})  # "the number 338": a figure, not a label
YEAR_WORDS = frozenset({"tahun", "thn", "th", "year", "in", "pada", "di", "sejak", "since"})
POINTERS = frozenset({"itu", "tu", "tuh", "that", "this", "ini"})  # "50 itu jumlah apa"
APPOSITIVES = POINTERS | {"is", "yaitu", "yakni", "ie"}  # "last year, that is 2020"
ENGLISH_OFFICE = frozenset({"office"})
# after a number, what makes it no whole number as written: "2 koma 5", "10%", "1 k"
NOT_WHOLE = frozenset({"koma", "point", "%", "persen", "percent", "k", "rb", "jt", "and", "dan"})
NOT_WHOLE |= {"setengah", "half", "tahun", "year", "years", "bulan", "month", "months"}
QUALIFIER_REACH = 6  # words (names and numbers aside) between a subject and its detail


def _times_after(tokens: list[str], i: int, lexicon) -> int:
    """How many words from ``i`` say "times" ("kali lipat", "times"); 0 when none do."""
    return next((n for n in (2, 1) if tuple(tokens[i : i + n]) in lexicon.times), 0)


def take_numbers(found: Entities, tokens: list[str], base: FactBase) -> None:
    """Years (also relative: "tahun lalu"), counts ("5 negara"), ordinals ("ketiga",
    "ke 3") and qualifiers ("per bulan") among the words no name covered."""
    words = lexis(base)
    lexicon = words.lexicon
    starts, numbers, sure = lexicon.number_words, lexicon.numbers, words.sure_words
    taken = {i for start, end in found.spans for i in range(start, end)}
    for i in range(len(tokens)):
        if i in taken:
            continue
        token = tokens[i]
        counted = token.isdigit() or (token,) in numbers
        after = counted and _relative_after(tokens, i, lexicon)  # "dua tahun sebelumnya"
        if after:
            add_unique(found.relative, after[0])
            taken.update(range(i, i + after[1]))
            continue
        if token not in starts:
            meant = token not in sure and slip_of_qualifier(token, lexicon)  # "extention"
            if meant and not _names_an_office(tokens, i) and _near_subject(found, tokens, i, i + 1):
                _take_qualifier(found, tokens, i, (tokens[i],), meant, lexicon)
            continue
        for n in range(starts[tokens[i]], 0, -1):
            window = tuple(tokens[i : i + n])
            if window in lexicon.relative_years:
                if not _year_beside(tokens, i, i + n):  # "last year 2020": the year written
                    add_unique(found.relative, lexicon.relative_years[window])
                taken.update(range(i, i + n))
                break
            following = tokens[i + n] if i + n < len(tokens) else ""
            if window in lexicon.thresholds and following.isdigit() and found.threshold is None:
                multiple = _times_after(tokens, i + n + 1, lexicon)  # "more than 2 times India"
                if multiple:
                    found.multiple = (lexicon.thresholds[window], int(following))
                else:
                    found.threshold = (lexicon.thresholds[window], int(following))  # "> 1000"
                    found.spans.append((i, i + n))  # "at least 2844" asks no fewest
                taken.update(range(i, i + n + 1 + multiple))
                break
            if (
                window in lexicon.qualifiers
                and not _in_set_phrase(tokens, i, i + n, lexicon.set_phrases)
                and not _names_an_office(tokens, i)
                and _near_subject(found, tokens, i, i + n)
            ):
                _take_qualifier(found, tokens, i, window, lexicon.qualifiers[window], lexicon)
                taken.update(range(i, i + n))
                break
            if window in lexicon.ordinals and found.ordinal is None:
                found.ordinal = lexicon.ordinals[window]
                taken.update(range(i, i + n))
                break
            counts = n == 1 and window in lexicon.numbers and found.count is None
            one_of = lexicon.numbers.get(window) == 1 and starts_with(
                tokens[i + 1 :], lexicon.among
            )
            if counts and not one_of:  # "one of them" counts nothing; "two of them" two
                found.count = lexicon.numbers[window]
    not_claimed = lexicon.labels | lexicon.divisors  # "Pasal 72", "per 1000", "dibagi 365"
    # "my company, which employs 120 Japanese, ...": the asker's own number, no claim to check
    # (unless they ask to check it: "saya dengar ada 6000 ITAS, benar?")
    own = any(t.isdigit() for t in tokens) and not lexicon.self_words.isdisjoint(tokens)
    own = own and not has_phrase(tokens, lexicon.verify)
    for i, token in enumerate(tokens):
        if i and tokens[i - 1] in lexicon.divisors and (token,) in lexicon.numbers:
            if tokens[i - 1] in lexicon.scaling_words:
                found.scaled = True  # "ITAS kali dua"
                if _whole_number(tokens, i, lexicon):  # not "dua belas", "dua koma lima"
                    _take_factor(found, tokens[i - 1], lexicon.numbers[(token,)], lexicon)
            else:
                found.operand = found.operand or lexicon.numbers[(token,)]  # "dibagi dua"
                if _whole_number(tokens, i, lexicon):
                    _take_divisor(found, tokens, i, found.operand, lexicon)
        if i not in taken and token.isdigit() and len(token) <= 6:
            before = tokens[i - 1] if i else ""
            # "dari 9000 WNA, berapa India?": a whole the asker assumes, no claim about India
            whole = follows(tokens, i, lexicon.whole_markers)
            named = i > 1 and before in lexicon.labels and tokens[i - 2] in ARTICLES
            claim = (before not in not_claimed or named) and not whole
            if before in lexicon.subtract_words:  # "ITAS dikurangi 433": no claim to check
                claim, found.scaled = False, True
            roughly = follows(tokens, i, lexicon.vague_before) or (
                i + 1 < len(tokens) and tokens[i + 1] in lexicon.vague_after
            )  # "ITAS sekitar 6.400?", "deportasi 70an?": no exact figure to check
            claim = claim and not roughly  # "the number 338"
            claim = claim and not (own and not lexicon.self_words.isdisjoint(tokens[:i]))
            year = len(token) == 4 and int(token) in YEAR_RANGE  # "per 2020": as of 2020
            if year and _future_count(tokens, i, lexicon):
                year = False  # "WNA China 2.031 orang?": people counted, no year
            if before in lexicon.scaling_words and not year:
                found.scaled = True  # "ITAS x 2", "ITAS + 100"
                if _whole_number(tokens, i, lexicon):  # not "x 1,5", "kali 2 ribu", "10%"
                    _take_factor(found, before, int(token), lexicon)
            elif before in lexicon.divisors and found.operand is None and not year:
                found.operand = int(token)
                whole = _whole_number(tokens, i, lexicon)
                if whole:
                    _take_divisor(found, tokens, i, found.operand, lexicon)
                if whole and any(start == i + 1 for start, _, _ in found.subject_spans):
                    # "per 1000 WNA": a rate per the figure named right after it (which
                    # comes first in "setiap 1000 WNA ada berapa yang dideportasi")
                    found.per_base = found.operand
                    found.base_first = not any(s < i for s, _, _ in found.subject_spans)
                _divided_per_unit(found, tokens, i, lexicon)  # "dibagi 12 bulan"
            labelled = before in lexicon.narrowing_labels and i - 1 not in taken
            if labelled and _near_subject(found, tokens, i - 1, i + 1):
                add_unique(found.qualifiers, (f"{before} {token}",) * 2)  # "pasal 71"
            if year and cited_year(tokens, i, lexicon.labels):
                continue  # "UU No. 6 Tahun 2011": the law's year, not a year asked
            _take_number(found, int(token), len(token), before, claim=claim, year=year)
            if claim and int(token) <= MAX_COUNT and _names_a_figure(found, tokens, i, lexicon):
                found.stated.append(int(token))  # "ada yg 4 orang itu data apa?"


def _in_set_phrase(tokens: list[str], start: int, end: int, phrases) -> bool:
    """Whether words ``start``..``end`` lie inside a fixed phrase ("wilayah kerja")."""
    for n in phrases.lengths:
        for first in range(max(end - n, 0), start + 1):
            if tuple(tokens[first : first + n]) in phrases:
                return True
    return False


def _names_a_figure(found: Entities, tokens: list[str], i: int, lexicon) -> bool:
    """Whether a small number with no subject named is a figure pointed at ("4 orang itu
    data apa?", "50 itu jumlah apa"), not a count of what follows ("5 negara")."""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    pointed = (following,) in lexicon.counted or following in POINTERS
    return pointed and not found.has_subject()


def _whole_number(tokens: list[str], i: int, lexicon) -> bool:
    """Whether the number at ``i`` is whole as written: no decimal, fraction, percent or
    magnitude follows it ("1,5", "1/2", "10%", "2 ribu", "dua belas", "dua koma lima")."""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if following.isdigit() or following in lexicon.multipliers or following in NOT_WHOLE:
        return False
    later = tokens[i + 1 :]  # "kali 2 tambah 1", "kali dua atau tiga": more than one factor
    if any(t.isdigit() or (t,) in lexicon.numbers for t in later):
        return False
    # "dua belas" (a number of two words), "dua tiga" read apart
    return (following,) not in lexicon.numbers and (tokens[i], following) not in lexicon.numbers


def _take_factor(found: Entities, word: str, value: int, lexicon) -> None:
    """ "ITAS kali dua", "x 3": the asker's factor, when it multiplies ("plus 100" adds)."""
    if word in lexicon.multiplying_words and value > 0 and not found.factor:
        found.factor = f"x{value}"


def _take_divisor(found: Entities, tokens: list[str], i: int, value: int, lexicon) -> None:
    """ "ITAS dibagi 7", "divided by 7": the asker's divisor ("per 1000 penduduk" is a rate
    of people the releases never count)."""
    before = tokens[max(0, i - 3) : i]  # "bagi 12", "divide that by 12"
    if value > 0 and not found.factor and not lexicon.dividing_words.isdisjoint(before):
        found.factor = f"/{value}"


def _year_beside(tokens: list[str], start: int, end: int) -> bool:
    """Whether a year is written right beside the relative phrase at ``start:end``: "last
    year 2020", "2020 kemarin", "tahun lalu (2020)" name that year twice."""
    after = end
    while after < min(end + 2, len(tokens)) and tokens[after] in APPOSITIVES:
        after += 1  # "tahun kemarin itu 2020", "last year, that is 2020"
    beside = [tokens[j] for j in (start - 1, after) if 0 <= j < len(tokens)]
    return any(len(t) == 4 and t.isdigit() and int(t) in YEAR_RANGE for t in beside)


def _names_an_office(tokens: list[str], i: int) -> bool:
    """Whether the word at ``i`` names a kind of office ("kantor kelurahan", "the district
    office"): where someone works, no detail of a figure ("pegawai kantor" is one)."""
    after = i + 1 < len(tokens) and tokens[i + 1] in ENGLISH_OFFICE  # English puts it first
    return (i > 0 and tokens[i - 1] in OFFICE_WORDS) or after


def _divided_per_unit(found: Entities, tokens: list[str], i: int, lexicon) -> None:
    """ "dibagi 12 bulan", "divided by 12 months": the number divides the year into units,
    asked like "per bulan" (a rate of ``lexicon.rates`` ending in the unit's word)."""
    unit_word = tokens[i + 1] if i + 1 < len(tokens) else ""
    singular = unit_word[:-1] if unit_word.endswith("s") else unit_word  # "12 months"
    rates = lexicon.rates.items()
    rate = next((w for w, unit in rates if unit != "year" and w[-1] == singular), None)
    if rate and len(rate) > 1:
        add_unique(found.qualifiers, (f"{tokens[i]} {unit_word}", " ".join(rate)))
        found.spans.append((i + 1, i + 2))


def _relative_after(tokens: list[str], i: int, lexicon) -> tuple[str, int] | None:
    """The relative year a number starts ("2 years earlier": "before-2"), with its length."""
    token = tokens[i]
    value = int(token) if token.isdigit() and len(token) <= 2 else lexicon.numbers.get((token,))
    if not value:
        return None
    for tail, spec in lexicon.relative_patterns.items():
        if tuple(tokens[i + 1 : i + 1 + len(tail)]) == tail:
            return spec.replace("N", str(value)), len(tail) + 1
    return None


def _take_qualifier(found: Entities, tokens, i: int, window, meant: str, lexicon) -> None:
    """A detail asked ("per bulan"), left out ("bukan perpanjangan") or included ("including
    renewals", which narrows nothing)."""
    beside = {tokens[j] for j in (i - 1, i + len(window)) if 0 <= j < len(tokens)}
    if i + len(window) < len(tokens) and tokens[i + len(window)] == "i":
        beside.discard("i")  # "kuartal I", "kuartal II" (read "i"): a numeral, not the asker
    if beside & lexicon.self_words:
        return  # "anak saya", "my kids": the asker's own, no detail of the figure
    if _negated(tokens, i, lexicon):
        add_unique(found.excluded, ("qualifier", meant))
    elif follows(tokens, i, lexicon.inclusive):
        add_unique(found.included, meant)
    else:
        add_unique(found.qualifiers, (" ".join(window), meant))


def _negated(tokens: list[str], start: int, lexicon) -> bool:
    """Whether a negation or exclusion word stands right before ``start``."""
    before = tokens[start - 1] if start else ""
    return before in lexicon.negations or follows(tokens, start, lexicon.excludes)


def _near_subject(found: Entities, tokens: list[str], start: int, end: int) -> bool:
    """Whether words start:end stand close to a subject ("ITAS per bulan", "WNA yang datang
    ke Bekasi untuk tujuan bekerja"), not in a sentence about something else ("I work in
    HR ... the number of ITAS"). Names and numbers between them ("in Bekasi in 2020") do
    not part them."""
    if not found.subject_spans:
        return True
    named = {i for a, b in found.spans for i in range(a, b)}

    def gap(a: int, b: int) -> int:
        return sum(1 for i in range(a, b) if i not in named and not tokens[i].isdigit())

    return any(
        gap(s_end, start) < QUALIFIER_REACH
        if start >= s_end
        else gap(end, s_start) < QUALIFIER_REACH
        for s_start, s_end, _ in found.subject_spans
    )


def _future_count(tokens: list[str], i: int, lexicon) -> bool:
    """Whether the year-like number at ``i`` is a count: a year still to come, followed by
    what it counts ("2031 orang", "2031 Chinese people")."""
    if i and tokens[i - 1] in YEAR_WORDS:
        return False  # "tahun 2030 orang Jepang": the year 2030
    after = tokens[i + 1 : i + 3]
    counted = any((word,) in lexicon.counted for word in after) or tuple(after) in lexicon.counted
    return counted and int(tokens[i]) > date.today().year


def _take_number(
    found: Entities, value: int, digits: int, before: str, *, claim: bool, year: bool = True
) -> None:
    if year and digits == 4 and value in YEAR_RANGE:
        add_unique(found.years, value)
    elif before in POSITION_PREFIXES and found.ordinal is None and value <= MAX_COUNT:
        found.ordinal = value  # "negara ke 6"; "the number 338" is a figure
    elif 0 < value <= MAX_COUNT and found.count is None:
        found.count = value
    elif value > MAX_COUNT and claim:
        found.stated.append(value)  # "bener gak ITAS 6433?": a figure to check
