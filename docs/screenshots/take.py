"""Screenshots of every step, of presentation mode at 1366 x 768 and of File → Compare with…, as a
user sees them. A plan without an industry is shown as industrial manufacturing and distribution
(the sample's own business), so Basics shows the choice and Targets each rate's published range.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/take.py [plan.leadplan | --wide] [out-folder]

Without a plan it uses the bundled sample and writes into docs/screenshots/ (the README's
pictures); with ``--wide`` it uses a plan of 6 resources and 8 channels (issue 18's real plan:
a $4.8M goal, 2 SDRs plus 2 hires, an agency, field reps, webinars, LinkedIn ads, trade shows).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
INDUSTRY = "industrial"  # chosen on Basics where the plan names none (the benchmarks' ranges show on Targets)
NAMES = ["1-basics", "2-diagnosis", "3-targets", "4-labor", "5-channels", "6-metrics-review", "7-review-export",
         "8-track"]  # fmt: skip


def six_by_eight() -> dict:
    """The plan of issue 18: $4.8M goal, 6 resources, 8 channels."""
    sample = json.loads((HERE.parents[1] / "planner" / "data" / "sample.leadplan").read_text())
    sample["basics"].update(company="Northwind Controls", title="FY2027 pipeline plan")
    sample["targets"].update(revenue_goal=4_800_000, deal_size=60_000, pipeline_revenue=900_000)
    sample["labor"] = [
        {
            "id": "sdr",
            "name": "Inside SDRs",
            "kind": "inside",
            "headcount": 2,
            "start_month": 1,
            "ramp_months": 0,
            "srl_per_person_month": 12,
            "cost_per_person_month": 8500,
            "fee_per_srl": 0,
        },
        {
            "id": "hires",
            "name": "New SDR hires",
            "kind": "inside",
            "headcount": 2,
            "start_month": 3,
            "ramp_months": 3,
            "srl_per_person_month": 12,
            "cost_per_person_month": 8500,
            "fee_per_srl": 0,
            "attrition_rate": 0.3,
        },
        {
            "id": "agency",
            "name": "Outsourced SDR agency",
            "kind": "outsourced",
            "headcount": 2,
            "start_month": 2,
            "ramp_months": 1,
            "srl_per_person_month": 10,
            "cost_per_person_month": 6000,
            "fee_per_srl": 50,
        },
        {
            "id": "east",
            "name": "Field reps, East",
            "kind": "field",
            "headcount": 4,
            "start_month": 1,
            "ramp_months": 0,
            "srl_per_person_month": 2,
            "cost_per_person_month": 2500,
            "fee_per_srl": 0,
        },
        {
            "id": "west",
            "name": "Field reps, West",
            "kind": "field",
            "headcount": 3,
            "start_month": 1,
            "ramp_months": 0,
            "srl_per_person_month": 2,
            "cost_per_person_month": 2500,
            "fee_per_srl": 0,
        },
        {
            "id": "ae",
            "name": "Account executives prospecting",
            "kind": "field",
            "headcount": 3,
            "start_month": 1,
            "ramp_months": 0,
            "srl_per_person_month": 1,
            "cost_per_person_month": 2000,
            "fee_per_srl": 0,
        },
    ]
    sample["channels"] = [
        {"name": "Outbound phone", "type": "outbound_phone", "owner": "sdr", "share": 0.6},
        {"name": "Outbound email", "type": "email", "owner": "sdr", "share": 0.4},
        {"name": "New hires' calls", "type": "outbound_phone", "owner": "hires", "share": 1},
        {"name": "Agency calls", "type": "outbound_phone", "owner": "agency", "share": 1},
        {
            "name": "Webinars",
            "type": "content",
            "owner": "marketing",
            "monthly_budget": 4000,
            "cost_per_lead": 60,
            "start_month": 2,
            "schedule": [{"month": 3, "budget": 8000}, {"month": 9, "budget": 8000}],
        },
        {
            "name": "LinkedIn ads",
            "type": "paid_ads",
            "owner": "marketing",
            "monthly_budget": 7000,
            "cost_per_lead": 150,
            "start_month": 1,
        },
        {
            "name": "Trade shows",
            "type": "events",
            "owner": "marketing",
            "monthly_budget": 0,
            "cost_per_lead": 500,
            "start_month": 1,
            "schedule": [{"month": 4, "budget": 30000}, {"month": 10, "budget": 30000}],
        },
        {"name": "Partner referrals", "type": "referrals", "owner": "east", "share": 0.5},
    ]
    return sample


def older_version(plan: Path, folder: Path) -> Path:
    """Last review's copy of ``plan`` for File → Compare with…: a higher win rate, one more of the
    first resource and less spent on the first program with a budget (three changes that move the
    gap both ways), named with its date as people name them."""
    data = json.loads(plan.read_text(encoding="utf-8"))
    data["targets"]["win_rate"] = round(data["targets"]["win_rate"] + 0.03, 4)
    if data["labor"]:
        data["labor"][0]["headcount"] += 1
    budgets = [c for c in data["channels"] if c.get("monthly_budget", 0) >= 2000]
    if budgets:
        budgets[0]["monthly_budget"] -= 1000
    older = folder / f"{plan.stem}-2027-10-01.leadplan"
    older.write_text(json.dumps(data), encoding="utf-8")
    return older


def main() -> None:
    args = sys.argv[1:]
    folder = Path(tempfile.mkdtemp(prefix="leadplanner-shots-"))
    plan = Path(args.pop(0)) if args else HERE.parents[1] / "planner" / "data" / "sample.leadplan"
    if plan.name == "--wide":
        plan = folder / "six-by-eight.leadplan"
        plan.write_text(json.dumps(six_by_eight()))
    out = Path(args[0]) if args else HERE
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.main_window import create_window

    window = create_window(str(plan))
    window.resize(1366, 768)
    window.show()
    if not window.document.plan.basics.industry:
        window.document.set_value("basics.industry", INDUSTRY)
    for step, name in enumerate(NAMES):
        window.go_to_step(step)
        if name == "8-track" and not window.document.plan.actuals:  # three months in, a user would have typed
            window.page(step).table.paste("29\t17\t4\t0\t19750\n31\t20\t6\t0\t20100\n38\t21\t5\t120000\t19800")
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / f"{name}.png"))
    view = window.present()
    view.resize(1366, 768)
    for _ in range(5):
        app.processEvents()
    view.grab().save(str(out / "9-presentation.png"))
    view.close()
    compared = window.compare_with(str(older_version(plan, folder)))
    if compared is not None:  # (File → Compare with…: "Since the last review")
        for _ in range(5):
            app.processEvents()
        compared.grab().save(str(out / "10-compare.png"))
    window.document.undo_stack.setClean()
    window.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
