"""What a question names (:class:`Entities`) and what it asks (:class:`Frame`): the types
the understanding stage hands to the answering stage."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache

from bot.model.plain import from_plain, to_plain

DEFAULT_CONFIDENCE = 0.9
RANK_INTENTS = ("ranking", "top", "fewest", "position")
PAIR_INTENTS = ("ratio", "difference", "compare")  # of two figures: each side is needed


@dataclass
class Entities:
    """What a question names. Lists keep the order of mention, without repeats.

    ``years`` are the years written out; ``relative`` the years named relative to another
    ("ago-1" for "tahun lalu", "before-1" for "tahun sebelumnya", "today+1"), resolved
    against ``anchor`` (the year a follow-up leans on) or the newest year the base has.
    """

    metrics: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    offices: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    relative: list[str] = field(default_factory=list)
    anchor: int | None = None
    count: int | None = None
    ordinal: int | None = None
    positions: list[int] = field(default_factory=list)  # "kedua dan ketiga": places listed
    split: int = 0  # names before "than"/"dibanding": "Korea than India and Taiwan" -> 1
    ties: list[tuple[str, ...]] = field(default_factory=list)
    lang_hints: list[str] = field(default_factory=list)
    metric_phrases: list[tuple[str, ...]] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)
    qualifiers: list[tuple[str, str]] = field(default_factory=list)
    included: list[str] = field(default_factory=list)  # "termasuk perpanjangan": not narrowing
    asked_apart: list[str] = field(default_factory=list)  # "baru brp, perpanjangan brp"
    whole: dict[str, str] = field(default_factory=dict)

    conjoined: set[str] = field(default_factory=set)
    vague_exclusion: bool = False
    persona_countries: list[str] = field(default_factory=list)
    subject_spans: list[tuple[int, int, bool]] = field(default_factory=list)
    topic_spans: list[tuple[int, int]] = field(default_factory=list)
    threshold: tuple[str, int] | None = None
    threshold_country: str = ""  # "negara yang lebih sedikit dari India": India's figure
    beyond_country: bool = False  # "berapa WNA di bawah Jepang?": the one country is a bound
    # "more than 2 times India": (">", 2), the bound is twice India's figure
    multiple: tuple[str, int] | None = None
    stated: list[int] = field(default_factory=list)
    operand: int | None = None  # "dibagi 12", "per 1000 WNA": a number to divide by
    scaled: bool = False  # "setengah dari ITAS", "double the deportations": the asker's factor
    fraction: bool = False  # "Jepang sepertiga dari total WNA?": a share said as a fraction
    times_said: bool = False  # "ITAS hampir empat kali ITK, bener?": a ratio said
    only_total: bool = False  # "jumlahnya?" alone: the total of what was named before
    total_after: bool = False  # "Korea dan Jepang jumlahnya berapa": their total
    percent_after: bool = False  # "perbandingan Korea dengan Jepang dalam persen"
    fraction_between: bool = False  # "Taiwan dua pertiga India?": the first of the second
    rough: bool = False  # "roughly", "kira-kira": an approximate figure is asked
    rounding: int = 0  # "dibulatkan ke ratusan": 100; -1: rounded, no step said
    names_unit: bool = False  # "angka orangnya", "the number of people": the count itself
    rounding_way: str = ""  # "ke atas": "up", "rounded down": "down"
    narrows_before: bool = False  # "khusus WNA Korea aja?": the figure before, of Korea
    asks_why: bool = False  # "kenapa", "why": a reason asked, not a count
    bare_rate: bool = False  # "per month?" alone: the figure before, spread over the year
    opinion: bool = False  # "menurut kamu ... sudah baik?": a judgement, not in a release
    product: bool = False  # "ITAS kali ITK": two counts multiplied, which means nothing
    middle: bool = False  # "the median", "yang di tengah": the middle place of a ranking
    per_unit: str = ""  # "month" once "rata-rata ITK per bulan" was read: kept by follow-ups
    names_total: bool = False  # "the total WNA": a figure named by its total, nothing added
    factor: str = ""  # "x2", "/7", "%50": the asker's own factor for one figure (:func:`factor_of`)
    per_base: int = 0  # "deportasi per 1000 WNA": a rate of one figure per N of another
    base_first: bool = False  # "setiap 1000 WNA, berapa yang dideportasi": the base named first
    mentions: bool = False  # "disebut soal lockdown gak?": whether the release speaks of it
    names_countries: bool = False
    refers: bool = False  # "itu", "that": points back at the previous answer
    rest: bool = False  # "sisanya", "the rest": the whole less what was named before
    also: bool = False  # "sekalian", "also": adds to what was named before
    region_leads: bool = False  # a place named before every country, none twice
    each: bool = False  # "masing-masing", "each": one by one, never added up
    adds_between: bool = False  # "SKIM plus affidavit": adds up what it names, no more
    forecast: bool = False  # "bakal", "will be": a figure not yet recorded
    compatriot: bool = False  # "my countrymen", "negara saya": the asker's own country
    counting: bool = False  # "berapa orang", "how many people": a count is asked
    top_count: int | None = None  # "among the top five": the first five of a ranking
    excluded_top: int | None = None  # "selain 3 teratas": all but the first three
    after: str = ""  # "largest after Korea": the place next to this country's is asked
    own_office: bool = False  # "kantor kami", "our office": the asker's, named elsewhere
    open_side: bool = False  # "... more than China and India?": the first side is not named
    corrects: bool = False  # "eh bukan, China": replaces what the turn before named
    subtracts: bool = False  # "dikurangi Jepang": a country taken away from what came before
    remainder: bool = False  # "top 3? | dikurangi Jepang?": the countries left, added up
    counts_countries: bool = False  # "dari berapa negara?": the countries listed
    either: bool = False  # "Japanese or Chinese": one or the other, in a share both
    among: bool = False  # "how many of them were deported?": of the people asked before
    of_those: bool = False  # "WNA India berapa dan yang dideportasi berapa": maybe of those
    combined: bool = False  # "India and Taiwan together": taken as one figure
    unmeasured: bool = False  # "berapa lama", "biaya": a duration or cost, never counted
    every: bool = False  # "semua", "all of them": every figure named before
    exceeds: bool = False  # "lebih banyak", "outnumber": by how much one is above another
    falls_short: bool = False  # "lebih sedikit", "fewer than": ... or below it
    names_item: bool = False  # "Drive Thru ada berapa": one thing a statement lists
    asks_no_number: bool = False  # "siapa yang menyampaikan data 8.940": who, not how many
    names_thing: bool = False  # "restoran", "embassy": a thing no release counts

    def copy(self) -> Entities:
        """A copy whose lists and dicts can be changed without touching this one."""
        new = object.__new__(Entities)
        state = new.__dict__
        state.update(self.__dict__)
        for name in _containers():
            state[name] = state[name].copy()
        return new

    def restore_whole(self) -> None:
        """Count the set-aside whole as an ordinary mention again."""
        for kind, items in (("metric", self.metrics), ("group", self.groups)):
            if kind in self.whole:
                add_unique(items, self.whole[kind])
        if "country" in self.whole:
            add_unique(self.countries, self.whole["country"])
        self.whole = {}

    def excluded_of(self, kind: str) -> list[str]:
        """The ids of ``kind`` named only to be left out ("selain Korea")."""
        return list(dict.fromkeys(v for k, v in self.excluded if k == kind))

    spans: list[tuple[int, int]] = field(default_factory=list)
    score: float = 100.0

    def has_subject(self) -> bool:
        """True when something answerable is named (a figure's subject, topic or term)."""
        return bool(self.metrics or self.groups or self.countries or self.topics or self.whole)

    def to_dict(self) -> dict:
        """The entities as a JSON-able dict (for keeping a conversation across restarts)."""
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict) -> Entities:
        """The entities :meth:`to_dict` gave (fields it lacks take their defaults)."""
        return from_plain(cls, data)


