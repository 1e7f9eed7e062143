"""The data complaints are checked and timed against (rules.md §2–3). Deadline lengths are not here: they are the
``DeadlineRule`` rows seeded by lianjian/deadlines/rule_data.py, named below by code.

Attachment limits are local policy, not statute: a deployment overrides them with the setting
``LIANJIAN_COMPLAINT_ATTACHMENTS`` (same keys as :data:`ATTACHMENT_LIMITS`).
"""

from django.utils.translation import gettext_lazy as _

from .models import ComplaintKind

# Which deadline rule times each step of each kind. ``filing`` checks that the complaint came in time (rules.md §2
# 第60条; §3 政府采购法 第52、55条); ``accept`` is the acceptance/review step; ``decide`` runs from receipt (七部委令
# 第11号 第11条: an accepted complaint counts as accepted on the day received; 政府采购法 第56条: from receipt).
# A 举报 has no statutory clock of its own: it is timed like a complaint, which administrators may change here.
KIND_RULES = {
    ComplaintKind.COMPLAINT: {"filing": "complaint_filing", "accept": "complaint_accept",
                              "decide": "complaint_decide", "redirect": "complaint_redirect_notice"},
    ComplaintKind.REPORT: {"filing": None, "accept": "complaint_accept", "decide": "complaint_decide",
                           "redirect": "complaint_redirect_notice"},
    ComplaintKind.GP_CHALLENGE: {"filing": "gp_challenge_filing", "accept": None, "decide": "gp_challenge_reply",
                                 "redirect": "gp_complaint_redirect"},
    ComplaintKind.GP_COMPLAINT: {"filing": "gp_complaint_filing", "accept": "gp_complaint_review",
                                 "decide": "gp_complaint_decide", "redirect": "gp_complaint_redirect"},
}

# Handing a complaint to the competent unit (宣恩方案: "收到投诉举报件……之日起5个工作日内完成移送").
TRANSFER_RULE = "case_transfer"
# The one-time correction notice of a government-procurement complaint (财政部令第94号 第21条第（一）项).
CORRECTION_NOTICE_RULE = "gp_complaint_correction_notice"

# Why the decision clock may stand still. 招标投标法实施条例 第61条: 检验、检测、鉴定、专家评审; 财政部令第94号 adds 补正
# for government procurement (rules.md §2–3).
PAUSE_REASONS = {
    "inspection": _("检验"),
    "testing": _("检测"),
    "appraisal": _("鉴定"),
    "expert_review": _("专家评审"),
}

# Grounds for not accepting a complaint: 《工程建设项目招标投标活动投诉处理办法》（七部委令第11号）第十二条, plus the
# jurisdiction ground of 财政部令第94号 第21条第（三）项 / 宣恩方案 (tell the complainant where to go).
NON_ACCEPTANCE_REASONS = {
    "no_interest": _("投诉人不是所投诉招标投标活动的参与者，或者与投诉项目无任何利害关系"),
    "vague": _("投诉事项不具体，且未提供有效线索，难以查证"),
    "no_identity": _("投诉书未署具投诉人真实姓名、签字和有效联系方式；以法人名义投诉的，投诉书未经法定代表人签字并加盖公章"),
    "out_of_time": _("超过投诉时效"),
    "already_decided": _("已经作出处理决定，并且投诉人没有提出新的证据"),
    "no_objection": _("投诉事项应先提出异议没有提出异议"),
    "in_review_or_litigation": _("已进入行政复议或者行政诉讼程序"),
    "not_competent": _("不属于本部门管辖，应向有管辖权的部门提出"),
}

# Required contents of a complaint (七部委令第11号 第七条), keyed by the field that carries each one. A 举报 needs the
# facts and leads only and may be anonymous; a government-procurement filing needs the same elements
# (财政部令第94号 第18条).
REQUIRED_ELEMENTS = {
    "name": _("投诉人的名称"),
    "address": _("投诉人的地址"),
    "phone": _("投诉人的有效联系方式"),
    "respondent_name": _("被投诉人的名称"),
    "respondent_address": _("被投诉人的地址"),
    "respondent_contact": _("被投诉人的联系方式"),
    "facts": _("投诉事项的基本事实"),
    "requests": _("相关请求及主张"),
    "evidence": _("有效线索和相关证明材料"),
    "signed": _("投诉人签字（法人为法定代表人或授权代表签字并盖章）"),
}
REPORT_ELEMENTS = ("facts", "evidence")

ATTACHMENT_LIMITS = {
    # Extension → the leading bytes a genuine file of that type starts with (a renamed executable is refused).
    "types": {
        "pdf": [b"%PDF"],
        "jpg": [b"\xff\xd8\xff"],
        "jpeg": [b"\xff\xd8\xff"],
        "png": [b"\x89PNG\r\n\x1a\n"],
        "docx": [b"PK\x03\x04"],
        "xlsx": [b"PK\x03\x04"],
        "zip": [b"PK\x03\x04"],
    },
    "max_bytes": 20 * 1024 * 1024,
    "max_files": 10,
}
