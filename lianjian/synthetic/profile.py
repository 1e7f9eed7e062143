"""The market's shape: the demo city, sectors, categories, price and date parameters, and the summary a run returns."""

import bisect
from dataclasses import dataclass, field
from pathlib import Path


# The demo city (浙江省杭州市, GB/T 2260) and how lots spread over it: the city level takes the largest share.
DEMO_REGION_CODES = ("330100", "330102", "330105", "330106", "330108", "330109", "330110", "330111", "330112",
                     "330113", "330114", "330122", "330127", "330182")
CITY_SHARE = 0.35
# Where firms are registered: the demo city, the rest of the province and neighbouring provinces.
OUT_OF_TOWN_REGIONS = ("330200", "330300", "330400", "330500", "330600", "330700", "331000", "310115", "320106",
                       "340104")
OUT_OF_TOWN_SHARE = 0.2

# Supervising units of the demo city (lianjian.org.demo), by sector, or by "sector@region" where a county's own
# bureau supervises.
DEMO_SUPERVISORS = {
    "construction.housing": "杭州市住房和城乡建设局",
    "construction.housing@330109": "萧山区住房和城乡建设局",
    "construction.housing@330110": "余杭区住房和城乡建设局",
    "construction.housing@330127": "淳安县住房和城乡建设局",
    "construction.transport": "杭州市交通运输局",
    "construction.water": "杭州市林业水利局",
    "government_procurement": "杭州市财政局",
    "land_mineral": "杭州市规划和自然资源局",
    "state_property": "杭州市人民政府国有资产监督管理委员会",
}
OPEN_PLACES = {"330100": "杭州市公共资源交易中心", "330109": "萧山区公共资源交易中心",
               "330110": "余杭区公共资源交易中心", "330127": "淳安县公共资源交易中心"}

TOOL_VERSION = "浙江省电子招投标文件制作工具 V6.3.2"
BATCH_ROWS = 20_000
# Arrow reads the CSV in blocks of this size (larger blocks raise peak memory more than they gain speed) and
# writes row groups of about this many bids.
CSV_BLOCK_BYTES = 4 << 20
PARQUET_ROW_GROUP = 65_536
FIRM_CACHE = 32_768
NAME_CACHE = 65_536
PROGRESS_EVERY = 1_000


@dataclass(frozen=True)
class SectorProfile:
    code: str
    share: float
    transfer: bool
    categories: tuple      # ((category, bidder group, weight), …)
    procedures: tuple      # ((procedure as the importer reads it, weight), …)
    mean_bidders: float
    code_prefix: str
    methods: tuple         # evaluation methods: (lowest-price, scored)
    price: tuple = None    # (median, sigma) of transfer reserve prices


SECTORS = (
    SectorProfile("construction.housing", 0.28, False, (("works", "works", 0.8), ("services", "design", 0.15),
                                                         ("goods", "goods", 0.05)),
                  (("公开招标", 0.9), ("邀请招标", 0.1)), 9.0, "E", ("经评审的最低投标价法", "综合评估法")),
    SectorProfile("construction.transport", 0.10, False, (("works", "works", 0.85), ("services", "design", 0.15)),
                  (("公开招标", 0.92), ("邀请招标", 0.08)), 8.0, "E", ("经评审的最低投标价法", "综合评估法")),
    SectorProfile("construction.water", 0.08, False, (("works", "works", 0.85), ("services", "design", 0.15)),
                  (("公开招标", 0.9), ("邀请招标", 0.1)), 7.0, "E", ("经评审的最低投标价法", "综合评估法")),
    SectorProfile("government_procurement", 0.39, False, (("goods", "goods", 0.55), ("services", "services", 0.45)),
                  (("公开招标", 0.7), ("竞争性磋商", 0.15), ("竞争性谈判", 0.1), ("询价", 0.05)), 5.5, "ZC",
                  ("最低评标价法", "综合评分法")),
    SectorProfile("land_mineral", 0.08, True, (("transfer", "developer", 1.0),), (("挂牌", 0.7), ("拍卖", 0.3)),
                  4.0, "TD", ("价高者得", "价高者得"), (80_000_000, 1.1)),
    SectorProfile("state_property", 0.07, True, (("transfer", "investor", 1.0),), (("挂牌", 0.8), ("拍卖", 0.2)),
                  3.6, "CQ", ("价高者得", "价高者得"), (12_000_000, 1.2)),
)
SECTOR_BY_CODE = {s.code: s for s in SECTORS}
GROUPS = ("works", "design", "goods", "services", "developer", "investor")
CATEGORY_LETTER = {"works": "A", "goods": "B", "services": "C", "transfer": "D"}
# (median estimate in yuan, lognormal sigma, Beta(a, b) of the discount off the control price, contract days).
CATEGORY_PRICES = {
    "works": (6_000_000, 1.0, (3.0, 25.0), (90, 720)),
    "goods": (1_500_000, 0.9, (2.5, 12.0), (15, 90)),
    "services": (1_000_000, 0.9, (2.0, 16.0), (30, 365)),
}
TRANSFER_PREMIUM = (1.5, 6.0)
TRANSFER_DAYS = (10, 60)
# A tender bond is at most 2% of the estimate (招标投标法实施条例 第26条, rules.md §4); land and property
# transfers ask a deposit of a fifth of the reserve.
BOND_SHARE = 0.02
BOND_CAP = 800_000
TRANSFER_DEPOSIT_SHARE = 0.2
MIN_DOCS_TO_DEADLINE_DAYS = 21
# Bid files arrive in the five days before the deadline.
SUBMIT_WINDOW_MINUTES = 5 * 24 * 60
# The lowest bid of a planted lot is at most this share of the control price, so that bids placed up to 12 % above
# it (cover outsiders; rotation and price-gap series stay below that) remain under the control price.
PLANTED_CEILING = 0.995 / 1.12
REJECTION_RATE = 0.03
REJECT_REASONS = ("未按招标文件要求提交投标保证金", "投标文件未按要求签字盖章", "项目负责人资格不符合招标文件要求",
                  "投标有效期不满足招标文件要求", "资格证明文件不齐全")