@lru_cache(maxsize=1)
def _containers() -> tuple[str, ...]:
    """The names of the list, dict and set fields of :class:`Entities`."""
    return tuple(
        f.name
        for f in fields(Entities)
        if f.default_factory in (list, dict, set)  # type: ignore[misc]
    )


def add_unique(items: list, value) -> None:
    """Append ``value`` unless ``items`` holds it already."""
    if value not in items:
        items.append(value)


@dataclass
class Frame:
    """A question understood: the intent, its slots and how sure we are.

    ``office`` and ``year`` say whose figures and which year are asked (``years`` when a
    change or a series spans several). ``reason`` says why a ``no_data`` or ``clarify``
    frame was chosen (year, place, office, country, breakdown, topic, tie, vague).
    ``combined`` lists details that the figure's quote gives only together ("baru",
    "perpanjangan"). ``more`` lists other statements asked in the same question.
    """

    intent: str
    status: str = "answered"
    entities: Entities = field(default_factory=Entities)
    year: int | None = None
    years: list[int] = field(default_factory=list)
    office: str = ""
    reason: str = ""
    confidence: float = DEFAULT_CONFIDENCE
    combined: list[str] = field(default_factory=list)
    more: list[str] = field(default_factory=list)  # statements asked beside ``intent``
    missing_years: list[int] = field(default_factory=list)  # asked too, with no figure
    missing_countries: list[str] = field(default_factory=list)  # asked too, not listed


def beyond(value: int, threshold: tuple[str, int]) -> bool:
    """Whether ``value`` is past a threshold ("lebih dari 1000": (">", 1000); "at least
    2844": (">=", 2844))."""
    op, limit = threshold
    return {">": value > limit, "<": value < limit, ">=": value >= limit, "<=": value <= limit}[op]


def factor_of(factor: str) -> tuple[bool, int]:
    """(multiplies, by how much) of an asker's factor written "x2", "/7" or "%50" (50 per
    cent of the figure: multiplies by 50, then divides by 100)."""
    return factor[0] in "x%", int(factor[1:])
