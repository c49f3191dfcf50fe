"""The kinds of ``places.csv`` rows that answering tells apart."""

from __future__ import annotations

# The country around an office and the districts inside it ("Indonesia", "Cikarang"):
# context beside an office, never a place asked about on their own
AROUND_KINDS = ("negara", "kecamatan", "kawasan")
# A region of the world ("Eropa"): an origin of foreigners, not a place of residence
REGION_KINDS = ("kawasan dunia",)
