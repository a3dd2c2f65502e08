"""The importer reads what the user meant, and stores only what the plan file accepts (issue 28).

Hostile CSV files are written by the tests themselves. The plan runs 12 months from January 2027.
Every expected value is worked out by hand in the comment beside it.
"""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.actuals_import import csv_read
from planner.actuals_import.csv_read import ReadCancelled, check_file, read_csv, read_file
from planner.actuals_import.csv_values import parse_amount
from planner.actuals_import.importer import (
    ActualsImportError,
    AmbiguousColumns,
    AmbiguousNumbers,
    ImportResult,
    Mapping,
    Rule,
    import_actuals,
    merge_actuals,
)
from planner.actuals_import.rows import figure_problem
from planner.plan.plan_file import dumps_plan, parse_plan
from planner.plan.sample import sample_plan
from planner.plan.validation import validate

START, HORIZON = "2027-01", 12


def imported(raw: bytes, **kw: object) -> ImportResult:
    result = import_actuals(raw, START, HORIZON, name="test.csv", **kw)  # type: ignore[arg-type]
    assert isinstance(result, ImportResult), result
    return result


def skipped(result: ImportResult) -> list[str]:
    return [str(s) for s in result.report.skipped]


# --- item 2: nothing the plan file refuses is ever imported -------------------------------------


def test_a_revenue_beyond_a_trillion_or_leads_beyond_ten_million_is_a_skipped_cell_not_a_plan_that_will_not_open() -> (
    None
):
    raw = b"Month,SQLs,Revenue,Wins\n2027-01,12000000,2000000000000,3\n2027-02,10,500,1\n"
    result = imported(raw)
    # January keeps its 3 wins; its two cells beyond the plan file's bounds are dropped, not the row
    assert result.months == {1: {"wins": 3}, 2: {"sales_ready_leads": 10, "revenue": 500, "wins": 1}}
    assert skipped(result) == [
        "row 2, SQLs: Actual sales-ready leads must be at most 10,000,000; you entered 12,000,000",
        "row 2, Revenue: Actual revenue must be at most 1,000,000,000,000; you entered 2,000,000,000,000",
    ]


def test_a_309_digit_cell_is_skipped_and_never_becomes_infinity() -> None:
    raw = b"Month,Revenue,Cost\n2027-01," + b"9" * 309 + b",100\n2027-02,1e400,200\n"
    result = imported(raw)
    assert result.months == {1: {"cost": 100}, 2: {"cost": 200}}
    assert skipped(result) == [
        "row 2, Revenue: “999999999999999999999999999999999999999…” is too large a number to use",
        "row 3, Revenue: “1e400” is too large a number to use",
    ]


def test_rows_that_each_fit_but_add_up_beyond_the_bound_drop_that_months_total_with_the_reason() -> None:
    raw = b"Month,Revenue,Wins\nMar 2027,600000000000,1\nMar 2027,600000000000,1\n"
    result = imported(raw)
    # 600 billion + 600 billion = 1.2 trillion: more than a plan holds; the 2 wins are fine
    assert result.months == {3: {"wins": 2}}
    assert skipped(result) == [
        "Mar 2027, Revenue: Actual revenue must be at most 1,000,000,000,000; "
        "you entered 1,200,000,000,000 (the month's rows added up)"
    ]


