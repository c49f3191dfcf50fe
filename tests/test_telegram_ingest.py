"""An admin teaches the bot a new release over Telegram, through python-telegram-bot itself:
upload or /ingest → preview with buttons → Simpan (or Batal, or facts removed) → the new
year is answered; /undo takes it back. Everyone else changes nothing. Every test works on
a copy of the knowledge folder."""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from knowledge_edits import fact_line, set_fact
from telegram_harness import ADMIN
from tg_updates import callback_update, document_update

from bot.answers.formatting import number
from bot.facts.build import build
from bot.facts.ingest import read as ingest_read
from bot.facts.store import read_tables
from bot.model.text import digits_in
from bot.telegram import admin_actions, admin_ingest
from bot.telegram.admin_ingest import MAX_BYTES, PREVIEW_EXPIRED
from bot.telegram.admin_texts import t
from bot.telegram.support import ADMIN_ONLY, NON_TEXT_HINT

RELEASES = Path(__file__).parent / "data" / "releases"
BEKASI = "bekasi-2021.txt"
OTHER = 555
ASKER = 77


def expected_value(name: str, metric: str, period: str, country=None) -> int:
    """A figure the release states, from its expectations file (never a literal)."""
    stem = name.rsplit(".", 1)[0]
    expected = json.loads((RELEASES / f"{stem}.expected.json").read_text(encoding="utf-8"))
    return next(
        f["value"]
        for f in expected["facts"]
        if (f["metric"], f["period"], f["country"]) == (metric, period, country)
    )


def digest(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in files)).hexdigest()


@pytest.fixture
async def site(make_bot, knowledge_copy, tmp_path):
    """A bot over its own copy of the knowledge and a fact base built from it."""
    db = tmp_path / "data" / "facts.db"
    build(knowledge_copy, db)
    return await make_bot(knowledge_dir=knowledge_copy, facts_db=db)


async def upload(bot, name=BEKASI, data=None, user=ADMIN, caption=None) -> list[dict]:
    """Send a release file as ``user`` in their private chat; the messages the bot sent."""
    before = len(bot.api.sent)
    data = (RELEASES / name).read_bytes() if data is None else data
    document = bot.api.add_file(data, name)
    await bot.send(document_update(document, user, user, caption))
    return bot.api.sent[before:]


async def press(bot, data: str, user=ADMIN) -> list[dict]:
    before = len(bot.api.sent)
    await bot.send(callback_update(data, user, user))
    return bot.api.sent[before:]


def buttons(message: dict) -> dict[str, str]:
    """The buttons under a message: label → callback data."""
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


def button(message: dict, prefix: str) -> str:
    return next(data for label, data in buttons(message).items() if label.startswith(prefix))


def text_of(messages: list[dict]) -> str:
    return html.unescape("\n".join(m["text"] for m in messages))


def pending(bot):
    """The admin chat's pending preview (None when there is none)."""
    return bot.state.previews.current(ADMIN)[0]


def fact_number(bot, metric: str, period: str, country=None) -> int:
    """The number of a fact in the pending preview."""
    facts = pending(bot).proposal.facts
    keys = [(f.metric, f.period, f.country) for f in facts]
    return keys.index((metric, period, country)) + 1


async def ask_value(bot, question: str) -> set[str]:
    return digits_in(html.unescape((await bot.ask(question, chat_id=ASKER))[0]["text"]))


# -- preview ----------------------------------------------------------------------------------


async def test_an_uploaded_release_is_previewed_with_buttons(site, knowledge_copy):
    before = digest(knowledge_copy)
    sent = await upload(site)
    preview = text_of(sent)
    itas, n = expected_value(BEKASI, "itas", "2021"), fact_number(site, "itas", "2021")
    assert "Kantor: Kantor Imigrasi Bekasi (bekasi) · Periode: 2021" in preview
    line = next(x for x in preview.splitlines() if x.startswith(f"{n}. ITAS · 2021 · "))
    assert number(itas, "id") in line and "— “Izin Tinggal Terbatas (ITAS)" in line
    assert "Tidak diusulkan (" in preview and "sekitar 6 ribu" in preview
    size = len(pending(site).proposal.facts)
    assert set(buttons(sent[-1])) == {f"Simpan ({size} fakta)", "Batal", "Hapus fakta…"}
    assert all(len(m["text"]) <= 4096 for m in sent)
    assert digest(knowledge_copy) == before  # nothing written before Simpan
    assert site.api.downloads == ["documents/file_1.txt"]


async def test_the_preview_speaks_the_chat_language(site):
    await site.ask("/lang en", chat_id=ADMIN)
    sent = await upload(site)
    assert "Office: the Bekasi immigration office (bekasi) · Period: 2021" in text_of(sent)
    size = len(pending(site).proposal.facts)
    assert set(buttons(sent[-1])) == {f"Save ({size} facts)", "Cancel", "Remove facts…"}
    assert number(expected_value(BEKASI, "itas", "2021"), "en") in text_of(sent)


