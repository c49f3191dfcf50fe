"""Charts of replies: built only from the stored facts a reply states, labelled in its
language, drawn as a phone-sized PNG, cached per fact base and question key."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from dataclasses import replace

import pytest
from conftest import KNOWLEDGE, PROJECT, run_cli
from knowledge_edits import SEED, add_release, without_releases
from png_check import png_size
from test_years_offices import BEKASI_2021, BEKASI_2021_FACTS

from bot.answers.charts.ask import asks_for_chart
from bot.answers.charts.cache import ChartCache, base_identity
from bot.answers.charts.caption import CAPTION_LIMIT, caption_parts, compact_caption
from bot.answers.charts.draw import draw_png
from bot.answers.charts.spec import chart_spec
from bot.answers.formatting import country, number
from bot.facts.base import FactBase
from bot.facts.build import build
from bot.pipeline import Pipeline

RANKING = {"id": "5 negara WNA terbanyak", "en": "which 5 countries have the most foreigners"}


@pytest.fixture(scope="module")
def two_years(tmp_path_factory) -> FactBase:
    """The seed release and a Bekasi 2021 release: ITAS has two years."""
    folder = without_releases(KNOWLEDGE, tmp_path_factory.mktemp("k") / "knowledge")
    shutil.copytree(KNOWLEDGE / SEED, folder / SEED)
    add_release(folder, "bekasi", "2021", BEKASI_2021, BEKASI_2021_FACTS)
    db = tmp_path_factory.mktemp("db") / "facts.db"
    build(folder, db)
    return FactBase.from_db(db)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_ranking_is_a_bar_chart_of_the_facts_it_states(pipeline, base, lang):
    reply = pipeline.answer(RANKING[lang])
    spec = chart_spec(reply, base)
    assert spec.kind == "bar" and spec.lang == lang
    facts = [base.facts[(f["office"], f["period"], f["metric"], f["country"])] for f in reply.facts]
    assert [p.value for p in spec.points] == [f.value for f in facts]
    assert [p.label for p in spec.points] == [country(f.country, lang) for f in facts]
    assert [p.shown for p in spec.points] == [number(f.value, lang) for f in facts]
    assert str(facts[0].year) in spec.subtitle and "Bekasi" in spec.subtitle
    assert "TVBERITA" in spec.source


def test_a_figure_across_years_is_a_line_chart_oldest_first(two_years):
    reply = Pipeline(two_years).answer("ITAS Bekasi dari tahun ke tahun")
    spec = chart_spec(reply, two_years)
    assert spec.kind == "line"
    assert [p.label for p in spec.points] == ["2020", "2021"]
    assert [p.value for p in spec.points] == [
        two_years.fact("itas", 2020).value,
        two_years.fact("itas", 2021).value,
    ]
    assert "2020–2021" in spec.subtitle
    change = Pipeline(two_years).answer("ITAS naik atau turun dari 2020 ke 2021?")
    assert chart_spec(change, two_years).points == spec.points
    assert png_size(draw_png(spec)) >= (600, 400)


@pytest.mark.parametrize(
    "question",
    [
        "berapa ITAS 2020",  # one figure
        "Berapa ITAS 2020 and how many Koreans are living in Bekasi?",  # metric and country
        "berapa paspor 2019",  # no data
        "apa itu ITAS?",
    ],
)
def test_no_chart_without_several_figures_differing_in_one_way(pipeline, base, question):
    assert chart_spec(pipeline.answer(question), base) is None


def test_a_reply_figure_the_base_does_not_hold_gives_no_chart(pipeline, base):
    reply = pipeline.answer(RANKING["id"])
    tampered = [dict(f) for f in reply.facts]
    tampered[1]["value"] += 1
    assert chart_spec(replace(reply, facts=tampered), base) is None
    assert chart_spec(replace(reply, facts=reply.facts[:1] * 2), base) is None  # one fact


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_png_is_phone_sized(pipeline, base, lang):
    spec = chart_spec(pipeline.answer(RANKING[lang]), base)
    width, height = png_size(draw_png(spec))
    assert width >= 600 and height >= 400


def test_dollar_signs_are_drawn_as_text(pipeline, base):
    spec = chart_spec(pipeline.answer(RANKING["en"]), base)
    odd = replace(spec, title="Fees in US$ and $x^2$ $", points=tuple(
        replace(p, label=f"{p.label} $_$") for p in spec.points))  # fmt: skip
    assert png_size(draw_png(odd)) >= (600, 400)  # no mathematics, no parse error


def test_the_caption_is_the_reply_or_its_figures_and_source(pipeline, base):
    reply = pipeline.answer(RANKING["id"])
    spec = chart_spec(reply, base)
    assert caption_parts(spec, reply.text) == (reply.text, "")
    long_text = reply.text + "\n" + "x" * CAPTION_LIMIT
    caption, rest = caption_parts(spec, long_text)
    assert rest == long_text and len(caption) <= CAPTION_LIMIT
    assert all(p.shown in caption for p in spec.points) and spec.source in caption
    tight = compact_caption(spec, limit=len(spec.title + spec.subtitle + spec.source) + 60)
    assert tight.endswith("…\n" + spec.source) and spec.points[0].shown in tight


def test_charts_are_cached_per_base_and_question(pipeline, base, two_years):
    cache = ChartCache()
    spec = chart_spec(pipeline.answer(RANKING["id"]), base)
    first = cache.png(spec, base_identity(base))
    assert cache.png(spec, base_identity(base)) is first and cache.drawn == 1
    cache.png(chart_spec(pipeline.answer(RANKING["en"]), base), base_identity(base))
    assert cache.drawn == 2  # another language, another question key
    cache.png(spec, base_identity(two_years))
    assert cache.drawn == 3  # another fact base (a reload): drawn afresh
    assert base_identity(base) != base_identity(two_years)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("grafik WNA per negara", True),
        ("Tampilkan GRAFIK!", True),
        ("bikin diagramnya dong", True),
        ("show me a bar chart of foreigners by country", True),
        ("plot ITAS per tahun", True),
        ("berapa ITAS 2020", False),
        ("negara asal WNA terbanyak", False),
    ],
)
def test_chart_words_come_from_the_lexicon(base, text, asks):
    assert asks_for_chart(text, base) is asks


def test_the_chart_command_writes_the_png(tmp_path):
    out = tmp_path / "wna.png"
    result = run_cli("chart", RANKING["id"], "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert png_size(out.read_bytes()) >= (600, 400)
    refused = run_cli("chart", "berapa ITAS 2020", "-o", str(tmp_path / "none.png"))
    assert refused.returncode == 1 and not (tmp_path / "none.png").exists()
    assert "Grafik" in refused.stderr


def test_the_library_path_never_loads_matplotlib_or_telegram(tmp_path):
    """ask, batch and eval through the CLI's library path leave both unimported."""
    cases = tmp_path / "cases.jsonl"
    case = {"id": "a", "q": "berapa ITAS", "lang": "id", "status": ["answered"], "must": []}
    cases.write_text(json.dumps({**case, "must_not": [], "bare": False, "allow": []}) + "\n")
    script = textwrap.dedent(
        f"""
        import io, sys
        from bot.cli import main
        main(["ask", "5 negara WNA terbanyak"])
        sys.stdin = io.StringIO('{{"chat_id": 1, "text": "grafik WNA per negara"}}\\n')
        main(["batch", "--workers", "1"])
        main(["eval", "--quiet", {str(cases)!r}])
        loaded = sorted({{m.split(".")[0] for m in sys.modules}} & {{"matplotlib", "telegram"}})
        print("LOADED", loaded)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout
