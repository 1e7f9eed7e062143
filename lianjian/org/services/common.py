"""Validation helpers and field lists shared by the organisation services."""

from django.core.exceptions import ValidationError

# Deadline rule (lianjian.deadlines) for reporting a liaison change to the office: 3 working days by default,
# seed 002 §(十七); the count lives in the rule row, editable per jurisdiction.
LIAISON_REPORT_RULE = "liaison_change_report"

# A spreadsheet larger than any real power list is refused before it is parsed row by row.
POWER_LIST_IMPORT_MAX_ROWS = 2000

REGION_FIELDS = ("code", "name", "level", "parent")
UNIT_FIELDS = ("name", "short_name", "type", "region", "address", "phone", "is_active")
PERSON_FIELDS = ("full_name", "title", "phone", "mobile", "email", "unit")
POWER_ITEM_FIELDS = ("code", "kind", "name", "legal_basis", "sector", "responsibility", "accountability")


def _reject_unknown(fields, allowed):
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def _model_errors(obj, exclude=()):
    """Length and choice errors from the model's own field definitions, keyed by field."""
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        return exc.message_dict
    return {}


def _raise_if(errors):
    if errors:
        raise ValidationError(errors)
