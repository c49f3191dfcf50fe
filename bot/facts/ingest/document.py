"""A release analysed once: tokens, sentences, number mentions, subjects, offices and period
expressions, with the title set apart and the release's own office and period."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bot.facts.ingest.numbers import Mention, find_numbers
from bot.facts.ingest.offices import Offices, find_offices
from bot.facts.ingest.periods import Cue, find_cues, release_period
from bot.facts.ingest.subjects import Found, find_subjects
from bot.facts.ingest.tokens import Sentence, Token, sentences, tokenize
from bot.facts.ingest.vocab import Vocabulary

TITLE_MAX_WORDS = 25


@dataclass
class Document:
    """Everything the stages read about one text."""

    text: str
    vocab: Vocabulary
    tokens: list[Token]
    sentences: list[Sentence]
    mentions: list[Mention]
    subjects: list[Found]
    offices: Offices
    cues: list[Cue]
    title_paragraphs: int
    office: str = ""
    period: str = ""
    lead: list[Sentence] = field(default_factory=list)

    def span(self, first: int, last: int) -> str:
        """The text of tokens ``first``..``last``, exactly as written."""
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]

    def in_sentence(self, items, sentence: Sentence) -> list:
        """The items (with ``first``/``last``) inside ``sentence``."""
        return [x for x in items if sentence.first <= x.first and x.last <= sentence.last]

    def paragraph(self, number: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == number]


def analyse(text: str, vocab: Vocabulary, office: str = "", period: str = "") -> Document:
    """Analyse ``text``; ``office``/``period`` replace the detected release office/period."""
    tokens = tokenize(text)
    found_sentences = sentences(text, tokens)
    mentions = find_numbers(text, vocab, tokens)
    offices = find_offices(text, tokens, vocab)
    in_office = {k for first, last, _ in offices.spans for k in range(first, last)}
    doc = Document(
        text=text,
        vocab=vocab,
        tokens=tokens,
        sentences=found_sentences,
        mentions=mentions,
        subjects=find_subjects(tokens, vocab, in_office),
        offices=offices,
        cues=find_cues(tokens, mentions, vocab),
        title_paragraphs=_title_paragraphs(text, tokens, found_sentences),
    )
    lead_number = doc.title_paragraphs
    doc.lead = doc.paragraph(lead_number)
    detected = _release_office(doc)
    doc.office = office or detected
    if office and detected and office != detected:  # the admin names the release's office
        doc.offices.spans = [
            (a, b, office if o == detected else o) for a, b, o in doc.offices.spans
        ]
        for named in doc.offices.named:
            named.office = office if named.office == detected else named.office
    doc.period = period or _release_period(doc) or ""
    return doc


def _title_paragraphs(text: str, tokens: list[Token], found: list[Sentence]) -> int:
    """How many paragraphs at the top are the title: a first short line without a stop,
    and a second one when it repeats the end of the first (a breadcrumb before the title)."""
    paragraphs = [[s for s in found if s.paragraph == n] for n in range(2)]
    lines = [_paragraph_text(text, tokens, p) for p in paragraphs]
    first = lines[0]
    if not first or "\n" in first or len(first.split()) > TITLE_MAX_WORDS or first[-1] in ".!?":
        return 0
    if lines[1] and first.endswith(lines[1]) and "\n" not in lines[1]:
        return 2
    return 1


def _paragraph_text(text: str, tokens: list[Token], paragraph: list[Sentence]) -> str:
    if not paragraph:
        return ""
    return text[tokens[paragraph[0].first].start : tokens[paragraph[-1].last - 1].end]


def _release_office(doc: Document) -> str:
    """The office the lead paragraph names first (by its name, not a bare place such as a
    dateline's city), else the one the text names most."""
    if doc.lead:
        first, last = doc.lead[0].first, doc.lead[-1].last
        named = [n.office for n in doc.offices.named if first <= n.first and n.last <= last]
        spans = doc.offices.at(first, last)
        if named or spans:
            return named[0] if named else spans[0][2]
    counts = Counter(office for _, _, office in doc.offices.spans)
    return counts.most_common(1)[0][0] if counts else ""


def _release_period(doc: Document) -> str | None:
    title = doc.paragraph(doc.title_paragraphs - 1) if doc.title_paragraphs else []
    title_end = title[-1].last if title else 0
    lead_end = doc.lead[-1].last if doc.lead else title_end
    in_title = [c for c in doc.cues if c.last <= title_end]
    in_lead = [c for c in doc.cues if title_end <= c.first and c.last <= lead_end]
    return release_period(in_title, in_lead, doc.cues)
