"""Reading a council's CSV file all or nothing (DESIGN §4, and `import-spend` the same way):
UTF-8 (a byte-order mark is fine), a header row naming the columns in any order, blank lines
skipped, and every bad row reported as (line number in the file, reason), the header being line 1.
Reasons name the column, never the value, so they can be printed without showing personal data."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Sequence, Tuple, TypeVar

LineError = Tuple[int, str]
Row = TypeVar("Row")


class CsvImportError(Exception):
    """The file was rejected and nothing changed; `errors` holds (line number, reason) for every bad row."""

    def __init__(self, errors: Sequence[LineError]) -> None:
        super().__init__(f"{len(errors)} problem(s) in the file")
        self.errors: List[LineError] = list(errors)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CsvImportError([(line, "the file is not UTF-8 text (save it as 'CSV UTF-8')")]) from None


def _records(text: str) -> Iterator[Tuple[int, List[str]]]:
    """(line where the record starts, fields) for every record, blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    last_line = 0
    try:
        for fields in reader:
            start, last_line = last_line + 1, reader.line_num
            if any(field.strip() for field in fields):
                yield start, fields
    except csv.Error as error:
        raise CsvImportError([(reader.line_num, f"this line is not readable CSV ({error})")]) from None


def _header(records: Iterator[Tuple[int, List[str]]], required: Sequence[str], optional: Sequence[str]) -> List[str]:
    """The column names, checked: all of `required`, none of the known columns twice."""
    line, fields = next(records, (1, []))
    names = [name.strip().lower() for name in fields]
    missing = [column for column in required if column not in names]
    if missing:
        raise CsvImportError([(line, f"the header is missing: {', '.join(missing)}")])
    known = (*required, *optional)
    twice = sorted({name for name in names if name in known and names.count(name) > 1})
    if twice:
        raise CsvImportError([(line, f"the header has more than one column called: {', '.join(twice)}")])
    return names


def read_rows(
    path: Path, required: Sequence[str], optional: Sequence[str], parse: Callable[[Dict[str, str]], Row]
) -> Tuple[List[Tuple[int, Row]], List[LineError]]:
    """(line, row) for every good row of the file, each parsed by `parse` (a ValueError names what
    is wrong with it), and (line, reason) for every bad one. A file that cannot be read as CSV at
    all raises CsvImportError."""
    records = _records(_decode(Path(path).read_bytes()))
    names = _header(records, required, optional)
    errors: List[LineError] = []
    rows: List[Tuple[int, Row]] = []
    for line, fields in records:
        if len(fields) != len(names):
            errors.append((line, f"the row has {len(fields)} values but the header has {len(names)}"))
            continue
        try:
            rows.append((line, parse({name: field.strip() for name, field in zip(names, fields, strict=False)})))
        except ValueError as problem:
            errors.append((line, str(problem)))
    return rows, errors
