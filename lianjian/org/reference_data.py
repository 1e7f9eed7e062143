"""Reference data the organisation model starts with: roles and trading sectors."""

ROLES = [
    ("office_staff", "牵头办公室工作人员"),
    ("supervisor_officer", "行业监督人员"),
    ("inspector", "执法检查人员"),
    ("centre_staff", "交易中心工作人员"),
    ("unit_head", "单位负责人"),
    ("oversight", "只读监督（纪检/审计/公安）"),
    ("admin", "系统管理员"),
]

# (code, name, parent code). The four trading sectors of the seeds, "other", and the industries within 工程建设
# whose supervisors the seeds name (住建、交通、水利、能源、农业农村 …).
SECTORS = [
    ("construction", "工程建设", None),
    ("construction.housing", "房屋建筑和市政基础设施", "construction"),
    ("construction.transport", "交通运输", "construction"),
    ("construction.water", "水利", "construction"),
    ("construction.energy", "能源电力", "construction"),
    ("construction.agriculture", "农业农村", "construction"),
    ("construction.other", "其他工程", "construction"),
    ("government_procurement", "政府采购", None),
    ("land_mineral", "土地使用权和矿业权出让", None),
    ("state_property", "国有产权交易", None),
    ("other", "其他交易", None),
]

# The first two digits of every provincial-level division in GB/T 2260 (省、自治区、直辖市、特别行政区).
PROVINCE_PREFIXES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
    "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
})

# Roles that only make sense in one kind of unit: a lead-office role outside the lead office, or read-only
# oversight outside discipline inspection, audit and police, would widen someone's reach by mistake.
ROLE_UNIT_TYPES = {
    "office_staff": {"lead_office"},
    "centre_staff": {"trading_centre"},
    "oversight": {"discipline", "audit", "police"},
}

# Header of the power-list spreadsheet (import and export), in this order.
POWER_LIST_COLUMNS = ["事项编码", "权力类型", "事项名称", "设定依据", "行业领域", "责任事项", "追责情形"]
