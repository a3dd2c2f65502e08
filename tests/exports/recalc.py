"""Recalculate a workbook in LibreOffice headless and read its named cells back.

The workbook carries the engine's values beside its formulas (for viewers that do not
recalculate), and LibreOffice keeps the cached values of an Excel file unless told otherwise: its
fresh profile here is told to recalculate every formula on load ("Recalculation on file load:
always"), so what comes back is what the formulas compute, never the values written at export.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# LibreOffice's setting "Recalculation on file load" for Excel 2007 and newer files: 0 = always
ALWAYS_RECALCULATE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


def recalculate_all(paths: list[Path], out_dir: Path, keys: dict[str, Path]) -> dict[str, Path]:
    """Recalculate several workbooks in one LibreOffice run; the same keys, the recalculated paths."""
    assert SOFFICE is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path("/tmp") / f"lo-profile-{uuid.uuid4().hex}"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(ALWAYS_RECALCULATE, encoding="utf-8")
    try:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--calc",
                "--convert-to",
                "xlsx",
                "--outdir",
                str(out_dir),
                *map(str, paths),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    converted = {key: out_dir / path.name for key, path in keys.items()}
    missing = [str(p) for p in converted.values() if not p.exists()]
    assert not missing, f"LibreOffice did not write {missing}"
    return converted


def named_values(path: Path) -> dict[str, Any]:
    """The value of every workbook-scoped name that names one cell."""
    workbook = load_workbook(path, data_only=True)
    values = {}
    for name, defined in workbook.defined_names.items():
        destinations = list(defined.destinations)
        if len(destinations) == 1:
            sheet, cell = destinations[0]
            values[name] = workbook[sheet][cell.replace("$", "")].value
    return values


def cell_values(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    workbook = load_workbook(path, data_only=True)
    return [tuple(row) for row in workbook[sheet].iter_rows(values_only=True)]
