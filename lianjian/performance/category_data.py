"""The duties the performance review reports on and the deadline rules that count towards each.

Rows are defaults seeded by a data migration; administrators map further rules (a module's new deadline rule) in
the admin. A deadline whose rule is mapped nowhere counts under "其他". Tuple: (code, name, order, source, rules).
"""

from lianjian.deadlines.rule_data import SEED_HAIKOU, SEED_XUANEN, SEED_YUNNAN

SEED_PLATFORM = "《公共资源交易平台整合实施方案》（种子文件 003）"

OTHER = "other"

CATEGORIES = [
    ("complaints", "投诉举报办理", 10,
     f"{SEED_YUNNAN}（九）：“各地、各部门投诉举报接收、转办、反馈工作情况纳入公共资源交易平台整合共享综合考评”；"
     f"{SEED_HAIKOU}（九）：“真正做到及时受理、限时办结、按时反馈”",
     ["complaint_accept", "complaint_decide", "complaint_redirect_notice", "gp_complaint_review",
      "gp_complaint_correction_notice", "gp_complaint_redirect", "gp_complaint_copies", "gp_complaint_decide"]),
    ("transfers", "案件移送", 20,
     f"{SEED_XUANEN}（四）：“有关部门应当在收到投诉举报件或发现违法行为之日起5个工作日内完成移送”",
     ["case_transfer", "transfer_return", "transfer_accept_report", "transfer_result_report",
      "crime_transfer_approval", "crime_transfer_police"]),
    ("assistance", "协助办理函", 30,
     f"{SEED_XUANEN}（四）：“对于超出本部门职能的协助办理事项，应于收到协助办理函之日起5个工作日内将函件退回，并说明原因”",
     ["assistance_letter_return"]),
    ("follow_up", "联席会议议定事项", 40,
     f"{SEED_XUANEN}（一）：“各成员单位要按照职责分工，认真落实联席会议议定事项……联席会议办公室负责督促检查会议决定事项的贯彻落实情况，"
     f"并及时通报到各成员单位”",
     ["meeting_follow_up", "joint_meeting"]),
    ("inspections", "联合执法检查", 50,
     f"{SEED_XUANEN}（三）：“联合执法检查原则上应半年开展一次”",
     ["joint_inspection"]),
    ("disclosure", "抽查结果公开", 60,
     f"{SEED_YUNNAN}：“联动执法结果应在联动执法工作结束10个工作日内在云南省公共资源交易信息网公布”",
     ["random_inspection_publish"]),
    ("sharing", "信息报送与共享", 70,
     f"{SEED_XUANEN}（二）联通信息；{SEED_HAIKOU}（十二）信息共享机制",
     ["bid_opening_log", "quarterly_project_list", "handling_result_report", "penalty_decision_copy",
      "project_approval_copy", "remote_expert_result_copy"]),
    ("liaison", "联络机制报备", 80,
     f"{SEED_HAIKOU}：“各单位责任领导或联络员变动时，应在调整确定后3个工作日内将人员联系方式报市公管办”",
     ["liaison_change_report"]),
    ("penalties", "行政处罚办理", 90,
     "《中华人民共和国行政处罚法》第六十条、第六十一条",
     ["penalty_decision", "penalty_service"]),
    (OTHER, "其他", 999,
     f"{SEED_HAIKOU}（十九）：“对不履行或者怠于履行联动监管职责的，由市城管办向市政府进行通报”；"
     f"{SEED_PLATFORM}五：“定期对各辖市(区)分中心监督考核，并将结果纳入全市年度绩效考核范围，考核结果向社会公布”",
     []),
]
