"""A keystroke in a long diagnosis note, against a bare repaint of the same window.

The note holds 100,000 and then 1,000,000 characters (lines of 80, as pasted minutes or
interview notes are); one key is typed at its end, the events are processed and the window
repainted. Budgets: 1.5x the bare repaint for 100k, 3x for 1M. Also shown: the commit of the
typed text into the plan when typing pauses (once per pause, not per key), and a keystroke in
the company name of the huge plan (text: no recomputation).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.ui_typing
"""

from __future__ import annotations

import statistics
import sys
import time

from benchmarks.window import app, bare_repaint, close, open_window, paired, verdict

BUDGETS = {100_000: 1.5, 1_000_000: 3.0}


def note_text(length: int) -> str:
    line = "Interview notes: reps say prospecting comes last; lists are stale; no owner.  "[:79] + "\n"
    return (line * (length // len(line) + 1))[:length]


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

    from benchmarks.plans import huge_data, large_data

    app()
    window = open_window(large_data(), "large")
    window.go_to_step(1)
    notes = window.findChild(QPlainTextEdit, "diagnosis.notes")
    ok = True
    for length, budget in BUDGETS.items():
        window.document.set_value("diagnosis.notes", note_text(length), "Paste notes", merge=False)
        QApplication.processEvents()
        notes.setFocus()
        notes.moveCursor(notes.textCursor().MoveOperation.End)
        window.repaint()

        def key(i: int) -> None:
            QTest.keyClick(notes, Qt.Key.Key_A if i % 2 else Qt.Key.Key_Backspace)
            QApplication.processEvents()
            window.repaint()

        typed, baseline = paired(key, bare_repaint(window))
        ratio = typed / baseline
        ok = ok and ratio <= budget
        print(
            f"{f'keystroke in a {length:,}-character note':<58} {typed * 1000:8.2f} ms   vs bare repaint "
            f"{baseline * 1000:6.2f} ms   ratio {ratio:5.2f}x   (budget {budget:g}x) {verdict(ratio, budget)}",
            flush=True,
        )
        commits = []
        for _ in range(5):
            QTest.keyClick(notes, Qt.Key.Key_B)
            start = time.perf_counter()
            notes.commit()  # what the pause timer does
            commits.append(time.perf_counter() - start)
        print(
            f"{f'  commit of the note when typing pauses ({length:,})':<58} {statistics.median(commits) * 1000:8.2f} ms"
        )
        print(f"  undo steps after typing: {window.document.undo_stack.count()} (paste + typing)")
    close(window)

    window = open_window(huge_data(), "huge")
    company = window.findChild(QLineEdit, "basics.company")
    company.setFocus()

    def company_key(i: int) -> None:
        QTest.keyClick(company, Qt.Key.Key_A if i % 2 else Qt.Key.Key_Backspace)
        QApplication.processEvents()
        window.repaint()

    typed, baseline = paired(company_key, bare_repaint(window))
    print(
        f"{'keystroke in the company name, huge plan':<58} {typed * 1000:8.2f} ms   vs bare repaint "
        f"{baseline * 1000:6.2f} ms   ratio {typed / baseline:5.2f}x",
        flush=True,
    )
    close(window)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
