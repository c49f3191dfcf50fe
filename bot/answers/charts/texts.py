"""The words of a chart, in Indonesian and English (titles, labels, the button)."""

from __future__ import annotations

TEXTS = {
    "by_country": {"id": "{subject} menurut negara asal", "en": "{subject} by country of origin"},
    "by_office": {"id": "{subject} menurut kantor", "en": "{subject} by office"},
    "by_year": {"id": "{subject} per tahun", "en": "{subject} by year"},
    "from_country": {"id": "{subject} asal {country}", "en": "{subject} from {country}"},
    "all_countries": {"id": "semua negara", "en": "all countries"},
    "unit": {"id": "satuan: {unit}", "en": "unit: {unit}"},
    "source": {"id": "Sumber: {sources}", "en": "Source: {sources}"},
    "button": {"id": "📊 Lihat grafik", "en": "📊 Show chart"},
    "none": {
        "id": "(Grafik tidak dibuat: grafik perlu dua angka atau lebih yang berbeda dalam satu "
        "hal saja, misalnya negara atau tahun.)",
        "en": "(No chart: a chart needs two or more figures that differ in one thing only, "
        "such as the country or the year.)",
    },
}


def text(key: str, lang: str, **values: str) -> str:
    """The chart text ``key`` in ``lang`` with ``values`` filled in."""
    return TEXTS[key][lang].format(**values)
