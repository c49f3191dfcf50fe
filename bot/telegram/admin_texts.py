"""The words of the admin's release flow, in Indonesian and English: each text is a pair
(id, en), picked by the admin's chat language. No Telegram import."""

from __future__ import annotations

TEXTS = {
    "title": ("Pratinjau rilis (belum disimpan)", "Release preview (not saved yet)"),
    "heading": ("Judul: {title}\nPenerbit: {publisher}", "Title: {title}\nPublisher: {publisher}"),
    "where": ("Kantor: {office} · Periode: {period}", "Office: {office} · Period: {period}"),
    "unknown": ("tidak terdeteksi", "not detected"),
    "new_office": (
        "Kantor baru (masuk offices.csv saat disimpan): {name} ({id})",
        "New office (added to offices.csv on saving): {name} ({id})",
    ),
    "facts": (
        "Fakta yang diusulkan ({n}); periksa tiap angka dengan kutipannya:",
        "Proposed facts ({n}); check each figure against its quote:",
    ),
    "no_facts": ("Tidak ada fakta yang diusulkan.", "No facts proposed."),
    "removed": ("dihapus", "removed"),
    "conflict": ("konflik", "conflict"),
    "low": ("(?) keyakinan rendah: periksa kutipannya.", "(?) low confidence: check the quote."),
    "conflicts": (
        "Angka yang berkonflik ({n}) tidak disimpan kecuali satu sisinya dihapus.",
        "Conflicting figures ({n}) are not saved unless you remove one side.",
    ),
    "skipped": ("Tidak diusulkan ({n}):", "Not proposed ({n}):"),
    "statements": ("Pernyataan ({n}):", "Statements ({n}):"),
    "how": (
        "Simpan: semua fakta di atas kecuali yang dihapus. Hapus fakta: tombol "
        "«Hapus fakta…» atau ketik /hapus 3 5. Batal: tidak ada yang disimpan.",
        "Save: every fact above except those removed. Remove facts: the «Remove facts…» "
        "button, or type /drop 3 5. Cancel: nothing is saved.",
    ),
    "need_where": (
        "Kantor atau periode tidak terdeteksi, jadi rilis ini belum bisa disimpan. Kirim lagi "
        "dengan keterangan, misalnya: office=jakarta_selatan period=2023",
        "The office or period was not detected, so this release cannot be saved yet. Send it "
        "again with a caption such as: office=jakarta_selatan period=2023",
    ),
    "save": ("Simpan ({n} fakta)", "Save ({n} facts)"),
    "cancel": ("Batal", "Cancel"),
    "pick": ("Hapus fakta…", "Remove facts…"),
    "pick_help": (
        "Tekan nomor fakta untuk menghapusnya (✗), tekan lagi untuk memakainya lagi; lalu "
        "Simpan. Atau ketik /hapus 3 5.",
        "Press a fact's number to remove it (✗), again to keep it; then Save. Or type /drop 3 5.",
    ),
    "replaced": (
        "Pratinjau sebelumnya diganti dengan yang ini (tombolnya tidak berlaku lagi).",
        "The previous preview was replaced by this one (its buttons no longer work).",
    ),
    "reading": ("Membaca rilis…", "Reading the release…"),
    "saving": ("Menyimpan dan membangun ulang…", "Saving and rebuilding…"),
    "saved": (
        "Disimpan: {folder}, {n} fakta. Bot langsung menjawab dengan fakta baru.",
        "Saved: {folder}, {n} facts. The bot answers from them now.",
    ),
    "counts": (
        "Fakta di basis: {before} → {after}; ditambah {added}, dihapus {removed}, "
        "diubah {changed}.",
        "Facts in the base: {before} → {after}; added {added}, removed {removed}, "
        "changed {changed}.",
    ),
    "left_out": ("Tidak disimpan ({why}): {fact}", "Not saved ({why}): {fact}"),
    "refused": (
        "Simpan ditolak: {n} masalah. Tidak ada yang diubah; pratinjau masih menunggu.",
        "Save refused: {n} problem(s). Nothing was changed; the preview is still waiting.",
    ),
    "read_refused": (
        "Rilis tidak bisa diusulkan: berkas pengetahuan bermasalah ({n} masalah); perbaiki "
        "lalu /reload.",
        "The release cannot be proposed: the knowledge files have {n} problem(s); fix them, "
        "then /reload.",
    ),
    "undo_refused": (
        "Undo ditolak: {n} masalah. Fakta lama tetap dipakai.",
        "Undo refused: {n} problem(s). The bot keeps answering from the last good facts.",
    ),
    "unwritable": (
        "Simpan gagal: {folder} tidak bisa ditulis ({why}). Tidak ada yang diubah; pratinjau "
        "masih menunggu.",
        "Save failed: {folder} cannot be written ({why}). Nothing was changed; the preview is "
        "still waiting.",
    ),
    "cancelled": ("Dibatalkan. Tidak ada yang disimpan.", "Cancelled. Nothing was saved."),
    "expired_24h": (
        "Pratinjau ini sudah lebih dari 24 jam dan kedaluwarsa; tidak ada yang disimpan. "
        "Kirim rilisnya lagi.",
        "This preview was older than 24 hours and has expired; nothing was saved. "
        "Please send the release again.",
    ),
    "none_waiting": (
        "Tidak ada pratinjau yang menunggu. Kirim rilis dulu (berkas atau /ingest).",
        "No preview is waiting. Send a release first (a file or /ingest).",
    ),
    "too_big": (
        "Berkas terlalu besar ({size}); batasnya {limit}. Kirim versi .txt, atau tautannya "
        "dengan /ingest <URL>.",
        "The file is too big ({size}); the limit is {limit}. Send it as .txt, or its link "
        "with /ingest <URL>.",
    ),
    "bad_kind": (
        "Jenis berkas ini tidak bisa dibaca: kirim .txt, .md, .docx atau .pdf.",
        "This kind of file cannot be read: send .txt, .md, .docx or .pdf.",
    ),
    "unreadable": ("Rilis tidak bisa dibaca: {why}", "The release cannot be read: {why}"),
    "no_download": (
        "berkas tidak bisa diunduh dari Telegram; coba kirim lagi",
        "the file could not be downloaded from Telegram; please send it again",
    ),
    "ingest_usage": (
        "Kirim /ingest diikuti teks rilis atau tautannya (http/https), atau kirim berkasnya "
        "(.txt, .md, .docx, .pdf, maks. {limit}).",
        "Send /ingest followed by the release's text or its link (http/https), or send the "
        "file (.txt, .md, .docx, .pdf, at most {limit}).",
    ),
    "dropped_now": (
        "Tidak akan disimpan: fakta {numbers}. Tersisa {kept} fakta.",
        "Left out: facts {numbers}. {kept} facts remain.",
    ),
    "none_dropped": ("Semua {kept} fakta akan disimpan.", "All {kept} facts will be saved."),
    "drop_usage": (
        "Ketik nomor fakta (1–{n}), misalnya /hapus 3 5.",
        "Type fact numbers (1–{n}), for example /drop 3 5.",
    ),
    "toggled_off": ("Fakta {n} dihapus", "Fact {n} removed"),
    "toggled_on": ("Fakta {n} dipakai lagi", "Fact {n} kept again"),
    "undo_none": ("Tidak ada simpanan yang bisa dibatalkan.", "There is no save to undo."),
    "undone": (
        "Dibatalkan: {folder} dihapus. Bot langsung menjawab dengan fakta sebelumnya.",
        "Undone: {folder} removed. The bot answers from the previous facts now.",
    ),
    "busy": (
        "Pembangunan ulang sedang berjalan; coba lagi sebentar.",
        "A rebuild is running; try again in a moment.",
    ),
}


def t(key: str, lang: str, **values) -> str:
    """The text ``key`` in ``lang`` ("id" or "en"), with ``values`` filled in."""
    text = TEXTS[key][lang == "en"]
    return text.format(**values) if values else text
