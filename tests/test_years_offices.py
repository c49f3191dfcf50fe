"""Many releases in one base: facts keyed by office, period, metric and country; questions
across years and offices. Each test builds a small knowledge folder of its own: the
project's word lists, the seed release, and short releases written here."""

from __future__ import annotations

import shutil

import pytest
from conftest import KNOWLEDGE
from knowledge_edits import SEED, add_office, add_release, without_releases

from bot.errors import KnowledgeError
from bot.evaluate import numbers, plain
from bot.facts.base import FactBase
from bot.facts.build import build
from bot.pipeline import Pipeline

BEKASI_2021 = (
    "Imigrasi Bekasi 2021. Izin Tinggal Terbatas (ITAS) naik menjadi 7.102 orang dibanding "
    "tahun 2020 sebanyak 6.433 orang. Izin Tinggal Kunjungan (ITK) sebanyak 1.204 orang. "
    "Pendeportasian sebanyak 58 orang, terbanyak asal Korea Selatan (12 orang). "
    "Jumlah WNA aktif sebanyak 10.284 orang: Korea Selatan (3.012 orang) dan Jepang "
    "(2.790 orang). Inovasi tahun 2021: Paspor Simpatik dan Jemput Bola."
)
BEKASI_2021_FACTS = [
    {
        "metric": "itas",
        "value": "7.102",
        "quote": "Izin Tinggal Terbatas (ITAS) naik menjadi 7.102",
    },
    {
        "metric": "itas",
        "value": "6.433",
        "period": "2020",
        "quote": "Izin Tinggal Terbatas (ITAS) naik menjadi 7.102 orang dibanding tahun 2020 "
        "sebanyak 6.433 orang",
    },
    {"metric": "itk", "value": "1.204", "quote": "Izin Tinggal Kunjungan (ITK) sebanyak 1.204"},
    {"metric": "deportation", "value": "58", "quote": "Pendeportasian sebanyak 58 orang"},
    {"metric": "deportation", "country": "KR", "value": "12", "quote": "Korea Selatan (12 orang)"},
    {"metric": "foreign_residents", "value": "10.284", "quote": "WNA aktif sebanyak 10.284"},
    {
        "metric": "foreign_residents",
        "country": "KR",
        "value": "3.012",
        "quote": "Korea Selatan (3.012",
    },
    {"metric": "foreign_residents", "country": "JP", "value": "2.790", "quote": "Jepang (2.790"},
]
INNOVATIONS_2021 = {
    "id": "innovations",
    "intent": "innovations",
    "summary_id": "Inovasi 2021: Paspor Simpatik dan Jemput Bola.",
    "summary_en": "Innovations of 2021: Paspor Simpatik and Jemput Bola.",
    "quote": "Inovasi tahun 2021: Paspor Simpatik dan Jemput Bola",
}
JAKSEL_2023 = (
    "Kantor Imigrasi Jakarta Selatan mencatat paspor yang diterbitkan sebanyak 112.345 paspor "
    "sepanjang 2023. Izin Tinggal Terbatas (ITAS) sebanyak 9.876 orang. Total izin tinggal "
    "24.590, terdiri dari ITK 14.302, ITAS 9.876 dan ITAP 412."
)
JAKSEL_2023_FACTS = [
    {
        "metric": "passports",
        "value": "112.345",
        "quote": "paspor yang diterbitkan sebanyak 112.345",
    },
    {"metric": "itas", "value": "9.876", "quote": "Izin Tinggal Terbatas (ITAS) sebanyak 9.876"},
    {"metric": "itk", "value": "14.302", "quote": "ITK 14.302"},
    {"metric": "itap", "value": "412", "quote": "ITAP 412"},
    {"metric": "stay_permits_total", "value": "24.590", "quote": "Total izin tinggal 24.590"},
]


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory):
    """The seed, a Bekasi 2021 release and a Jakarta Selatan 2023 release."""
    folder = without_releases(KNOWLEDGE, tmp_path_factory.mktemp("k") / "knowledge")
    shutil.copytree(KNOWLEDGE / SEED, folder / SEED)
    add_release(folder, "bekasi", "2021", BEKASI_2021, BEKASI_2021_FACTS,
                statements=[INNOVATIONS_2021])  # fmt: skip
    add_office(folder, "jakarta_selatan", "Jakarta Selatan", "jakarta selatan|kanim jaksel")
    add_release(folder, "jakarta_selatan", "2023", JAKSEL_2023, JAKSEL_2023_FACTS)
    return folder


