"""Criteria checklists: versioned criteria sets (data), the verdict engine and checklist migration.

Typical use by the storage/UI layer::

    catalog = load_catalog()                      # never raises; show catalog.problems
    routes = suggest_sets(catalog, "individual", "bang_khen_tinh")
    result = evaluate(routes[0], record, answers, catalog.common)
    result.verdict, [r.text for r in result.reasons]
"""
from .engine import (ELIGIBLE, INCOMPLETE, NOT_ELIGIBLE, VERDICTS, Assessment, CriterionResult, PrincipleResult, Reason,
                     evaluate, suggest_sets)
from .migration import DroppedAnswer, MigrationResult, ReanswerItem, migrate_answers, needs_migration
from .record import ANSWER_STATUSES, Answer, HistoryEntry, ParticipantRecord
from .rules import NOT_COUNTED_FOR_ANNUAL_MERIT, RULES, ComputedValue
from .schema import (BLOCKING_FLAGS, SUPPORTED_SCHEMA_VERSIONS, CommonData, CouncilRules, CriteriaCatalog,
                     CriteriaFileError, CriteriaSet, Criterion, LegalBasis, LoadProblem, Principle, Route,
                     criteria_set_from_snapshot, load_catalog, load_common_file, load_criteria_file, parse_criteria_set)

__all__ = [
    "ANSWER_STATUSES", "BLOCKING_FLAGS", "ELIGIBLE", "INCOMPLETE", "NOT_COUNTED_FOR_ANNUAL_MERIT", "NOT_ELIGIBLE",
    "RULES", "SUPPORTED_SCHEMA_VERSIONS", "VERDICTS", "Answer", "Assessment", "CommonData", "ComputedValue",
    "CouncilRules", "CriteriaCatalog", "CriteriaFileError", "CriteriaSet", "Criterion", "CriterionResult",
    "DroppedAnswer", "HistoryEntry", "LegalBasis", "LoadProblem", "MigrationResult", "ParticipantRecord",
    "Principle", "PrincipleResult", "Reason", "ReanswerItem", "Route", "criteria_set_from_snapshot", "evaluate",
    "load_catalog", "load_common_file", "load_criteria_file", "migrate_answers", "needs_migration",
    "parse_criteria_set", "suggest_sets",
]