def test_a_won_deal_whose_amount_the_plan_cannot_hold_counts_as_a_win_without_its_revenue() -> None:
    raw = b"Deal Stage,Amount,Create Date,Close Date\nclosedwon,5000000000000,2027-01-02,2027-02-09\n"
    result = imported(raw)
    assert result.months == {
        1: {"opportunities": 1, "wins": 0, "revenue": 0},
        2: {"opportunities": 0, "wins": 1, "revenue": 0},
    }
    assert skipped(result) == [
        "row 2, Amount: Actual revenue must be at most 1,000,000,000,000; you entered 5,000,000,000,000; "
        "the win counts, its revenue does not"
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 14),
            st.sampled_from(["5", "1e5", "9" * 20, "9" * 309, "2,000,000,000,000", "10000000", "10000001", "1.5E+06"]),
            st.sampled_from(["", "3", "1e7", "1e13", "999999999999", "12.000", "inf", "NaN"]),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_whatever_a_file_holds_the_imported_plan_is_one_the_plan_file_accepts_and_reopens_equal(
    rows: list[tuple[int, str, str]],
) -> None:
    sample = sample_plan()
    text = "Month,SQLs,Revenue\n" + "".join(f'{month},"{srl}","{revenue}"\n' for month, srl, revenue in rows)
    try:
        outcome = import_actuals(text.encode(), START, HORIZON)
    except ActualsImportError:
        return
    if not isinstance(outcome, ImportResult):
        return
    for figures in outcome.months.values():
        assert all(figure_problem(figure, value) is None for figure, value in figures.items())
    plan = replace(sample, actuals=merge_actuals(sample.actuals, outcome.months, "replace"))
    assert validate(plan) == []
    reopened = parse_plan(dumps_plan(plan))
    assert reopened.problems == [] and reopened.plan == plan


# --- item 3: bounded inputs ---------------------------------------------------------------------


def test_a_folder_a_device_and_a_link_to_one_are_refused_by_their_type_before_anything_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    with pytest.raises(ActualsImportError, match="is a folder, not a CSV file"):
        read_file(tmp_path)
    for device in ("/dev/zero", "/dev/urandom"):
        if Path(device).exists():
            with pytest.raises(ActualsImportError, match="is a device, a pipe or a socket"):
                read_file(device)
            link = tmp_path / f"export-{Path(device).name}.csv"
            link.symlink_to(device)
            with pytest.raises(ActualsImportError, match="is a device, a pipe or a socket"):
                read_file(link)
    assert opened == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_at_once_and_never_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def read() -> None:
        try:
            read_file(fifo)
        except ActualsImportError as error:
            outcome.append(str(error))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    assert not reader.is_alive(), "reading a pipe hangs"
    assert outcome == ["“export.csv” is not a CSV file: it is a device, a pipe or a socket, not a file saved on disk."]


def test_a_file_over_the_limit_is_refused_by_its_size_before_a_byte_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "huge.csv"
    with big.open("wb") as handle:
        handle.truncate(csv_read.MAX_BYTES + 1)  # sparse: nothing on the disk
    reads: list[int] = []
    monkeypatch.setattr(os, "read", lambda fd, n: reads.append(n) or b"")
    with pytest.raises(ActualsImportError, match="larger than 200 MB"):
        read_file(big)
    assert reads == []


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_a_file_that_claims_to_be_empty_is_read_no_further_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc/self/status is a regular file whose size says 0; its text is longer than 100 bytes
    assert check_file("/proc/self/status") == 0
    monkeypatch.setattr(csv_read, "MAX_BYTES", 100)
    read: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    with pytest.raises(ActualsImportError, match="is larger than"):
        read_file("/proc/self/status")
    assert sum(read) <= 101


def test_a_file_is_read_in_chunks_telling_its_progress_and_stops_when_cancelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_read, "CHUNK_BYTES", 1000)
    path = tmp_path / "deals.csv"
    path.write_bytes(b"Month,SQLs\n" + b"2027-01,1\n" * 1000)  # 10,011 bytes: 11 chunks of at most 1,000
    shares: list[float] = []
    assert read_file(path, shares.append) == path.read_bytes()
    assert len(shares) == 11 and shares[-1] == 1.0 and shares == sorted(shares)
    with pytest.raises(ReadCancelled):
        read_file(path, shares.append, lambda: len(shares) > 13)


def test_splitting_rows_also_tells_its_progress_and_stops_when_cancelled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_read, "PARSE_STEP", 100)
    raw = b"Month,SQLs\n" + b"2027-01,1\n" * 1000
    shares: list[float] = []
    assert len(read_csv(raw, "t.csv", shares.append).rows) == 1000
    assert len(shares) == 10 and 0 < shares[0] < shares[-1] <= 1
    with pytest.raises(ReadCancelled):
        read_csv(raw, "t.csv", cancelled=lambda: True)


