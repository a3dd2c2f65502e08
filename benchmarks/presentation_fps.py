"""Presentation mode on the large plan: frames per second while a slider is dragged.

Each frame moves the first slider one step (the live scenario, the engine, the figures, the
charts) and repaints the view; the baseline is a bare repaint of the same view. Budget: 60
frames a second (a frame within 16.7 ms).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.presentation_fps
"""

from __future__ import annotations

import sys

from benchmarks.window import app, bare_repaint, close, open_window, paired, settle

FPS_BUDGET = 60.0


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from benchmarks.plans import large_data

    app()
    window = open_window(large_data(), "large")
    view = window.present()
    view.resize(1366, 768)
    settle()
    key, slider = next(iter(view.sliders.items()))
    low, high = slider.minimum(), slider.maximum()
    slider.setSliderDown(True)  # one drag: its moves are one undo step
    view._drag_started()

    def frame(i: int) -> None:
        slider.setValue(low + (i + 1) % max(1, high - low))
        QApplication.processEvents()
        view.repaint()

    moved, baseline = paired(frame, bare_repaint(view), runs=31)
    slider.setSliderDown(False)
    fps, bare_fps = 1 / moved, 1 / baseline
    ok = fps >= FPS_BUDGET
    print(
        f"{f'presentation: slider drag ({key}), large plan':<58} {fps:8.1f} fps  vs bare repaint {bare_fps:6.1f} fps   "
        f"frame {moved * 1000:.1f} ms, ratio {moved / baseline:5.2f}x   (budget {FPS_BUDGET:.0f} fps) "
        f"{'OK' if ok else 'UNDER BUDGET'}",
        flush=True,
    )
    view.close()
    close(window)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
