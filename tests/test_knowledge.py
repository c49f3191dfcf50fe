"""Every validation rule of the knowledge files, each fed a broken copy."""

from __future__ import annotations

import pytest
from knowledge_edits import SEED, fact_line, facts_file, read_rows, set_fact, write_rows

from bot.errors import KnowledgeError
from bot.facts.validate import load_knowledge


def problems_of(folder) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    return [str(p) for p in caught.value.problems]


def test_the_project_knowledge_is_valid(knowledge_copy):
    knowledge = load_knowledge(knowledge_copy)
    assert len(knowledge.tables["facts"]) == len(read_rows(facts_file(knowledge_copy)))
    assert len(knowledge.content_hash) == 64


def _bump_value(folder):
    row = set_fact(folder, "itas")
    set_fact(folder, "itas", value=str(int(row["value"]) + 692))


FACT_RULES = [
    (
        "quote not in source",
        lambda f: set_fact(f, "itk", quote="sebanyak 1 orang asing"),
        "itk",
        "quote not found verbatim",
    ),
    ("value not in quote", _bump_value, "itas", "does not appear in its quote"),
    ("unknown metric", lambda f: set_fact(f, "skim", metric="visas"), "skim", "unknown metric"),
    (
        "unknown correction",
        lambda f: set_fact(f, "itap", corrects="nowhere"),
        "itap",
        "corrects 'nowhere'",
    ),
    ("unknown office", lambda f: set_fact(f, "itap", office="depok"), "itap", "unknown office"),
    (
        "unknown country",
        lambda f: set_fact(f, "foreign_residents", "JP", country="XX"),
        ("foreign_residents", "JP"),
        "unknown country code",
    ),
    (
        "negative value",
        lambda f: set_fact(f, "deportation", value="-72"),
        "deportation",
        "not a non-negative integer",
    ),
    (
        "decimal value",
        lambda f: set_fact(f, "deportation", value="7.2"),
        "deportation",
        "not a non-negative integer",
    ),
    ("bad period", lambda f: set_fact(f, "affidavit", period="20x0"), "affidavit", "not a period"),
    (
        "bad month",
        lambda f: set_fact(f, "affidavit", period="2020-13"),
        "affidavit",
        "not a period",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "where", "reason"), [r[1:] for r in FACT_RULES], ids=[r[0] for r in FACT_RULES]
)
def test_fact_rules_name_file_line_and_reason(knowledge_copy, mutate, where, reason):
    metric, country = (where, "") if isinstance(where, str) else where
    line = fact_line(knowledge_copy, metric, country)
    mutate(knowledge_copy)
    problems = problems_of(knowledge_copy)
    assert any(p.startswith(f"{SEED}/facts.csv:{line}:") and reason in p for p in problems)


def test_a_value_that_is_only_the_year_of_its_quote_is_refused(knowledge_copy):
    line = fact_line(knowledge_copy, "itk")
    set_fact(knowledge_copy, "itk", value="2020", quote="Izin Tinggal Kunjungan (ITK) tahun 2020")
    problems = problems_of(knowledge_copy)
    assert any(
        p.startswith(f"{SEED}/facts.csv:{line}:") and "does not appear" in p for p in problems
    )


def test_a_quote_that_does_not_name_the_subject_is_refused(knowledge_copy):
    india = set_fact(knowledge_copy, "foreign_residents", "IN")
    line = fact_line(knowledge_copy, "foreign_residents", "JP")
    set_fact(knowledge_copy, "foreign_residents", "JP", value=india["value"], quote=india["quote"])
    problems = problems_of(knowledge_copy)
    assert any(p.startswith(f"{SEED}/facts.csv:{line}:") and "not name JP" in p for p in problems)


def test_duplicate_fact_is_refused(knowledge_copy):
    path = facts_file(knowledge_copy)
    rows = read_rows(path)
    rows.append(dict(rows[0]))
    write_rows(path, rows)
    problems = problems_of(knowledge_copy)
    assert any(f"facts.csv:{len(rows) + 1}:" in p and "duplicate of line 2" in p for p in problems)


def test_missing_release_text_is_refused(knowledge_copy):
    (knowledge_copy / SEED / "release.txt").unlink()
    assert f"{SEED}/release.txt: file missing" in problems_of(knowledge_copy)


