"""``make bench``: a fact base of many offices and years, generated, built and asked.

The project's knowledge with 100 generated offices,
each with a release for every one of 10 years; the figures are drawn at random and every
quote states its figure, as the build requires. Measures the build time and the p99 of
distinct questions about those offices and years.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bot import config

OFFICES = 100
YEARS = tuple(range(2015, 2025))
SYLLABLES = ("ba", "ra", "ta", "ku", "lo", "me", "si", "na", "po", "de", "gu", "ri")
# (metric, the words its quote uses); each is an alias of the metric in metrics.csv
QUOTED = (
    ("itk", "Izin Tinggal Kunjungan (ITK) sebanyak {v} orang"),
    ("itas", "Izin Tinggal Terbatas (ITAS) sebanyak {v} orang"),
    ("itap", "Izin Tinggal Tetap (ITAP) sebanyak {v} orang"),
    ("deportation", "pendeportasian sebanyak {v} orang"),
)
COUNTRIES = (("KR", "Korea Selatan"), ("JP", "Jepang"), ("CN", "China"), ("IN", "India"))


def office_names(count: int, seed: int = 3) -> list[str]:
    """``count`` distinct made-up town names of three syllables ("Barata")."""
    rng, names = random.Random(seed), set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize())
    return sorted(names)


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def make_knowledge(folder: Path, offices: int = OFFICES, years=YEARS, seed: int = 7) -> Path:
    """Write a knowledge folder of ``offices`` x ``years`` generated releases."""
    shutil.copytree(config.PROJECT_DIR / "knowledge", folder)  # the seed's release too
    rng = random.Random(seed)
    rows = list(csv.DictReader(io.StringIO((folder / "offices.csv").read_text("utf-8"))))
    for town in office_names(offices):
        office = town.lower()
        rows.append({
            "id": office, "name": f"Kantor Imigrasi Kelas II {town}",
            "short_id": f"Kantor Imigrasi {town}", "short_en": f"the {town} immigration office",
            "aliases": f"{office}|kanim {office}|imigrasi {office}|kantor imigrasi {office}",
        })  # fmt: skip
        for year in years:
            _write_release(folder / "releases" / office / str(year), town, office, year, rng)
    (folder / "offices.csv").write_text(_csv(rows), encoding="utf-8")
    return folder


def _write_release(folder: Path, town: str, office: str, year: int, rng) -> None:
    folder.mkdir(parents=True)
    facts, sentences = [], [f"Kantor Imigrasi {town} merilis capaian kinerja tahun {year}."]
    for metric, words in QUOTED:
        quote = words.format(v=rng.randrange(10, 9000))
        sentences.append(quote + ".")
        facts.append({"metric": metric, "country": "", "value": quote.split()[-2],
                      "quote": quote, "period": "", "office": office, "corrects": ""})  # fmt: skip
    for code, name in COUNTRIES:
        quote = f"{name} ({rng.randrange(10, 3000)} orang)"
        sentences.append(f"WNA asal {quote}.")
        facts.append({"metric": "foreign_residents", "country": code,
                      "value": quote.split("(")[1].split()[0], "quote": quote, "period": "",
                      "office": office, "corrects": ""})  # fmt: skip
    (folder / "release.txt").write_text(" ".join(sentences) + "\n", encoding="utf-8")
    release = {"title": f"Kinerja Kanim {town} {year}", "publisher": f"Humas Kanim {town}",
               "published": "", "url": "", "period": str(year)}  # fmt: skip
    (folder / "release.csv").write_text(_csv([release]), encoding="utf-8")
    (folder / "facts.csv").write_text(_csv(facts), encoding="utf-8")


def scale_questions(count: int, seed: int = 11) -> list[str]:
    """Distinct questions about the generated offices and years, in both languages."""
    rng, towns = random.Random(seed), office_names(OFFICES)
    forms = (
        "berapa {m} Kanim {t} tahun {y}", "how many {m} did the {t} office issue in {y}?",
        "{m} {t} {y} brp", "berapa WNA {c} di {t} tahun {y}",
        "{m} {t} naik atau turun dari {y0} ke {y}?", "{m} di {t} dari tahun ke tahun",
    )  # fmt: skip
    metrics, countries = ("ITK", "ITAS", "ITAP", "deportasi"), ("Korea", "Jepang", "India")
    found: list[str] = []
    seen: set[str] = set()
    while len(found) < count:
        y = rng.choice(YEARS[1:])
        text = rng.choice(forms).format(m=rng.choice(metrics), t=rng.choice(towns), y=y,
                                        y0=y - 1, c=rng.choice(countries))  # fmt: skip
        if text not in seen:
            seen.add(text)
            found.append(text)
    return found


def run_scale(questions: int = 5000) -> dict[str, float]:
    """Build the generated base and answer distinct questions over it: build seconds,
    p50 and p99 milliseconds, and the share answered."""
    from bot.facts.build import build
    from bot.pipeline import Pipeline

    with tempfile.TemporaryDirectory() as tmp:
        knowledge = make_knowledge(Path(tmp) / "knowledge")
        start = time.perf_counter()
        build(knowledge, Path(tmp) / "facts.db")
        seconds = time.perf_counter() - start
        pipeline = Pipeline.from_db(Path(tmp) / "facts.db")
        found, answered = [], 0
        for i, text in enumerate(scale_questions(questions)):
            begin = time.perf_counter()
            reply = pipeline.answer(text, chat_id=i)
            found.append((time.perf_counter() - begin) * 1000)
            answered += reply.status == "answered"
    found.sort()
    return {
        "build_seconds": seconds,
        "p50_ms": statistics.median(found),
        "p99_ms": found[int(0.99 * (len(found) - 1))],
        "answered": answered / len(found),
    }
