"""Reading a release: text, Markdown, .docx, .pdf, an http URL; unreadable input refused."""

from __future__ import annotations

import http.server
import threading

import pytest

from bot.errors import IngestError
from bot.facts.ingest import propose
from bot.facts.ingest.read import read_release, strip_markdown

SENTENCE = "Kantor Imigrasi Bogor menerbitkan Izin Tinggal Terbatas (ITAS) sebanyak 1.503 orang."


def test_plain_text_is_kept(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Judul\r\n\r\n" + SENTENCE + "\u00a0\n", encoding="utf-8")
    release = read_release(path)
    assert release.text == "Judul\n\n" + SENTENCE and release.name == "r.txt"


def test_markdown_loses_emphasis_headings_and_links_but_keeps_tables(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(
        "# Judul **tebal**\n\nPendeportasian sebanyak **87 WNA** dan *miring* [tautan](http://x)\n\n"
        "| Jenis | Jumlah |\n|---|---|\n| ITK | 14.302 |\n",
        encoding="utf-8",
    )
    text = read_release(path).text
    assert text.startswith("Judul tebal\n\nPendeportasian sebanyak 87 WNA dan miring tautan")
    assert "| Jenis | Jumlah |\n| ITK | 14.302 |" in text and "---" not in text


def test_strip_markdown_keeps_list_items():
    assert (
        strip_markdown("- **Paspor Simpatik** di hari Sabtu") == "- Paspor Simpatik di hari Sabtu"
    )


def test_docx_paragraphs_and_tables(tmp_path, ingest_vocab):
    import docx

    document = docx.Document()
    document.add_paragraph("Kinerja Kantor Imigrasi Bogor 2017")
    document.add_paragraph(SENTENCE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "ITK (Izin Tinggal Kunjungan)", "6.168"
    table.cell(1, 0).text, table.cell(1, 1).text = "ITAP", "212"
    path = tmp_path / "r.docx"
    document.save(path)
    release = read_release(path)
    assert SENTENCE in release.text and "| ITK (Izin Tinggal Kunjungan) | 6.168 |" in release.text
    values = {f.metric: f.value for f in propose(release, ingest_vocab).facts}
    assert values == {"itas": 1503, "itk": 6168, "itap": 212}


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose content stream writes ``lines`` in Helvetica."""
    text = " T* ".join(f"({line}) Tj" for line in lines)
    stream = f"BT /F1 11 Tf 14 TL 40 780 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_pdf_text(tmp_path, ingest_vocab):
    path = tmp_path / "r.pdf"
    path.write_bytes(minimal_pdf(["Kantor Imigrasi Bogor mencatat", "ITAS sebanyak 1.503 orang."]))
    release = read_release(path)
    assert "ITAS sebanyak 1.503 orang." in release.text
    facts = propose(release, ingest_vocab).facts
    assert [(f.metric, f.value) for f in facts] == [("itas", 1503)]


@pytest.fixture
def web_page():
    html = (
        "<html><head><title>Imigrasi Bogor Catat 1.503 ITAS</title></head><body>"
        "<nav>Beranda | Berita</nav><article><h1>Imigrasi Bogor Catat 1.503 ITAS</h1>"
        f"<p>BOGOR, Warta Bogor - {SENTENCE}</p>"
        "<p>Kepala Kantor Imigrasi Bogor, Herman Lukman Syahputra, menyampaikan bahwa "
        "pihaknya juga mendeportasi 23 WNA sepanjang tahun 2017.</p></article></body></html>"
    ).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/berita"
    server.shutdown()
    server.server_close()


def test_a_url_is_fetched_and_its_article_extracted(web_page, ingest_vocab):
    release = read_release(web_page, allow_private=True)
    assert release.url == web_page and SENTENCE in release.text
    assert "Beranda" not in release.text
    proposal = propose(release, ingest_vocab)
    assert proposal.source["url"] == web_page
    assert {(f.metric, f.value) for f in proposal.facts} >= {("itas", 1503), ("deportation", 23)}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "no text"),
        ("blank.md", b"  \n\n \n", "no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary"),
        ("latin.txt", "Kantor Imigrasi Bogor \xe9".encode("latin-1"), "not UTF-8"),
        ("broken.docx", b"PK not really a zip", "not a readable .docx"),
        ("broken.pdf", b"%PDF-1.4 nothing else", "PDF"),
        ("table.xlsx", b"PK", "unknown kind"),
    ],
)
def test_unreadable_input_is_refused_with_a_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        read_release(path)


def test_a_private_address_is_refused_by_default(web_page):
    with pytest.raises(IngestError, match="could not be fetched"):
        read_release(web_page)


def test_a_missing_file_or_dead_url_is_refused(tmp_path):
    with pytest.raises(IngestError, match="no such file"):
        read_release(tmp_path / "nothing.txt")
    with pytest.raises(IngestError, match="could not be fetched"):
        read_release("http://127.0.0.1:9/none", allow_private=True)
