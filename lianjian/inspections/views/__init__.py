from .internal import (  # noqa: F401
    draw_commit, draw_execute, draw_witness, inspector_list, item_list, my_tasks, object_list, plan_create,
    plan_detail, plan_export, plan_list, plan_publish, result_add, task_create, task_detail, task_finish,
    task_notice, task_publish, task_results_export,
)
from .public import public_draw, public_draw_record, public_results  # noqa: F401
