"""Reply templates that say what the releases lack, in Indonesian and English (see
:mod:`bot.answers.messages`)."""

from __future__ import annotations

NO_DATA_MESSAGES: dict[str, dict[str, str]] = {
    "no_data_no_countries": {
        "id": "Rilis {office} tahun {year} tidak merinci WNA per negara asal, jadi tidak ada angka untuk {country}.",
        "en": "The {year} release of {office} does not break foreign residents down by country, so there is no figure for {country}.",
    },
    "no_data_region": {
        "id": "Rilis merinci WNA per negara asal, bukan per kawasan; negara yang disebut: {listed}. Tidak ada angka untuk {region}.",
        "en": "The release breaks foreign residents down by country, not by region; it names {listed}. There is no figure for {region}.",
    },
    "no_data_combined": {
        "id": 'Rilis tidak memisahkan {subject} menurut "{asked}": angka tahun {year} mencakup {details} sekaligus, jadi angka untuk "{asked}" saja tidak ada.',
        "en": 'The release does not separate {subject} by "{asked}": its {year} figure covers {details} together, so there is no figure for "{asked}" alone.',
    },
    "no_data_unmeasured": {
        "id": "Rilis hanya menghitung orang, izin dan tindakan; rilis tidak menyebut lama proses, biaya, tarif atau anggaran.",
        "en": "The releases count people, permits and actions; they give no processing times, costs, fees or budgets.",
    },
    "no_data_forecast": {
        "id": "Saya tidak membuat perkiraan: rilis hanya memuat angka yang sudah tercatat (tahun {years}).",
        "en": "I do not forecast: the releases only give figures already recorded ({years}).",
    },
    "no_data_average": {
        "id": 'Rilis tidak memuat rata-rata {subject} (misalnya per bulan); hanya angka keseluruhan tahun {year}. Untuk rata-rata beberapa angka, sebutkan angkanya, misalnya "rata-rata ITAS dan ITK".',
        "en": 'The release gives no average of {subject} (per month, for example); only the overall {year} figure. For the average of several figures, name them, for example "average of ITAS and ITK".',
    },
    "no_data_office": {
        "id": "Belum ada rilis {office} di basis data saya. Data yang ada: {coverage}.",
        "en": "I have no release of {office} yet. What I have: {coverage}.",
    },
    "no_data_statement": {
        "id": "Rilis {office} tahun {year} tidak memuat keterangan itu; keterangan itu ada di rilis tahun {years}.",
        "en": "The {year} release of {office} does not say that; the releases of {years} do.",
    },
    "no_data_year": {
        "id": "Angka {subject} di {office} hanya ada untuk tahun {years}; untuk tahun {year} tidak ada.",
        "en": "{office} has {subject} figures for {years} only; there is none for {year}.",
    },
    "no_data_place": {
        "id": "Saya hanya punya data {coverage}; tidak ada data untuk {place}.",
        "en": "I only have data for {coverage}; there is none for {place}.",
    },
    "no_data_country": {
        "id": "Rilis {office} tahun {year} hanya merinci WNA asal {listed}; tidak ada angka untuk {country}.",
        "en": "The {year} release of {office} only breaks foreign residents down for {listed}; it gives no figure for {country}.",
    },
    "no_data_breakdown": {
        "id": "Rilis tidak merinci {subject} per negara; hanya jumlah seluruhnya. Rincian per negara hanya ada untuk {broken}.",
        "en": "The release does not break {subject} down by country, it gives only the overall total. Only {broken} are broken down by country.",
    },
    "no_data_qualifier": {
        "id": 'Rilis tidak merinci {subject} menurut "{detail}"; hanya angka keseluruhan tahun {year}.',
        "en": 'The release does not break {subject} down by "{detail}"; it only gives the overall {year} figure.',
    },
    "no_data_whole_country": {
        "id": 'WNA {part} bukan bagian dari WNA {whole}, jadi tidak ada persentasenya. Yang bisa dihitung: perbandingannya, misalnya "berapa kali lipat {whole} dibanding {part}".',
        "en": 'Residents from {part} are no part of those from {whole}, so there is no such percentage. What can be computed is a comparison, for example "how many times {whole} is {part}".',
    },
    "no_data_whole": {
        "id": "Persentase itu tidak bisa dihitung dari rilis: yang ditanyakan bukan bagian dari keseluruhan yang disebut.",
        "en": "That percentage cannot be computed from the release: what is asked is not a part of the whole named.",
    },
    "no_data_year_any": {
        "id": "Data {office} hanya ada untuk tahun {years}; untuk tahun {year} tidak ada.",
        "en": "I have data of {office} for {years} only; there is none for {year}.",
    },
    "no_data_metric": {
        "id": "Rilis {office} yang saya punya tidak memuat angka {subject}.",
        "en": "The releases of {office} that I have give no {subject} figure.",
    },
    "no_data_excluded": {
        "id": "Rilis tidak memberi angka {subject} selain {left}: {left} tidak dihitung "
        "tersendiri di dalam {subject}, jadi tidak bisa dikurangkan.",
        "en": "The release gives no figure for {subject} other than {left}: {left} is not "
        "counted apart within {subject}, so it cannot be subtracted.",
    },
    "no_data_operand": {
        "id": 'Saya hanya menghitung dari angka-angka rilis (misalnya "ITAS dibagi ITK" atau '
        '"rata-rata ITAS per bulan"); {subject} per {n} tidak ada di rilis.',
        "en": 'I only compute from the release\'s figures (for example "ITAS divided by ITK" '
        'or "average ITAS per month"); {subject} per {n} is not in the release.',
    },
    "no_data_scaled": {
        "id": 'Saya hanya menghitung dari angka-angka rilis (misalnya "ITAS dibagi ITK" atau '
        '"rata-rata ITAS per bulan"); {subject} dikali atau dibagi angka lain tidak ada di rilis.',
        "en": 'I only compute from the release\'s figures (for example "ITAS divided by ITK" '
        'or "average ITAS per month"); {subject} scaled by another number is not in the release.',
    },
    "no_data_opinion": {
        "id": "Saya tidak memberi pendapat atau penilaian; saya hanya menyampaikan angka dan "
        "pernyataan yang tertulis dalam rilis.",
        "en": "I give no opinion or judgement; I only pass on the figures and statements the "
        "release gives.",
    },
    "no_data_product": {
        "id": "{subject} dikalikan satu sama lain tidak menghasilkan angka yang bermakna "
        "(orang kali orang). Saya bisa menghitung totalnya, selisihnya atau berapa kali "
        'lipatnya, misalnya "ITAS dibagi ITK".',
        "en": "{subject} multiplied by each other gives no meaningful figure (people times "
        "people). I can give their total, their difference or how many times one is the "
        'other, for example "ITAS divided by ITK".',
    },
    "no_data_rank_pair": {
        "id": "Selisih atau perbandingan menurut urutan belum saya hitung; sebutkan negaranya, "
        'misalnya "selisih WNA Korea dan Jepang".',
        "en": "I do not compute a difference or comparison by place in the ranking yet; name "
        'the countries, for example "difference between Korean and Japanese residents".',
    },
    "no_data_which_places": {
        "id": '{count} yang mana? Sebutkan negaranya, misalnya "jumlah WNA Korea dan Jepang".',
        "en": 'Which {count}? Name the countries, for example "Korea and Japan combined".',
    },
    "no_data_mixed": {
        "id": "{names} dihitung dengan cara berbeda (ada yang jumlah selama setahun, ada yang "
        "jumlah pada satu saat), jadi tidak dikurangkan atau dirata-rata.",
        "en": "{names} are counted differently (some over the year, some at one moment), so "
        "they are not subtracted or averaged.",
    },
    "no_data_generic": {
        "id": "Rilis tidak memuat angka itu secara langsung, dan saya tidak menebak.",
        "en": "The release does not give that figure directly, and I do not guess.",
    },
    "no_data_uncounted": {
        "id": "Rilis tidak menyebut angka atau rincian itu; yang disebut hanya ini:",
        "en": "The release gives no figure or detail for that; all it says is this:",
    },
    "no_data_other_figure": {
        "id": "Rilis menyebut ini hanya untuk {about}, tidak untuk {asked}:",
        "en": "The release says this only of {about}, not of {asked}:",
    },
    "no_data_topic": {
        "id": "Rilis ini tidak memuat angka tentang {topic}.",
        "en": "The release gives no figure for {topic}.",
    },
}