@pytest.fixture(scope="module")
def base(knowledge, tmp_path_factory) -> FactBase:
    db = tmp_path_factory.mktemp("db") / "facts.db"
    build(knowledge, db)
    return FactBase.from_db(db)


def ask(base: FactBase, *questions: str, lang: str | None = None):
    pipeline = Pipeline(base)
    for question in questions:
        reply = pipeline.answer(question, chat_id=7, lang=lang)
    return reply


def stated(reply) -> set[str]:
    return numbers(plain(reply.text))


def value(base: FactBase, metric: str, year, country=None, office=None) -> str:
    return str(base.fact(metric, year, country, office).value)


def test_a_key_is_office_period_metric_and_country(base):
    assert base.default_office == "bekasi"  # the office with the most releases
    assert value(base, "itas", 2021) != value(base, "itas", 2023, office="jakarta_selatan")
    assert base.years_of("itas") == [2020, 2021]
    assert base.years_of("itas", office="jakarta_selatan") == [2023]


def test_a_restated_figure_corroborates_and_the_release_of_its_year_is_cited(base):
    fact = base.fact("itas", 2020)
    assert fact.source == "bekasi-2020"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("question", "metric", "year", "office"),
    [
        ("berapa ITAS 2021", "itas", 2021, None),
        ("how many ITAS in 2021?", "itas", 2021, None),
        ("berapa ITAS 2020", "itas", 2020, None),
        ("berapa SKIM", "skim", 2020, None),  # only 2020 has it: that year, said
        ("berapa ITAS", "itas", 2021, None),  # no year: the newest
        ("ITAS tahun lalu", "itas", 2021, None),  # "last year": the newest year there is
        ("paspor Jakarta Selatan 2023", "passports", 2023, "jakarta_selatan"),
        ("ITAS Kanim Jaksel", "itas", 2023, "jakarta_selatan"),
    ],
)
def test_figures_by_year_and_office(base, question, metric, year, office, lang):
    reply = ask(base, question, lang=lang)
    fact = base.fact(metric, year, None, office)
    assert reply.status == "answered", reply.text
    assert reply.facts == [fact.as_reply_fact()]
    assert str(year) in reply.text


def test_a_country_keeps_the_newest_year_that_lists_it(base):
    reply = ask(base, "WNA India")
    assert reply.facts == [base.fact("foreign_residents", 2020, "IN").as_reply_fact()]


@pytest.mark.parametrize(
    ("question", "lang"),
    [("ITAS naik atau turun dari 2020 ke 2021?", "id"), ("ITAS growth from 2020 to 2021", "en")],
)
def test_a_change_between_two_years_is_computed_and_labelled(base, question, lang):
    reply = ask(base, question)
    old, new = base.fact("itas", 2020), base.fact("itas", 2021)
    assert (reply.status, reply.intent, reply.lang) == ("answered", "change", lang)
    assert {str(old.value), str(new.value), str(new.value - old.value)} <= stated(reply)
    assert f"{100 * (new.value - old.value) / old.value:.1f}" in stated(reply)
    assert "dihitung" in reply.text or "computed" in reply.text


def test_a_change_with_a_missing_year_gives_the_year_it_has(base):
    reply = ask(base, "ITAS 2019 dibanding 2020 naik atau turun?")
    assert (reply.status, reply.intent) == ("no_data", "change")
    assert value(base, "itas", 2020) in stated(reply) and "2019" in reply.text


def test_follow_ups_move_in_time(base):
    assert ask(base, "berapa ITAS 2021", "kalau tahun sebelumnya?").facts == [
        base.fact("itas", 2020).as_reply_fact()
    ]
    assert ask(base, "berapa ITAS 2021", "kalau ITK?").facts == [
        base.fact("itk", 2021).as_reply_fact()
    ]


def test_a_series_lists_every_year(base):
    reply = ask(base, "ITAS Bekasi dari tahun ke tahun")
    assert reply.intent == "series"
    assert [f["year"] for f in reply.facts] == [2020, 2021]


def test_two_offices_are_compared(base):
    reply = ask(base, "bandingkan ITAS Bekasi dan Jakarta Selatan")
    assert {(f["office"], f["year"]) for f in reply.facts} == {
        ("bekasi", 2021),
        ("jakarta_selatan", 2023),
    }


@pytest.mark.parametrize(
    ("question", "have"),
    [
        ("berapa ITAS 2019", ["2020", "2021"]),
        ("ITAS Jakarta Selatan 2021", ["2023"]),
        ("how many ITAS did Bekasi issue in 2019", ["2020", "2021"]),
    ],
)
def test_a_year_the_base_lacks_names_the_years_it_has(base, question, have):
    reply = ask(base, question)
    assert reply.status == "no_data" and reply.facts == []
    assert all(year in reply.text for year in have)


