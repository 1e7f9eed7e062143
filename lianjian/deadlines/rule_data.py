"""The deadline rules Lianjian starts with (rules.md §1, §2, §3, §8), each with the text that sets it.

Rows are defaults: administrators adapt count, unit and reminder window to their jurisdiction in the admin.
Tuple: (code, name, count, unit, due_soon_days, source, note).
"""

SEED_YUNNAN = "《云南省公共资源交易工作联席会议办公室关于加强公共资源交易协同监管工作的通知》（云发改交易监督〔2020〕972号）"
SEED_HAIKOU = "《海口市公共资源交易管理委员会办公室关于进一步落实公共资源交易协同监管的通知》"
SEED_XUANEN = "《宣恩县公共资源交易联动监督管理实施方案》（宣公管委〔2020〕5号）"
TENDER_REGULATION = "《中华人民共和国招标投标法实施条例》"
ORDER_11 = "《工程建设项目招标投标活动投诉处理办法》（七部委令第11号）"
GP_LAW = "《中华人民共和国政府采购法》"
GP_REGULATION = "《中华人民共和国政府采购法实施条例》"
ORDER_94 = "《政府采购质疑和投诉办法》（财政部令第94号）"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
TRANSFER_RULES = "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）"
PENALTY_WORKING_DAYS = f"{PENALTY_LAW}第八十五条：“本法中‘二日’‘三日’‘五日’‘七日’的规定是指工作日，不含法定节假日。”"

