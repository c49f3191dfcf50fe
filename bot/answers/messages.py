"""Reply templates in Indonesian and English. No figure lives here: every number
is filled in from the fact base by :mod:`bot.compose`."""

from __future__ import annotations

from bot.answers.messages_no_data import NO_DATA_MESSAGES

MESSAGES: dict[str, dict[str, str]] = NO_DATA_MESSAGES | {
    "value": {
        "id": "{subject} di {office} tahun {year}: {value} {unit}.",
        "en": "{subject} at {office} in {year}: {value} {unit}.",
    },
    "value_country": {
        "id": "{subject} asal {country} di {office} tahun {year}: {value} {unit}.",
        "en": "{subject} from {country} at {office} in {year}: {value} {unit}.",
    },
    "from_country": {"id": "asal {country}", "en": "from {country}"},
    "source": {
        "id": 'Sumber: {publisher}, "{title}" — kutipan: {quotes}',
        "en": 'Source: {publisher}, "{title}" — quote: {quotes}',
    },
    "item_count": {
        "id": "Jumlahnya {count}, dihitung dari yang disebut rilis (rilis sendiri tidak menulis angkanya):",
        "en": "{count} in all, counted from what the release names (the release itself gives no number):",
    },
    "sources": {
        "id": "Angka dan keterangan saya diambil dari rilis berikut:\n{lines}",
        "en": "My figures and statements come from these releases:\n{lines}",
    },
    "source_item": {
        "id": '• {publisher}, "{title}" ({period})',
        "en": '• {publisher}, "{title}" ({period})',
    },
    "stated_same": {
        "id": "Ya, {stated} sesuai dengan angka rilis.",
        "en": "Yes, {stated} matches the release.",
    },
    "stated_differs": {
        # the number claimed is not repeated: every number a reply writes is a stored fact
        "id": "Bukan, angka itu tidak sesuai: rilis menyebut {value}.",
        "en": "Not so: that number does not match; the release says {value}.",
    },
    "combined": {
        "id": "(Catatan: angka ini mencakup {details} sekaligus; rilis tidak memisahkannya.)",
        "en": "(Note: this figure covers {details} together; the release does not separate them.)",
    },
    "computed": {
        "id": "(Angka ini dihitung dari fakta dalam rilis, bukan dikutip langsung.)",
        "en": "(This figure is computed from the release's facts, not quoted directly.)",
    },
    "share_relative": {
        "id": "{part_name} ({part}) = {percent} dari {whole_name} ({whole}), tahun {year}. "
        "Ini perbandingan dua angka: {part_name} bukan bagian dari {whole_name}.",
        "en": "{part_name} ({part}) is {percent} of {whole_name} ({whole}) in {year}. "
        "This compares two figures: {part_name} is no part of {whole_name}.",
    },
    "share_together": {
        "id": "{names} bersama: {parts} = {part} dari {whole} = {percent} ({office}, {year}).",
        "en": "{names} together: {parts} = {part} of {whole} = {percent} ({office}, {year}).",
    },
    "sum": {
        "id": "Total {subject} di {office} tahun {year}: {value} {unit} ({parts}).",
        "en": "Total {subject} at {office} in {year}: {value} {unit} ({parts}).",
    },
    "statement_newest": {
        "id": "Rilis {office} tahun {year} belum ada pada saya; rilis terbaru, tahun {newest}, menyebut:",
        "en": "I have no {year} release of {office} yet; the newest, of {newest}, says:",
    },
    "gap_mixed": {
        "id": "(Catatan: angka-angka ini dihitung dengan cara berbeda, ada yang pada satu saat dan ada yang selama setahun; selisihnya hanya selisih angka, bukan jumlah orang.)",
        "en": "(Note: these figures are counted differently, some at one moment and some over the year; the gap is only arithmetic, not a number of people.)",
    },
    "sum_overlap": {
        "id": "(Catatan: angka-angka ini menghitung hal yang berbeda dan bisa mencakup orang yang sama; jumlahnya hanya penjumlahan angka, bukan jumlah orang.)",
        "en": "(Note: these figures count different things and may include the same people; the total is only the sum of the numbers, not a count of people.)",
    },
    "ratio": {
        "id": "{a_name} ({a}) = {ratio} kali {b_name} ({b}), tahun {year}.",
        "en": "{a_name} ({a}) is {ratio} times {b_name} ({b}) in {year}.",
    },
    "ratio_inverse": {
        "id": "Sebaliknya, {b_name} = {ratio} kali {a_name}.",
        "en": "The other way round, {b_name} is {ratio} times {a_name}.",
    },
    "average": {
        "id": "Rata-rata {names} di {office} tahun {year}: ({values}) / {n} = {value} {unit}.",
        "en": "Average of {names} at {office} in {year}: ({values}) / {n} = {value} {unit}.",
    },
    "rate": {
        "id": "{a_name} per {per} {b_name} di {office} tahun {year}: {a} / {b} × {per} = {value}.",
        "en": "{a_name} per {per} {b_name} at {office} in {year}: {a} / {b} × {per} = {value}.",
    },
    "rounded": {
        "id": "{name} di {office} tahun {year}: {total} {unit}, dibulatkan ke kelipatan {step} terdekat: {value} {unit}.",
        "en": "{name} at {office} in {year}: {total} {unit}, rounded to the nearest {step}: {value} {unit}.",
    },
    "rounded_up": {
        "id": "{name} di {office} tahun {year}: {total} {unit}, dibulatkan ke atas ke kelipatan {step}: {value} {unit}.",
        "en": "{name} at {office} in {year}: {total} {unit}, rounded up to a multiple of {step}: {value} {unit}.",
    },
    "rounded_down": {
        "id": "{name} di {office} tahun {year}: {total} {unit}, dibulatkan ke bawah ke kelipatan {step}: {value} {unit}.",
        "en": "{name} at {office} in {year}: {total} {unit}, rounded down to a multiple of {step}: {value} {unit}.",
    },
    "rounded_small": {
        "id": "{name} di {office} tahun {year}: {total} {unit}; angka sekecil itu tidak dibulatkan.",
        "en": "{name} at {office} in {year}: {total} {unit}; a figure this small is not rounded.",
    },
    "scaled": {
        "id": "{name} di {office} tahun {year}: {total} {sign} {factor} = {value} {unit}. "
        "Angka {factor} itu dari pertanyaan Anda; rilis sendiri hanya memuat {total}.",
        "en": "{name} at {office} in {year}: {total} {sign} {factor} = {value} {unit}. "
        "The {factor} is your own number; the release itself gives only {total}.",
    },
    "average_per": {
        "id": "Rata-rata {name} per {per} di {office} tahun {year}: {total} / {divisor} {pers} = "
        "{value} {unit}. Rilis hanya memberi angka setahun, bukan angka per {per}.",
        "en": "Average {name} per {per} at {office} in {year}: {total} / {divisor} {pers} = "
        "{value} {unit}. The release gives only the year's figure, not one per {per}.",
    },
    "unasked": {
        "id": "(Pesan Anda juga menyebut {named}; rilis tidak memuat angka untuk itu. "
        "Angka di atas untuk {office}, tahun {year}.)",
        "en": "(Your message also names {named}; the release has no figure for it. "
        "The figure above is for {office}, {year}.)",
    },
    "part": {"id": "{name} {value}", "en": "{name} {value}"},
    "share": {
        "id": "{part_name}: {part} dari {whole} {whole_name} = {percent} ({office}, {year}).",
        "en": "{part_name}: {part} of {whole} {whole_name} = {percent} ({office}, {year}).",
    },
    "ends_of_listed": {
        "id": "(Terbanyak dan tersedikit di antara {n} negara yang disebut rilis.)",
        "en": "(The largest and the smallest of the {n} countries named in the release.)",
    },
    "share_apart": {
        "id": "(Rilis tidak menyebut angka ini sebagai bagian dari {whole_name}; ini perbandingan dua angka, tidak lebih.)",
        "en": "(The release does not give this figure as a part of the {whole_name}; this only compares two figures.)",
    },
    "years_missing_too": {
        "id": "Untuk tahun {years}, rilis yang ada tidak memberi angkanya.",
        "en": "For {years}, the releases at hand give no figure.",
    },
    "among_most": {
        "id": "Terbanyak di antaranya: {name}, {value} {unit}.",
        "en": "The largest of these: {name}, {value} {unit}.",
    },
    "among_fewest": {
        "id": "Paling sedikit di antaranya: {name}, {value} {unit}.",
        "en": "The smallest of these: {name}, {value} {unit}.",
    },
    "others": {"id": "negara lain", "en": "other countries"},
    "the_rest": {"id": "sisanya", "en": "the rest"},
    "countries_missing_too": {
        "id": "Untuk {countries}, rilis tidak memberi angka.",
        "en": "For {countries}, the release gives no figure.",
    },
    "added_together": {"id": "gabungan {names}", "en": "{names} combined"},
    "difference": {
        "id": "Selisih {a_name} ({a}) dan {b_name} ({b}): {diff} {unit} ({year}).",
        "en": "Difference between {a_name} ({a}) and {b_name} ({b}): {diff} {unit} ({year}).",
    },
    "compare": {
        "id": "{lines}\n{more} lebih banyak {diff} {unit} daripada {less} ({year}).",
        "en": "{lines}\n{more} is higher by {diff} {unit} than {less} ({year}).",
    },
    "compare_percent_fewer": {
        "id": "Dalam persen: {less} {percent} lebih sedikit daripada {more} (selisih dibagi angka {more}).",
        "en": "As a percentage: {less} is {percent} lower than {more} (the difference divided by the figure for {more}).",
    },
    "compare_percent": {
        "id": "Dalam persen: {more} {percent} lebih banyak daripada {less} (selisih dibagi angka {less}).",
        "en": "As a percentage: {more} is {percent} higher than {less} (the difference divided by the figure for {less}).",
    },
    "compare_apart": {
        "id": "{lines}\nAngka-angka ini tidak dijumlahkan: keduanya menghitung hal yang berbeda dan bisa tumpang tindih ({year}).",
        "en": "{lines}\nThese figures are not added up: they count different things that may overlap ({year}).",
    },
    "compare_uneven": {
        "id": "{lines}\nTahunnya berbeda, jadi selisihnya tidak dihitung.",
        "en": "{lines}\nThe years differ, so no difference is computed.",
    },
    "compare_many": {"id": "{lines}\n({year})", "en": "{lines}\n({year})"},
    "change": {
        "id": "{subject} di {office} {direction} dari {old} ({old_year}) menjadi {new} ({new_year}): {diff} {unit} ({percent}).",
        "en": "{subject} at {office} {direction} from {old} ({old_year}) to {new} ({new_year}): {diff} {unit} ({percent}).",
    },
    "change_same": {
        "id": "{subject} di {office} tidak berubah: {new} {unit} pada {old_year} dan {new_year}.",
        "en": "{subject} at {office} did not change: {new} {unit} in {old_year} and in {new_year}.",
    },
    "change_missing": {
        "id": "Perubahannya tidak bisa dihitung: tidak ada angka tahun {years}.",
        "en": "The change cannot be computed: there is no figure for {years}.",
    },
    "rose": {"id": "naik", "en": "rose"},
    "fell": {"id": "turun", "en": "fell"},
    "series": {
        "id": "{subject} di {office} per tahun:",
        "en": "{subject} at {office} by year:",
    },
    "series_one": {
        "id": "{subject} di {office}: hanya ada angka tahun {year}.",
        "en": "{subject} at {office}: there is a figure for {year} only.",
    },
    "series_line": {"id": "• {year}: {value} {unit}", "en": "• {year}: {value} {unit}"},
    "stated_total": {
        "id": "Total {subject} di {office} tahun {year} menurut rilis: {value} {unit}.",
        "en": "Total {subject} at {office} in {year} according to the release: {value} {unit}.",
    },
    "total_differs": {
        "id": "Catatan: rinciannya ({parts}) berjumlah {sum}, selisih {diff} dari total yang disebut rilis.",
        "en": "Note: its parts ({parts}) add up to {sum}, {diff} off the total the release states.",
    },
    "define_group": {
        "id": "{term} — gabungan dari {members}.",
        "en": "{term} — made up of {members}.",
    },
    "compare_equal": {
        "id": "{lines}\nKeduanya sama besar ({year}).",
        "en": "{lines}\nBoth are equal ({year}).",
    },
    "line": {"id": "• {name}: {value} {unit}", "en": "• {name}: {value} {unit}"},
    "ranking": {
        "id": "WNA aktif di {office} tahun {year} menurut negara asal ({n} negara yang disebut rilis):",
        "en": "Active foreign residents at {office} in {year} by country ({n} countries named in the release):",
    },
    "ranking_fewest": {
        "id": "WNA aktif di {office} tahun {year} menurut negara asal, dari yang paling sedikit ({n} negara yang disebut rilis):",
        "en": "Active foreign residents at {office} in {year} by country, fewest first ({n} countries named in the release):",
    },
    "rank_threshold": {
        "id": "Negara asal dengan WNA aktif {op} {limit} orang di {office} tahun {year} (dari {n} negara yang disebut rilis):",
        "en": "Countries with {op} {limit} active foreign residents at {office} in {year} (of the {n} countries named in the release):",
    },
    "rank_beyond_country": {
        "id": "Negara asal dengan WNA aktif {op} {country} ({limit} orang) di {office} tahun {year} (dari {n} negara yang disebut rilis):",
        "en": "Countries with {op} active foreign residents than {country} ({limit}) at {office} in {year} (of the {n} countries named in the release):",
    },
    "rank_none": {"id": "Tidak ada.", "en": "None."},
    "fewest_k": {
        "id": "Urutan ke-{rank} dari yang paling sedikit di antara {n} negara yang disebut rilis ({office}, {year}): {country}, {value} {unit}.",
        "en": "Number {rank} from the fewest among the {n} countries named in the release ({office}, {year}): {country}, {value} {unit}.",
    },
    "rank_line": {
        "id": "{rank}. {country}: {value} {unit}",
        "en": "{rank}. {country}: {value} {unit}",
    },
    "rank_k": {
        "id": "Urutan ke-{rank} negara asal WNA aktif di {office} tahun {year}: {country}, {value} {unit}.",
        "en": "Number {rank} among the countries of active foreign residents at {office} in {year}: {country}, {value} {unit}.",
    },
    "rank_missing": {
        "id": "Rilis hanya menyebut {n} negara asal, jadi tidak ada urutan ke-{rank}.",
        "en": "The release names only {n} countries, so there is no number {rank}.",
    },
    "top": {
        "id": "Negara asal WNA aktif terbanyak di {office} tahun {year}: {country}, {value} {unit}.",
        "en": "The country with the most active foreign residents at {office} in {year}: {country}, {value} {unit}.",
    },
    "top_other": {
        "id": "Negara asal WNA aktif terbanyak selain {left} di {office} tahun {year}: {country}, {value} {unit}.",
        "en": "The country with the most active foreign residents other than {left} at {office} in {year}: {country}, {value} {unit}.",
    },
    "fewest_top": {
        "id": "Di antara {k} negara dengan WNA aktif terbanyak di {office} tahun {year}, yang paling sedikit: {country}, {value} {unit}.",
        "en": "Among the {k} countries with the most active foreign residents at {office} in {year}, the fewest: {country}, {value} {unit}.",
    },
    "fewest_other": {
        "id": "Di antara {n} negara yang disebut rilis, selain {left}, WNA aktif paling sedikit di {office} tahun {year}: {country}, {value} {unit}.",
        "en": "Among the {n} countries named in the release, other than {left}, the fewest active foreign residents at {office} in {year}: {country}, {value} {unit}.",
    },
    "rank_left_out": {
        "id": "(Tanpa {left}; nomor urut tetap urutan di antara semua negara.)",
        "en": "(Leaving out {left}; the numbers are still the places among all countries.)",
    },
    "fewest": {
        "id": "Di antara {n} negara yang disebut rilis, WNA aktif paling sedikit di {office} tahun {year}: {country}, {value} {unit}.",
        "en": "Among the {n} countries named in the release, the fewest active foreign residents at {office} in {year}: {country}, {value} {unit}.",
    },
    "define": {"id": "{term} — {name}: {definition}", "en": "{term} — {name}: {definition}"},
    "statement_quote": {
        "id": 'Kutipan rilis: "{quote}"',
        "en": 'Quote from the release (Indonesian): "{quote}"',
    },
    "complement": {
        "id": "{subject} selain {parts_names} di {office} tahun {year}: {whole} − {parts} = {value} {unit}.",
        "en": "{subject} other than {parts_names} at {office} in {year}: {whole} − {parts} = {value} {unit}.",
    },
    "complement_listed": {
        "id": "Di antaranya, yang disebut rilis: {listed}.",
        "en": "Among them, the release names: {listed}.",
    },
    "complement_share": {
        "id": "Itu {value} dari {whole} = {percent}.",
        "en": "That is {value} of {whole} = {percent}.",
    },
    "contains": {
        "id": "Yang ada di basis data: {metrics}; dari {coverage}.",
        "en": "What I have: {metrics}; from {coverage}.",
    },
    "share_option": {
        "id": "persentase {part} dari total {whole}",
        "en": "share of {part} in total {whole}",
    },
    "clarify_whole": {"id": "Persentase {part} dari apa?", "en": "A share of {part} in what?"},
    "pick_one": {"id": "Pilih salah satu.", "en": "Pick one."},
    "share_country_option": {
        "id": "persentase {part} asal {country}",
        "en": "share of {part} from {country}",
    },
    "clarify_tie": {"id": "Maksud Anda yang mana?", "en": "Which one do you mean?"},
    "clarify_country": {
        "id": "Saya hanya punya data jumlah WNA aktif per negara asal di {office}. Maksud Anda itu?",
        "en": "I only have the number of active foreign residents by country at {office}. Is that what you mean?",
    },
    "clarify_vague": {
        "id": 'Angka apa yang ingin Anda ketahui? Pilih salah satu atau ketik pertanyaan, misalnya "berapa ITAS {year}".',
        "en": 'Which figure would you like? Pick one or type a question, for example "how many ITAS in {year}".',
    },
    "greeting": {
        "id": 'Halo! Saya menjawab pertanyaan statistik keimigrasian dari rilis {coverage}. Coba tanya: "berapa ITAS {year}?"',
        "en": 'Hello! I answer immigration statistics questions from the releases of {coverage}. Try: "how many ITAS in {year}?"',
    },
    "thanks": {
        "id": "Sama-sama! Silakan tanya lagi kapan saja.",
        "en": "You're welcome! Ask again any time.",
    },
    "goodbye": {"id": "Sampai jumpa!", "en": "Goodbye!"},
    "about_bot": {
        "id": "Saya bot yang menjawab pertanyaan statistik keimigrasian dari rilis {coverage}, dengan sumber setiap angka.",
        "en": "I am a bot that answers immigration statistics questions from the releases of {coverage}, citing the source of every figure.",
    },
    "help": {
        "id": 'Saya bisa menjawab dari rilis {coverage}:\n• angka: {metrics}\n• WNA aktif per negara, peringkat, persentase, selisih, total, perubahan antartahun\n• arti istilah (apa itu ITAS?)\n• inovasi, penghargaan, kepala kantor, nilai layanan, pasal yang dilanggar, penurunan paspor\nContoh: "berapa ITAS {year}", "WNA Jepang", "selisih Korea dan Jepang".',
        "en": 'I can answer from the releases of {coverage}:\n• figures: {metrics}\n• active foreign residents by country, rankings, shares, differences, totals, changes between years\n• what a term means (what is ITAS?)\n• innovations, awards, head of office, service values, articles of the law, the passport decline\nExamples: "how many ITAS in {year}", "Japanese residents", "difference between Korea and Japan".',
    },
    "fallback": {
        "id": 'Maaf, saya belum paham. Saya hanya menjawab pertanyaan tentang data keimigrasian {coverage}, misalnya "berapa ITAS {year}" atau "WNA asal Jepang". Ketik /help untuk contoh.',
        "en": 'Sorry, I didn\'t understand. I only answer questions about the immigration figures of {coverage}, for example "how many ITAS in {year}" or "Japanese residents". Type /help for examples.',
    },
}


FRAGMENTS = frozenset(
    {"part", "line", "series_line", "rank_line", "from_country", "rose", "fell", "added_together",
     "the_rest", "others"}
)  # fmt: skip


def message(key: str, lang: str, **values) -> str:
    """The template ``key`` in ``lang``, filled with ``values``; a sentence starts with a
    capital even when a name opens it ("the Bekasi immigration office has ...")."""
    text = MESSAGES[key][lang].format(**values)
    return text if key in FRAGMENTS else text[:1].upper() + text[1:]
