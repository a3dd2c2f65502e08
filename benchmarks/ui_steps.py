"""Edit -> the whole window repainted, on every step, against a bare repaint of the same window.

On the large plan (36 months, 20 resources, 40 channels, 5 scenarios; budget 3x, about one
60 Hz frame) and the huge one (60 months, 100 resources, 200 channels, 20 scenarios; budget
6x). The edit is a number (the win rate) typed while the step is shown: the engine, the health
panel, the step's tables and charts, and the window's repaint.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.ui_steps
"""

from __future__ import annotations

import sys

from benchmarks.window import app, bare_repaint, close, open_window, paired, verdict

BUDGETS = {"large": 3.0, "huge": 6.0}
RUNS = 63  # edits timed on each step (seven rounds of the nine win rates), each paired with a bare repaint


def idle(most: int = 50) -> None:
    """Events until none is left: what an edit leaves for later counts in its time, not in the
    bare repaint timed after it."""
    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop

    dispatcher = QAbstractEventDispatcher.instance()
    for _ in range(most):
        if not dispatcher.processEvents(QEventLoop.ProcessEventsFlag.AllEvents):
            return


def bench(name: str, data: dict, budget: float) -> bool:
    from PySide6.QtWidgets import QApplication

    from ui.step_pages import PAGES

    window = open_window(data, name)
    document = window.document
    ok = True
    from planner.numbers.engine import compute
    from planner.plan.paths import set_value

    def engine_on_edit(i: int) -> None:  # as an edit computes: after the last computation
        compute(set_value(document.plan, "targets.win_rate", round(0.2 + 0.005 * (i % 9 + 1), 4)), document.reuse)

    engine, repaint = paired(engine_on_edit, lambda _i: window.repaint())
    print(
        f"{f'{name}: the engine on an edit (what-ifs when read)':<58} {engine * 1000:8.1f} ms   vs bare repaint "
        f"{repaint * 1000:6.1f} ms   ratio {engine / repaint:5.2f}x",
        flush=True,
    )
    for step in range(len(PAGES)):
        window.go_to_step(step)
        QApplication.processEvents()
        window.repaint()

        def edit(i: int) -> None:
            document.set_value("targets.win_rate", round(0.2 + 0.005 * (i % 9 + 1), 4), "Change Win rate")
            while document.figures_pending:  # (only plans that compute for longer than 150 ms)
                QApplication.processEvents()
            idle()  # the charts' and tables' deferred redraws, and the relayouts they ask for
            window.repaint()

        edited, baseline = paired(edit, bare_repaint(window), runs=RUNS)
        ratio = edited / baseline
        ok = ok and ratio <= budget
        title = f"{name}: edit -> window repainted, {window.page(step).title}"
        print(
            f"{title:<58} {edited * 1000:8.1f} ms   vs bare repaint {baseline * 1000:6.1f} ms   "
            f"ratio {ratio:5.2f}x   (budget {budget:g}x) {verdict(ratio, budget)}",
            flush=True,
        )
    close(window)
    return ok


def main() -> int:
    from benchmarks.plans import huge_data, large_data

    app()
    ok = bench("large", large_data(), BUDGETS["large"])
    ok = bench("huge", huge_data(), BUDGETS["huge"]) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
