"""The numbers random inspection starts with, each citing its source in shared/rules.md. Administrators adapt
them per jurisdiction in the admin; a plan copies the default ratios and may change them within the band."""

RULES_MD_6 = "shared/rules.md §6"
RATIO_SOURCE = (f"{RULES_MD_6}：“Risk-differentiated ratios are local, e.g. by credit class A ≤5%, B 5–20%, "
                "C 21–60%, D 61–100% (one city's published scheme) — configurable per plan”；"
                "《云南省公共资源交易工作联席会议办公室关于加强公共资源交易协同监管工作的通知》（云发改交易监督〔2020〕972号）：“根据监督检查对象风险等级、信用水平等实行差异化分类管理，合理确定、动态调整抽查比例、频次和被抽查概率”")

# (code, name, rank, min %, max %, default %, source)
SAMPLING_CLASSES = [
    ("A", "A类（低风险／守信）", 1, "0.00", "5.00", "5.00", RATIO_SOURCE),
    ("B", "B类（一般风险）", 2, "5.00", "20.00", "20.00", RATIO_SOURCE),
    ("C", "C类（较高风险）", 3, "21.00", "60.00", "60.00", RATIO_SOURCE),
    ("D", "D类（高风险／失信）", 4, "61.00", "100.00", "100.00", RATIO_SOURCE),
]

MIN_TEAM_SIZE = "min_team_size"
RECENT_WINDOW_DAYS = "recent_window_days"

# (code, name, value, source)
RULES = [
    (MIN_TEAM_SIZE, "每个检查对象的执法检查人员不少于", 2,
     f"{RULES_MD_6}：“At least 2 inspectors per object”；《中华人民共和国行政处罚法》第四十二条：“执法人员不得少于两人”"),
    (RECENT_WINDOW_DAYS, "近期已被抽查的对象在此天数内不再抽取（防止过度检查）", 365,
     ("《随州市招标投标领域联动协作机制创建工作方案》（seed 001）：“合理确定年度检查的比例、频次和方式，既要保证必要的覆盖面和监管力度，"
      "又要防止过度检查”；天数为本地默认值，可按辖区调整")),
]
