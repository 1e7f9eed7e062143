"""Reference data the expert pool starts with, loaded by data migrations and editable afterwards.

SPECIALTIES is a SUBSET, for a working pool out of the box: it follows the structure of the national
评标专家专业分类标准 (top classes A 工程、B 货物、C 服务, then two-digit levels nested by code prefix) with the
specialties public-resource trading draws most often. It is not the full national table; a province loads its own
table (admin or data migration) before going live, and codes here should be checked against it.
"""

# (code, name, parent code)
SPECIALTIES = [
    ("A", "工程类", None),
    ("A01", "房屋建筑工程", "A"),
    ("A0101", "建筑工程施工", "A01"),
    ("A0102", "建筑结构", "A01"),
    ("A0103", "建筑电气与智能化", "A01"),
    ("A0104", "建筑装饰装修", "A01"),
    ("A02", "市政公用工程", "A"),
    ("A0201", "城市道路与桥梁", "A02"),
    ("A0202", "给水排水", "A02"),
    ("A0203", "园林绿化", "A02"),
    ("A03", "交通运输工程", "A"),
    ("A0301", "公路工程", "A03"),
    ("A0302", "桥梁与隧道工程", "A03"),
    ("A04", "水利水电工程", "A"),
    ("A0401", "水利水电工程施工", "A04"),
    ("A0402", "河道与堤防", "A04"),
    ("A05", "工程造价（经济）", "A"),
    ("A0501", "建筑与装饰工程造价", "A05"),
    ("A0502", "市政与交通工程造价", "A05"),
    ("B", "货物类", None),
    ("B01", "机电设备", "B"),
    ("B0101", "通用机械设备", "B01"),
    ("B0102", "电梯与起重设备", "B01"),
    ("B02", "信息技术设备", "B"),
    ("B0201", "计算机及网络设备", "B02"),
    ("B0202", "软件与信息系统", "B02"),
    ("B03", "医疗设备", "B"),
    ("B0301", "医用电子仪器", "B03"),
    ("B0302", "医学影像设备", "B03"),
    ("B04", "办公设备与家具", "B"),
    ("C", "服务类", None),
    ("C01", "工程咨询服务", "C"),
    ("C0101", "工程勘察", "C01"),
    ("C0102", "工程设计", "C01"),
    ("C0103", "工程监理", "C01"),
    ("C02", "经济与法律服务", "C"),
    ("C0201", "财务与会计", "C02"),
    ("C0202", "资产评估", "C02"),
    ("C0203", "法律", "C02"),
    ("C03", "物业与运维服务", "C"),
]

# (sector code or None for the default, min members, odd, expert share numerator, denominator,
#  former-relation recusal years, legal basis) — rules.md §9.
COMMITTEE_RULES = [
    (None, 5, True, 2, 3, None,
     "《中华人民共和国招标投标法》第三十七条：评标委员会成员人数为五人以上单数，其中技术、经济等方面的专家不得少于成员总数的三分之二；"
     "《评标委员会和评标方法暂行规定》第九条、第十二条"),
    ("government_procurement", 5, True, 2, 3, 3,
     "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第四十七条：评标委员会成员人数应当为5人以上单数，评审专家不得少于成员总数的三分之二；"
     "《中华人民共和国政府采购法实施条例》第九条：与供应商在参加采购活动前3年内有劳动关系、担任董事监事或是控股股东实际控制人的，应当回避"),
]
