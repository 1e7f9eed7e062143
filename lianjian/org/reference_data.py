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
