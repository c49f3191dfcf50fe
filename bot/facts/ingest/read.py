"""A release into plain text: ``.txt``, ``.md``, ``.docx``, ``.pdf`` or an ``http(s)://`` URL.

The text returned is the text that will be stored, so every quote proposed later is an
exact substring of it. Markdown emphasis, heading marks and links are stripped (tables and
list items stay, one a line); a PDF's lines are joined back into paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import IngestError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*\)")
_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_TABLE_RULE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*\n", re.M
)


@dataclass
class Release:
    """A release as read: its text, where it came from and what the page itself says."""

    text: str
    name: str
    url: str = ""
    meta: dict[str, str] = field(default_factory=dict)


def read_release(source: str | Path, allow_private: bool = False) -> Release:
    """Read a release from a file path or an ``http(s)://`` URL.

    A URL on a loopback or private address is refused (trafilatura's SSRF protection)
    unless ``allow_private`` is set, as the tests do for a server of their own.

    Raises:
        IngestError: the file is missing, empty, binary or of an unknown kind, or the URL
            cannot be fetched or holds no article text.
    """
    text = str(source)
    if re.match(r"https?://", text, re.IGNORECASE):
        return _read_url(text, allow_private)
    path = Path(source)
    if not path.is_file():
        raise IngestError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        body = _read_docx(path)
    elif suffix == ".pdf":
        body = _read_pdf(path)
    elif suffix in TEXT_SUFFIXES:
        body = _read_text_file(path)
        if suffix in (".md", ".markdown"):
            body = strip_markdown(body)
    else:
        raise IngestError(f"{path}: unknown kind of file {suffix!r} (txt, md, docx, pdf or a URL)")
    return Release(text=_checked(clean_text(body), str(path)), name=path.name)


def clean_text(text: str) -> str:
    """Line ends, non-breaking spaces and trailing spaces made uniform."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def strip_markdown(text: str) -> str:
    """Markdown without emphasis, heading marks, link targets and table rules."""
    text = _TABLE_RULE.sub("", text)
    text = _HEADING.sub("", text)
    text = _LINK.sub(r"\1", text)
    for _ in range(2):  # **bold *inside*** needs two passes
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), text)
    return text


def _checked(text: str, where: str) -> str:
    if not text.strip():
        raise IngestError(f"{where}: no text in it")
    return text


def _read_text_file(path: Path) -> str:
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        raise IngestError(f"{path}: a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text (byte {exc.start})") from exc


def _read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, OSError) as exc:
        raise IngestError(f"{path}: not a readable .docx ({exc.__class__.__name__})") from exc
    blocks = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):  # a table: one "| a | b |" line a row
            blocks.append("\n".join(_table_row(row) for row in block.rows))
        elif block.text.strip():
            blocks.append(block.text)
    return "\n\n".join(blocks)


def _table_row(row) -> str:
    return "| " + " | ".join(cell.text.strip() for cell in row.cells) + " |"


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise IngestError(f"{path}: not a readable PDF ({exc.__class__.__name__})") from exc
    return "\n\n".join(_reflow(page) for page in pages if page.strip())


def _reflow(page: str) -> str:
    """A PDF page's lines joined into paragraphs (a blank line ends one)."""
    paragraphs = re.split(r"\n\s*\n", page)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _read_url(url: str, allow_private: bool) -> Release:
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    if allow_private:
        config.set("DEFAULT", "SSRF_PROTECTION", "off")
    html = trafilatura.fetch_url(url, config=config)
    if not html:
        raise IngestError(f"{url}: could not be fetched")
    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=True, favor_recall=True
    )
    if not text:
        raise IngestError(f"{url}: no article text found")
    meta = trafilatura.extract_metadata(html, default_url=url)
    found = {}
    if meta is not None:
        found = {"title": meta.title, "publisher": meta.sitename, "published": meta.date}
    found = {k: v for k, v in found.items() if v}
    return Release(text=_checked(clean_text(text), url), name=url, url=url, meta=found)