BOND_FORMS = (("银行转账", 0.55), ("银行保函", 0.25), ("电子保函", 0.2))
FIRMS_PER_BIDS = 8
MIN_FIRMS = 40
MAX_TENDERERS_SHARE = 20
MAX_AGENCIES_SHARE = 200

STREETS = ("城东", "城西", "北干", "新塘", "闻堰", "良渚", "仓前", "五常", "银湖", "东洲", "锦城", "青山湖", "乔司",
           "下沙", "白杨", "瓶窑", "分水", "千岛湖", "洋溪", "新安江", "之江", "三墩", "蒋村", "湘湖")
WORKS_FACILITIES = {
    "construction.housing": ("安置小区", "人才公寓", "中学迁建", "小学扩建", "社区综合服务中心", "地下停车场",
                             "老旧小区综合改造", "农贸市场改造", "文化中心", "幼儿园新建"),
    "construction.transport": ("道路提升改造", "快速路", "桥梁维修加固", "公路大中修", "互通立交", "隧道机电",
                               "公交首末站"),
    "construction.water": ("河道综合整治", "堤防加固", "水库除险加固", "排涝泵站", "污水管网", "供水管网改造"),
}
DESIGN_SERVICES = ("勘察设计", "工程监理", "全过程工程咨询", "施工图设计")
GOODS_ITEMS = ("医用耗材", "教学设备", "办公家具", "计算机及网络设备", "执法记录仪", "医学影像设备", "图书",
               "空调设备", "电梯", "实验室仪器")
SERVICE_ITEMS = ("物业管理服务", "保安服务", "信息化运维服务", "审计服务", "食堂餐饮服务", "保洁服务",
                 "法律顾问服务", "软件开发服务")
PHASES = ("", "一期", "二期", "三期")


class Weighted:
    """A weighted choice prepared once: ``pick(rng)`` costs one random number and a bisection."""

    def __init__(self, items, weights):
        self.items = tuple(items)
        self.cumulative = []
        total = 0.0
        for weight in weights:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def pick(self, rng):
        return self.items[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


PROJECT_SIZES = Weighted((1, 2, 3), (0.7, 0.2, 0.1))
BOND_FORM_CHOICE = Weighted([f for f, _w in BOND_FORMS], [w for _f, w in BOND_FORMS])
SECTOR_CHOICE = Weighted(SECTORS, [s.share for s in SECTORS])
CATEGORY_CHOICE = {s.code: Weighted(s.categories, [c[2] for c in s.categories]) for s in SECTORS}
PROCEDURE_CHOICE = {s.code: Weighted([p for p, _w in s.procedures], [w for _p, w in s.procedures]) for s in SECTORS}


@dataclass
class MarketSummary:
    out_dir: Path
    seed: int
    lots: int
    bids: int = 0
    entities: int = 0
    patterns: int = 0
    clean_lots: int = 0
    seconds: float = 0.0
    files: dict = field(default_factory=dict)
