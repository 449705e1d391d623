# SPDX-License-Identifier: GPL-3.0-or-later
"""TaskRunner: work runs off the GUI thread, results come back on it, thousands of times over.

The stress case guards against Qt bindings that mishandle objects crossing threads in queued
signals (PySide6 6.12.0 corrupted the reference count of None and booleans and aborted the app).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QThread

from cmdesk.gui.tasks import TaskRunner


def test_callbacks_run_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def work():
        seen["work"] = threading.current_thread() is threading.main_thread()
        return 42

    def done(result):
        seen["result"] = result
        seen["gui"] = QThread.currentThread() is QCoreApplication.instance().thread()

    runner.run_storage(work, done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    runner.shutdown()
    assert seen == {"work": False, "result": 42, "gui": True}


def test_errors_reach_the_error_callback(qtbot):
    runner = TaskRunner()
    errors = []
    runner.run_background(lambda: 1 / 0, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    runner.shutdown()
    assert isinstance(errors[0], ZeroDivisionError)


def test_thousands_of_results_cross_threads_without_corruption(qtbot):
    runner = TaskRunner()
    count = 5000
    got = []
    for i in range(count):
        # None, booleans and small ints: the objects a broken binding frees by mistake.
        value = (None, True, False, i)[i % 4]
        runner.run_background(lambda v=value: v, got.append)
    qtbot.waitUntil(lambda: len(got) == count, timeout=60000)
    runner.shutdown()
    assert got.count(None) == count // 4 and got.count(True) >= count // 4


def test_a_task_already_finished_is_still_delivered_later_never_inside_the_call(qtbot):
    # A future that completes before add_done_callback runs its callback in the submitting
    # thread; the runner must still deliver on the next event-loop turn, as callers expect.
    from concurrent.futures import Future

    class DoneAtOnce:
        def submit(self, work):
            future = Future()
            future.set_result(work())
            return future

        def shutdown(self, **_kwargs):
            pass

    runner = TaskRunner()
    runner._storage.shutdown()
    runner._storage = DoneAtOnce()
    results = []
    runner.run_storage(lambda: 7, results.append)
    assert results == []
    qtbot.waitUntil(lambda: results == [7], timeout=5000)
    runner.shutdown()


def test_results_for_a_closed_widget_are_dropped_not_raised(qtbot):
    from PySide6.QtWidgets import QLabel

    runner = TaskRunner()
    label = QLabel()
    gate = threading.Event()
    delivered = []
    runner.run_background(lambda: gate.wait(5), label.setText, owner=label)
    runner.run_background(lambda: gate.wait(5), lambda r: delivered.append("other"))
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: delivered == ["other"], timeout=5000)
    runner.shutdown()