RULES = [
    # §1 — the seed documents of the joint-supervision mechanism.
    ("joint_meeting", "联席会议（每半年召开一次）", 6, "months", 10,
     f"{SEED_YUNNAN}：“原则上，每半年召开一次联合会商会议”；{SEED_HAIKOU}：“原则上，每半年召开一次联席会议”；"
     f"{SEED_XUANEN}：“联席会议原则上每半年召开一次全体成员工作会议”",
     "牵头单位或成员单位提请时可临时召开。"),
    ("joint_inspection", "联合执法检查（原则上每半年一次）", 6, "months", 10,
     f"{SEED_XUANEN}：“联合执法检查原则上应半年开展一次，根据需要可增加或减少，严格按照‘双随机一公开制度’进行”", ""),
    ("random_inspection_publish", "公布“双随机、一公开”抽查结果", 10, "working_days", 3,
     f"{SEED_YUNNAN}：“联动执法结果应在联动执法工作结束10个工作日内在云南省公共资源交易信息网公布”",
     f"海口为 20 个工作日：{SEED_HAIKOU}：“在抽查任务完成后20个工作日内……进行公示”。"),
    ("remote_expert_result_copy", "涉及客场评标专家的处理结果抄送客场监督部门", 7, "working_days", 2,
     f"{SEED_YUNNAN}：“调查处理工作结束后，涉及客场评标专家的处理结果应于7个工作日内抄送评标客场所在地行政监督部门”", ""),
    ("liaison_change_report", "责任领导或联络员变动报备", 3, "working_days", 1,
     f"{SEED_HAIKOU}：“各单位责任领导或联络员变动时，应在调整确定后3个工作日内将人员联系方式报市公管办”", ""),
    ("complaint_redirect_notice", "告知投诉人向有管辖权的部门投诉", 3, "working_days", 1,
     f"{SEED_XUANEN}：“按法定职责应当由其他部门查处和立案的，应当在3个工作日内书面告知投诉人向有管辖权的部门提起投诉”",
     ""),
    ("case_transfer", "移送案件", 5, "working_days", 2,
     f"{SEED_XUANEN}：“案件需要移送的，有关部门应当在收到投诉举报件或发现违法行为之日起5个工作日内完成移送”", ""),
    ("transfer_return", "退回不属于本部门职责的移送案件并书面说明理由", 5, "working_days", 2,
     f"{SEED_XUANEN}：“对不属于本部门职责范围的，收到案件材料后5个工作日内将案件材料退回移送案件的部门，并书面说明理由”",
     ""),
    ("transfer_accept_report", "回告移送案件受理结果", 5, "working_days", 2,
     f"{SEED_XUANEN}：“应当自决定是否受理之日起5个工作日内将受理结果回告移送案件的部门”", ""),
    ("transfer_result_report", "回告移送案件办理结果", 10, "working_days", 3,
     f"{SEED_XUANEN}：“决定受理的，应当自处理完毕后10个工作日内将办理结果回告移送案件部门”", ""),
    ("assistance_letter_return", "退回超出职能的协助办理函并说明原因", 5, "working_days", 2,
     f"{SEED_XUANEN}：“对于超出本部门职能的协助办理事项，应于收到协助办理函之日起5个工作日内将函件退回，并说明原因”", ""),
    ("handling_result_report", "投诉及执法事项处理情况报牵头部门备查", 7, "calendar_days", 2,
     f"{SEED_XUANEN}：“在处理完毕后一周内将处理情况报告及相关资料报县政务局备查”", "一周按 7 日计算。"),
    ("bid_opening_log", "交易中心报送前日开标项目工作日志", 1, "calendar_days", 0,
     f"{SEED_XUANEN}：“县公共资源交易中心于开标结束后次日，将前日开标项目工作日志……传送至县政务局”", ""),
    ("quarterly_project_list", "报送《招投标项目一览表》（每季度）", 30, "quarter_day", 5,
     f"{SEED_XUANEN}：“《招投标项目一览表》于每季度最后一月30日前将盖公章的纸质版和电子版传送至县政务局”", ""),
    ("penalty_decision_copy", "行政处罚决定抄送各成员单位", 0, "calendar_days", 0,
     f"{SEED_HAIKOU}：“在作出公共资源交易违法行为的行政处罚决定后……还应抄送至各成员单位”", "作出决定当日。"),
    # §2 — complaints in construction tendering.
    ("objection_reply", "招标人答复异议", 3, "calendar_days", 1,
     f"{TENDER_REGULATION}第二十二条、第五十四条：“招标人应当自收到异议之日起3日内作出答复；作出答复前，应当暂停招标投标活动”",
     "对开标的异议应当场答复（第四十四条）。"),
    ("complaint_filing", "提出投诉的期限（投诉人）", 10, "calendar_days", 0,
     f"{TENDER_REGULATION}第六十条：“可以自知道或者应当知道之日起10日内向有关行政监督部门投诉”",
     "异议答复期间不计算在内。用于审查投诉是否逾期。"),
    ("complaint_accept", "决定是否受理投诉", 3, "working_days", 1,
     f"{TENDER_REGULATION}第六十一条：“行政监督部门应当自收到投诉之日起3个工作日内决定是否受理投诉”；{ORDER_11}第十一条", ""),
    ("complaint_decide", "作出投诉处理决定", 30, "working_days", 5,
     f"{TENDER_REGULATION}第六十一条：“并自受理投诉之日起30个工作日内作出书面处理决定；需要检验、检测、鉴定、专家评审的，"
     f"所需时间不计算在内”",
     "决定受理的，收到投诉书之日即为受理之日（七部委令第11号第十一条）；检验、检测、鉴定、专家评审期间暂停计时。"),
    # §3 — government procurement.
    ("gp_inquiry_reply", "答复政府采购询问", 3, "working_days", 1,
     f"{GP_REGULATION}第五十二条：“采购人或者采购代理机构应当在3个工作日内对供应商依法提出的询问作出答复”", ""),
    ("gp_challenge_filing", "提出政府采购质疑的期限（供应商）", 7, "working_days", 0,
     f"{GP_LAW}第五十二条：“可以在知道或者应知其权益受到损害之日起七个工作日内，以书面形式向采购人提出质疑”",
     "用于审查质疑是否逾期。"),
    ("gp_challenge_reply", "答复政府采购质疑", 7, "working_days", 2,
     f"{GP_LAW}第五十三条：“采购人应当在收到供应商的书面质疑后七个工作日内作出答复”", ""),
    ("gp_complaint_filing", "提出政府采购投诉的期限（供应商）", 15, "working_days", 0,
     f"{GP_LAW}第五十五条：“可以在答复期满后十五个工作日内向同级政府采购监督管理部门投诉”",
     "自质疑答复期满起算。用于审查投诉是否逾期。"),
    ("gp_complaint_review", "审查政府采购投诉", 5, "working_days", 2,
     f"{ORDER_94}第二十一条：“财政部门收到投诉书后，应当在5个工作日内进行审查”", ""),
    ("gp_complaint_correction_notice", "一次性书面通知投诉人补正", 5, "working_days", 2,
     f"{ORDER_94}第二十一条第（一）项：“应当在收到投诉书5个工作日内一次性书面通知投诉人补正”", ""),
    ("gp_complaint_redirect", "告知投诉人向有管辖权的部门投诉（政府采购）", 3, "working_days", 1,
     f"{ORDER_94}第二十一条第（三）项：“投诉不属于本部门管辖的，应当在3个工作日内书面告知投诉人向有管辖权的部门提起投诉”", ""),
    ("gp_complaint_copies", "向被投诉人发送投诉答复通知书及投诉书副本", 8, "working_days", 2,
     f"{ORDER_94}第二十一条第（四）项：“并在收到投诉后8个工作日内向被投诉人和其他与投诉事项有关的当事人发出投诉答复通知书"
     f"及投诉书副本”", ""),
    ("gp_respondent_answer", "被投诉人书面说明情况", 5, "working_days", 2,
     f"{ORDER_94}第二十二条：“应当在收到投诉答复通知书及投诉书副本之日起5个工作日内，以书面形式向财政部门作出说明”",
     "规则来源为二手资料，请核对本地规定。"),
    ("gp_complaint_decide", "作出政府采购投诉处理决定", 30, "working_days", 5,
     f"{GP_LAW}第五十六条：“政府采购监督管理部门应当在收到投诉后三十个工作日内，对投诉事项作出处理决定”；{ORDER_94}第二十六条",
     "需要检验、检测、鉴定、专家评审以及需要投诉人补正材料的，所需时间不计算在内（财政部令第94号）；该期间暂停计时。"),
    ("gp_procurement_suspension", "暂停政府采购活动（最长期限）", 30, "calendar_days", 5,
     f"{GP_LAW}第五十七条：“可以视具体情况书面通知采购人暂停采购活动，但暂停时间最长不得超过三十日”；{ORDER_94}", ""),
    # §8 — administrative penalty and transfer of suspected crimes.
    ("penalty_hearing_request", "当事人申请听证的期限", 5, "working_days", 1,
     f"{PENALTY_LAW}第六十四条：“当事人要求听证的，应当在行政机关告知后五日内提出”；{PENALTY_WORKING_DAYS}", ""),
    ("penalty_decision", "作出行政处罚决定", 90, "calendar_days", 10,
     f"{PENALTY_LAW}第六十条：“行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定”",
     "法律、法规、规章另有规定的，从其规定。"),
    ("penalty_service", "送达行政处罚决定书", 7, "working_days", 2,
     f"{PENALTY_LAW}第六十一条：“当事人不在场的，行政机关应当在七日内……将行政处罚决定书送达当事人”；{PENALTY_WORKING_DAYS}", ""),
    ("crime_transfer_approval", "负责人作出是否批准移送涉嫌犯罪案件的决定", 3, "calendar_days", 1,
     f"{TRANSFER_RULES}第五条：“应当自接到报告之日起3日内作出批准移送或者不批准移送的决定”", ""),
    ("crime_transfer_police", "向公安机关移送涉嫌犯罪案件", 24, "hours", 0,
     f"{TRANSFER_RULES}第五条：“决定批准的，应当在24小时内向同级公安机关移送”", ""),
    ("police_transfer_review", "公安机关审查移送的涉嫌犯罪案件", 3, "calendar_days", 1,
     f"{TRANSFER_RULES}第八条：“公安机关应当自接受行政执法机关移送的涉嫌犯罪案件之日起3日内……对所移送的案件进行审查”", ""),
    ("transfer_reconsideration_request", "提请公安机关复议不予立案决定", 3, "calendar_days", 1,
     f"{TRANSFER_RULES}第九条：“可以自接到不予立案通知书之日起3日内，提请作出不予立案决定的公安机关复议”", ""),
    ("police_reconsideration_decide", "公安机关作出复议决定", 3, "calendar_days", 1,
     f"{TRANSFER_RULES}第九条：“作出不予立案决定的公安机关应当自收到行政执法机关提请复议的文件之日起3日内作出立案或者不予立案的决定”",
     ""),
]
