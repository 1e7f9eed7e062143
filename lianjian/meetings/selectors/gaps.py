"""Gaps and overlaps in the power-and-responsibility lists (seed 002 §(四): 对于权责边界不清晰或清单事宜未尽造成
监管及相关工作缺位的……提请召开联席会议协调解决; seed 000 §(四): 不得行使或者变相行使未列入权责清单且无法定依据的
行政权力，不得推诿或者怠于履行责任).

Three findings, each with a stable key so it can be sent to a meeting's agenda once:

* **No holder** (无单位承担): a power (same kind and name) that a unit's earlier list version, or the list of a
  unit since deactivated, carried, and that no active unit's currently published list carries any more — the
  power fell out of every list when lists were revised or a unit was merged away.
* **Overlap** (多头认领): a power (same kind and name) in the currently published lists of two or more active
  units.
* **Action with no item behind it** (无清单依据的行政行为), read from the audit log. Why the audit log: it is the
  one record of every action taken in every module, with the acting unit and time, and it cannot be edited
  afterwards. A null ``power_item`` on a domain row cannot serve: on a complaint it only means the citing step
  (acceptance) has not happened yet. An entry counts as an official action when its object is a row of a model
  that cites the list — any installed model with a ``power_item`` foreign key to ``org.PowerItem``, found by
  introspection, so modules added later are covered without changing this one — and it records that citation
  (``power_item`` from a workflow update, ``power_item_id`` from a snapshot). It has no item behind it when the
  recorded citation is empty, names an item that no longer exists, names another unit's item, or names an item
  that the citing unit's currently published list no longer carries (the power was dropped from the list while
  actions under it went on). Services refuse uncited actions through ``power_item_check``; what this finds are
  actions recorded outside that check (data repairs, imports) and powers exercised after they left the list.
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext as _

from lianjian.audit.models import AuditEntry
from lianjian.org import access
from lianjian.org.models import PowerItem, PowerKind, PowerListStatus, Unit

NO_HOLDER = "no_holder"
OVERLAP = "overlap"
UNCITED = "uncited"
CATEGORIES = (NO_HOLDER, OVERLAP, UNCITED)
CITATION_KEYS = ("power_item", "power_item_id")


@dataclass
class PowerGap:
    category: str
    key: str
    title: str
    detail: str
    units: list = field(default_factory=list)
    kind: str = ""
    when: object = None

    @property
    def category_label(self):
        return {NO_HOLDER: _("无单位承担"), OVERLAP: _("多头认领"), UNCITED: _("无清单依据的行政行为")}[self.category]

    @property
    def unit_names(self):
        return "、".join(str(u) for u in self.units)


def _normal(name):
    return re.sub(r"\s+", "", name or "")


def _key(category, kind, name):
    digest = hashlib.sha256(f"{kind}|{_normal(name)}".encode()).hexdigest()[:20]
    return f"{category}:{digest}"


def _kind_label(kind):
    return str(PowerKind(kind).label) if kind in PowerKind.values else kind


def _region(actor):
    region = access.actor_region(actor)
    return region if region is not None or not actor.is_superuser else access.top_region()


def _regional_items(actor, status):
    region = _region(actor)
    return (PowerItem.objects.filter(access.region_subtree_q(region, "power_list__unit__region"),
                                     power_list__status=status)
            .select_related("power_list__unit").order_by("power_list__unit__name", "code"))


def _list_findings(actor):
    published = list(_regional_items(actor, PowerListStatus.PUBLISHED))
    holders = {}
    for item in published:
        if item.power_list.unit.is_active:
            holders.setdefault((item.kind, _normal(item.name)), {})[item.power_list.unit.pk] = item
    lost = {}
    former = list(_regional_items(actor, PowerListStatus.SUPERSEDED)) + [
        i for i in published if not i.power_list.unit.is_active]
    for item in former:
        identity = (item.kind, _normal(item.name))
        if identity not in holders:
            lost.setdefault(identity, {})[item.power_list.unit.pk] = item
    findings = []
    for (kind, _name), by_unit in sorted(lost.items()):
        items = list(by_unit.values())
        sample = items[0]
        findings.append(PowerGap(
            category=NO_HOLDER, key=_key(NO_HOLDER, kind, sample.name), kind=kind,
            title=_("权责事项无单位承担：%(name)s（%(kind)s）") % {"name": sample.name, "kind": _kind_label(kind)},
            detail=_("该事项曾列入 %(units)s 的权责清单（%(refs)s），现行公布的权责清单中没有任何单位承担。设定依据：%(basis)s") % {
                "units": "、".join(str(i.power_list.unit) for i in items),
                "refs": "；".join(f"{i.power_list} {i.code}" for i in items), "basis": sample.legal_basis},
            units=[i.power_list.unit for i in items]))
    for (kind, _name), by_unit in sorted(holders.items()):
        if len(by_unit) < 2:
            continue
        items = list(by_unit.values())
        sample = items[0]
        findings.append(PowerGap(
            category=OVERLAP, key=_key(OVERLAP, kind, sample.name), kind=kind,
            title=_("权责事项多头认领：%(name)s（%(kind)s）") % {"name": sample.name, "kind": _kind_label(kind)},
            detail=_("%(n)d 个单位的现行权责清单均列有该事项：%(refs)s。请厘清职责边界。") % {
                "n": len(items), "refs": "；".join(f"{i.power_list.unit} {i.code}" for i in items)},
            units=[i.power_list.unit for i in items]))
    return findings


def citing_models():
    """Every installed model whose rows cite the power list through a ``power_item`` foreign key."""
    found = []
    for model in apps.get_models():
        try:
            f = model._meta.get_field("power_item")
        except FieldDoesNotExist:
            continue
        if f.is_relation and f.related_model is PowerItem:
            found.append(model)
    return found


def _uncited_entries(actor):
    labels = [m._meta.label_lower for m in citing_models()]
    entries = AuditEntry.objects.filter(object_type__in=labels).filter(
        Q(after__has_key="power_item") | Q(after__has_key="power_item_id"))
    if actor.is_superuser or access.is_lead_office_staff(actor) or access.is_oversight(actor):
        units = Unit.objects.filter(access.region_subtree_q(_region(actor), "region"))
    else:
        units = Unit.objects.filter(pk=getattr(access.actor_unit(actor), "pk", None))
    return entries.filter(unit_id_recorded__in=units.values("pk")).order_by("-seq")


def _uncited_findings(actor):
    entries = list(_uncited_entries(actor))
    cited = {}
    for entry in entries:
        value = next((entry.after.get(k) for k in CITATION_KEYS if k in entry.after), None)
        cited[entry.pk] = value if isinstance(value, int) else None
    items = PowerItem.objects.select_related("power_list__unit").in_bulk([v for v in cited.values() if v])
    units = Unit.objects.in_bulk({e.unit_id_recorded for e in entries})
    current = {(u, c) for u, c in PowerItem.objects.filter(
        power_list__status=PowerListStatus.PUBLISHED, power_list__unit__in=list(units)).values_list(
        "power_list__unit", "code")}
    findings = []
    for entry in entries:
        unit = units.get(entry.unit_id_recorded)
        item_pk = cited[entry.pk]
        item = items.get(item_pk) if item_pk else None
        if item_pk is None:
            reason = _("未引用权责清单事项")
        elif item is None:
            reason = _("引用的权责事项（编号 %(pk)s）已不存在") % {"pk": item_pk}
        elif item.power_list.unit_id != entry.unit_id_recorded:
            reason = _("引用了“%(owner)s”的事项“%(item)s”，不在本单位权责清单内") % {
                "owner": item.power_list.unit, "item": item}
        elif (entry.unit_id_recorded, item.code) not in current:
            reason = _("引用的事项“%(item)s”已不在本单位现行公布的权责清单中") % {"item": item}
        else:
            continue
        findings.append(PowerGap(
            category=UNCITED, key=f"{UNCITED}:{entry.seq}", when=entry.at,
            title=_("无清单依据的行政行为：%(unit)s %(obj)s") % {"unit": entry.unit_label, "obj": entry.object_repr},
            detail=_("%(at)s %(actor)s（%(unit)s）执行“%(action)s”，对象“%(obj)s”：%(reason)s。审计日志第 %(seq)d 条。") % {
                "at": f"{entry.at:%Y-%m-%d %H:%M}", "actor": entry.actor_label, "unit": entry.unit_label,
                "action": entry.action, "obj": entry.object_repr, "reason": reason, "seq": entry.seq},
            units=[unit] if unit else []))
    return findings


def power_gaps(*, actor, category="", q=""):
    """The findings within the actor's reach, optionally of one category and matching a search text."""
    findings = []
    if category in ("", NO_HOLDER, OVERLAP):
        findings += [f for f in _list_findings(actor) if not category or f.category == category]
    if category in ("", UNCITED):
        findings += _uncited_findings(actor)
    q = (q or "").strip()
    if q:
        findings = [f for f in findings if q in f.title or q in f.detail or q in f.unit_names]
    return findings


def power_gap_get(*, actor, key):
    """One finding by its key, recomputed for the actor (never trusted from the request), or None."""
    category = key.split(":", 1)[0]
    if category not in CATEGORIES:
        return None
    return next((f for f in power_gaps(actor=actor, category=category) if f.key == key), None)
