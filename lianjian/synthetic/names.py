"""Chinese names for synthetic market participants and projects.

Company and agency names are a bijection of their index (a mixed-radix number over place, trade name, industry
and legal form, scrambled by an affine permutation), so every firm has a distinct, stable name without any table
held in memory. People's names come from a hash of (firm, person number): common surnames and given-name
characters, duplicates allowed as in life.
"""

from math import gcd

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉俊峰志强海燕红梅晓东宇航佳怡子涵浩然欣怡"
    "思远雨萱梓轩一诺博文嘉豪振国卫东春花国庆立新永红丹丹婷婷鹏飞晨阳天佑雅琴慧敏建国卫平玉兰凤英德明"
)

PLACES = ("杭州", "浙江", "萧山", "余杭", "富阳", "临安", "桐庐", "建德", "淳安", "宁波", "绍兴", "湖州", "嘉兴",
          "金华", "台州", "温州", "江苏", "上海", "安徽", "江西")
# Distinct characters only: the name of a firm is a bijection of its index.
TRADE_CHARS = "".join(dict.fromkeys(
    "宏达华信恒泰中天建安鼎盛永鑫瑞祥博远成联合金诚东方新世纪广厦同济正汇通基圣鸿锦元德润利民兴业开"
    "立嘉禾和隆昌吉顺明珠长城海凯旋众宝丰亿千禧万邦百佳园绿源蓝星辰晨光旭日银河翔宇卓越"
))
INDUSTRIES = {
    "works": ("建设", "建筑工程", "市政工程", "路桥工程", "水利水电建设", "交通工程", "园林工程", "建工",
              "土木工程", "装饰工程"),
    "goods": ("科技", "医疗器械", "信息技术", "电子", "机电设备", "办公设备", "实业", "贸易", "智能科技", "仪器"),
    "services": ("物业管理", "信息服务", "环境服务", "保安服务", "会计师事务所", "软件", "检测技术", "数据服务",
                 "文化传播", "餐饮管理"),
    "design": ("工程设计", "勘察设计", "建设监理", "规划设计", "岩土工程勘察", "工程造价咨询"),
    "developer": ("房地产开发", "置业", "房地产", "城市发展", "地产"),
    "investor": ("投资", "资产管理", "股权投资", "实业投资", "控股"),
    "agency": ("招标代理", "项目管理", "建设管理咨询", "招标咨询", "工程项目管理"),
}
LEGAL_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "集团有限公司")

DISTRICTS = ("杭州市", "上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "富阳区", "临安区", "临平区",
             "钱塘区", "桐庐县", "淳安县", "建德市")
DEPARTMENTS = ("教育局", "卫生健康委员会", "交通运输局", "城市管理局", "农业农村局", "林业水利局", "民政局",
               "公安局", "司法局", "文化广电旅游局", "体育局", "人民政府办公室", "机关事务管理局", "市场监督管理局",
               "生态环境局", "应急管理局", "退役军人事务局", "医疗保障局", "住房保障中心", "统计局")
NUMBERED = ("第{n}中学", "第{n}小学", "第{n}人民医院", "中医院第{n}分院", "第{n}幼儿园", "社区卫生服务中心第{n}站")
SOES = ("城市建设投资集团有限公司", "交通投资集团有限公司", "水务集团有限公司", "国有资本投资运营有限公司",
        "城市发展集团有限公司", "文化旅游投资有限公司", "产业投资集团有限公司", "建设发展有限公司")
CHINESE_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
NUMBERED_MAX = len(CHINESE_NUMERALS)


def _affine(index, size):
    """A fixed bijection of range(size) that scatters consecutive indexes."""
    multiplier = 7_919_317
    while gcd(multiplier, size) != 1:
        multiplier += 2
    return (multiplier * index + 104_729) % size


def _digits(number, radices):
    out = []
    for radix in radices:
        number, digit = divmod(number, radix)
        out.append(digit)
    return out


_PAIRS = len(TRADE_CHARS) * (len(TRADE_CHARS) - 1)


def company_name_space(group):
    return len(PLACES) * _PAIRS * len(INDUSTRIES[group]) * len(LEGAL_FORMS)


def company_name(group, index):
    """The distinct name of firm ``index`` of ``group`` (works, goods, services, design, developer, investor,
    agency)."""
    industries = INDUSTRIES[group]
    size = company_name_space(group)
    if not 0 <= index < size:
        raise ValueError(f"{group} has room for {size} distinct names, asked for #{index}")
    place, pair, industry, form = _digits(_affine(index, size),
                                          (len(PLACES), _PAIRS, len(industries), len(LEGAL_FORMS)))
    first, second = divmod(pair, len(TRADE_CHARS) - 1)
    second += second >= first
    return f"{PLACES[place]}{TRADE_CHARS[first]}{TRADE_CHARS[second]}{industries[industry]}{LEGAL_FORMS[form]}"


def tenderer_name_space():
    return len(DISTRICTS) * (len(DEPARTMENTS) + len(NUMBERED) * NUMBERED_MAX + len(SOES))


def tenderer_name(index):
    """Government departments, schools, hospitals and state-owned companies of the demo city."""
    size = tenderer_name_space()
    if not 0 <= index < size:
        raise ValueError(f"room for {size} distinct tenderers, asked for #{index}")
    district, kind = divmod(_affine(index, size), size // len(DISTRICTS))
    place = DISTRICTS[district]
    prefix = place if place == "杭州市" else f"杭州市{place}"
    if kind < len(DEPARTMENTS):
        return f"{prefix}{DEPARTMENTS[kind]}"
    kind -= len(DEPARTMENTS)
    if kind < len(NUMBERED) * NUMBERED_MAX:
        pattern, n = divmod(kind, NUMBERED_MAX)
        return prefix + NUMBERED[pattern].format(n=CHINESE_NUMERALS[n])
    return prefix + SOES[kind - len(NUMBERED) * NUMBERED_MAX]


def person_name(key):
    """A plausible name from an integer key (a hash of who the person is)."""
    surname = SURNAMES[key % len(SURNAMES)]
    key //= len(SURNAMES)
    first = GIVEN[key % len(GIVEN)]
    key //= len(GIVEN)
    if key % 3 == 0:
        return surname + first
    return surname + first + GIVEN[(key // 3) % len(GIVEN)]


def land_authority_name(district_index):
    """The transferor of state land in a district: the city's planning and natural resources bureau or its branch."""
    district = DISTRICTS[district_index]
    if district == "杭州市":
        return "杭州市规划和自然资源局"
    return f"杭州市规划和自然资源局{district[:-1]}分局"
