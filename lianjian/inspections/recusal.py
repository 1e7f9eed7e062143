"""Which officers must not inspect which object (rules.md §6; 行政处罚法 第42、43条: an officer with a direct
interest in the matter recuses).

An officer is barred from an object when:
- they declared a relation with one of the object's parties (the entity itself; for a lot its tenderer, agency,
  bidders, consortium members and winner), in force on the draw date — ``declared_relation``;
- the object is a project of their own unit: the lot's tenderer is the officer's unit (matched on the name, as
  units carry no credit code) — ``own_unit_project``.
"""

from collections import defaultdict

from django.db.models import Q

from lianjian.trading.models import Award, Bid, Lot

from .models import InspectorConflict

DECLARED_RELATION = "declared_relation"
OWN_UNIT_PROJECT = "own_unit_project"


def object_parties(objects):
    """{object id: set of entity ids} and {object id: tenderer name} for the given InspectionObject rows."""
    parties, tenderer_names = defaultdict(set), {}
    lot_objects = defaultdict(list)
    for obj in objects:
        if obj.entity_id:
            parties[obj.pk].add(obj.entity_id)
        if obj.lot_id:
            lot_objects[obj.lot_id].append(obj.pk)
    if lot_objects:
        lots = Lot.objects.filter(pk__in=list(lot_objects)).values_list(
            "pk", "tender_project__tenderer_id", "tender_project__agency_id", "tender_project__tenderer__name")
        for lot_id, tenderer_id, agency_id, tenderer_name in lots:
            for oid in lot_objects[lot_id]:
                parties[oid].update(e for e in (tenderer_id, agency_id) if e)
                tenderer_names[oid] = tenderer_name.strip()
        links = [
            Bid.objects.filter(lot_id__in=list(lot_objects)).values_list("lot_id", "bidder_id"),
            Bid.consortium_members.through.objects.filter(bid__lot_id__in=list(lot_objects)).values_list(
                "bid__lot_id", "entity_id"),
            Award.objects.filter(lot_id__in=list(lot_objects)).values_list("lot_id", "winner_id"),
        ]
        for rows in links:
            for lot_id, entity_id in rows:
                for oid in lot_objects[lot_id]:
                    parties[oid].add(entity_id)
    return parties, tenderer_names


def conflicts(*, objects, inspectors, on_date):
    """``[(object id, inspector id, [codes])]`` for every barred pair among ``objects`` and ``inspectors``
    (an iterable of (inspector id, unit id, unit name))."""
    parties, tenderer_names = object_parties(objects)
    codes = defaultdict(set)
    inspector_ids = [iid for iid, _u, _n in inspectors]
    entities = set().union(*parties.values()) if parties else set()
    declared = (InspectorConflict.objects.filter(inspector_id__in=inspector_ids, entity_id__in=entities,
                                                 declared_on__lte=on_date)
                .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on_date))
                .values_list("inspector_id", "entity_id"))
    by_entity = defaultdict(set)
    for iid, entity_id in declared:
        by_entity[entity_id].add(iid)
    for oid, entity_ids in parties.items():
        for entity_id in entity_ids:
            for iid in by_entity.get(entity_id, ()):
                codes[(oid, iid)].add(DECLARED_RELATION)
    by_unit_name = defaultdict(list)
    for iid, _uid, unit_name in inspectors:
        by_unit_name[unit_name.strip()].append(iid)
    for oid, name in tenderer_names.items():
        for iid in by_unit_name.get(name, ()):
            codes[(oid, iid)].add(OWN_UNIT_PROJECT)
    return [(oid, iid, sorted(c)) for (oid, iid), c in codes.items()]
