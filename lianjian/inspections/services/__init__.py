"""Every state change of random inspection (双随机、一公开); views, API, commands and jobs call these."""

from .draws import (  # noqa: F401
    DRAW_WORKFLOW,
    DrawTampered,
    VerifiedDraw,
    draw_commit,
    draw_execute,
    draw_verify,
    draw_witness_add,
    published_record,
    verify_record,
)
from .plans import (  # noqa: F401
    PLAN_WORKFLOW,
    TASK_WORKFLOW,
    plan_create,
    plan_publish,
    rule_value,
    task_create,
    task_units,
)
from .pools import (  # noqa: F401
    conflict_declare,
    inspector_register,
    inspectors_expire,
    item_create,
    object_classify,
    object_register,
    objects_sync_credit,
)
from .results import live_draw, result_record, task_finish, task_publish  # noqa: F401
