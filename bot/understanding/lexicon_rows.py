"""Reading ``knowledge/lexicon.csv`` rows into a :class:`Lexicon`: which kind of row fills
which of its fields."""

from __future__ import annotations

from bot.model.text import clean_tokens
from bot.understanding.lexicon import Lexicon
from bot.understanding.phrases import Phrases

# lexicon kinds kept as sets of phrases, or of single words, by Lexicon field
PHRASE_KINDS = {
    "followup": "followups",
    "reference": "references",
    "exclude": "excludes",
    "exclude_after": "excludes_after",
    "whole_marker": "whole_markers",
    "persona": "personas",
    "compatriot": "compatriots",
    "question": "questions",
    "request": "requests",
    "declined": "declined",
    "also": "also",
    "place_marker": "place_markers",
    "origin_marker": "origin_markers",
    "rest": "rest",
    "question_start": "question_starts",
    "verify": "verify",
    "repair": "repairs",
    "person_question": "person_questions",
    "count_question": "count_questions",
    "every": "every",
    "counted": "counted",  # "orang", "people": what a number before them counts
    "exceeds": "exceeds",  # "lebih banyak", "outnumber": one figure above another
    "falls_short": "falls_short",  # "lebih sedikit", "fewer than": one figure below another
    "set_phrase": "set_phrases",  # "wilayah kerja": its "kerja" is no purpose of stay
    "next_place": "next_places",  # "setelah Korea", "after Korea": the place below Korea
    "subtract": "subtracts",  # "WNA dikurangi China": a country taken out of a whole
    "forecast": "forecasts",
    "opinion": "opinions",  # "menurut kamu", "what do you think": a judgement asked
    "inclusive": "inclusive",
    "reason": "reasons",
    "count": "counts",
    "unmeasured": "unmeasured",
    "either": "either",
    "country_count": "country_counts",
    "among": "among",
    "total": "totals",
    "times": "times",
    "combined": "combined",
    "scale": "scales",
    "middle": "middles",  # "median", "yang tengah": the middle place of a ranking
    "mention": "mentions",  # "disebut", "mention": whether the release speaks of a thing
}


WORD_KINDS = {
    "conjunction": "conjunctions",
    "not_origin": "not_origin",
    "clause_break": "clause_breaks",
    "negation": "negations",
    "embedding": "embedders",
    "leading": "leading",
    "label": "labels",  # "Pasal 72", "No. 6": a number that names, not a figure
    "divisor": "divisors",  # "dibagi 365", "per 1000 WNA": a number that divides
    "self": "self_words",  # "saya", "I": a clause about the asker
    "relativizer": "relativizers",  # "yang", "who were": the holders of one figure in another
    "range": "ranges",  # "sampai", "to": "1 sampai 5" is the first five
    "contrast": "contrasts",  # "kalau", "but": turns from what was said to what is asked
    "versus": "versus",  # "than", "dibanding": between the two sides of a comparison
    "request_verb": "request_verbs",  # "could you share that figure": no share asked
    "addressing": "addressing",  # "you", "pls", "tolong": before a requested verb
    "and_word": "and_words",  # "dan", "serta", "and": adds one more to what came before
    "denial": "denials",  # "bukan", "no": says no on its own ("bukan, India" corrects)
    "last_place": "last_places",  # "terakhir", "last": counted from the end of a list shown
    "list_filler": "list_fillers",  # "the", "yang": between a count and its place word
    "not_place": "not_places",  # "kali", "year": "terakhir kali" is no place in a list
    "place_counter": "place_counters",  # "to", "dari": "second to last"
    "each": "each_words",  # "masing-masing", "each": one by one, never added up
    "stand_in": "stand_ins",  # "the KITAP one": a word for the figure of the name before
    "why": "why_words",  # "kenapa", "why": a reason asked, not a count
    "narrow_before": "narrowing_before",  # "khusus": narrows the figure asked before
    "question_lead": "question_leads",  # "dan dari berapa negara?": leads into a question
    "next_step": "next_steps",  # "lalu", "then": a request goes on to another item
}


