"""Tables: what a figure in a cell counts, from its row and column headers and the caption."""

from __future__ import annotations

from bot.facts.ingest import propose

HEAD = "Kinerja 2023\n\nKantor Imigrasi Kelas I Bogor memaparkan kinerja tahun 2023.\n\n"


def facts_of(text, vocab):
    proposal = propose(HEAD + text, vocab)
    return {(f.metric, f.country, f.period, f.value) for f in proposal.facts}, proposal


CROSSINGS = (
    "Rekapitulasi perlintasan orang adalah sebagai berikut:\n\n"
    "| Periode | Kedatangan | Keberangkatan | Jumlah |\n"
    "| Semester I | 400 | 500 | 900 |\n"
    "| Semester II | 100 | 200 | 300 |\n"
    "| Total 2023 | 500 | 700 | 1.200 |"
)


def test_period_rows_metric_columns_and_a_total_column_of_the_captions_metric(ingest_vocab):
    found, proposal = facts_of(CROSSINGS, ingest_vocab)
    assert found == {
        ("arrivals", None, "2023-H1", 400),
        ("departures", None, "2023-H1", 500),
        ("border_crossings", None, "2023-H1", 900),
        ("arrivals", None, "2023-H2", 100),
        ("departures", None, "2023-H2", 200),
        ("border_crossings", None, "2023-H2", 300),
        ("arrivals", None, "2023", 500),
        ("departures", None, "2023", 700),
        ("border_crossings", None, "2023", 1200),
    }
    quotes = {f.value: f.quote for f in proposal.facts}
    assert quotes[400].startswith("Periode | Kedatangan") and quotes[400].endswith("| 900")
    assert quotes[900].startswith("Rekapitulasi perlintasan")


def test_a_total_column_that_is_not_its_rows_sum_is_skipped(ingest_vocab):
    found, proposal = facts_of(CROSSINGS.replace("| 900 |", "| 901 |"), ingest_vocab)
    assert ("border_crossings", None, "2023-H1", 901) not in {f for f in found}
    assert any("not the sum of its row" in s.reason for s in proposal.skipped)


def test_a_total_column_without_a_caption_naming_its_metric_is_skipped(ingest_vocab):
    text = CROSSINGS.replace("Rekapitulasi perlintasan orang adalah", "Rinciannya")
    found, _ = facts_of(text, ingest_vocab)
    assert {f[0] for f in found} == {"arrivals", "departures"}


def test_a_total_row_under_the_members_of_a_group_is_its_stated_total(ingest_vocab):
    text = (
        "| Jenis Izin Tinggal | Jumlah |\n| ITK | 1.000 |\n| ITAS | 2.000 |\n"
        "| ITAP | 300 |\n| Total | 3.300 |"
    )
    found, proposal = facts_of(text, ingest_vocab)
    assert ("stay_permits_total", None, "2023", 3300) in found
    assert {f[0] for f in found} == {"itk", "itas", "itap", "stay_permits_total"}
    assert not proposal.conflicts


def test_year_columns_date_each_figure_and_country_rows_take_the_captions_metric(ingest_vocab):
    text = (
        "Jumlah WNA aktif menurut negara asal:\n\n"
        "| Negara | 2022 | 2023 |\n| Tiongkok | 1.100 | 1.245 |\n| Jepang | 700 | 712 |"
    )
    found, _ = facts_of(text, ingest_vocab)
    assert found == {
        ("foreign_residents", "CN", "2022", 1100),
        ("foreign_residents", "CN", "2023", 1245),
        ("foreign_residents", "JP", "2022", 700),
        ("foreign_residents", "JP", "2023", 712),
    }


def test_a_cell_whose_row_and_column_name_two_metrics_is_skipped(ingest_vocab):
    text = "| Layanan | Paspor |\n| ITAS | 500 |"
    found, proposal = facts_of(text, ingest_vocab)
    assert not found
    assert any("two metrics" in s.reason for s in proposal.skipped)


def test_a_table_without_a_metric_anywhere_proposes_nothing(ingest_vocab):
    text = "Data kunjungan:\n\n| Negara | Jumlah |\n| Tiongkok | 1.245 |\n| Total | 2.000 |"
    found, proposal = facts_of(text, ingest_vocab)
    assert not found and len(proposal.skipped) == 2


def test_a_table_whose_first_row_holds_figures_has_no_header_row(ingest_vocab):
    found, _ = facts_of("| ITK | 6.168 |\n| ITAP | 212 |", ingest_vocab)
    assert found == {("itk", None, "2023", 6168), ("itap", None, "2023", 212)}


def test_a_percentage_column_is_no_part_of_a_total_column(ingest_vocab):
    text = (
        "Jumlah WNA aktif menurut negara asal:\n\n"
        "| Negara | Jumlah | Persentase |\n| Tiongkok | 1.245 | 40% |\n| Jepang | 712 | 23% |"
    )
    found, _ = facts_of(text, ingest_vocab)
    assert found == {
        ("foreign_residents", "CN", "2023", 1245),
        ("foreign_residents", "JP", "2023", 712),
    }


def test_a_header_names_a_metric_with_the_heading_above_the_table(ingest_vocab):
    text = (
        "Paspor\n\n| Bulan | Permohonan | Terbit | Ditunda |\n"
        "| Januari 2023 | 5.120 | 4.980 | 22 |\n| Februari 2023 | 4.870 | 4.701 | 18 |\n"
        "| Jumlah | 9.990 | 9.681 | 40 |"
    )
    found, proposal = facts_of(text, ingest_vocab)
    assert ("passport_applications", None, "2023-01", 5120) in found
    assert ("passports", None, "2023-02", 4701) in found
    assert ("passport_postponed", None, "2023-01", 22) in found
    assert proposal.facts[0].quote.startswith("Paspor")


