"""Reference data the credit domain starts with, loaded by data migration 0002 and editable afterwards.

There is no national quantified scoring scheme (rules.md §7: items, points, cycle, thresholds and consequences are
configuration), so the default scheme below is a starting point marked [check]: a jurisdiction loads its own
(e.g. 《湖北省公共资源违法违规行为记录量化管理办法》, seed 004 §二.5; seed 001 §(五)3) before going live.
"""

SCHEME_SOURCE = ("rules.md §7（量化记分的事项、分值、周期、等级和后果均为配置，无全国统一方案）；"
                 "seed 001 §(五)3；seed 004 §二.5 [check]")

# name, base score, cycle months, validity months, repeat window months, repeat multiplier, class when blacklisted.
# The 3-year repeat window follows 招标投标法实施条例 第67条 ("3 年内 2 次以上串通投标", rules.md §7).
DEFAULT_SCHEME = ("全国默认量化记分方案", "100.0", 12, 12, 36, "2.00", "D")

# (code, name, points, source); negative points deduct, positive points reward (守信激励).
DEFAULT_ITEMS = [
    ("collusion", "串通投标", "-20.0", "招标投标法 第53条；招标投标法实施条例 第39–41条、第67条；rules.md §4 §7 [check]"),
    ("fraud", "以他人名义投标或弄虚作假骗取中标", "-20.0", "招标投标法 第54条；招标投标法实施条例 第42条、第68条 [check]"),
    ("bribery", "向招标人或评标委员会成员行贿谋取中标", "-20.0", "招标投标法 第53条 [check]"),
    ("illegal_subcontract", "转包或违法分包", "-10.0", "招标投标法 第58条 [check]"),
    ("agency_violation", "招标代理机构违法泄露信息或与当事人串通", "-10.0", "招标投标法 第50条 [check]"),
    ("refuse_contract", "中标后无正当理由不与招标人订立合同", "-6.0", "招标投标法实施条例 第74条 [check]"),
    ("false_complaint", "捏造事实、伪造材料或以非法手段取得证明材料进行投诉", "-6.0",
     "招标投标法实施条例 第77条；rules.md §2 §3 [check]"),
    ("general_violation", "其他一般违法违规行为", "-3.0", "seed 004 §(五)2（投诉处理和执法检查中查处的不法行为进行信用记分）[check]"),
    ("site_misconduct", "交易现场不良行为（交易中心报告）", "-2.0", "seed 004 §一.3（交易中心报送一般失信行为）[check]"),
    ("bid_irregular", "评标中发现的投标文件不良行为（评标专家评价）", "-1.0", "seed 003 §二（专家评价记录）[check]"),
    ("commendation", "评先表彰、诚信经营（守信激励加分）", "5.0", "seed 004 §(五)1（信用加分）[check]"),
]

# (class, minimum score, consequence, source). The sampling ratios are one city's published scheme (rules.md §6);
# below the lowest minimum an entity still has the lowest class.
DEFAULT_THRESHOLDS = [
    ("A", "90.0", "双随机抽查比例不超过 5%；优先办理、简化程序等守信激励", "rules.md §6 §7；seed 004 §(五)1 [check]"),
    ("B", "75.0", "双随机抽查比例 5%–20%", "rules.md §6 [check]"),
    ("C", "60.0", "双随机抽查比例 21%–60%；列为重点关注对象", "rules.md §6 [check]"),
    ("D", "0.0", "双随机抽查比例 61%–100%；依法限制参与公共资源交易", "rules.md §6 §7；seed 003 §四.2 [check]"),
]

# (list, minimum months, maximum months, source). Publication of penalty information lasts at least 3 months and
# at most 3 years, and ends early only after the minimum (credit-repair rules, 2023; rules.md §7 [check]).
LIST_RULES = [
    ("blacklist", 3, 36, "rules.md §7（公示期最短 3 个月、最长 3 年，期满前须经信用修复方可提前移出）[check]"),
    ("watch", 3, 12, "地方配置默认值（seed 000 §(十四) 动态管理）[check]"),
    ("red", 12, 36, "地方配置默认值（seed 004 §(五)1 守信激励）[check]"),
]

MEMORANDUM = ("发改法规〔2018〕457号", "关于对公共资源交易领域严重失信主体开展联合惩戒的备忘录",
              "发改法规〔2018〕457号；seed 000 §(十三)(十四)；seed 002 §(十三)；rules.md §7（措施清单 [check]）")

# (activity, measure, implementing department)
MEMORANDUM_MEASURES = [
    ("bidding", "依法限制参与工程建设项目招标投标活动", "住房城乡建设、交通运输、水利等行业监督部门"),
    ("government_procurement", "依法限制参与政府采购活动", "财政部门"),
    ("land", "依法限制参与土地使用权和矿业权出让", "自然资源部门"),
    ("state_property", "依法限制参与国有产权交易", "国有资产监督管理部门"),
    ("fiscal_support", "限制获得政府财政性资金支持", "财政、发展改革部门"),
    ("expert", "限制担任评标评审专家", "发展改革部门及各行业监督部门"),
    ("honours", "限制参加评先评优", "各成员单位"),
    ("posts", "依法限制担任国有企业法定代表人、董事、监事、高级管理人员", "组织、国有资产监督管理部门"),
]

# Which restricted activity taking part in a lot of each top-level trading sector means. A classification of the
# platform's own sector table, not a statutory number.
SECTOR_ACTIVITY = {
    "construction": "bidding",
    "government_procurement": "government_procurement",
    "land_mineral": "land",
    "state_property": "state_property",
    "other": "bidding",
}