@pytest.mark.parametrize(
    ("changes", "reason"),
    [({"period": "recent"}, "is not a period"), ({"title": ""}, "empty field(s): title")],
)
def test_release_metadata_rules(knowledge_copy, changes, reason):
    path = knowledge_copy / SEED / "release.csv"
    rows = read_rows(path)
    rows[0].update(changes)
    write_rows(path, rows)
    problems = problems_of(knowledge_copy)
    assert any(p.startswith(f"{SEED}/release.csv:2:") and reason in p for p in problems), problems


def test_a_release_of_an_unknown_office_is_refused(knowledge_copy):
    (knowledge_copy / "releases" / "bekasi").rename(knowledge_copy / "releases" / "gotham")
    assert "releases/gotham: unknown office (offices.csv)" in problems_of(knowledge_copy)


def test_every_problem_is_reported_at_once(knowledge_copy):
    set_fact(knowledge_copy, "itk", metric="nope")
    set_fact(knowledge_copy, "skim", value="many")
    problems = problems_of(knowledge_copy)
    assert any("unknown metric 'nope'" in p for p in problems)
    assert any("'many' is not a non-negative integer" in p for p in problems)


def test_quote_matching_folds_spaces_and_non_breaking_spaces(knowledge_copy):
    row = set_fact(knowledge_copy, "itas")
    set_fact(knowledge_copy, "itas", quote=row["quote"].replace(" ", "\u00a0 "))
    assert load_knowledge(knowledge_copy).tables["facts"]


def _edit_csv(folder, name, match, **changes):
    path = folder / name
    rows = read_rows(path)
    index = next(i for i, r in enumerate(rows) if all(r[k] == v for k, v in match.items()))
    rows[index].update(changes)
    write_rows(path, rows)
    return index + 2


OTHER_RULES = [
    (
        "statements.csv",
        {"id": "innovations"},
        {"quote": "Inovasi Bekasi Juara"},
        "quote not found verbatim",
    ),
    ("statements.csv", {"id": "innovations"}, {"intent": "value"}, "reserved"),
    ("statements.csv", {"id": "innovations"}, {"items": "Drive Thru|Paspor Kilat"}, "not in the"),
    ("statements.csv", {"id": "innovations"}, {"intent": "gossip"}, "unknown intent"),
    ("metrics.csv", {"id": "itk"}, {"aliases_en": "visit permit|ITAS"}, "must be lower-case"),
    ("metrics.csv", {"id": "itk"}, {"definition_en": ""}, "empty field"),
    ("groups.csv", {"id": "stay_permits"}, {"members": "itk|itas|visa"}, "unknown metric 'visa'"),
    ("countries.csv", {"code": "JP"}, {"code": "QQ"}, "unknown country code"),
    ("topics.csv", {"id": "visa"}, {"intent": "weather"}, "no statement intent"),
    ("metrics.csv", {"id": "passports"}, {"statements": "weather"}, "no statement intent"),
    ("metrics.csv", {"id": "itk"}, {"aliases_id": "", "aliases_en": ""}, "needs aliases"),
    ("metrics.csv", {"id": "itk"}, {"counted": "yearly"}, "counted: 'yearly' is not one of"),
    ("lexicon.csv", {"kind": "rate"}, {"value": "fortnight"}, "rate value must be one of"),
    ("lexicon.csv", {"kind": "scale"}, {"value": "half"}, "scale value must be xN, /N"),
    ("lexicon.csv", {"kind": "scale_beside"}, {"value": "x0"}, "scale value must be xN, /N"),
    ("lexicon.csv", {"kind": "divisor"}, {"value": "adds"}, "divisor value must be one of"),
    ("lexicon.csv", {"kind": "lang"}, {"value": "loans"}, "lang value must be one of"),
    (
        "lexicon.csv",
        {"kind": "rounding", "word": "ratusan"},
        {"value": "x"},
        "takes an integer step, up, down or precision",
    ),
    ("places.csv", {"name": "Asia Timur"}, {"members": "KR|XX"}, "unknown country code 'XX'"),
    ("places.csv", {"name": "Bogor"}, {"members": "KR"}, "only a kawasan dunia has members"),
    ("groups.csv", {"id": "stay_permits"}, {"total": "visa"}, "unknown metric 'visa' as total"),
    ("intents.csv", {"intent": "share", "kind": "cue"}, {"intent": "Gossip!"}, "bad intent"),
    ("intents.csv", {"intent": "share", "kind": "cue"}, {"lang": "fr"}, "lang must be id or en"),
    ("intents.csv", {"intent": "share", "kind": "cue"}, {"kind": "hint"}, "kind must be cue"),
    ("lexicon.csv", {"kind": "ordinal"}, {"value": "third"}, "needs an integer value"),
    ("lexicon.csv", {"kind": "number"}, {"kind": "colour"}, "unknown kind"),
    ("lexicon.csv", {"kind": "relative_year"}, {"value": "2019"}, "ago-N, before-N"),
    ("lexicon.csv", {"kind": "abbreviation"}, {"lang": ""}, "lang must be id or en"),
    ("lexicon.csv", {"kind": "chart"}, {"value": "bar"}, "takes no value"),
    ("lexicon.csv", {"kind": "chart"}, {"lang": "fr"}, "lang must be id or en"),
    ("offices.csv", {"id": "bekasi"}, {"aliases": "bekasi|jepang"}, "already names"),
    ("topics.csv", {"id": "visa"}, {"aliases_en": "visa|itas"}, "already names metrics 'itas'"),
]


