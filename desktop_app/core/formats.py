"""Numbers as Vietnamese officers read them: thousands separated by a dot, decimals by a comma, sizes in KB / MB
/ GB with one decimal ("75,5 GB"). One place, so every screen, message and command line says them alike."""
from __future__ import annotations

_UNITS = (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024))


def format_count(n: int) -> str:
    """12345 → '12.345'."""
    return f"{int(n):,}".replace(",", ".")


def format_decimal(value: float, places: int = 1) -> str:
    """75.5 → '75,5'; 1234.5 → '1.234,5'; trailing ',0' is kept off for whole numbers."""
    text = f"{value:,.{places}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    if places and text.endswith("," + "0" * places):
        text = text[: -(places + 1)]
    return text


def format_size(n_bytes: int) -> str:
    """A file or disk size: 81 → '1 KB', 5_300_000 → '5,1 MB', 81_067_786_240 → '75,5 GB'."""
    n_bytes = max(0, int(n_bytes))
    for unit, size in _UNITS:
        if n_bytes >= size or unit == "KB":
            value = n_bytes / size
            if unit == "KB":
                return f"{format_count(max(1, round(value)))} KB"
            return f"{format_decimal(value, 1)} {unit}"
    raise AssertionError("unreachable")
