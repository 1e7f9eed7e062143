"""State changes of the organisation domain.

Every function checks the actor's permission, runs in one transaction and writes the audit log, so a refused or
invalid request leaves nothing behind. Other domains call :func:`power_item_check` before any official action
that must cite an item of the acting unit's published power-and-responsibility list (seed 002 §(四)).
"""

from .common import (  # noqa: F401
    LIAISON_REPORT_RULE,
    PERSON_FIELDS,
    POWER_ITEM_FIELDS,
    POWER_LIST_IMPORT_MAX_ROWS,
    REGION_FIELDS,
    UNIT_FIELDS,
)
from .liaison import liaison_change  # noqa: F401
from .power_lists import (  # noqa: F401
    POWER_LIST_FLOW,
    power_item_add,
    power_item_check,
    power_item_remove,
    power_item_update,
    power_list_create_draft,
    power_list_import_xlsx,
    power_list_publish,
)
from .structure import (  # noqa: F401
    person_create,
    person_deactivate,
    person_set_roles,
    person_update,
    region_create,
    region_level_of,
    region_update,
    unit_create,
    unit_set_sectors,
    unit_update,
)
