"""A CSV file read from the disk, decoded and split into rows: what a CRM or a spreadsheet wrote.

:func:`read_file` reads only a regular file (a folder, a device such as ``/dev/zero`` and a
pipe are refused by their type before anything is opened), checks its size before reading and
never reads more than :data:`MAX_BYTES` + 1 bytes, in chunks, telling its progress and stopping
when asked. :func:`read_csv` turns the bytes into a :class:`CsvTable`.

Encodings: UTF-8 with or without a byte-order mark, UTF-16 (with a mark, or plain ASCII text
in either byte order without one) and Windows-1252, which Excel on Windows writes as "CSV".
Lines may end in CR LF, LF or CR alone (Excel's "CSV (Macintosh)"); a cell may be as large as
the file. The delimiter (comma, semicolon, tab or bar) is sniffed from the first lines; Excel's
``sep=;`` first line is honoured. Anything that is not a text table is refused with an
:class:`ActualsImportError` whose message is for people.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 200 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024  # read a chunk at a time: progress is told and a cancel is heard between chunks
PARSE_STEP = 20_000  # rows parsed between two reports of progress
Progress = Callable[[float], None]  # the share done, 0 to 1
Cancelled = Callable[[], bool]  # True once the person no longer wants the file read
DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}


class ActualsImportError(Exception):
    """A file that cannot be imported; ``str()`` is the message for people."""


class ReadCancelled(Exception):
    """The reading was stopped because the person no longer wants the file (the dialog closed)."""


def too_large(name: str) -> str:
    return f"“{name}” is larger than {MAX_BYTES // 1024 // 1024} MB; split the export."


def check_file(path: str | os.PathLike[str]) -> int:
    """The size of the regular file at ``path``, found from its type and size alone (nothing is
    opened, so a pipe cannot hang and a device is never read); ActualsImportError otherwise."""
    file = Path(path)
    try:
        info = os.stat(file)
    except FileNotFoundError:
        raise ActualsImportError(f"There is no file “{path}”.") from None
    except OSError as error:
        raise ActualsImportError(f"“{file.name}” could not be read: {error.strerror or error}.") from None
    _check_type(info, file)
    return info.st_size


def _check_type(info: os.stat_result, file: Path) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ActualsImportError(f"“{file}” is a folder, not a CSV file.")
    if not stat.S_ISREG(info.st_mode):
        raise ActualsImportError(
            f"“{file.name}” is not a CSV file: it is a device, a pipe or a socket, not a file saved on disk."
        )
    if info.st_size > MAX_BYTES:
        raise ActualsImportError(too_large(file.name))


def read_file(
    path: str | os.PathLike[str], progress: Progress | None = None, cancelled: Cancelled | None = None
) -> bytes:
    """The bytes of the CSV file at ``path``: a regular file of at most MAX_BYTES, read a chunk
    at a time (never more than MAX_BYTES + 1 bytes, whatever its size claims); ActualsImportError
    for anything else, ReadCancelled when ``cancelled()`` turns True."""
    file = Path(path)
    size = check_file(file)
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ActualsImportError(f"There is no file “{path}”.") from None
    except OSError as error:
        raise ActualsImportError(f"“{file.name}” could not be read: {error.strerror or error}.") from None
    chunks: list[bytes] = []
    try:
        _check_type(os.fstat(fd), file)  # still the file looked at (not swapped for a pipe since)
        done, left = 0, MAX_BYTES + 1
        while left > 0:
            if cancelled is not None and cancelled():
                raise ReadCancelled
            chunk = os.read(fd, min(left, CHUNK_BYTES))
            if not chunk:
                break
            chunks.append(chunk)
            done += len(chunk)
            left -= len(chunk)
            if progress is not None and size:
                progress(min(done / size, 1.0))
    except OSError as error:
        raise ActualsImportError(f"“{file.name}” could not be read: {error.strerror or error}.") from None
    finally:
        os.close(fd)
    if done > MAX_BYTES:
        raise ActualsImportError(too_large(file.name))
    return b"".join(chunks)


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
        raise ActualsImportError(too_large(name))
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


def read_csv(
    data: bytes, name: str = "The file", progress: Progress | None = None, cancelled: Cancelled | None = None
) -> CsvTable:
    """The table in ``data``; raises ActualsImportError for an empty, binary or damaged file
    (and ReadCancelled when ``cancelled()`` turns True while the rows are split)."""
    text, encoding = decode(data, name)
    if csv.field_size_limit() <= MAX_BYTES:
        csv.field_size_limit(MAX_BYTES + 1)  # a cell may be as large as the file (a long note)
    lines = text[:65536].splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    skip = first
    if lines[first].strip().lower().startswith("sep=") and len(lines[first].strip()) == 5:
        delimiter = lines[first].strip()[4]
        skip = first + 1
    else:
        delimiter = sniff_delimiter([line for line in lines[first : first + 30] if line.strip()])
    body = io.StringIO(text, newline="")  # CR LF, LF and CR alone all end a line; quoted ones stay in the cell
    for _ in range(skip):
        body.readline()
    reader = csv.reader(body, delimiter=delimiter)
    collecting = gc.isenabled()
    gc.disable()  # rows of strings hold no cycles: collecting while millions are made only stalls every thread
    try:
        header, rows, numbers = _split(reader, first + 1, len(text), body, name, progress, cancelled)
    except csv.Error as error:
        raise ActualsImportError(
            f"“{name}” is damaged at line {skip + reader.line_num}: it is not a well-formed CSV file ({error})."
        ) from None
    finally:
        if collecting:
            gc.enable()
    return CsvTable(tuple(_unique(header)), rows, numbers, encoding, delimiter)


def _split(
    reader: Iterator[list[str]],
    first: int,
    size: int,
    body: io.StringIO,
    name: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> tuple[list[str], list[list[str]], list[int]]:
    """The header, the data rows (each at least as long as the header) and their numbers as Excel
    shows them (a sep= line is hidden, blank lines count)."""
    header: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    for number, fields in enumerate(reader, start=first):
        if not fields or not "".join(fields).strip():
            continue
        if header is None:
            header = [field.strip() for field in fields]
            continue
        rows.append(fields)
        numbers.append(number)
        if len(rows) % PARSE_STEP == 0:
            if cancelled is not None and cancelled():
                raise ReadCancelled
            if progress is not None:
                progress(body.tell() / max(size, 1))
    if header is None:
        raise ActualsImportError(f"“{name}” is empty: there are no rows to import.")
    if not rows:
        raise ActualsImportError(f"“{name}” has a header but no rows below it: there is nothing to import.")
    width = len(header)
    for fields in rows:
        if len(fields) < width:
            fields.extend([""] * (width - len(fields)))
    return header, rows, numbers


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
