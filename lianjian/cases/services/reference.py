"""Administrators adapt the discretion benchmark and tolerance list of their jurisdiction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lianjian.audit.services import audit_record, snapshot
from lianjian.core import permissions

from ..models import DiscretionBenchmark


def _benchmark_errors(row):
    errors = {}
    rates = (row.rate_min_permille, row.rate_max_permille)
    amounts = (row.amount_min, row.amount_max)
    if None in rates and None in amounts:
        errors["rate_min_permille"] = _("请填写罚款比例幅度或罚款金额幅度")
    elif None not in rates and rates[0] > rates[1]:
        errors["rate_max_permille"] = _("罚款比例上限不能低于下限")
    elif None in rates and None not in amounts and amounts[0] > amounts[1]:
        errors["amount_max"] = _("罚款上限不能低于下限")
    return errors


def reference_row_save(*, row, actor):
    """Create or change a benchmark or tolerance row; decisions already made keep the row they cited."""
    permissions.require(actor, "change", row)
    if isinstance(row, DiscretionBenchmark):
        errors = _benchmark_errors(row)
        if errors:
            raise ValidationError(errors)
    with transaction.atomic():
        before = snapshot(type(row).objects.get(pk=row.pk)) if row.pk else None
        row.save()
        label = row._meta.model_name
        audit_record(actor=actor, action=f"cases.{label}.{'change' if before else 'create'}", obj=row,
                     before=before, after=snapshot(row))
    return row
