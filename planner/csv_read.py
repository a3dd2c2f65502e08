"""A CSV file given as bytes, decoded and split into rows: what a CRM or a spreadsheet wrote.

Encodings: UTF-8 with or without a byte-order mark, UTF-16 (with a mark, or plain ASCII text
in either byte order without one) and Windows-1252, which Excel on Windows writes as "CSV".
The delimiter (comma, semicolon, tab or bar) is sniffed from the first lines; Excel's
``sep=;`` first line is honoured. Anything that is not a text table is refused with an
:class:`ActualsImportError` whose message is for people.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

MAX_BYTES = 200 * 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}


class ActualsImportError(Exception):
    """A file that cannot be imported; ``str()`` is the message for people."""


@dataclass(frozen=True)
class CsvTable:
    """The header and the data rows (each as long as the header) of a CSV file.

    ``row_numbers[i]`` is the line a spreadsheet shows for ``rows[i]`` (the header is row 1).
    """

    header: tuple[str, ...]
    rows: list[list[str]]
    row_numbers: list[int]
    encoding: str
    delimiter: str

    def column(self, name: str) -> int:
        return self.header.index(name)


def decode(data: bytes, name: str = "The file") -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding."""
    if len(data) > MAX_BYTES:
        raise ActualsImportError(f"“{name}” is larger than {MAX_BYTES // 1024 // 1024} MB; split the export.")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ActualsImportError(f"“{name}” is empty: there are no rows to import.")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "UTF-8 (with BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "UTF-16"
    head = data[:4096]
    if b"\x00" in head:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and not even.count(0):
            return _strict(data, "utf-16-le", name), "UTF-16"
        if even.count(0) > 0.9 * len(even) and not odd.count(0):
            return _strict(data, "utf-16-be", name), "UTF-16"
        raise _binary(data, name)
    try:
        text, encoding = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        # Excel on Windows; the five bytes Windows-1252 leaves undefined are read as Latin-1
        text, encoding = data.decode("cp1252", errors="replace"), "Windows-1252"
        if "\ufffd" in text:
            text = data.decode("latin-1")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > 8:
        raise _binary(data, name)
    return text, encoding


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise ActualsImportError(
            f"“{name}” is damaged: it says it is {codec.upper()} text but byte {error.start + 1} is not."
        ) from None


def _binary(data: bytes, name: str) -> ActualsImportError:
    if data.startswith(b"PK\x03\x04"):
        hint = "it looks like an Excel workbook. Save it as CSV first (File → Save As → CSV)."
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        hint = "it looks like an old Excel workbook (.xls). Save it as CSV first (File → Save As → CSV)."
    elif data.startswith(b"%PDF"):
        hint = "it is a PDF."
    else:
        hint = "it is not a text file."
    return ActualsImportError(f"“{name}” is not a CSV file: {hint}")


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the header into the most columns, and the next lines alike."""
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        counts = [len(fields) for fields in csv.reader(lines, delimiter=delimiter) if fields]
        if not counts or counts[0] < 2:
            continue
        consistent = sum(1 for count in counts[1:] if count == counts[0])
        score = (consistent, counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes, name: str = "The file") -> CsvTable:
    """The table in ``data``; raises ActualsImportError for an empty, binary or damaged file."""
    text, encoding = decode(data, name)
    lines = text[:65536].splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    skip = first
    if lines[first].strip().lower().startswith("sep=") and len(lines[first].strip()) == 5:
        delimiter = lines[first].strip()[4]
        skip = first + 1
    else:
        delimiter = sniff_delimiter([line for line in lines[first : first + 30] if line.strip()])
    body = io.StringIO(text)
    for _ in range(skip):
        body.readline()
    reader = csv.reader(body, delimiter=delimiter)
    try:
        records = list(reader)
    except csv.Error as error:
        raise ActualsImportError(f"“{name}” is damaged: line {skip + reader.line_num}: {error}.") from None
    # rows as Excel numbers them: a sep= line is hidden, blank lines count
    numbered = [(n, fields) for n, fields in enumerate(records, start=first + 1) if fields and "".join(fields).strip()]
    if not numbered:
        raise ActualsImportError(f"“{name}” is empty: there are no rows to import.")
    header = [field.strip() for field in numbered[0][1]]
    width = len(header)
    rows = [fields if len(fields) >= width else fields + [""] * (width - len(fields)) for _, fields in numbered[1:]]
    numbers = [n for n, _ in numbered[1:]]
    if not rows:
        raise ActualsImportError(f"“{name}” has a header but no rows below it: there is nothing to import.")
    return CsvTable(tuple(_unique(header)), rows, numbers, encoding, delimiter)


def _unique(header: list[str]) -> list[str]:
    """Column names made unique (a second "Amount" becomes "Amount (2)"), blank ones named by position."""
    seen: dict[str, int] = {}
    names = []
    for position, raw in enumerate(header, start=1):
        name = raw or f"Column {position}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        names.append(name)
    return names
