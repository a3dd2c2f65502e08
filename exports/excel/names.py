"""The workbook's defined names: PRODUCT.md's named input and result cells, workbook-scoped."""

from __future__ import annotations

from openpyxl.workbook import Workbook
from openpyxl.workbook.defined_name import DefinedName

from exports.excel.cells import ref

INPUT_NAMES: dict[str, str] = {
    "revenue_goal": "RevenueGoal",
    "pipeline_revenue": "PipelineRevenue",
    "deal_size": "DealSize",
    "win_rate": "WinRate",
    "sales_cycle_months": "SalesCycleMonths",
    "lead_to_mql": "LeadToMQL",
    "mql_to_srl": "MQLToSRL",
    "srl_to_opportunity": "SRLToOpportunity",
    "gross_margin": "GrossMargin",
    "new_hire_ramp_months": "NewHireRampMonths",
}

RESULT_NAMES: tuple[str, ...] = (
    "WinsNeeded",
    "OpportunitiesNeeded",
    "SRLNeeded",
    "MQLNeeded",
    "LeadsNeeded",
    "SRLSupplied",
    "TotalCost",
    "CostPerSRL",
    "ProjectedRevenue",
    "ReturnOnCost",
    "SRLGap",
    "ExpectedRevenue",
    "RevenueGap",
    "WorstShortfall",
    "YearSRLExpected",
    "YearCoverage",
    "NextYearStartGap",
    "CarriedOverRevenue",
    "InsideRepsToCloseGap",
)
# more named cells the workbook's own formulas use (not in PRODUCT.md's list)
HELPER_NAMES: tuple[str, ...] = (
    "Horizon",
    "SRLValue",
    "StatusTolerance",
    "WorstTolerance",
    "RoundingNoise",
    "ActualsThrough",
    "InTimeMonths",
    "YearProjectedRevenue",
    "NextYearStartNeeded",
    "NextYearStartExpected",
    "WorstMonth",
    "MonthsBehind",
    "FirstBehind",
    "LastBehind",
    "FirstSupplyMonth",
    "TimingStatus",
    "NewHireLoss",
    "EarliestStart",
    "FirstHireDelivery",
    "LatestStartMonth",
    "Verdict",
)

ALL_NAMES: tuple[str, ...] = (*INPUT_NAMES.values(), *RESULT_NAMES)


def define(workbook: Workbook, name: str, sheet: str, row: int, column: int) -> None:
    """A workbook-scoped name for one cell."""
    workbook.defined_names[name] = DefinedName(name, attr_text=ref(row, column, sheet=sheet))