# --- item 4: separators decided from the column and the file ------------------------------------


def test_a_utf16_tab_file_from_excels_unicode_text_reads_52_000_as_fifty_two_thousand() -> None:
    raw = "Month\tRevenue\tSQLs\r\n2027-01\t52.000\t12\r\n2027-02\t48.500\t9\r\n".encode("utf-16")
    assert imported(raw).months == {
        1: {"revenue": 52_000, "sales_ready_leads": 12},
        2: {"revenue": 48_500, "sales_ready_leads": 9},
    }


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_euro_amounts_with_point_thousands_read_as_thousands_in_every_delimiter(delimiter: str) -> None:
    text = f'Month{delimiter}Revenue\n2027-01{delimiter}"52.000 €"\n2027-02{delimiter}"1.250.000 €"\n'
    # 1.250.000 says the point groups thousands; 52.000 alone would say it too
    assert imported(text.encode()).months == {1: {"revenue": 52_000}, 2: {"revenue": 1_250_000}}


def test_a_column_that_writes_decimals_with_a_point_reads_its_52_000_as_52() -> None:
    assert imported(b"Month,Revenue\n2027-01,52.000\n2027-02,48.5\n").months == {
        1: {"revenue": 52},
        2: {"revenue": 48.5},
    }


def test_a_column_read_both_ways_in_a_file_that_writes_decimals_with_a_point_is_asked_not_guessed() -> None:
    raw = b'Month,Revenue,Cost\n2027-01,52.000,"1,250.75"\n2027-02,48.500,990.5\n'
    asked = import_actuals(raw, START, HORIZON)
    assert isinstance(asked, AmbiguousNumbers)
    assert asked.columns == ("Revenue",)
    assert "“52.000” 52,000 (a comma is the decimal mark" in asked.question
    assert "or 52 (a point is the decimal mark" in asked.question
    thousands = imported(raw, decimal_comma=True)
    assert thousands.months[1] == {"revenue": 52_000, "cost": 1250.75}  # the cost column says for itself
    assert imported(raw, decimal_comma=False).months[1] == {"revenue": 52, "cost": 1250.75}


def test_a_column_mixing_both_decimal_marks_is_asked() -> None:
    asked = import_actuals(b'Month,Revenue\n2027-01,"12,5"\n2027-02,1.5\n', START, HORIZON)
    assert isinstance(asked, AmbiguousNumbers) and asked.columns == ("Revenue",)


def test_a_european_amount_in_a_comma_file_is_read_the_european_way() -> None:
    raw = b'Month,Revenue,Cost\n2027-01,"1.234,56 \xe2\x82\xac","21.500"\n'
    assert imported(raw).months == {1: {"revenue": 1234.56, "cost": 21_500}}


def test_a_record_exports_amounts_are_decided_from_the_whole_column_too() -> None:
    raw = (
        b"Deal Stage\tAmount\tCreate Date\tClose Date\n"
        b"closedwon\t52.000\t2027-01-02\t2027-01-09\n"
        b"closedwon\t12.500\t2027-01-02\t2027-01-10\n"
    )
    assert imported(raw).months == {1: {"opportunities": 2, "wins": 2, "revenue": 64_500}}


@pytest.mark.parametrize(
    ("text", "expected"), [("1e5", 100_000), ("1.5E+06", 1_500_000), ("$2e3", 2000), ("7E0", 7), ("1,5e3", 1500)]
)
def test_a_spreadsheets_scientific_notation_is_an_amount(text: str, expected: float) -> None:
    assert parse_amount(text, comma_decimal="," in text) == expected


# --- item 4: columns chosen by the person, never silently ---------------------------------------


