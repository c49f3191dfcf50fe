"""Process-wide tuning for long answering runs (the bot, ``batch``, the benchmarks)."""

from __future__ import annotations

import gc

YOUNG_COLLECTION_THRESHOLD = 50_000  # allocations between young collections (default: 700)


def settle_memory() -> None:
    """Keep the garbage collector off what lives as long as the process.

    The fact base and its word indexes are large and permanent; a full collection that
    rescans them stalls one answer by 25-60 ms. Collect once, move the survivors out of
    the collector's sight, and collect the young generation less often while thousands
    of short-lived replies come and go. Called again after a reload: what the old base
    left behind is collected first.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, 50, 100)
