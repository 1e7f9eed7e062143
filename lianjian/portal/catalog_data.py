"""The disclosure standard catalog Lianjian starts with, and the deadline rules its time limits use.

Seed 000 §(十七) asks for a 公共资源交易信息公开标准目录 built "按照‘应公开、尽公开’的原则" from 发改办法规〔2019〕752号;
the rows below list what the seed documents name as published, each with the text that requires it. Rows are
defaults: administrators adapt them (and the rules' counts) per jurisdiction in the admin.
"""

from lianjian.deadlines.rule_data import SEED_HAIKOU, SEED_XUANEN, SEED_YUNNAN

OGI_REGULATION = "《中华人民共和国政府信息公开条例》"
SEED_PLATFORM = "《公共资源交易平台整合实施方案》（seed 003）"

# Deadline rules added by this app: (code, name, count, unit, due_soon_days, source, note).
RULES = [
    ("disclosure_active", "主动公开政府信息", 20, "working_days", 5,
     f"{OGI_REGULATION}第二十六条：“属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开”；"
     f"{SEED_YUNNAN}第（十七）条要求编制公共资源交易信息公开标准目录",
     "法律、法规对政府信息公开的期限另有规定的，从其规定。该规则不在 shared/rules.md 中，请按本地规定核对。"),
    ("random_inspection_publish_haikou", "公示“双随机、一公开”抽查结果（海口）", 20, "working_days", 5,
     f"{SEED_HAIKOU}第（七）条：“各执法监督部门及相关单位要在抽查任务完成后20个工作日内，将抽查检查结果通过公示系统、"
     f"专业抽查系统和部门网站等渠道进行公示”",
     "云南为 10 个工作日（规则 random_inspection_publish）；按本地文件选用。"),
]

PORTAL = "公共资源交易信息网（本平台“信息公开”栏目）"

# (code, name, category, content, responsible unit type, rule code or None, time limit, channel, source)
CATALOG = [
    ("power_list", "公共资源交易监管权力和责任清单", "power_list",
     "各成员单位的行政处罚、行政检查等权力事项、依据和责任事项", "lead_office", "disclosure_active",
     "清单形成或调整后 20 个工作日内", PORTAL,
     f"{SEED_YUNNAN}第（三）条：“形成全省统一的公共资源交易监管权力和责任清单，在云南省公共资源交易信息网向社会公开。"
     f"清单应根据实际情况及时调整”；{SEED_HAIKOU}第（三）条"),
    ("complaint_channel", "投诉举报渠道", "complaint_channel",
     "投诉举报时限、要件、受理机构、受理人员、电话、传真、电子邮箱、通讯地址、是否收费及依据", "industry_supervisor",
     "disclosure_active", "渠道设立或变更后 20 个工作日内", f"本部门网站、{PORTAL}",
     f"{SEED_HAIKOU}第（八）条：“明确投诉举报时限、要件……投诉举报渠道（电话、传真、电子邮箱、通讯地址等）、是否收费、"
     f"收费依据等事项，并在本部门、市政务管理局、市公共资源交易中心网站统一发布”；{SEED_PLATFORM}：“各监管部门要公布投诉举报电话”"),
    ("complaint_decision", "投诉处理决定", "complaint_decision",
     "投诉事项、处理结果、处理决定及法律依据（不含投诉举报人信息）", "industry_supervisor", "disclosure_active",
     "作出处理决定后 20 个工作日内", PORTAL,
     f"{SEED_YUNNAN}第（十七）条：“按照‘应公开、尽公开’的原则，全面梳理细化公共资源交易全过程产生的政府信息”；"
     f"{SEED_HAIKOU}第（九）条：“除依法依规应当公开的情形外，投诉举报受理部门应对投诉举报人相关信息严格保密”"),
    ("penalty_decision", "行政处罚决定", "penalty_decision",
     "被处罚主体、违法事实、处罚依据、处罚结果、作出决定的机关和日期", "industry_supervisor", "disclosure_active",
     "作出决定后 20 个工作日内", f"本部门网站、公共资源信用信息平台、{PORTAL}",
     f"{SEED_HAIKOU}第（十二）条：“在作出公共资源交易违法行为的行政处罚决定后，除在本部门网站、相关公共资源信用信息平台"
     f"实施记录公布外，还应抄送至各成员单位”"),
    ("inspection_plan", "“双随机、一公开”抽查事项和抽查计划", "inspection", "抽查事项清单、年度抽查计划", "lead_office",
     "disclosure_active", "计划确定后 20 个工作日内", PORTAL,
     f"{SEED_YUNNAN}第（七）条：“抽查事项、抽查计划、联动执法结果应在联动执法工作结束10个工作日内在云南省公共资源交易信息网公布”"),
    ("inspection_result", "“双随机、一公开”抽查结果", "inspection", "抽查对象、检查结果、处理情况", "lead_office",
     "random_inspection_publish", "联动执法工作结束后 10 个工作日内（海口 20 个工作日）", f"公示系统、部门网站、{PORTAL}",
     f"{SEED_YUNNAN}第（七）条：“联动执法结果应在联动执法工作结束10个工作日内在云南省公共资源交易信息网公布”；"
     f"{SEED_HAIKOU}第（七）条（20个工作日）"),
    ("joint_inspection_info", "联合执法检查信息", "inspection", "联合执法检查的对象、发现的问题和处理结果", "lead_office",
     "disclosure_active", "检查结束后 20 个工作日内", PORTAL,
     f"{SEED_XUANEN}：“联合执法与联合检查的相关信息需要向社会进行公布的应当统一公布……保证信息的一致性”"),
    ("blacklist", "严重失信主体名单（曝光台）", "credit", "失信主体名称、统一社会信用代码、失信行为、认定依据、列入和移出日期",
     "lead_office", "disclosure_active", "列入或移出后 20 个工作日内", f"{PORTAL}“曝光台”栏目、信用中国",
     f"{SEED_YUNNAN}第（十三）条：“由省发展改革委汇总后，上传到公共资源交易领域信用管理系统，并通过云南省公共资源交易信息网"
     f"‘曝光台’栏目向社会公布”"),
    ("transfer_statistics", "案件移送和办理情况统计", "statistics", "投诉举报接收、转办、反馈和案件移送的数量及办结情况",
     "lead_office", None, "定期（随统计周期）", PORTAL,
     f"{SEED_YUNNAN}第（九）条：“各地、各部门投诉举报接收、转办、反馈工作情况纳入公共资源交易平台整合共享综合考评”；"
     f"{SEED_XUANEN}（四）违法违规案件移送"),
    ("performance_review", "分中心监督考核结果", "statistics", "对各分中心的考核内容、标准和结果", "lead_office", None,
     "考核结束后", PORTAL,
     f"{SEED_PLATFORM}：“定期对各辖市（区）分中心监督考核，并将结果纳入全市年度绩效考核范围，考核结果向社会公布”"),
]