def read_lexicon(rows: list[dict]) -> Lexicon:
    """The lexicon of ``lexicon.csv`` rows."""
    lexicon = Lexicon()
    for row in rows:
        words = tuple(clean_tokens(row["word"]))
        kind, value = row["kind"], row["value"]
        if kind in PHRASE_KINDS:
            getattr(lexicon, PHRASE_KINDS[kind]).add(words)
            if kind == "scale" and value:  # "setengah dari": "/2"
                lexicon.scale_factors[words] = value
        elif kind in WORD_KINDS:
            getattr(lexicon, WORD_KINDS[kind]).update(words)
            if kind == "label" and value == "narrows":
                lexicon.narrowing_labels.update(words)
            if kind == "divisor" and value in ("scales", "multiplies"):  # "x 2", "plus 100"
                lexicon.scaling_words.update(words)
            if kind == "divisor" and value == "multiplies":  # "x 2", "kali 2": a factor
                lexicon.multiplying_words.update(words)
            if kind == "divisor" and value == "divides":  # "dibagi 7" ("per 1000" is a rate)
                lexicon.dividing_words.update(words)
        elif kind == "rounding" and value == "precision":  # "decimals": no step of a count
            lexicon.rounding_precision.update(words)
        elif kind == "rounding" and value in ("up", "down"):  # "ke atas", "rounded down"
            lexicon.rounding_ways[words] = value
        elif kind == "rounding" and value:  # "ratusan": round to 100
            lexicon.rounding_steps[words] = int(value)
        elif kind == "rounding":  # "dibulatkan", "rounded", "round it"
            lexicon.rounding_words.add(words)
        elif kind == "scale_beside":
            lexicon.beside_factors[words] = row["value"]
        elif kind == "abbreviation" and len(words) == 1:
            lexicon.abbreviations[words[0]] = tuple(clean_tokens(value))
        elif kind == "lang" and value == "leans":
            lexicon.lang_leans[row["lang"]].update(words)
        elif kind == "lang":
            lexicon.lang_words[row["lang"]].update(words)
        elif kind in ("number", "ordinal"):
            getattr(lexicon, kind + "s")[words] = int(value)
        elif kind == "multiplier" and len(words) == 1:
            lexicon.multipliers[words[0]] = int(value)
        elif kind == "rate" and value:
            lexicon.rates[words] = value
        elif kind == "qualifier":
            lexicon.qualifiers[words] = value or " ".join(words)
        elif kind == "office_marker":
            lexicon.office_markers[words] = value
        elif kind == "threshold":
            lexicon.thresholds[words] = value
        elif kind == "relative_year" and words[:1] == ("n",):  # "N years ago": any number
            lexicon.relative_patterns[words[1:]] = value
        elif kind == "relative_year":
            lexicon.relative_years[words] = value
        elif kind == "vague" and value == "before":
            lexicon.vague_before.add(words)
        elif kind == "vague" and value == "after":
            lexicon.vague_after.update(words)
    for words, unit in lexicon.rates.items():  # "berapa deportasi sehari": not the year's
        if unit != "year":
            lexicon.qualifiers.setdefault(words, " ".join(words))
    for name in PHRASE_KINDS.values():  # look-ups know their lengths
        setattr(lexicon, name, Phrases(getattr(lexicon, name)))
    lexicon.fractions = Phrases([*lexicon.scales, *lexicon.beside_factors])
    lexicon.vague_before = Phrases(lexicon.vague_before)  # looked for in every question
    lexicon.rounding_words = Phrases(lexicon.rounding_words)  # ... and this one too
    return lexicon


def derive_telling_words(lexicon: Lexicon, phrases: list[tuple[str, str]]) -> None:
    """Every word listed in one language only (lexicon rows and intent cues: ``phrases``
    of (lang, text)) tells that language too ("selain", "selisihnya"): the ``lang`` rows
    need not repeat them. (Only the language is read from them: the ``lang`` rows alone
    are words that never slip to a name.)"""
    by_lang: dict[str, set[str]] = {"id": set(), "en": set()}
    for lang, text in phrases:
        if lang in by_lang:  # words only: a year in a phrase tells no language
            by_lang[lang].update(t for t in clean_tokens(text) if t.isalpha())
    told = lexicon.lang_words
    lexicon.telling_words = {
        "id": told["id"] | (by_lang["id"] - by_lang["en"] - told["en"]),
        "en": told["en"] | (by_lang["en"] - by_lang["id"] - told["id"]),
    }