def test_an_office_without_releases_is_no_data_naming_what_there_is(knowledge, tmp_path):
    add_office(knowledge_copy := shutil.copytree(knowledge, tmp_path / "k"), "depok", "Depok",
               "depok|imigrasi depok")  # fmt: skip
    build(knowledge_copy, tmp_path / "f.db")
    reply = ask(FactBase.from_db(tmp_path / "f.db"), "berapa ITAS Imigrasi Depok 2021")
    assert reply.status == "no_data" and "Depok" in reply.text and "Bekasi" in reply.text


def test_statements_carry_their_year(base):
    newest = ask(base, "apa saja inovasi imigrasi Bekasi")
    assert "Jemput Bola" in newest.text and "Eazy Paspor" not in newest.text
    older = ask(base, "inovasi 2020")
    assert "Eazy Paspor" in older.text and "Jemput Bola" not in older.text


def test_a_stated_total_is_given_and_its_parts_checked(base):
    reply = ask(base, "total izin tinggal Jakarta Selatan 2023")
    assert value(base, "stay_permits_total", 2023, office="jakarta_selatan") in stated(reply)
    parts = sum(
        int(value(base, m, 2023, office="jakarta_selatan")) for m in ("itk", "itas", "itap")
    )
    assert str(parts) in stated(reply)


def test_the_country_breakdown_is_the_marked_metric_not_the_first_by_name(base):
    reply = ask(base, "negara asal WNA terbanyak 2021")
    assert reply.facts == [base.fact("foreign_residents", 2021, "KR").as_reply_fact()]


def test_a_default_office_can_be_set(knowledge, tmp_path):
    build(knowledge, tmp_path / "f.db")
    base = FactBase.from_db(tmp_path / "f.db", default_office="jakarta_selatan")
    assert ask(base, "berapa ITAS").facts[0]["office"] == "jakarta_selatan"


def _second_release_stating(knowledge, tmp_path, value: str, corrects: str = ""):
    folder = shutil.copytree(knowledge, tmp_path / "k")
    text = f"Koreksi: Izin Tinggal Terbatas (ITAS) tahun 2021 sebanyak {value} orang."
    fact = {"metric": "itas", "value": value, "period": "2021", "corrects": corrects,
            "quote": f"Izin Tinggal Terbatas (ITAS) tahun 2021 sebanyak {value}"}  # fmt: skip
    add_release(folder, "bekasi", "2022", text, [fact])
    return folder


def test_two_sources_that_disagree_are_refused_naming_both_lines(knowledge, tmp_path):
    folder = _second_release_stating(knowledge, tmp_path, "7.200")
    with pytest.raises(KnowledgeError) as refused:
        build(folder, tmp_path / "f.db")
    (problem,) = [str(p) for p in refused.value.problems]
    assert problem.startswith("releases/bekasi/2022/facts.csv:2:")
    assert "releases/bekasi/2021/facts.csv:2" in problem


def test_a_correction_wins(knowledge, tmp_path):
    folder = _second_release_stating(knowledge, tmp_path, "7.200", corrects="bekasi-2021")
    build(folder, tmp_path / "f.db")
    assert FactBase.from_db(tmp_path / "f.db").fact("itas", 2021).value == 7200


def test_a_part_year_period_is_answered_and_labelled(knowledge, tmp_path):
    folder = shutil.copytree(knowledge, tmp_path / "k")
    text = "Januari hingga Juni 2024, Izin Tinggal Terbatas (ITAS) sebanyak 3.806 orang."
    fact = {
        "metric": "itas",
        "value": "3.806",
        "quote": "Izin Tinggal Terbatas (ITAS) sebanyak 3.806",
    }
    add_release(folder, "bekasi", "2024-h1", text, [fact], period="2024-H1")
    build(folder, tmp_path / "f.db")
    reply = ask(FactBase.from_db(tmp_path / "f.db"), "berapa ITAS 2024")
    assert reply.facts[0]["period"] == "2024-H1" and "Januari–Juni" in reply.text


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("pasal berapa UU No 6 Tahun 2011 yang dilanggar", "Pasal 71"),
        ("paspor turun 2019?", "2019"),
    ],
)
def test_a_year_a_statement_is_about_does_not_pick_the_release(base, question, quoted):
    reply = ask(base, question)
    assert reply.status == "answered" and quoted in reply.text


def test_a_year_without_statements_says_which_years_have_them(base):
    reply = ask(base, "inovasi tahun 2019")
    assert reply.status == "no_data" and "2020" in reply.text and "2021" in reply.text