@pytest.mark.parametrize(
    ("header", "figure", "candidates"),
    [
        ("Month,SQLs (cumulative),SQLs", "sales_ready_leads", ("SQLs", "SQLs (cumulative)")),
        ("Month,SQLs (target),SQLs (actual)", "sales_ready_leads", ("SQLs (target)", "SQLs (actual)")),
        ("Month,Total SQLs,SQLs", "sales_ready_leads", ("SQLs", "Total SQLs")),
        ("Month,Revenue (EUR),Revenue (USD)", "revenue", ("Revenue (EUR)", "Revenue (USD)")),
        ("Month,SQLs,SQLs", "sales_ready_leads", ("SQLs", "SQLs (2)")),  # a second SQLs is not dropped
    ],
)
def test_more_than_one_column_that_could_be_a_figure_is_a_question_naming_them_exact_name_first(
    header: str, figure: str, candidates: tuple[str, ...]
) -> None:
    asked = import_actuals(f"{header}\n2027-01,400,10\n".encode(), START, HORIZON)
    assert isinstance(asked, AmbiguousColumns)
    assert asked.choices == ((figure, candidates),)
    assert all(f"“{name}”" in asked.question for name in candidates)


def test_the_column_the_person_names_is_the_one_imported() -> None:
    raw = b"Month,Total SQLs,SQLs,Wins\n2027-01,400,10,2\n2027-02,415,15,1\n"
    chosen = imported(raw, mapping=Mapping(columns={"sales_ready_leads": "SQLs"}))
    assert chosen.months == {1: {"sales_ready_leads": 10, "wins": 2}, 2: {"sales_ready_leads": 15, "wins": 1}}
    not_imported = imported(raw, mapping=Mapping(columns={"sales_ready_leads": ""}))
    assert not_imported.months == {1: {"wins": 2}, 2: {"wins": 1}}


def test_a_chosen_column_the_file_does_not_have_is_refused_with_its_name() -> None:
    with pytest.raises(ActualsImportError, match="no column “SQL” \\(chosen for sales-ready leads\\)"):
        import_actuals(
            b"Month,SQLs\n2027-01,1\n", START, HORIZON, mapping=Mapping(columns={"sales_ready_leads": "SQL"})
        )


def test_a_deals_export_with_two_amount_columns_asks_which_is_revenue() -> None:
    raw = (
        b"Deal Stage,Amount,Amount in company currency,Create Date,Close Date\nclosedwon,100,90,2027-01-02,2027-01-09\n"
    )
    asked = import_actuals(raw, START, HORIZON)
    assert isinstance(asked, AmbiguousColumns)
    assert asked.choices == (("amount", ("Amount", "Amount in company currency")),)
    said = imported(raw, mapping=Mapping(columns={"revenue": "Amount in company currency"}))
    assert said.months == {1: {"opportunities": 1, "wins": 1, "revenue": 90}}


# --- item 4: only the rows a column allows ------------------------------------------------------

DEALS = (
    b"Deal Stage,Deal Type,Amount,Create Date,Close Date\n"
    b"closedwon,New Business,40000,2027-01-05,2027-02-10\n"
    b"closedwon,Renewal,90000,2027-01-06,2027-02-11\n"
    b"closedwon,Existing Business,15000,2027-02-07,2027-02-12\n"
    b"closedwon,new business,25000,2027-02-08,2027-02-20\n"
)


def test_a_mapping_keeps_only_the_new_business_so_renewals_do_not_count_against_a_net_new_goal() -> None:
    everything = imported(DEALS)
    assert everything.months[2] == {"opportunities": 2, "wins": 4, "revenue": 170_000}
    only = imported(DEALS, mapping=Mapping(only={"Deal Type": ("New Business",)}))
    # rows 2 and 5 (case ignored): created Jan and Feb, won Feb 40,000 + 25,000
    assert only.months == {
        1: {"opportunities": 1, "wins": 0, "revenue": 0},
        2: {"opportunities": 1, "wins": 2, "revenue": 65_000},
    }
    assert (only.report.rows_read, only.report.rows_used, only.report.left_out) == (4, 2, 2)
    assert "2 rows left out: only rows whose “Deal Type” is New Business count." in only.summary_lines()


