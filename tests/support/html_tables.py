"""Reading the tables of a console page's HTML in tests: cells as their text, tags and spaces stripped."""

from __future__ import annotations

import re
from typing import Dict, List

ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S)
CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)


def cell_text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def table_rows(page: str, caption: str) -> Dict[str, List[str]]:
    """The body rows of the table with this caption (after "Table: "), as {row heading: [cells]}."""
    table = page.split(f"Table: {caption}</caption>", 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in ROW.findall(table)[1:]:
        heading, *cells = [cell_text(c) for c in CELL.findall(row)]
        rows[heading] = cells
    return rows


def table_by_id(page: str, table_id: str) -> List[List[str]]:
    """The body rows of the table with this id, each as its cells' text."""
    body = page.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0].split("<tbody", 1)[1]
    return [[cell_text(c) for c in CELL.findall(row)] for row in ROW.findall(body)]
