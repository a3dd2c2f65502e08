"""Importing actuals from CSV files as CRMs and spreadsheets write them (tests/data/*.csv).

Every expected total is worked out by hand from the file, in the comments beside it. The plan
runs 12 months from January 2027 unless a test says otherwise.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.actuals_import.csv_read import read_csv
from planner.actuals_import.csv_values import parse_amount, parse_date, parse_month
from planner.actuals_import.importer import (
    ActualsImportError,
    AmbiguousColumns,
    AmbiguousDates,
    AmbiguousNumbers,
    ImportResult,
    Mapping,
    Rule,
    guess_mapping,
    import_actuals,
    merge_actuals,
)
from planner.numbers.engine import compute
from planner.plan.model import Actual, Plan
from planner.plan.validation import validate

DATA = Path(__file__).resolve().parents[1] / "data"
START, HORIZON = "2027-01", 12


def data(name: str) -> bytes:
    return (DATA / name).read_bytes()


def imported(raw: bytes, **kw: object) -> ImportResult:
    result = import_actuals(raw, kw.pop("start", START), kw.pop("horizon", HORIZON), name="test.csv", **kw)  # type: ignore[arg-type]
    assert isinstance(result, ImportResult), result
    return result


MONTHLY = {  # actuals_monthly.csv, figure by figure
    1: {"sales_ready_leads": 28, "opportunities": 14, "wins": 3, "revenue": 120_000, "cost": 21_500},
    2: {"sales_ready_leads": 31, "opportunities": 17, "wins": 4, "revenue": 158_500.5, "cost": 22_000},
    3: {"sales_ready_leads": 35, "wins": 5, "revenue": 201_250},  # opportunities and cost not reported
}


# --- monthly totals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        ("2027-01", "2027-02", "2027-03"),
        ("Jan 2027", "Feb 2027", "Mar 2027"),
        ("January 2027", "February 2027", "March 2027"),
        ("1/2027", "2/2027", "3/2027"),
        ("01/2027", "02/2027", "03/2027"),
        ("1", "2", "3"),  # plan month numbers
        ("2027-01-01", "2027-02-01", "2027-03-01"),
    ],
)
def test_a_monthly_totals_file_reads_in_every_month_form(forms: tuple[str, str, str]) -> None:
    text = data("actuals_monthly.csv").decode("utf-8")
    for iso, form in zip(("2027-01", "2027-02", "2027-03"), forms, strict=True):
        text = text.replace(f"\n{iso},", f"\n{form},")
    result = imported(text.encode("utf-8"))
    assert result.months == MONTHLY
    assert result.report.rows_read == 3 and result.report.rows_used == 3
    assert result.report.kind == "totals"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_a_monthly_totals_file_reads_in_every_encoding_excel_and_crms_write(encoding: str) -> None:
    text = data("actuals_monthly.csv").decode("utf-8")
    raw = text.replace("\n", "\r\n").encode(encoding)
    assert imported(raw).months == MONTHLY
    table = read_csv(raw, "test.csv")
    assert table.rows[0][-1] == "Café Müller — slow start"  # the accents and the dash survive


def test_a_european_file_with_semicolons_and_decimal_commas_reads_the_same() -> None:
    text = (
        "Monat;SQLs;Opps;Deals won;Revenue (€);Cost\n"
        "01.2027;28;14;3;120.000 €;21.500\n"
        "02.2027;31;17;4;158.500,50 €;22.000\n"
        "03.2027;35;;5;201.250 €;\n"
    )
    # "Monat" is no month header we know: the column is found by its values
    assert imported(text.encode("cp1252")).months == MONTHLY


def test_a_tab_separated_file_is_read_too() -> None:
    text = data("actuals_monthly.csv").decode("utf-8").replace(",", "\t").replace('"$120\t000"', "120000")
    text = text.replace('"$158\t500.50"', "158500.50").replace('"$201\t250"', "201250")
    assert imported(text.encode()).months[1]["revenue"] == 120_000


def test_headers_match_whatever_their_case_punctuation_and_unit() -> None:
    raw = b'PERIOD,Actual SQLs (#),Closed-Won Amount ($),Marketing spend\n2027-04,7,"1,000",300\n'
    assert imported(raw).months == {4: {"sales_ready_leads": 7, "revenue": 1000, "cost": 300}}


def test_rows_outside_the_plan_are_counted_and_reported_not_silently_dropped() -> None:
    result = imported(data("outside_horizon.csv"))
    assert result.months == {
        1: {"sales_ready_leads": 25, "revenue": 100_000},
        2: {"sales_ready_leads": 27, "revenue": 110_000},
    }
    assert result.report.outside_horizon == 3  # Nov 2026, Dec 2026 and Jan 2028 (the plan ends Dec 2027)
    assert result.report.outside_months == ("2026-11", "2026-12", "2028-01")
    assert "3 rows dated outside the plan's months (2026-11, 2026-12, 2028-01)" in "\n".join(result.summary_lines())


def test_a_plan_month_number_past_the_horizon_is_outside() -> None:
    result = imported(b"Month,Wins\n1,2\n7,1\n", horizon=6)
    assert result.months == {1: {"wins": 2}}
    assert result.report.outside_months == ("month 7",)


def test_a_later_first_month_shifts_the_plan_months() -> None:
    result = imported(data("outside_horizon.csv"), start="2026-11", horizon=3)
    assert result.months == {
        1: {"sales_ready_leads": 20, "revenue": 90_000},
        2: {"sales_ready_leads": 22, "revenue": 95_000},
        3: {"sales_ready_leads": 25, "revenue": 100_000},
    }
    assert result.labels == {1: "Nov 2026", 2: "Dec 2026", 3: "Jan 2027"}


def test_a_bad_row_or_cell_is_skipped_with_its_row_number_its_column_and_the_reason() -> None:
    raw = b"Month,SQLs,Revenue\n2027-01,10,500\nabc,4,4\n2027-03,x7,3\n2027-04,(250),1\nTotal,14,504\n"
    result = imported(raw)
    # a bad month skips the row; a bad figure only its cell: March's and April's revenue still count
    assert result.months == {
        1: {"sales_ready_leads": 10, "revenue": 500},
        3: {"revenue": 3},
        4: {"revenue": 1},
    }
    assert [str(s) for s in result.report.skipped] == [
        "row 3: “abc” is not a month",
        "row 4, SQLs: “x7” is not a number",
        "row 5, SQLs: “(250)” is negative; actuals are 0 or more",
        "row 6: “Total” is a total, not a month",
    ]


def test_two_rows_of_one_month_add_up() -> None:
    assert imported(b"Month,SQLs\nMar 2027,4\nMar 2027,6\n").months == {3: {"sales_ready_leads": 10}}


# --- record exports ----------------------------------------------------------------------------


def test_a_hubspot_deals_export_becomes_monthly_opportunities_wins_and_revenue() -> None:
    result = imported(data("hubspot_deals.csv"))
    # opportunities by Create Date: Jan 9001 9002, Feb 9004 9005, Mar 9006 9007 (9003: Dec 2026, outside)
    # wins (closedwon) by Close Date: Feb 9001 $40,000; Mar 9003 $25,500.50 + 9005 $18,000 + 9007 $9,500
    assert result.months == {
        1: {"opportunities": 2, "wins": 0, "revenue": 0},
        2: {"opportunities": 2, "wins": 1, "revenue": 40_000},
        3: {"opportunities": 2, "wins": 3, "revenue": 53_000.5},
    }
    report = result.report
    assert (report.kind, report.rows_read, report.rows_used, report.outside_horizon) == ("records", 7, 7, 1)
    assert report.outside_months == ("2026-12",)


def test_a_salesforce_opportunities_report_with_us_dates_becomes_monthly_totals() -> None:
    result = imported(data("salesforce_opportunities.csv"))
    # US dates (1/28/2027 can only be month first). Opportunities by Created Date: Jan 1/6 1/19
    # 1/25, Feb 2/3, Mar 3/21 (11/15/2026 outside). Closed Won by Close Date: Jan 52,000,
    # Feb 31,250, Mar 20,000
    assert result.months == {
        1: {"opportunities": 3, "wins": 1, "revenue": 52_000},
        2: {"opportunities": 1, "wins": 1, "revenue": 31_250},
        3: {"opportunities": 1, "wins": 1, "revenue": 20_000},
    }
    assert (result.report.rows_used, result.report.outside_horizon) == (6, 1)


def test_a_hubspot_contacts_export_counts_each_lifecycle_stage_in_the_month_it_was_reached() -> None:
    result = imported(data("hubspot_contacts.csv"))
    # SQL dates: Jan 101 102, Feb 103 104 (106: Dec 2026, outside; 105 never); opportunity
    # dates: Jan 101, Feb 102; customer dates: Mar 101
    assert result.months == {
        1: {"sales_ready_leads": 2, "opportunities": 1, "wins": 0},
        2: {"sales_ready_leads": 2, "opportunities": 1, "wins": 0},
        3: {"sales_ready_leads": 0, "opportunities": 0, "wins": 1},
    }
    assert (result.report.rows_read, result.report.rows_used, result.report.outside_horizon) == (6, 4, 1)


def test_guess_mapping_knows_the_usual_crm_headers() -> None:
    deals = guess_mapping(read_csv(data("hubspot_deals.csv")).header)
    assert deals == Mapping(
        "Deal Stage",
        "Amount",
        {"opportunities": Rule("Create Date"), "wins": Rule("Close Date", ("closed won", "closedwon", "won"))},
    )
    salesforce_leads = guess_mapping(["First Name", "Company", "Lead Status", "Create Date", "Converted Date"])
    assert salesforce_leads is not None
    assert salesforce_leads.stage_column == "Lead Status"
    assert salesforce_leads.rules["opportunities"] == Rule("Converted Date")
    assert guess_mapping(["Name", "Colour"]) is None


def test_a_mapping_of_ones_own_counts_the_rows_it_names() -> None:
    mapping = Mapping(
        "Stage",
        "Amount",
        {
            "sales_ready_leads": Rule("Created Date", ("Prospecting", "negotiation/review")),
            "wins": Rule("Close Date", ("Closed Won",)),
        },
    )
    result = imported(data("salesforce_opportunities.csv"), mapping=mapping)
    # stages Prospecting (created 3/21) and Negotiation/Review (created 1/6), any case
    assert result.months[1]["sales_ready_leads"] == 1 and result.months[3]["sales_ready_leads"] == 1
    assert result.months[2] == {"sales_ready_leads": 0, "wins": 1, "revenue": 31_250}
    assert Mapping.from_data(mapping.to_data()) == mapping


def test_a_mapping_naming_a_missing_column_is_refused_with_the_name() -> None:
    with pytest.raises(ActualsImportError, match="The file has no column “Won On”"):
        import_actuals(data("hubspot_deals.csv"), START, HORIZON, mapping=Mapping("", "", {"wins": Rule("Won On")}))


def test_a_won_deal_with_a_bad_amount_or_date_loses_only_that_figure_with_the_reason() -> None:
    raw = (
        b"Deal Stage,Amount,Create Date,Close Date\n"
        b"closedwon,abc,2027-01-02,2027-01-09\n"
        b"closedwon,100,2027-01-02,someday\n"
        b"closedwon,200,2027-01-02,2027-01-31\n"
    )
    result = imported(raw)
    # three deals created in January; row 2 is a January win without revenue (its amount is bad),
    # row 3 is no win (its close date is bad), row 4 a win of 200
    assert result.months == {1: {"opportunities": 3, "wins": 2, "revenue": 200}}
    assert [str(s) for s in result.report.skipped] == [
        "row 2, Amount: “abc” is not a number; the win counts, its revenue does not",
        "row 3, Close Date: “someday” is not a date",
    ]
    assert result.report.rows_used == 3


# --- dates -------------------------------------------------------------------------------------


def test_an_ambiguous_date_order_is_asked_not_guessed() -> None:
    asked = import_actuals(data("ambiguous_dates.csv"), START, HORIZON)
    assert isinstance(asked, AmbiguousDates)
    assert asked.columns == ("Created Date", "Close Date")
    assert "03/01/2027" in asked.question and "day first" in asked.question


def test_the_answer_to_the_date_question_decides_the_months() -> None:
    day_first = imported(data("ambiguous_dates.csv"), day_first=True)
    # created 3 Jan, 5 Feb, 7 Mar; won 4 Feb ($52,000) and 6 Mar ($14,000)
    assert day_first.months == {
        1: {"opportunities": 1, "wins": 0, "revenue": 0},
        2: {"opportunities": 1, "wins": 1, "revenue": 52_000},
        3: {"opportunities": 1, "wins": 1, "revenue": 14_000},
    }
    month_first = imported(data("ambiguous_dates.csv"), day_first=False)
    # created Mar 1, May 2, Jul 3; won Apr 2 ($52,000) and Jun 3 ($14,000)
    assert month_first.months == {
        3: {"opportunities": 1, "wins": 0, "revenue": 0},
        4: {"opportunities": 0, "wins": 1, "revenue": 52_000},
        5: {"opportunities": 1, "wins": 0, "revenue": 0},
        6: {"opportunities": 0, "wins": 1, "revenue": 14_000},
        7: {"opportunities": 1, "wins": 0, "revenue": 0},
    }


def test_one_unambiguous_date_settles_the_order_of_the_whole_file() -> None:
    raw = data("ambiguous_dates.csv") + b"Dowel,Closed Won,100,15/01/2027,16/01/2027\n"
    assert imported(raw).months[1]["wins"] == 1  # 15/01 is day first, so 04/02 is 4 Feb
    assert imported(raw).months[2]["revenue"] == 52_000


def test_a_file_mixing_both_orders_is_refused() -> None:
    raw = b"Stage,Created Date,Close Date\nClosed Won,15/01/2027,1/15/2027\n"
    with pytest.raises(ActualsImportError, match="mix day-first"):
        import_actuals(raw, START, HORIZON)


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("2027-03-15", None, (2027, 3, 15)),
        ("2027-03-15 14:22", None, (2027, 3, 15)),
        ("2027-03-15T14:22:00Z", None, (2027, 3, 15)),
        ("3/15/2027", None, (2027, 3, 15)),
        ("3/15/2027 2:22 PM", None, (2027, 3, 15)),
        ("15.03.2027", None, (2027, 3, 15)),
        ("15/03/2027", None, (2027, 3, 15)),
        ("03/04/2027", True, (2027, 4, 3)),
        ("03/04/2027", False, (2027, 3, 4)),
        ("Mar 15, 2027", None, (2027, 3, 15)),
        ("15 Mar 2027", None, (2027, 3, 15)),
        ("3/15/27", None, (2027, 3, 15)),
    ],
)
def test_dates_read_in_iso_us_and_european_forms(
    text: str, day_first: bool | None, expected: tuple[int, int, int]
) -> None:
    assert parse_date(text, day_first) == expected


@pytest.mark.parametrize("text", ["abc", "2027-02-30", "13/13/2027", "2027-13-01", ""])
def test_what_is_not_a_date_says_so(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        parse_date(text)


def test_month_forms_name_their_calendar_month() -> None:
    assert {parse_month(t) for t in ("2027-03", "Mar 2027", "March 2027", "3/2027", "03/2027", "Mar-27")} == {(2027, 3)}


@pytest.mark.parametrize(
    ("text", "comma_decimal", "expected"),
    [
        ("1234", False, 1234),
        ("1,234", False, 1234),
        ("$1,234.50", False, 1234.5),
        ("€ 1.234,56", False, 1234.56),
        ("1.234,56 €", True, 1234.56),
        ("£900", False, 900),
        ("1 234 567", False, 1234567),
        ("USD 52,000.00", False, 52000),
        ("12,5", False, 12.5),
        ("1.234", True, 1234),
        ("1.5", False, 1.5),
    ],
)
def test_amounts_read_with_thousands_separators_and_currency_symbols(
    text: str, comma_decimal: bool, expected: float
) -> None:
    assert parse_amount(text, comma_decimal) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["(1,000)", "-5", "$(20)", "€-3"])
def test_negative_amounts_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is negative"):
        parse_amount(text)


# --- files that cannot be used -----------------------------------------------------------------


def test_an_empty_file_is_refused_with_a_message() -> None:
    with pytest.raises(ActualsImportError, match=r"“empty\.csv” is empty"):
        import_actuals(data("empty.csv"), START, HORIZON, name="empty.csv")


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4, "looks like an Excel workbook"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not a text file"),
        (b"\x7fELF" + b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11" * 40, "not a text file"),
    ],
)
def test_a_binary_file_is_refused_with_a_message(raw: bytes, says: str) -> None:
    with pytest.raises(ActualsImportError, match=says):
        import_actuals(raw, START, HORIZON, name="deals.xlsx")


def test_a_file_without_a_month_or_figure_column_names_its_columns() -> None:
    with pytest.raises(ActualsImportError) as raised:
        import_actuals(b"Name,Colour\nBolt,grey\n", START, HORIZON, name="parts.csv")
    assert "“parts.csv” cannot be imported" in str(raised.value)
    assert "“Name”, “Colour”" in str(raised.value)


def test_a_header_without_rows_is_refused() -> None:
    with pytest.raises(ActualsImportError, match="no rows below it"):
        import_actuals(b"Month,SQLs\n", START, HORIZON)


def test_a_file_whose_rows_are_all_bad_lists_them() -> None:
    with pytest.raises(ActualsImportError) as raised:
        import_actuals(b"Month,SQLs\nabc,1\nxyz,2\n", START, HORIZON, name="bad.csv")
    assert str(raised.value).splitlines() == [
        "Nothing in “bad.csv” could be imported.",
        "row 2: “abc” is not a month",
        "row 3: “xyz” is not a month",
    ]


def test_a_file_entirely_outside_the_plan_says_which_months_it_holds() -> None:
    with pytest.raises(ActualsImportError, match=r"outside the plan's months \(Jan 2027 to Dec 2027\): 2025-01"):
        import_actuals(b"Month,SQLs\n2025-01,3\n", START, HORIZON)


def test_a_total_row_under_plan_month_numbers_is_skipped_not_mistaken_for_a_month() -> None:
    result = imported(b"Month,Wins\n1,2\n2,3\nTotal,5\n")
    assert result.months == {1: {"wins": 2}, 2: {"wins": 3}}
    assert [str(s) for s in result.report.skipped] == ["row 4: “Total” is a total, not a month"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["", "2027-03", "3/4/2027", "15.03.2027", "Mar 2027", "abc", "1,234.5", "(3)", "7", "€"]),
            min_size=1,
            max_size=5,
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["Month,SQLs,Revenue,Stage,Close Date", "Deal Stage,Amount,Create Date,Close Date,X", "a,b,c,d,e"]),
    st.sampled_from(["utf-8", "utf-16", "cp1252"]),
)
def test_any_file_either_imports_or_is_refused_with_a_message(
    rows: list[list[str]], header: str, encoding: str
) -> None:
    text = header + "\n" + "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows) + "\n"
    try:
        outcome = import_actuals(text.encode(encoding), START, HORIZON)
    except ActualsImportError as error:
        assert str(error) and "Traceback" not in str(error)
        return
    if isinstance(outcome, ImportResult):
        assert all(1 <= month <= HORIZON for month in outcome.months)
        assert all(value >= 0 for figures in outcome.months.values() for value in figures.values())
    else:  # a question the file asks: which column, which decimal mark, which date order
        assert isinstance(outcome, AmbiguousDates | AmbiguousColumns | AmbiguousNumbers) and outcome.question


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_either_import_or_are_refused_with_a_message(raw: bytes) -> None:
    with contextlib.suppress(ActualsImportError):
        import_actuals(raw, START, HORIZON)


# --- into the plan -----------------------------------------------------------------------------

EXISTING = (
    Actual(month=1, sales_ready_leads=20, revenue=50_000, extra={"note": "kept"}),
    Actual(month=2, sales_ready_leads=22, cost=9_000),
)
IMPORTED = {2: {"sales_ready_leads": 25.0, "wins": 1.0}, 4: {"revenue": 12_500.5}}


def test_merge_overrides_figure_by_figure_and_keeps_every_other_figure() -> None:
    assert merge_actuals(EXISTING, IMPORTED, "merge") == (
        EXISTING[0],
        Actual(month=2, sales_ready_leads=25, wins=1, cost=9_000),
        Actual(month=4, revenue=12_500.5),
    )


def test_replace_keeps_only_the_imported_actuals() -> None:
    assert merge_actuals(EXISTING, IMPORTED, "replace") == (
        Actual(month=2, sales_ready_leads=25, wins=1),
        Actual(month=4, revenue=12_500.5),
    )


def test_imported_whole_numbers_are_stored_as_whole_numbers() -> None:
    (actual,) = merge_actuals((), {3: {"wins": 2.0}}, "replace")
    assert actual.wins == 2 and isinstance(actual.wins, int)


def test_imported_actuals_pass_the_plans_validation(sample: Plan) -> None:
    result = imported(data("hubspot_deals.csv"))
    plan = replace(sample, actuals=merge_actuals(sample.actuals, result.months, "merge"))
    assert validate(plan) == []
    assert compute(plan).actuals is not None


def test_excels_sep_line_says_the_delimiter() -> None:
    raw = b"sep=;\r\nMonth;Revenue\r\n2027-02;1.500,25\r\n"
    table = read_csv(raw)
    assert (table.delimiter, table.header) == (";", ("Month", "Revenue"))
    assert imported(raw).months == {2: {"revenue": 1500.25}}
    assert table.row_numbers == [2]  # as Excel numbers it: the sep= line is hidden


def test_a_month_number_0_is_a_bad_row_not_a_reason_to_read_the_column_as_calendar_months() -> None:
    result = imported(b"Month,Wins\n0,1\n1,2\n")
    assert result.months == {1: {"wins": 2}}
    assert [str(s) for s in result.report.skipped] == ["row 2: “0” is not a plan month (they start at 1)"]
