"""The cycle collector's pauses: around the making of plain data, and while the dashboard starts."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from goaldash import collector
from goaldash.collector import collector_paused, end_start_pause, pause_for_start


@pytest.fixture(autouse=True)
def _collector_as_it_was() -> Iterator[None]:
    was = gc.isenabled()
    yield
    end_start_pause()
    assert collector._pausing == 0
    (gc.enable if was else gc.disable)()


def test_the_start_pause_lasts_until_it_is_ended_whatever_pauses_come_between() -> None:
    gc.enable()
    pause_for_start()
    assert not gc.isenabled()
    with collector_paused():  # a batch decoded meanwhile
        assert not gc.isenabled()
    assert not gc.isenabled()  # its end does not end the start's pause
    with collector_paused():
        end_start_pause()  # the first frame drawn while a batch is decoded
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_start_pause_is_taken_and_ended_once() -> None:
    gc.enable()
    pause_for_start()
    pause_for_start()  # a second call adds no pause one end would leave on
    end_start_pause()
    assert gc.isenabled()
    end_start_pause()  # nothing to end: the count never goes below zero
    assert gc.isenabled() and collector._pausing == 0


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    pause_for_start()
    end_start_pause()
    assert not gc.isenabled()


def test_what_the_start_made_is_set_aside_for_good() -> None:
    gc.unfreeze()
    pause_for_start()
    made = [[] for _ in range(1000)]
    end_start_pause()
    assert gc.get_freeze_count() >= len(made)
    gc.unfreeze()
