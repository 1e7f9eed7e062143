"""Thresholds and reference rows of the case domain (rules.md §6–8; seed 001), each citing its source.

Administrators adapt the benchmark and tolerance rows per jurisdiction in the admin; the data migration seeds
these defaults.
"""

from decimal import Decimal

PENALTY_LAW = "《中华人民共和国行政处罚法》"
TENDER_LAW = "《中华人民共和国招标投标法》"
TRANSFER_RULES = "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）"
SEED_HUBEI = "《湖北省公共资源招标投标活动容错清单》《湖北省公共资源招标投标行政处罚裁量基准规定》（种子文件001）"

# At least two law-enforcement officers investigate a case (rules.md §6; 行政处罚法第四十二条).
CASE_HANDLERS_MIN = 2
CASE_HANDLERS_SOURCE = f"{PENALTY_LAW}第四十二条：“执法人员不得少于两人，法律另有规定的除外”"

# A suspected crime is examined by a case team of at least two before the head decides (rules.md §8; 310号令第五条).
CRIME_TEAM_MIN = 2
CRIME_TEAM_SOURCE = f"{TRANSFER_RULES}第五条：“应当立即指定2名或者2名以上行政执法人员组成专案组专门负责”"

# (code, violation type, circumstance, rate ‰ min, rate ‰ max, amount min, amount max, base label, measures, source)
BENCHMARKS = [
    ("collusion_minor", "投标人相互串通投标或与招标人串通投标", "minor", Decimal(5), Decimal(6), None, None,
     "中标项目金额", "",
     f"{TENDER_LAW}第五十三条：“处中标项目金额千分之五以上千分之十以下的罚款”；情节档次划分为缺省值，请按本地裁量基准调整"),
    ("collusion_ordinary", "投标人相互串通投标或与招标人串通投标", "ordinary", Decimal(6), Decimal(8), None, None,
     "中标项目金额", "",
     f"{TENDER_LAW}第五十三条；情节档次划分为缺省值，请按本地裁量基准调整"),
    ("collusion_serious", "投标人相互串通投标或与招标人串通投标", "serious", Decimal(8), Decimal(10), None, None,
     "中标项目金额", "取消一年至二年内参加依法必须进行招标的项目的投标资格并予以公告",
     f"{TENDER_LAW}第五十三条：“情节严重的，取消其一年至二年内参加依法必须进行招标的项目的投标资格并予以公告”"),
    ("fraud_ordinary", "以他人名义投标或者以其他方式弄虚作假骗取中标", "ordinary", Decimal(5), Decimal(8), None,
     None, "中标项目金额", "",
     f"{TENDER_LAW}第五十四条：“处中标项目金额千分之五以上千分之十以下的罚款”；情节档次划分为缺省值"),
    ("fraud_serious", "以他人名义投标或者以其他方式弄虚作假骗取中标", "serious", Decimal(8), Decimal(10), None,
     None, "中标项目金额", "取消一年至三年内参加依法必须进行招标的项目的投标资格并予以公告",
     f"{TENDER_LAW}第五十四条：“情节严重的，取消其一年至三年内参加依法必须进行招标的项目的投标资格并予以公告”"),
]

# (code, name, conditions, source)
TOLERANCE_ITEMS = [
    ("first_violation_corrected", "初次违法且危害后果轻微并及时改正",
     "首次违法；危害后果轻微；在责令改正期限内主动改正；作出公开信用承诺",
     f"{PENALTY_LAW}第三十三条第一款：“初次违法且危害后果轻微并及时改正的，可以不予行政处罚”；{SEED_HUBEI}"),
    ("minor_violation_corrected", "违法行为轻微并及时改正，没有造成危害后果",
     "违法行为轻微；及时改正；没有造成危害后果；作出公开信用承诺",
     f"{PENALTY_LAW}第三十三条第一款：“违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚”；{SEED_HUBEI}"),
]


# Which item of the credit scoring scheme (lianjian.credit, rules.md §7) a penalty scores, by the violation of the
# discretion benchmark applied (the benchmark code's prefix); anything else scores as a general violation.
CREDIT_ITEM_BY_VIOLATION = {"collusion": "collusion", "fraud": "fraud"}
CREDIT_ITEM_DEFAULT = "general_violation"