def test_a_total_row_under_months_covers_those_months(ingest_vocab):
    text = (
        "Paspor\n\n| Bulan | Terbit |\n| Januari 2023 | 4.980 |\n| Februari 2023 | 4.701 |\n"
        "| Jumlah | 9.681 |"
    )
    found, _ = facts_of(text, ingest_vocab)
    assert ("passports", None, "2023-01..02", 9681) in found


def test_a_total_row_under_periods_that_make_no_one_period_is_skipped(ingest_vocab):
    text = (
        "Paspor\n\n| Bulan | Terbit |\n| Januari 2023 | 4.980 |\n| Maret 2023 | 4.701 |\n"
        "| Jumlah | 9.681 |"
    )
    found, proposal = facts_of(text, ingest_vocab)
    assert not any(f[3] == 9681 for f in found)
    assert any("no one period" in s.reason for s in proposal.skipped)


def test_a_row_that_names_nothing_and_a_percentage_column_are_skipped(ingest_vocab):
    text = (
        "Jumlah WNA aktif menurut negara asal:\n\n| Negara | Jumlah | Persentase |\n"
        "| Tiongkok | 812 | 31 |\n| Lainnya | 1.150 | 69 |\n| Total | 1.962 | 100 |"
    )
    found, proposal = facts_of(text, ingest_vocab)
    assert found == {
        ("foreign_residents", "CN", "2023", 812),
        ("foreign_residents", None, "2023", 1962),
    }
    reasons = " ".join(s.reason for s in proposal.skipped)
    assert "names nothing" in reasons and "percentages" in reasons


def test_a_year_beside_the_releases_own_in_a_part_year_release_is_skipped(ingest_vocab):
    text = (
        "Kinerja Semester I 2024\n\nKantor Imigrasi Kelas I Bogor memaparkan kinerja semester I "
        "2024.\n\n| Jenis | 2023 | 2024 |\n| ITAS | 2.300 | 2.512 |"
    )
    proposal = propose(text, ingest_vocab)
    assert {(f.metric, f.period, f.value) for f in proposal.facts} == {("itas", "2024-H1", 2512)}
    assert any("whole year" in s.reason for s in proposal.skipped)


def test_a_table_whose_rows_do_not_line_up_is_skipped(ingest_vocab):
    found, proposal = facts_of(
        "| Jenis | Jumlah |\n| ITAS | 500 | 20 |\n| ITK | 300 |", ingest_vocab
    )
    assert not found
    assert any("do not line up" in s.reason for s in proposal.skipped)


def test_an_office_a_header_names_is_the_figures(ingest_vocab):
    text = (
        "Kinerja Kanwil 2023\n\nKantor Wilayah Kementerian Hukum dan HAM Jawa Timur memaparkan "
        "kinerja 2023.\n\n| Layanan | Kanim Malang | Kanim Kediri |\n| Paspor | 46.215 | 21.786 |"
    )
    offices = {(f.office, f.value) for f in propose(text, ingest_vocab).facts}
    assert offices == {("malang", 46215), ("kediri", 21786)}


def test_a_cell_under_two_countries_is_skipped(ingest_vocab):
    text = "Jumlah WNA aktif:\n\n| Negara | Jepang |\n| Korea Selatan | 500 |"
    found, proposal = facts_of(text, ingest_vocab)
    assert not found and any("two countries" in s.reason for s in proposal.skipped)


def test_a_header_with_a_marker_names_the_refinement(ingest_vocab):
    text = (
        "| Uraian | Semester I | Semester II | Total |\n"
        "| Paspor terbit | 12.400 | 13.100 | 25.500 |\n"
        "| Permohonan paspor ditunda | 88 | 91 | 179 |"
    )
    found, proposal = facts_of(text, ingest_vocab)
    assert ("passport_postponed", None, "2023-H2", 91) in found
    assert ("passport_postponed", None, "2023", 179) in found
    assert ("passports", None, "2023", 25500) in found
    assert not any(f[0] == "passport_applications" for f in found)
    total = next(f for f in proposal.facts if f.value == 179)
    assert total.quote.startswith("Uraian | Semester I")


def test_a_first_column_of_row_numbers_is_no_row_header(ingest_vocab):
    text = (
        "Jumlah WNA aktif:\n\n| No | Negara | Jumlah |\n| 1 | Tiongkok | 320 |\n"
        "| 2 | India | 115 |\n| | Total | 610 |"
    )
    found, proposal = facts_of(text, ingest_vocab)
    assert found == {
        ("foreign_residents", "CN", "2023", 320),
        ("foreign_residents", "IN", "2023", 115),
        ("foreign_residents", None, "2023", 610),
    }
    assert sum("row number" in s.reason for s in proposal.skipped) == 2


def test_a_column_of_a_breakdown_is_skipped_and_its_total_counts_the_caption(ingest_vocab):
    text = (
        "Penerbitan paspor:\n\n| Kanim | Baru | Perpanjangan | Jumlah |\n"
        "| Kanim Depok | 300 | 200 | 500 |"
    )
    found, proposal = facts_of(text, ingest_vocab)
    assert found == {("passports", None, "2023", 500)}
    assert sum("breakdown" in s.reason for s in proposal.skipped) == 2
