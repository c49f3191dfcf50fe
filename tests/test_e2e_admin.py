"""End to end: an admin teaches the running bot a new release. ``python -m bot run`` in a
subprocess polls the fake Bot API; the admin sends ``bekasi-2021.txt`` as a document, gets
the preview and presses "Simpan", and the bot answers "berapa ITAS 2021" with the 2021
figure at once. A non-admin's upload changes nothing. Figures come from the release's
expectations file and from an in-process pipeline over the bot's own fact base."""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

from bot_process import ADMIN, WAIT
from tg_updates import callback_update, document_update, text_update

from bot.answers.formatting import number
from bot.model.text import digits_in
from bot.telegram.support import NON_TEXT_HINT

RELEASE = Path(__file__).parent / "data" / "releases" / "bekasi-2021.txt"
QUESTION = "berapa ITAS 2021"
STRANGER = 302


def itas_2021() -> int:
    expected = json.loads(RELEASE.with_suffix(".expected.json").read_text(encoding="utf-8"))
    facts = expected["facts"]
    return next(f["value"] for f in facts if (f["metric"], f["period"]) == ("itas", "2021"))


def digest(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in files)).hexdigest()


def with_buttons(run, chat_id: int, after: int) -> list[dict]:
    """The messages sent to ``chat_id`` after the first ``after``, up to one with buttons."""
    run.api.wait_until(
        lambda: any(m.get("reply_markup") for m in run.api.messages_for(chat_id)[after:]), WAIT
    )
    return run.api.messages_for(chat_id)[after:]


def test_an_admins_upload_and_simpan_make_the_new_year_answerable(bot_process, knowledge_copy):
    run = bot_process(SEND_RATE_PER_SECOND="0")
    itas, before = itas_2021(), digest(knowledge_copy)
    assert str(itas) not in digits_in(run.answer(QUESTION, 301))

    # A non-admin's document: the usual hint, nothing downloaded, nothing written.
    document = run.api.add_file(RELEASE.read_bytes(), RELEASE.name)
    run.api.push_update(document_update(document, STRANGER, caption="rilis 2021 sebanyak 9"))
    assert run.api.wait_for_messages(STRANGER, 1, WAIT)[0]["text"] == html.escape(NON_TEXT_HINT)
    assert run.api.downloads == [] and digest(knowledge_copy) == before

    # The admin's upload: a preview with the 2021 figure and its quote; nothing written yet.
    document = run.api.add_file(RELEASE.read_bytes(), RELEASE.name)
    run.api.push_update(document_update(document, ADMIN))
    preview = with_buttons(run, ADMIN, 0)
    text = html.unescape("\n".join(m["text"] for m in preview))
    assert "Kantor Imigrasi Bekasi (bekasi) · Periode: 2021" in text
    assert f"ITAS · 2021 · {number(itas, 'id')} — “Izin Tinggal Terbatas (ITAS)" in text
    assert len(run.api.downloads) == 1 and digest(knowledge_copy) == before
    rows = preview[-1]["reply_markup"]["inline_keyboard"]
    simpan = next(b["callback_data"] for row in rows for b in row if b["text"].startswith("Simpan"))

    # "Simpan": saved, rebuilt and switched over; the new year is answered at once.
    run.api.push_update(callback_update(simpan, ADMIN))
    report = run.api.wait_for_messages(ADMIN, len(preview) + 1, WAIT)[len(preview)]["text"]
    assert html.unescape(report).startswith("Disimpan: releases/bekasi/2021, ")
    assert (knowledge_copy / "releases" / "bekasi" / "2021" / "release.txt").is_file()
    answer = run.answer(QUESTION, 303)
    assert str(itas) in digits_in(answer) and answer == run.expected(QUESTION)

    # /undo takes it back: the files as before, and 2021 no longer answered.
    sent = len(run.api.messages_for(ADMIN))
    run.api.push_update(text_update("/undo", ADMIN))
    undone = run.api.wait_for_messages(ADMIN, sent + 1, WAIT)[sent]["text"]
    assert "releases/bekasi/2021" in undone and digest(knowledge_copy) == before
    assert str(itas) not in digits_in(run.answer(QUESTION, 304))

    assert run.stop() == 0
    logs = run.logs()
    assert "Traceback" not in logs and "rilis 2021 sebanyak 9" not in logs
    assert f"document from non-admin user id {STRANGER}" in logs
    assert run.api.pending() == 0
