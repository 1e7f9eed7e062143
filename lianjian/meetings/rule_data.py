"""The deadline rule this app adds to lianjian.deadlines (seeded by migration 0002; administrators edit the row).

Tuple as in ``lianjian.deadlines.rule_data.RULES``: (code, name, count, unit, due_soon_days, source, note).
"""

from lianjian.deadlines.rule_data import SEED_XUANEN

FOLLOW_UP_RULE_ROW = (
    "meeting_follow_up", "落实联席会议议定事项（督办事项）", 30, "calendar_days", 5,
    (f"{SEED_XUANEN}：“各成员单位要按照职责分工，认真落实联席会议议定事项……联席会议办公室负责督促检查会议决定事项的贯彻落实情况，"
     f"并及时通报到各成员单位”"),
    "本地默认值：种子文件未规定议定事项的办理时限，30 日为平台默认值，联席会议办公室可按本地规定修改本规则。",
)