@pytest.mark.parametrize(
    ("name", "match", "changes", "reason"), OTHER_RULES, ids=[f"{r[0]}-{r[3]}" for r in OTHER_RULES]
)
def test_other_files_rules(knowledge_copy, name, match, changes, reason):
    name = f"{SEED}/{name}" if name == "statements.csv" else name
    line = _edit_csv(knowledge_copy, name, match, **changes)
    problems = problems_of(knowledge_copy)
    assert any(p.startswith(f"{name}:{line}:") and reason in p for p in problems), problems


def test_a_metrics_file_written_before_the_counted_column_still_loads(knowledge_copy):
    path = knowledge_copy / "metrics.csv"
    rows = read_rows(path)
    write_rows(path, [{k: v for k, v in row.items() if k != "counted"} for row in rows])
    metrics = load_knowledge(knowledge_copy).tables["metrics"]
    assert {row["counted"] for row in metrics} == {""}


def test_an_alias_may_name_one_metric_only(knowledge_copy):
    _edit_csv(knowledge_copy, "metrics.csv", {"id": "itk"}, aliases_en="visit permit|itas")
    problems = problems_of(knowledge_copy)
    assert any(p.startswith("metrics.csv:") and "alias 'itas' already names" in p for p in problems)


def test_every_intent_needs_an_example_in_both_languages(knowledge_copy):
    path = knowledge_copy / "intents.csv"
    rows = [
        r
        for r in read_rows(path)
        if not (r["intent"] == "share" and r["kind"] == "example" and r["lang"] == "en")
    ]
    write_rows(path, rows)
    assert any("intent 'share' has no example in 'en'" in p for p in problems_of(knowledge_copy))


@pytest.mark.parametrize(
    "name", [f"{SEED}/facts.csv", "metrics.csv", "lexicon.csv", "offices.csv", "intents.csv"]
)
def test_missing_file_is_refused(knowledge_copy, name):
    (knowledge_copy / name).unlink()
    assert f"{name}: file missing" in problems_of(knowledge_copy)


def test_missing_column_is_refused(knowledge_copy):
    path = facts_file(knowledge_copy)
    rows = read_rows(path)
    for row in rows:
        del row["quote"]
    write_rows(path, rows)
    assert f"{SEED}/facts.csv:1: missing column(s): quote" in problems_of(knowledge_copy)


def test_an_empty_optional_list_builds_and_loads(knowledge_copy, tmp_path):
    from bot.facts.base import FactBase
    from bot.facts.build import build

    (knowledge_copy / "places.csv").write_text("name,kind,aliases\n", encoding="utf-8")
    build(knowledge_copy, tmp_path / "f.db")
    assert FactBase.from_db(tmp_path / "f.db").tables["places"] == []


def test_file_that_is_not_utf8_is_refused(knowledge_copy):
    (knowledge_copy / "places.csv").write_bytes(b"name,kind,aliases\nJakarta\xff,kota,jakarta\n")
    assert any(
        p.startswith("places.csv: cannot read as UTF-8") for p in problems_of(knowledge_copy)
    )