def test_keeping_only_rows_no_row_has_is_refused_with_the_values_the_column_holds() -> None:
    with pytest.raises(ActualsImportError) as raised:
        import_actuals(DEALS, START, HORIZON, mapping=Mapping(only={"Deal Type": ("Net New",)}), name="deals.csv")
    assert str(raised.value) == (
        "No row of “deals.csv” is kept: none has “Deal Type” is Net New. “Deal Type” holds New Business (1), "
        "Renewal (1), Existing Business (1), new business (1)."
    )


def test_a_mapping_with_chosen_columns_and_kept_rows_reads_back_from_its_json() -> None:
    mapping = Mapping(
        "Deal Stage",
        "Amount",
        {"wins": Rule("Close Date", ("closedwon",))},
        {"revenue": "Amount", "cost": ""},
        {"Deal Type": ("New Business", "Upsell")},
    )
    assert Mapping.from_data(mapping.to_data()) == mapping
    with pytest.raises(ValueError, match='"only"'):
        Mapping.from_data({"only": {"Deal Type": []}})
    with pytest.raises(ValueError, match='"columns"'):
        Mapping.from_data({"columns": {"bookings": "Amount"}})


# --- item 4: months, line ends, large cells, and the report -------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"Month,SQLs\n001,3\n002,4\n",
        b"Month,SQLs\n0001,3\n0002,4\n",
        b"Month,SQLs\n1.0,3\n2.0,4\n",
        b"Month;SQLs\n1,0;3\n2,0;4\n",
    ],
)
def test_plan_month_numbers_with_leading_zeros_or_a_zero_decimal_are_months(raw: bytes) -> None:
    assert imported(raw).months == {1: {"sales_ready_leads": 3}, 2: {"sales_ready_leads": 4}}


def test_a_csv_for_macintosh_with_cr_only_line_ends_is_read() -> None:
    raw = b'Month,SQLs,Notes\r2027-01,3,"two\rlines"\r2027-02,4,\r'
    assert imported(raw).months == {1: {"sales_ready_leads": 3}, 2: {"sales_ready_leads": 4}}


def test_a_cell_larger_than_128_kb_is_read() -> None:
    raw = b"Month,SQLs,Notes\n2027-01,3," + b"x" * 300_000 + b"\n"
    assert imported(raw).months == {1: {"sales_ready_leads": 3}}
    assert len(read_csv(raw).rows[0][2]) == 300_000


def test_the_report_says_which_rows_and_cells_were_skipped_and_why() -> None:
    raw = b'Month,SQLs,Revenue\n2027-01,10,"$(5,000)"\nsoon,4,4\n2027-02,7,100\n'
    lines = imported(raw).summary_lines()
    assert lines == [
        "Read 3 rows; used 2 rows.",
        "Actuals for 2 months (Jan 2027, Feb 2027): sales-ready leads, revenue.",
        "1 row and 1 cell skipped (a skipped cell drops only its figure, the row's others are imported):",
        "  row 2, Revenue: “$(5,000)” is negative; actuals are 0 or more",
        "  row 3: “soon” is not a month",
    ]


def test_no_month_after_the_last_one_a_row_counted_in_is_filled_with_zeros() -> None:
    raw = (
        b"Deal Stage,Amount,Create Date,Close Date\n"
        b"closedwon,100,2027-01-05,2027-02-10\n"
        b"appointmentscheduled,100,2027-02-05,2027-12-20\n"  # an open deal: its close date is a hope
    )
    # opportunities Jan and Feb, the win in Feb: nothing is said of March to December
    assert sorted(imported(raw).months) == [1, 2]


def test_columns_named_for_counted_figures_of_a_record_export_are_refused_not_ignored() -> None:
    raw = b"Deal Stage,Amount,Create Date,Close Date\nclosedwon,100,2027-01-02,2027-01-09\n"
    with pytest.raises(ActualsImportError, match="Columns are named for wins, but this is an export of one row"):
        import_actuals(raw, START, HORIZON, mapping=Mapping(columns={"wins": "Amount"}))