async def test_a_long_preview_is_split_within_telegrams_limit(site):
    many = "Kantor Imigrasi Bekasi mencatat capaian sepanjang 2021.\n\n" + "\n\n".join(
        f"Izin Tinggal Terbatas (ITAS) sebanyak {n} orang tercatat pada bulan ke-{n} tahun 2021."
        for n in range(100, 160)
    )
    sent = await upload(site, "many.txt", many.encode())
    assert len(sent) > 2 and all(len(html.unescape(m["text"])) <= 4096 for m in sent)
    assert buttons(sent[-1]) and not any(buttons(m) for m in sent[:-1])
    lines = text_of(sent).splitlines()
    assert [n for n in range(1, 61) if not any(x.startswith(f"{n}. ITAS") for x in lines)] == []


async def test_pasted_text_and_a_link_are_previewed(site, monkeypatch):
    text = (RELEASES / BEKASI).read_text(encoding="utf-8")
    sent = await site.ask("/ingest\n" + text[:3500], chat_id=ADMIN)
    assert "Periode: 2021" in text_of(sent) and "Simpan (" in "".join(buttons(sent[-1]))
    page = f"<html><head><title>Rilis</title></head><body><article><p>{text}</p></article>"
    with serving(page.replace("\n\n", "</p><p>")) as url:
        monkeypatch.setattr(
            admin_ingest, "read_release", partial(ingest_read.read_release, allow_private=True)
        )
        sent = await site.ask(f"/ingest {url}", chat_id=ADMIN)
    preview = text_of(sent)
    assert preview.startswith(t("replaced", "id"))  # one preview per chat
    assert "ITAS · 2021" in preview


