"""The scheduled exchanges of the information-sharing mechanism and the one deadline rule they need beyond those
the deadlines app seeds (bid_opening_log, quarterly_project_list, handling_result_report, penalty_decision_copy;
rules.md §1). Rows are defaults seeded by data migrations; administrators adapt them.

Schedules: (code, name, trigger, sender types, recipient types, deadline rule, generator, source).
"""

from lianjian.deadlines.rule_data import SEED_HAIKOU, SEED_XUANEN

MEMBER_TYPES = ["lead_office", "industry_supervisor", "trading_centre", "discipline", "audit", "police", "justice",
                "member"]
SUPERVISOR_TYPES = ["lead_office", "industry_supervisor"]

SCHEDULES = [
    ("bid_opening_log", "交易中心报送前日开标项目工作日志", "daily", ["trading_centre"], ["lead_office"],
     "bid_opening_log", "bid_opening_log",
     f"{SEED_XUANEN}二(二)1：“县公共资源交易中心于开标结束后次日，将前日开标项目工作日志通过微信或QQ等途径传送至县政务局”"),
    ("quarterly_project_list", "报送《招投标项目一览表》", "quarterly", ["trading_centre"], ["lead_office"],
     "quarterly_project_list", "",
     f"{SEED_XUANEN}二(二)1：“《招投标项目一览表》于每季度最后一月30日前将盖公章的纸质版和电子版传送至县政务局”"),
    ("handling_result_report", "投诉及执法事项处理情况报牵头部门备查", "event", SUPERVISOR_TYPES, ["lead_office"],
     "handling_result_report", "",
     f"{SEED_XUANEN}二(二)4：“各监督部门受理并处理的公共资源交易类投诉及执法事项，在处理完毕后一周内将处理情况报告及相关资料"
     f"报县政务局备查”"),
    ("penalty_decision_copy", "行政处罚决定抄送各成员单位", "event", SUPERVISOR_TYPES, MEMBER_TYPES,
     "penalty_decision_copy", "",
     f"{SEED_HAIKOU}(十二)：“在作出公共资源交易违法行为的行政处罚决定后，除在本部门网站、相关公共资源信用信息平台实施记录公布外，"
     f"还应抄送至各成员单位”"),
    ("project_approval_copy", "立项审批信息抄送", "event", SUPERVISOR_TYPES, SUPERVISOR_TYPES,
     "project_approval_copy", "",
     f"{SEED_XUANEN}二(二)7：“县发改局、县财政局等有立项、审批权限的监督部门，应及时将审批核准项目情况（项目编号、招标方式、"
     f"招标组织形式）抄送至县政务局及其他行政监督部门”"),
]

# (code, name, count, unit, due_soon_days, source, note) as in lianjian.deadlines.rule_data.
RULES = [
    ("project_approval_copy", "立项审批信息抄送牵头部门及其他监督部门", 5, "working_days", 2,
     f"{SEED_XUANEN}二(二)7：“应及时将审批核准项目情况（项目编号、招标方式、招标组织形式）抄送至县政务局及其他行政监督部门”",
     "原文只要求“及时”，未规定天数：5 个工作日为本平台默认值，请按本地规定调整。"),
]
