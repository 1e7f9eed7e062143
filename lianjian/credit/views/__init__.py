from .archive import entity_detail, entity_export, entity_list, record_add, record_export
from .lists import blacklist, entry_add, entry_detail, entry_export, repair_submit
from .measures import hit_export, lot_check, measure_list
from .public import exposure
from .repairs import repair_detail, repair_export, repair_list, repair_transition

__all__ = [
    "blacklist", "entity_detail", "entity_export", "entity_list", "entry_add", "entry_detail", "entry_export",
    "exposure", "hit_export", "lot_check", "measure_list", "record_add", "record_export", "repair_detail",
    "repair_export", "repair_list", "repair_submit", "repair_transition",
]
