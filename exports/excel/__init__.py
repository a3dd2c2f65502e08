"""The Excel export: one workbook in which every computed number is a live formula of named inputs."""

from exports.excel.workbook import build_workbook, write_workbook

__all__ = ["build_workbook", "write_workbook"]