class serving:
    """A loopback HTTP server of one page (the bot's URL reader refuses it unless told)."""

    def __init__(self, page: str):
        body = page.encode("utf-8")

        class Page(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                """Quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Page)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/rilis"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("big.txt", b"x" * (MAX_BYTES + 1), "too_big"),
        ("foto.jpg", b"\xff\xd8", "bad_kind"),
    ],
)
async def test_an_oversized_or_unknown_file_is_refused_politely(site, name, data, key):
    sent = await upload(site, name, data)
    assert len(sent) == 1 and html.unescape(sent[0]["text"]).split("(")[0] in t(key, "id")
    assert site.api.downloads == []  # refused before downloading
    assert pending(site) is None


async def test_an_unreadable_release_says_why(site):
    sent = await upload(site, "kosong.txt", b"   \n")
    assert text_of(sent).startswith("Rilis tidak bisa dibaca:") and "no text" in text_of(sent)


async def test_an_undetected_office_asks_for_it_and_offers_no_save(site):
    sent = await site.ask("/ingest Pada tahun 2021 tercatat ITAS sebanyak 512 orang.", ADMIN)
    assert "office=" in text_of(sent) and set(buttons(sent[-1])) == {"Batal"}
    sent = await site.ask(
        "/ingest office=bekasi period=2021 Pada tahun 2021 tercatat ITAS sebanyak 512 orang.",
        ADMIN,
    )
    assert "Kantor Imigrasi Bekasi (bekasi) · Periode: 2021" in text_of(sent)
    assert "Simpan (1 fakta)" in buttons(sent[-1])


# -- save, cancel, remove ---------------------------------------------------------------------


async def test_simpan_saves_switches_over_and_reports_the_diff(site, knowledge_copy):
    itas = expected_value(BEKASI, "itas", "2021")
    assert str(itas) not in await ask_value(site, "berapa ITAS 2021")
    preview = await upload(site)
    proposal = pending(site).proposal
    sent = await press(site, button(preview[-1], "Simpan"))
    report, added = text_of(sent), len(proposal.facts)
    assert report.startswith("Disimpan: releases/bekasi/2021, ")
    assert f"ditambah {added}, dihapus 0, diubah 0" in report
    assert f"+ ITAS 2021 bekasi: {number(itas, 'id')}" in report
    assert (knowledge_copy / "releases/bekasi/2021/facts.csv").is_file()
    assert str(itas) in await ask_value(site, "berapa ITAS 2021")  # the live bot, at once
    assert site.api.callback_answers[-1]["text"] == t("saving", "id")
    assert site.api.edits[-1].get("reply_markup") is None  # the buttons are gone
    again = await press(site, button(preview[-1], "Simpan"))  # a second press: gone
    assert again == [] and site.api.callback_answers[-1]["text"] == PREVIEW_EXPIRED


async def test_batal_writes_nothing(site, knowledge_copy):
    before, db_before = digest(knowledge_copy), site.settings.facts_db.read_bytes()
    preview = await upload(site)
    sent = await press(site, button(preview[-1], "Batal"))
    assert text_of(sent) == t("cancelled", "id")
    assert digest(knowledge_copy) == before and site.settings.facts_db.read_bytes() == db_before
    assert pending(site) is None
    await press(site, button(preview[-1], "Simpan"))
    assert site.api.callback_answers[-1]["text"] == PREVIEW_EXPIRED
    assert digest(knowledge_copy) == before


async def test_facts_removed_by_buttons_and_by_hapus_are_not_saved(site):
    preview = await upload(site)
    size = len(pending(site).proposal.facts)
    await press(site, button(preview[-1], "Hapus fakta…"))
    keyboard = site.api.edits[-1]["reply_markup"]["inline_keyboard"]
    numbers = {b["text"]: b["callback_data"] for row in keyboard[:-1] for b in row}
    assert list(numbers) == [str(n) for n in range(1, size + 1)]
    itas = fact_number(site, "itas", "2021")
    await press(site, numbers[str(itas)])
    assert site.api.callback_answers[-1]["text"] == f"Fakta {itas} dihapus"
    labels = [
        b["text"] for row in site.api.edits[-1]["reply_markup"]["inline_keyboard"] for b in row
    ]
    assert f"✗{itas}" in labels and f"Simpan ({size - 1} fakta)" in labels
    await press(site, numbers[str(itas)])
    assert site.api.callback_answers[-1]["text"] == f"Fakta {itas} dipakai lagi"
    await press(site, numbers[str(itas)])  # removed again
    kr, jp = (fact_number(site, "foreign_residents", "2021", c) for c in ("KR", "JP"))
    assert jp == kr + 1
    sent = await site.ask(f"/hapus {kr}-{jp}", chat_id=ADMIN)
    listed = ", ".join(str(n) for n in sorted({itas, kr, jp}))
    assert text_of(sent) == f"Tidak akan disimpan: fakta {listed}. Tersisa {size - 3} fakta."
    saved = text_of(await press(site, button(sent[-1], f"Simpan ({size - 3} fakta)")))
    assert saved.startswith(f"Disimpan: releases/bekasi/2021, {size - 3} fakta.")
    facts = read_tables(site.settings.facts_db)["facts"]
    new = {(f["metric"], f["country"], f["period"]) for f in facts if f["source"] == "bekasi-2021"}
    assert ("itas", None, "2021") not in new and ("foreign_residents", "KR", "2021") not in new
    assert ("foreign_residents", "JP", "2021") not in new
    assert ("foreign_residents", "CN", "2021") in new and ("itas", None, "2020") in new


async def test_hapus_checks_its_numbers(site):
    sent = await site.ask("/drop 3", chat_id=ADMIN)
    assert text_of(sent) == t("none_waiting", "id")
    await upload(site)
    size = len(pending(site).proposal.facts)
    for wrong in ("/hapus", "/hapus 0", f"/hapus {size + 1}", "/hapus tiga"):
        assert text_of(await site.ask(wrong, chat_id=ADMIN)) == t("drop_usage", "id", n=size)
    assert pending(site).dropped == frozenset()


async def test_a_refused_save_changes_nothing_and_says_why(site, knowledge_copy):
    await upload(site)
    proposal = pending(site).proposal
    proposal.facts[fact_number(site, "itas", "2021") - 1].quote = "a quote the release lacks"
    site.state.previews.put(ADMIN, proposal, "id", ADMIN)  # as if it had been proposed so
    before, db_before = digest(knowledge_copy), site.settings.facts_db.read_bytes()
    sent = await press(site, f"ing:{pending(site).token}:save")
    report = text_of(sent)
    assert report.startswith("Simpan ditolak: ") and "Tidak ada yang diubah" in report
    assert re.search(r"releases/bekasi/2021/facts\.csv:\d+: ", report)
    assert digest(knowledge_copy) == before and site.settings.facts_db.read_bytes() == db_before
    assert pending(site) is not None  # still waiting, to be fixed


async def test_a_preview_survives_a_restart(make_bot, site):
    preview = await upload(site)
    restarted = await make_bot(**{k: getattr(site.settings, k) for k in RESTART_KEYS})
    sent = await press(restarted, button(preview[-1], "Simpan"))
    assert text_of(sent).startswith("Disimpan: releases/bekasi/2021")


RESTART_KEYS = ("knowledge_dir", "facts_db", "stats_db", "previews_db")


# -- expired, forged, non-admins --------------------------------------------------------------


@pytest.mark.parametrize(
    "data", ["ing:00000000:save", "ing:zz:save", "ing:{token}:t99", "ing:{token}:drop"]
)
async def test_forged_buttons_change_nothing(site, knowledge_copy, data):
    await upload(site)
    before = digest(knowledge_copy)
    assert await press(site, data.format(token=pending(site).token)) == []
    assert site.api.callback_answers[-1]["text"] == PREVIEW_EXPIRED
    assert digest(knowledge_copy) == before and pending(site) is not None


async def test_an_expired_preview_says_so(site, knowledge_copy):
    preview = await upload(site)
    site.state.previews.expire_seconds = 0
    before = digest(knowledge_copy)
    sent = await press(site, button(preview[-1], "Simpan"))
    assert site.api.callback_answers[-1]["text"] == PREVIEW_EXPIRED
    assert text_of(sent) == t("expired_24h", "id") and digest(knowledge_copy) == before


async def test_non_admins_change_nothing(site, knowledge_copy, caplog):
    caplog.set_level(logging.INFO)
    before = digest(knowledge_copy)
    secret = "Rahasia 2021 sebanyak 999 orang"
    sent = await upload(site, user=OTHER, caption=secret)
    assert [m["text"] for m in sent] == [html.escape(NON_TEXT_HINT)]
    for command in (f"/ingest {secret}", "/undo", "/hapus 1", "/drop 1"):
        assert [m["text"] for m in await site.ask(command, OTHER)] == [html.escape(ADMIN_ONLY)]
    await upload(site)  # an admin's preview, pressed by someone else
    assert await press(site, f"ing:{pending(site).token}:save", user=OTHER) == []
    assert site.api.callback_answers[-1]["text"] == ADMIN_ONLY
    assert site.api.downloads == ["documents/file_2.txt"]  # only the admin's file was read
    assert digest(knowledge_copy) == before
    assert f"user id {OTHER}" in caplog.text and secret not in caplog.text
    assert site.state.previews.current(OTHER) == (None, False)


# -- undo -------------------------------------------------------------------------------------


async def test_undo_restores_the_files_and_facts_before_the_save(site, knowledge_copy):
    before = digest(knowledge_copy)
    assert text_of(await site.ask("/undo", ADMIN)) == t("undo_none", "id")
    preview = await upload(site)
    saved = len(pending(site).proposal.facts)
    await press(site, button(preview[-1], "Simpan"))
    itas = str(expected_value(BEKASI, "itas", "2021"))
    assert itas in await ask_value(site, "berapa ITAS 2021")
    report = text_of(await site.ask("/undo", ADMIN))
    assert report.startswith(t("undone", "id", folder="releases/bekasi/2021"))
    assert f"ditambah 0, dihapus {saved}, diubah 0" in report
    assert f"- ITAS 2021 bekasi: {number(int(itas), 'id')}" in report
    assert digest(knowledge_copy) == before
    assert itas not in await ask_value(site, "berapa ITAS 2021")


# -- failures on the way ----------------------------------------------------------------------


async def test_a_file_telegram_cannot_give_says_so(site):
    document = {**site.api.add_file(b"x", "rilis.txt"), "file_id": "no-such-file"}
    await site.send(document_update(document, ADMIN, ADMIN))
    assert text_of(site.api.sent) == t("unreadable", "id", why=t("no_download", "id"))
    assert pending(site) is None


async def test_an_unwritable_knowledge_folder_changes_nothing(site, knowledge_copy, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(admin_actions, "save_proposal", refuse)
    preview = await upload(site)
    before = digest(knowledge_copy)
    report = text_of(await press(site, button(preview[-1], "Simpan")))
    assert report.startswith("Simpan gagal: ") and "Permission denied" in report
    assert digest(knowledge_copy) == before and pending(site) is not None


async def test_admins_are_not_rate_limited_and_see_the_commands(make_bot, site):
    bot = await make_bot(rate_limit_per_minute=2)
    for _ in range(4):
        await bot.ask("/hapus 1", chat_id=ADMIN)
    assert [m["text"] for m in bot.api.sent] == [t("none_waiting", "id")] * 4
    await bot.app.post_init(bot.app)
    admin = {"type": "chat", "chat_id": ADMIN}
    assert {"ingest", "hapus", "undo"} <= set(bot.api.menu("id", admin))
    assert {"ingest", "drop", "undo"} <= set(bot.api.menu("en", admin))
    assert "ingest" not in bot.api.menu("id")


async def test_broken_knowledge_files_are_named_instead_of_a_preview(site, knowledge_copy):
    row = set_fact(knowledge_copy, "itas")
    set_fact(knowledge_copy, "itas", quote=row["quote"] + " per tahun")
    sent = text_of(await upload(site))
    assert sent.startswith("Rilis tidak bisa diusulkan: berkas pengetahuan bermasalah (1 masalah)")
    assert f"facts.csv:{fact_line(knowledge_copy, 'itas')}: " in sent and pending(site) is None
