"""The collector paused while a file is read, checked and written: overlapping pauses, errors, its state after."""

from __future__ import annotations

import gc
import threading

import pytest

from etl.gcpause import gc_paused, without_gc


def test_overlapping_pauses_end_with_the_last_and_restore_the_collector():
    assert gc.isenabled()
    entered, leave = threading.Event(), threading.Event()

    def other():
        with gc_paused():
            entered.set()
            leave.wait(5)

    th = threading.Thread(target=other)
    with gc_paused():
        th.start()
        entered.wait(5)
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's pause still holds
    leave.set()
    th.join()
    assert gc.isenabled()


def test_a_pause_ends_on_an_error_and_keeps_a_disabled_collector_disabled():
    @without_gc
    def fails():
        assert not gc.isenabled()
        raise ValueError("x")

    with pytest.raises(ValueError):
        fails()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # whoever disabled it before decides
    finally:
        gc.enable()
