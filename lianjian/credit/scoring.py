"""Score and class arithmetic, written once: the SQL annotation every list, page and service reads, and the pure
helpers it needs. A score is never stored as the truth: it is computed from the records valid on the day, so it
cannot go stale when a record expires or a new period begins.

Score of an entity on day D under scheme S = S.base_score + the effective points of every record (under any
scheme) decided on or before D whose validity reaches into the scoring period containing D. The class is the
highest threshold met (the lowest class when none is); an entity on the 严重失信主体名单 on D has S's
``blacklisted_class`` whatever its score.
"""

import datetime
from decimal import Decimal

from django.db.models import Case, DecimalField, Exists, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from lianjian.trading.models import Entity

from .models import CreditList, CreditRecord, ListEntry

SCORE_FIELD = DecimalField(max_digits=9, decimal_places=1)


def period_bounds(on, cycle_months):
    """The scoring period containing ``on``: periods of ``cycle_months`` months tile each calendar year from
    1 January (the scheme's cycle divides 12)."""
    first_month = (on.month - 1) // cycle_months * cycle_months + 1
    start = datetime.date(on.year, first_month, 1)
    next_month = first_month + cycle_months
    following = datetime.date(on.year + (next_month - 1) // 12, (next_month - 1) % 12 + 1, 1)
    return start, following - datetime.timedelta(days=1)


def effective_points(points, *, is_repeat, multiplier):
    return Decimal(points) * (Decimal(multiplier) if is_repeat else Decimal(1))


def active_on_q(on, *, prefix="", stopped_field="removed_on"):
    """Q for list entries (or applied measures) in force on ``on``: started, not ended, not removed/stopped."""
    return (Q(**{f"{prefix}starts_on__lte": on, f"{prefix}ends_on__gte": on})
            & (Q(**{f"{prefix}{stopped_field}__isnull": True}) | Q(**{f"{prefix}{stopped_field}__gt": on})))


def blacklisted_on(on, entity_ref):
    return Exists(ListEntry.objects.filter(active_on_q(on), entity=entity_ref, credit_list=CreditList.BLACKLIST))


def with_credit(entities, *, scheme, on=None):
    """Annotate an Entity queryset with ``credit_score`` and ``credit_class`` on day ``on`` under ``scheme``."""
    on = on or timezone.localdate()
    period_start, _end = period_bounds(on, scheme.cycle_months)
    points = (CreditRecord.objects.filter(entity=OuterRef("pk"), decided_on__lte=on, valid_until__gte=period_start)
              .order_by().values("entity").annotate(total=Sum("points_effective")).values("total"))
    entities = entities.annotate(credit_score=Coalesce(Subquery(points, output_field=SCORE_FIELD),
                                                       Value(Decimal(0)), output_field=SCORE_FIELD)
                                 + Value(scheme.base_score, output_field=SCORE_FIELD))
    thresholds = sorted(scheme.thresholds.values_list("credit_class", "min_score"), key=lambda t: t[1], reverse=True)
    whens = [When(blacklisted_on(on, OuterRef("pk")), then=Value(scheme.blacklisted_class))]
    whens += [When(credit_score__gte=min_score, then=Value(credit_class)) for credit_class, min_score in thresholds]
    lowest = thresholds[-1][0] if thresholds else scheme.blacklisted_class
    return entities.annotate(credit_class=Case(*whens, default=Value(lowest)))


def scored(entity, *, scheme, on=None):
    """(score, class) of one entity."""
    row = with_credit(Entity.objects.filter(pk=entity.pk), scheme=scheme, on=on).values(
        "credit_score", "credit_class").get()
    return row["credit_score"], row["credit_class"]

