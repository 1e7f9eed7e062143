"""The deadline rule of the warning loop, seeded by migration 0002; administrators edit it in the admin.

rules.md sets no time for triaging a data alert. This is a LOCAL RULE: the default borrows the 5 working days that
seed 004 gives a department to pass on a violation once it is discovered, the nearest period the seeds set for
acting on a discovered irregularity. Tuple as in ``lianjian.deadlines.rule_data``:
(code, name, count, unit, due_soon_days, source, note).
"""

from lianjian.deadlines.rule_data import SEED_XUANEN

RULES = [
    ("alert_triage", "风险预警研判（确认转线索或排除）", 5, "working_days", 2,
     (f"本地规则（rules.md 未规定预警研判时限），参照 {SEED_XUANEN}：“案件需要移送的，有关部门应当在收到投诉举报件或"
      f"发现违法行为之日起5个工作日内完成移送”"),
     "自预警分办之日起计算；各地可按本地制度调整。"),
]
