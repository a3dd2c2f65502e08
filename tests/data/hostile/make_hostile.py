"""Write the hostile-file corpus: plans a careless or unlucky user (or a script) may hand Lead Planner.

``python tests/data/hostile/make_hostile.py OUT_DIR`` writes every file into OUT_DIR (the tests
write them into a temporary folder: nothing large is committed). Each is either refused with
a message or accepted and exported to files that open again; none may hang or crash.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[3]))  # run as a script: the project's packages

from planner.plan.plan_file import VERSION  # noqa: E402
from planner.plan.sample import sample_text  # noqa: E402

V = f'"version": {VERSION},'  # how the sample file writes its version

MAX_BYTES = 50 * 1024 * 1024


def sample() -> dict[str, Any]:
    return json.loads(sample_text())


def changed(change: Callable[[dict[str, Any]], None]) -> bytes:
    data = sample()
    change(data)
    return json.dumps(data).encode()


def replaced(old: str, new: str) -> bytes:
    text = sample_text()
    assert old in text, old
    return text.replace(old, new, 1).encode()


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        steps = [int(s) if s.isdigit() else s for s in path.split(".")]
        for step in steps[:-1]:
            node = node[step]
        node[steps[-1]] = value

    return change


CONTROL = "Acme\x07 Fasteners\x00 \x1b[31m"

# name -> the file's bytes
CONTENTS: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "whitespace": lambda: b" \n\t\r\n  ",
    "binary": lambda: b"PK\x03\x04\x14\x00\x08\x00\x00\x00\xff\xfe\x00\x81" * 64,
    "plain-text": lambda: b"Revenue goal: 3 million\nDeal size: 40k\n",
    "truncated": lambda: sample_text()[:500].encode(),
    "unterminated-string": lambda: b'{"format": "leadplanner-plan", "version": 1, "targets": {"revenue_goal": "12',
    "trailing-comma": lambda: replaced(V, V + ","),
    "extra-data": lambda: sample_text().encode() + b"{}",
    "deep-nesting": lambda: b"[" * 100_000 + b"]" * 100_000,
    "deep-object": lambda: b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "duplicate-keys": lambda: replaced(V, V + V + ' "targets": 5,'),
    "nan-unknown-key": lambda: replaced(V, V + ' "script_value": NaN,'),
    "infinity-goal": lambda: replaced('"revenue_goal": 3000000', '"revenue_goal": Infinity'),
    "float-1e400": lambda: replaced('"revenue_goal": 3000000', '"revenue_goal": 1e400'),
    "integer-1e400": lambda: replaced('"revenue_goal": 3000000', '"revenue_goal": 1' + "0" * 400),
    "integer-1e400-headcount": lambda: replaced('"headcount": 2', '"headcount": 1' + "0" * 400),
    "integer-5000-digits": lambda: replaced('"revenue_goal": 3000000', '"revenue_goal": ' + "9" * 5000),
    "utf-16": lambda: sample_text().encode("utf-16"),
    "utf-16-be-no-bom": lambda: sample_text().encode("utf-16-be"),
    "utf-32": lambda: sample_text().encode("utf-32"),
    "latin-1": lambda: sample_text().replace("Acme Fasteners", "Société Générale").encode("latin-1"),
    "utf-8-bom": lambda: b"\xef\xbb\xbf" + sample_text().encode(),
    "lone-surrogate": lambda: replaced("Acme Fasteners", "Acme \\udc00 Fasteners"),
    "surrogate-in-key": lambda: replaced(V, V + ' "\\ud800": "x",'),
    "control-characters": lambda: changed(
        lambda d: (
            d["basics"].update(company=CONTROL, title="Plan\x07\x0b", currency="U\x00SD"),
            d["channels"][1].update(name="Trade\x01 shows"),
            d["scenarios"][0]["overrides"].update({"channels.Trade\x01 shows.monthly_budget": 9000}),
        )
    ),
    "raw-nul-in-text": lambda: replaced("Acme Fasteners", "Acme\x00Fasteners"),
    "tiny-deal-size": lambda: changed(_set("targets.deal_size", 5e-324)),
    "tiny-cost-per-lead": lambda: changed(_set("channels.1.cost_per_lead", 5e-324)),
    "tiny-win-rate": lambda: changed(_set("targets.win_rate", 5e-324)),
    "huge-headcount": lambda: changed(_set("labor.0.headcount", 1e308)),
    "huge-budget": lambda: changed(_set("channels.1.monthly_budget", 1.7e308)),
    "huge-weights": lambda: changed(_set("targets.seasonality", [1e308] * 12)),
    "huge-horizon": lambda: changed(_set("basics.horizon_months", 10**6)),
    "huge-sales-cycle": lambda: changed(_set("targets.sales_cycle_months", 10**18)),
    "huge-override": lambda: changed(_set("scenarios.0.overrides", {"win_rate": 0.3, "deal_size": 1e308})),
    "largest-allowed-values": lambda: changed(
        lambda d: (
            d["targets"].update(revenue_goal=1e12, deal_size=0.01, win_rate=0.0001, lead_to_mql=0.0001),
            d["targets"].update(mql_to_srl=0.0001, srl_to_opportunity=0.0001, sales_cycle_months=1200),
            d["labor"][0].update(headcount=1e7, srl_per_person_month=1e7, cost_per_person_month=1e12),
            d["channels"][1].update(monthly_budget=1e12, cost_per_lead=0.01),
        )
    ),
    "nine-million-review-items": lambda: changed(_set("review.risks", [""] * 9_000_000)),
    "long-texts": lambda: changed(
        lambda d: (
            d["basics"].update(company="C" * 100_000),
            d["diagnosis"].update(notes="N" * 1_000_000),
            d["review"].update(risks=["R" * 40_000]),
        )
    ),
    "formulas-and-markup": lambda: changed(
        lambda d: (
            d["basics"].update(company='=HYPERLINK("http://x")', title="<script>alert(1)</script>"),
            d["review"].update(risks=["+cmd|' /C calc'!A0", "@SUM(1)"]),
        )
    ),
    "currency-format-breakers": lambda: changed(_set("basics.currency", '"];[Red]\\@_*')),
    "arabic-month": lambda: changed(_set("basics.start_month", "٢٠٢٧-٠١")),
    "month-with-newline": lambda: changed(_set("basics.start_month", "2027-01\n")),
    "foreign-format": lambda: b'{"format": "budget-sheet", "version": 1}',
    "newer-version": lambda: changed(_set("version", 99)),
    "version-true": lambda: changed(_set("version", True)),
    "plan-is-a-list": lambda: b"[1, 2, 3]",
    "wrong-types": lambda: changed(
        lambda d: (d["labor"][0].update(headcount="two"), d["channels"].append("not an object"), d.update(review=[]))
    ),
    "sample": lambda: sample_text().encode(),
}


def generate(folder: str | os.PathLike[str]) -> list[Path]:
    """Write the corpus into ``folder``; returns the files (and the special ones: a pipe, links, a folder)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in CONTENTS.items():
        path = out / f"{name}.leadplan"
        path.write_bytes(content())
        written.append(path)
    over = out / "over-50-mb.leadplan"
    with over.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing on the disk
    written.append(over)
    folder_plan = out / "a-folder.leadplan"
    folder_plan.mkdir(exist_ok=True)
    written.append(folder_plan)
    if hasattr(os, "mkfifo"):
        fifo = out / "named-pipe.leadplan"
        if not fifo.exists():
            os.mkfifo(fifo)
        written.append(fifo)
    for name, target in (("link-to-dev-zero", "/dev/zero"), ("dangling-link", str(out / "nowhere"))):
        link = out / f"{name}.leadplan"
        if not link.is_symlink():
            link.symlink_to(target)
        written.append(link)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_hostile.py OUT_DIR")
    for path in generate(sys.argv[1]):
        print(path)
