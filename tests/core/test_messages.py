"""Every message code the core raises has a Vietnamese sentence in resources/messages/*.json."""
from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

import desktop_app.core
from desktop_app.core.errors import UserError, ValidationError, message_text
from desktop_app.core.resources import resource_path

CORE_DIR = Path(desktop_app.core.__file__).resolve().parent
CODE = r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+"
Q = r"[\"']"

PATTERNS = [
    # UserError("db.newer_version", ...), DateParseError("date.invalid"), message_text("campaign.file_invalid", ...)
    re.compile(rf"\b(?:UserError|DateParseError|ValidationError|message_text)\(\s*{Q}({CODE}){Q}"),
    # CellProblem("xlsx.value.date_invalid", ...), _fail("xlsx.corrupt", path) (spreadsheets)
    re.compile(rf"\b(?:CellProblem|_fail)\(\s*{Q}({CODE}){Q}"),
    # row.problem("birth_date", "xlsx.value.required") (spreadsheets: a problem of one cell)
    re.compile(rf"\.problem\(\s*[^,()]+,\s*{Q}({CODE}){Q}"),
    # v.fail("year", "award.year_invalid") / self.fail(field, "field.required")
    re.compile(rf"\.fail\(\s*[^,()]+,\s*{Q}({CODE}){Q}"),
    # v.pattern("cccd", r"\d{12}", "participant.cccd_invalid")
    re.compile(rf"\.pattern\([^\n]*?,\s*{Q}({CODE}){Q}\s*[,)]"),
    # ValidationError({"organization_id": "participant.org_not_collective"})
    re.compile(rf"{Q}\w+{Q}\s*:\s*{Q}((?:field|date|validation|participant|achievement|award|evidence|campaign|"
               rf"commune|db|demo|workspace|checklist|rounds|criteria|council|documents|exports|packets|"
               rf"receiving|keys|backup)\.[a-z0-9_.]+){Q}"),
]


def load_messages() -> tuple[dict[str, str], list[str]]:
    merged: dict[str, str] = {}
    duplicates: list[str] = []

    def no_duplicates(pairs):
        seen = {}
        for key, value in pairs:
            if key in seen:
                duplicates.append(key)
            seen[key] = value
        return seen

    for path in sorted(resource_path("messages").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicates)
        for key in data:
            if key in merged:
                duplicates.append(f"{key} (again in {path.name})")
        merged.update(data)
    return merged, duplicates


CORE_FILES = sorted(p for p in CORE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
#: The core's packages (and the nested ones): the scan must reach into each.
PACKAGES = ("storage", "storage/migrations", "register", "nominations", "nominations/criteria", "documents",
            "exchange", "exchange/packets", "exchange/receiving", "spreadsheets")


def codes_in(path: Path) -> set[str]:
    source = path.read_text(encoding="utf-8")
    return {m.group(1) for pattern in PATTERNS for m in pattern.finditer(source)}


def codes_used() -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for path in CORE_FILES:
        for code in codes_in(path):
            used.setdefault(code, set()).add(str(path.relative_to(CORE_DIR)))
    return used


def test_message_files_are_valid_and_unique():
    messages, duplicates = load_messages()
    assert duplicates == []
    assert messages
    for code, text in messages.items():
        assert re.fullmatch(CODE, code), code
        assert isinstance(text, str) and text.strip(), code
        list(string.Formatter().parse(text))  # raises on a broken {placeholder}


def test_scanner_finds_the_known_codes():
    # The regexes really see each way a code is written, so the check below cannot pass by seeing nothing.
    used = codes_used()
    for code in ("db.newer_version", "evidence.source_missing", "date.invalid", "field.required",
                 "award.year_invalid", "participant.cccd_invalid", "participant.phone_invalid",
                 "participant.org_not_collective", "campaign.file_invalid"):
        assert code in used, code
    # ... including those raised inside the packages, nested ones too.
    for code, where in (("checklist.not_found", "nominations/checklists.py"),
                        ("rounds.not_found_id", "nominations/rounds.py"),
                        ("award.not_found", "register/awards.py"),
                        ("achievement.not_found", "register/achievements.py"),
                        ("receiving.no_commune_settings", "register/communes.py")):
        assert str(Path(where)) in used.get(code, set()), code


def test_every_package_of_the_core_is_scanned():
    scanned = {p.parent.relative_to(CORE_DIR).as_posix() for p in CORE_FILES}
    for package in PACKAGES:
        assert package in scanned, package
    assert (CORE_DIR / "exchange" / "receiving" / "intake.py") in CORE_FILES


# One test per core file, so a missing message points at the module (and the engineer) that needs it.
@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(CORE_DIR)))
def test_every_code_used_in_core_has_a_message(path):
    messages, _ = load_messages()
    assert sorted(code for code in codes_in(path) if code not in messages) == []


@pytest.mark.parametrize("code, params", [
    ("db.newer_version", {"found": 3, "supported": 2}),
    ("evidence.source_missing", {"path": "E:/minh-chung.pdf"}),
    ("campaign.file_invalid", {"file": "x.json", "detail": "?"}),
])
def test_user_error_reads_as_vietnamese(code, params):
    err = UserError(code, **params)
    assert err.code == code
    assert code not in str(err)
    for value in params.values():
        assert str(value) in str(err)
    assert "{" not in str(err)


def test_validation_error_texts():
    err = ValidationError({"name": "field.required", "name_len": "field.too_long"}, {"name_len": {"max": 200}})
    assert err.code == "validation.failed"
    assert "2" in str(err)
    assert err.field_text("name") == message_text("field.required")
    assert "200" in err.field_text("name_len")


def test_unknown_code_still_shows_something():
    assert message_text("no.such_code", x=1).startswith("no.such_code")
