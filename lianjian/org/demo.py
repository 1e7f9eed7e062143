"""The demo city: 杭州市 with three of its districts and counties, their member units, people, liaison officers and
published power-and-responsibility lists, built through the services so it obeys every rule real data does.

Building is idempotent: each step compares what exists with what the demo wants and calls a service only for a
difference, so a second run changes nothing and writes nothing to the audit log.

Division codes are the real GB/T 2260 codes of 浙江省杭州市 (after the 2021 district adjustment). People, telephone
numbers (0571-80000xxx, 1xx-0000-xxxx) and e-mail addresses (the reserved ``.example`` domain) are fictional.
"""

import datetime
import zlib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from lianjian.audit.services import audit_record

from . import services
from .models import (
    LiaisonAssignment, LiaisonKind, PowerItem, PowerKind, PowerList, PowerListStatus, Region, RoleCode, Sector, Unit,
    UnitType, User,
)

DEMO_PASSWORD = "Lianjian@2026"

PROVINCE = ("330000", "浙江省")
CITY = ("330100", "杭州市")
COUNTIES = [
    ("330102", "上城区"), ("330105", "拱墅区"), ("330106", "西湖区"), ("330108", "滨江区"), ("330109", "萧山区"),
    ("330110", "余杭区"), ("330111", "富阳区"), ("330112", "临安区"), ("330113", "临平区"), ("330114", "钱塘区"),
    ("330122", "桐庐县"), ("330127", "淳安县"), ("330182", "建德市"),
]

# ---------------------------------------------------------------------------------------------------------------
# Power items. Duties and accountability follow the wording common to published provincial 权责清单.

PENALTY_DUTIES = (
    "1.立案责任：对监督检查、投诉举报、移送中发现的违法行为予以审查，决定是否立案。\n"
    "2.调查责任：依法收集证据，执法人员不少于两人，出示执法证件，允许当事人辩解陈述。\n"
    "3.审查责任：审查案件事实、证据、程序、法律适用和处罚意见。\n"
    "4.告知责任：作出行政处罚决定前，告知当事人拟作出处罚的事实、理由、依据及其陈述、申辩、要求听证的权利。\n"
    "5.决定责任：依法作出处罚决定，制作行政处罚决定书。\n"
    "6.送达责任：依法送达行政处罚决定书，并抄送各成员单位。\n"
    "7.执行责任：监督当事人履行处罚决定，依法公示行政处罚信息。"
)
PENALTY_ACCOUNTABILITY = (
    "因不履行或不正确履行行政职责，有下列情形之一的，行政机关及相关工作人员应承担相应责任：\n"
    "1.没有法律和事实依据实施行政处罚的；\n"
    "2.违反法定程序实施行政处罚的；\n"
    "3.擅自改变行政处罚种类、幅度的；\n"
    "4.对应当予以制止和处罚的违法行为不予制止、处罚，致使公民、法人或者其他组织的合法权益、公共利益和社会秩序遭受损害的；\n"
    "5.应当移送司法机关追究刑事责任而不移送，以行政处罚代替刑事处罚的；\n"
    "6.在行政处罚过程中滥用职权、玩忽职守、徇私舞弊的。"
)
INSPECTION_DUTIES = (
    "1.检查责任：按照“双随机、一公开”要求制定抽查计划，随机抽取检查对象、随机选派执法检查人员，检查人员不少于两人。\n"
    "2.处置责任：对检查中发现的违法违规问题依法处理，属于其他部门职责的及时移送。\n"
    "3.公开责任：抽查检查结果在规定时限内向社会公示。\n"
    "4.信息共享责任：将监管信息与各成员单位共享。"
)
INSPECTION_ACCOUNTABILITY = (
    "因不履行或不正确履行行政职责，有下列情形之一的，行政机关及相关工作人员应承担相应责任：\n"
    "1.对发现的违法行为不依法处理的；\n"
    "2.违反规定重复检查、随意检查，干扰正常交易活动的；\n"
    "3.检查中索取或者收受他人财物、谋取其他利益的；\n"
    "4.泄露检查中知悉的商业秘密或者投诉举报人信息的。"
)
COMPLAINT_DUTIES = (
    "1.受理责任：收到投诉后在规定时限内审查，决定是否受理；不属于本部门职责的，告知投诉人向有管辖权的部门投诉。\n"
    "2.调查责任：调取、查阅有关文件，调查、核实有关情况；需要检验、检测、鉴定、专家评审的，所需时间不计入期限。\n"
    "3.决定责任：在规定时限内作出书面处理决定并送达当事人。\n"
    "4.保密责任：对投诉人、举报人信息严格保密。"
)
COMPLAINT_ACCOUNTABILITY = (
    "因不履行或不正确履行行政职责，有下列情形之一的，行政机关及相关工作人员应承担相应责任：\n"
    "1.对符合条件的投诉不予受理或者推诿的；\n"
    "2.未在规定期限内作出处理决定的；\n"
    "3.泄露投诉人、举报人信息的；\n"
    "4.在投诉处理中徇私舞弊、滥用职权的。"
)

BIDDING_LAW = "《中华人民共和国招标投标法》"
BIDDING_REGULATION = "《中华人民共和国招标投标法实施条例》"
GP_LAW = "《中华人民共和国政府采购法》"
GP_REGULATION = "《中华人民共和国政府采购法实施条例》"


def _penalty(code, name, basis):
    return (code, PowerKind.PENALTY, name, basis, PENALTY_DUTIES, PENALTY_ACCOUNTABILITY)


def _inspection(code, name, basis):
    return (code, PowerKind.INSPECTION, name, basis, INSPECTION_DUTIES, INSPECTION_ACCOUNTABILITY)


def _complaint(code, name, basis):
    return (code, PowerKind.OTHER, name, basis, COMPLAINT_DUTIES, COMPLAINT_ACCOUNTABILITY)


def _construction_items(prefix, industry, sector_rule):
    """The tendering powers every 工程建设 industry supervisor holds, for its own industry."""
    return [
        _penalty(f"CF-{prefix}-001", f"对{industry}工程建设项目投标人相互串通投标或者与招标人串通投标的行政处罚",
                 f"{BIDDING_LAW}第五十三条；{BIDDING_REGULATION}第三十九条、第四十条、第四十一条、第六十七条"),
        _penalty(f"CF-{prefix}-002", f"对{industry}工程建设项目投标人以他人名义投标或者以其他方式弄虚作假骗取中标的行政处罚",
                 f"{BIDDING_LAW}第五十四条；{BIDDING_REGULATION}第四十二条、第六十八条"),
        _penalty(f"CF-{prefix}-003", f"对{industry}工程建设项目必须招标而不招标或者规避招标的行政处罚",
                 f"{BIDDING_LAW}第四十九条；{BIDDING_REGULATION}第六十四条"),
        _penalty(f"CF-{prefix}-004", f"对{industry}工程建设项目评标委员会成员收受投标人财物或者其他好处等行为的行政处罚",
                 f"{BIDDING_LAW}第五十六条；{BIDDING_REGULATION}第七十二条"),
        _penalty(f"CF-{prefix}-005", f"对{industry}工程建设项目招标代理机构泄露应当保密的与招标投标活动有关的情况和资料的行政处罚",
                 f"{BIDDING_LAW}第五十条；{BIDDING_REGULATION}第六十五条"),
        _inspection(f"JC-{prefix}-001", f"对{industry}工程建设项目招标投标活动的监督检查",
                    f"{BIDDING_LAW}第七条；{BIDDING_REGULATION}第四条；{sector_rule}"),
        _complaint(f"QT-{prefix}-001", f"{industry}工程建设项目招标投标活动投诉处理",
                   f"{BIDDING_LAW}第六十五条；{BIDDING_REGULATION}第六十条、第六十一条、第六十二条；"
                   "《工程建设项目招标投标活动投诉处理办法》（七部委令第11号）"),
    ]


HOUSING_RULE = "《房屋建筑和市政基础设施工程施工招标投标管理办法》（建设部令第89号）"
TRANSPORT_RULE = "《公路工程建设项目招标投标管理办法》（交通运输部令2015年第24号）"
WATER_RULE = "《水利工程建设项目招标投标管理规定》（水利部令第14号）"
PLATFORM_RULE = "《公共资源交易平台管理暂行办法》（国家发展改革委等14部委令第39号）"

FINANCE_ITEMS = [
    _penalty("CF-CZ-001", "对供应商提供虚假材料谋取中标、成交的行政处罚",
             f"{GP_LAW}第七十七条第一款第（一）项；{GP_REGULATION}第七十二条"),
    _penalty("CF-CZ-002", "对供应商与采购人、其他供应商或者采购代理机构恶意串通的行政处罚",
             f"{GP_LAW}第七十七条第一款第（三）项；{GP_REGULATION}第七十四条"),
    _penalty("CF-CZ-003", "对采购人、采购代理机构应当采用公开招标方式而擅自采用其他方式采购等违法行为的行政处罚",
             f"{GP_LAW}第七十一条；{GP_REGULATION}第六十七条、第六十八条"),
    _penalty("CF-CZ-004", "对政府采购评审专家未按照采购文件规定的评审程序、评审方法和评审标准进行独立评审等行为的行政处罚",
             f"{GP_REGULATION}第七十五条"),
    _inspection("JC-CZ-001", "对政府采购活动的监督检查",
                f"{GP_LAW}第十三条、第五十九条；{GP_REGULATION}第六十一条"),
    _complaint("QT-CZ-001", "政府采购投诉处理",
               f"{GP_LAW}第五十五条、第五十六条；{GP_REGULATION}第五十五条至第五十八条；"
               "《政府采购质疑和投诉办法》（财政部令第94号）"),
]

LAND_ITEMS = [
    _inspection("JC-GZ-001", "对国有建设用地使用权招标拍卖挂牌出让活动的监督检查",
                "《中华人民共和国土地管理法》第六十七条；《招标拍卖挂牌出让国有建设用地使用权规定》（国土资源部令第39号）"),
    _inspection("JC-GZ-002", "对矿业权出让交易活动的监督检查",
                "《中华人民共和国矿产资源法》；《矿业权出让交易规则》"),
    _complaint("QT-GZ-001", "土地使用权和矿业权出让交易投诉举报处理",
               "《招标拍卖挂牌出让国有建设用地使用权规定》（国土资源部令第39号）"),
]

STATE_PROPERTY_ITEMS = [
    _inspection("JC-GZW-001", "对企业国有资产交易行为的监督检查",
                "《中华人民共和国企业国有资产法》第五十四条；《企业国有资产交易监督管理办法》（国务院国资委、财政部令第32号）"),
    _complaint("QT-GZW-001", "企业国有产权交易投诉举报处理",
               "《企业国有资产交易监督管理办法》（国务院国资委、财政部令第32号）"),
]


def _lead_office_items(prefix):
    return [
        _inspection(f"JC-{prefix}-001", "组织实施公共资源交易领域“双随机、一公开”联合抽查",
                    f"《优化营商环境条例》第五十四条；{PLATFORM_RULE}"),
        _inspection(f"JC-{prefix}-002", "对公共资源交易平台运行服务的监督检查", PLATFORM_RULE),
        _complaint(f"QT-{prefix}-001", "公共资源交易投诉举报的统一受理、转办和督办",
                   f"{PLATFORM_RULE}；《国务院办公厅转发国家发展改革委〈关于深化公共资源交易平台整合共享指导意见〉的通知》"
                   "（国办函〔2019〕41号）"),
    ]


# ---------------------------------------------------------------------------------------------------------------
# Units and people


@dataclass
class PersonSpec:
    username: str
    full_name: str
    title: str
    roles: tuple = ()
    liaison: str = ""
    account: bool = False
    mobile: str = ""
    phone: str = ""


@dataclass
class UnitSpec:
    name: str
    short_name: str
    type: str
    region: str
    phone: str
    address: str
    sectors: tuple = ()
    people: list = field(default_factory=list)
    power_items: list = field(default_factory=list)
    mail_domain: str = ""


R, L = LiaisonKind.RESPONSIBLE_LEADER, LiaisonKind.LIAISON_OFFICER
HEAD, OFFICE, SUPERVISOR = RoleCode.UNIT_HEAD, RoleCode.OFFICE_STAFF, RoleCode.SUPERVISOR_OFFICER
INSPECTOR, CENTRE, OVERSIGHT, ADMIN = RoleCode.INSPECTOR, RoleCode.CENTRE_STAFF, RoleCode.OVERSIGHT, RoleCode.ADMIN
ALL_TRADING = ("construction", "government_procurement", "land_mineral", "state_property")


def _p(username, full_name, title, roles=(), liaison="", account=False):
    return PersonSpec(username, full_name, title, tuple(roles), liaison, account)


UNITS = [
    UnitSpec("杭州市公共资源交易管理办公室", "市公管办", UnitType.LEAD_OFFICE, "330100", "0571-80000100",
             "杭州市上城区市民街200号", ALL_TRADING, mail_domain="ggb.hz.example", people=[
                 _p("admin", "平台管理员", "信息化专员", [ADMIN], account=True),
                 _p("office", "陈静", "综合监管处处长", [OFFICE, HEAD], liaison=L, account=True),
                 _p("zhou.wm", "周卫民", "副主任", [OFFICE, HEAD], liaison=R),
                 _p("sun.ly", "孙丽芸", "综合监管处一级主任科员", [OFFICE, INSPECTOR]),
             ], power_items=_lead_office_items("GGB")),
    UnitSpec("杭州市住房和城乡建设局", "市住建局", UnitType.INDUSTRY_SUPERVISOR, "330100", "0571-80000200",
             "杭州市上城区解放东路18号", ("construction.housing",), mail_domain="zjj.hz.example", people=[
                 _p("zjj", "刘洋", "建筑市场监管处处长", [SUPERVISOR, INSPECTOR, HEAD], liaison=L, account=True),
                 _p("huang.zq", "黄志强", "副局长", [HEAD], liaison=R),
                 _p("xu.m", "徐敏", "建筑市场监管处四级主任科员", [SUPERVISOR, INSPECTOR]),
             ], power_items=_construction_items("ZJ", "房屋建筑和市政基础设施", HOUSING_RULE)),
    UnitSpec("杭州市交通运输局", "市交通局", UnitType.INDUSTRY_SUPERVISOR, "330100", "0571-80000300",
             "杭州市上城区钱江路58号", ("construction.transport",), mail_domain="jtj.hz.example", people=[
                 _p("ma.jg", "马建国", "副局长", [HEAD], liaison=R),
                 _p("he.yt", "何雨桐", "建设管理处副处长", [SUPERVISOR, INSPECTOR], liaison=L),
             ], power_items=_construction_items("JT", "交通运输", TRANSPORT_RULE)),
    UnitSpec("杭州市林业水利局", "市林水局", UnitType.INDUSTRY_SUPERVISOR, "330100", "0571-80000400",
             "杭州市拱墅区环城北路98号", ("construction.water",), mail_domain="lsj.hz.example", people=[
                 _p("qian.hb", "钱海波", "副局长", [HEAD], liaison=R),
                 _p("fang.xy", "方晓燕", "建设管理处科长", [SUPERVISOR, INSPECTOR], liaison=L),
             ], power_items=_construction_items("SL", "水利", WATER_RULE)),
    UnitSpec("杭州市财政局", "市财政局", UnitType.INDUSTRY_SUPERVISOR, "330100", "0571-80000500",
             "杭州市上城区解放东路18号", ("government_procurement",), mail_domain="czj.hz.example", people=[
                 _p("czj", "吴晓东", "政府采购监管处科长", [SUPERVISOR, INSPECTOR], liaison=L, account=True),
                 _p("zheng.lp", "郑丽萍", "副局长", [HEAD], liaison=R),
             ], power_items=FINANCE_ITEMS),
    UnitSpec("杭州市规划和自然资源局", "市规资局", UnitType.INDUSTRY_SUPERVISOR, "330100", "0571-80000600",
             "杭州市上城区解放东路18号", ("land_mineral",), mail_domain="gzj.hz.example", people=[
                 _p("shen.gh", "沈国华", "副局长", [HEAD], liaison=R),
                 _p("lu.jw", "陆佳文", "土地利用处科长", [SUPERVISOR], liaison=L),
             ], power_items=LAND_ITEMS),
    UnitSpec("杭州市人民政府国有资产监督管理委员会", "市国资委", UnitType.INDUSTRY_SUPERVISOR, "330100", "0571-80000700",
             "杭州市上城区解放东路18号", ("state_property",), mail_domain="gzw.hz.example", people=[
                 _p("jiang.wh", "蒋文华", "副主任", [HEAD], liaison=R),
                 _p("cao.yl", "曹雅琳", "产权管理处科长", [SUPERVISOR], liaison=L),
             ], power_items=STATE_PROPERTY_ITEMS),
    UnitSpec("杭州市公共资源交易中心", "市交易中心", UnitType.TRADING_CENTRE, "330100", "0571-80000800",
             "杭州市上城区市民街200号", ALL_TRADING, mail_domain="jyzx.hz.example", people=[
                 _p("centre", "林佳怡", "交易服务部主管", [CENTRE], liaison=L, account=True),
                 _p("yang.zh", "杨振华", "副主任", [CENTRE, HEAD], liaison=R),
             ]),
    UnitSpec("杭州市纪委监委派驻纪检监察组", "驻市公管办纪检监察组", UnitType.DISCIPLINE, "330100", "0571-80000900",
             "杭州市上城区市民街200号", mail_domain="jw.hz.example", people=[
                 _p("jiwei", "赵明", "纪检监察组副组长", [OVERSIGHT], liaison=R, account=True),
                 _p("han.x", "韩雪", "纪检监察组干部", [OVERSIGHT], liaison=L),
             ]),
    UnitSpec("杭州市审计局", "市审计局", UnitType.AUDIT, "330100", "0571-80001000",
             "杭州市上城区解放东路18号", mail_domain="sjj.hz.example", people=[
                 _p("tang.jm", "唐建明", "副局长", [OVERSIGHT], liaison=R),
                 _p("xie.w", "谢薇", "固定资产投资审计处科员", [OVERSIGHT], liaison=L),
             ]),
    UnitSpec("杭州市公安局经济犯罪侦查支队", "市公安局经侦支队", UnitType.POLICE, "330100", "0571-80001100",
             "杭州市上城区庆春路35号", mail_domain="jz.hz.example", people=[
                 _p("feng.j", "冯军", "副支队长", [OVERSIGHT], liaison=R),
                 _p("deng.k", "邓凯", "大队民警", [OVERSIGHT], liaison=L),
             ]),
    UnitSpec("杭州市司法局", "市司法局", UnitType.JUSTICE, "330100", "0571-80001200",
             "杭州市上城区解放东路18号", mail_domain="sfj.hz.example", people=[
                 _p("pan.hy", "潘慧燕", "副局长", [HEAD], liaison=R),
                 _p("yu.t", "俞涛", "行政执法协调监督处科长", [], liaison=L),
             ]),
    UnitSpec("杭州市发展和改革委员会", "市发改委", UnitType.MEMBER, "330100", "0571-80001300",
             "杭州市上城区解放东路18号", ("construction.energy",), mail_domain="fgw.hz.example", people=[
                 _p("luo.zy", "罗志远", "副主任", [HEAD], liaison=R),
                 _p("song.jy", "宋佳音", "法规处科长", [], liaison=L),
             ]),
]

# Each county: its lead office, housing bureau and trading-centre branch.
COUNTY_UNITS = [
    ("330109", "萧山区", "xs", "0571-80002", [
        ("zhu.l", "朱磊", "副主任", R), ("county_office", "王倩", "综合监管科科长", L)],
     [("gu.yf", "顾云飞", "副局长", R), ("wei.s", "魏思", "招投标管理科科员", L)],
     [("kong.lj", "孔丽娟", "副主任", R), ("yan.h", "严浩", "交易服务科科员", L)]),
    ("330110", "余杭区", "yh", "0571-80003", [
        ("xia.gq", "夏国庆", "副主任", R), ("bai.yl", "白玉兰", "综合监管科科员", L)],
     [("qin.wj", "秦伟杰", "副局长", R), ("shi.xl", "施晓玲", "招投标管理科科员", L)],
     [("lv.y", "吕勇", "副主任", R), ("yao.qq", "姚倩倩", "交易服务科科员", L)]),
    ("330127", "淳安县", "ca", "0571-80004", [
        ("fu.jh", "傅建华", "副主任", R), ("ren.j", "任静", "综合监管科科员", L)],
     [("zou.b", "邹斌", "副局长", R), ("tao.ll", "陶琳琳", "招投标管理科科员", L)],
     [("cheng.g", "程刚", "副主任", R), ("xiong.m", "熊敏", "交易服务科科员", L)]),
]


def _county_people(rows, roles, account_user=None):
    """Responsible leaders head their unit; everyone else gets the unit's working roles. The county office's demo
    account also heads its office, so it can report the office's own liaison changes."""
    people = []
    for username, full_name, title, kind in rows:
        if username == account_user:
            person_roles = (OFFICE, HEAD)
        elif kind == R:
            person_roles = (HEAD,)
        else:
            person_roles = roles
        people.append(PersonSpec(username, full_name, title, person_roles, kind, account=username == account_user))
    return people


def _county_specs():
    specs = []
    for code, name, slug, phone_prefix, office, housing, centre in COUNTY_UNITS:
        specs += [
            UnitSpec(f"{name}公共资源交易管理办公室", f"{name}公管办", UnitType.LEAD_OFFICE, code,
                     f"{phone_prefix}100", f"{name}人民路1号", ALL_TRADING, mail_domain=f"ggb.{slug}.example",
                     people=_county_people(office, (OFFICE,), account_user="county_office"),
                     power_items=_lead_office_items(f"GGB{slug.upper()}")),
            UnitSpec(f"{name}住房和城乡建设局", f"{name}住建局", UnitType.INDUSTRY_SUPERVISOR, code,
                     f"{phone_prefix}200", f"{name}人民路2号", ("construction.housing",),
                     mail_domain=f"zjj.{slug}.example", people=_county_people(housing, (SUPERVISOR, INSPECTOR)),
                     power_items=_construction_items(f"ZJ{slug.upper()}", "房屋建筑和市政基础设施", HOUSING_RULE)),
            UnitSpec(f"{name}公共资源交易中心", f"{name}交易中心", UnitType.TRADING_CENTRE, code,
                     f"{phone_prefix}300", f"{name}人民路3号", ALL_TRADING, mail_domain=f"jyzx.{slug}.example",
                     people=_county_people(centre, (CENTRE,))),
        ]
    return specs


# The liaison history: everyone named on 2025-03-03 and reported the next day, except one change across the
# National Day holiday that 余杭区住建局 reported on Monday 2025-10-13. Its three working days ended on Saturday
# 2025-10-11, a make-up working day (调休上班), so the report is late and the office has a flag to see.
FIRST_NAMED = datetime.date(2025, 3, 3)
LATE_CHANGE = ("余杭区住房和城乡建设局", L, PersonSpec("jin.y", "金阳", "招投标管理科科长", (SUPERVISOR, INSPECTOR)),
               datetime.date(2025, 9, 30), datetime.date(2025, 10, 13))

LATE_CHANGE_PHONE_INDEX = 5

DEMO_ACCOUNTS = ["admin", "office", "zjj", "czj", "centre", "jiwei", "county_office"]


def _at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class _Builder:
    def __init__(self):
        self.changes = 0
        self.admin = None

    # -- regions -------------------------------------------------------------------------------------------------

    def region(self, code, name, parent):
        region = Region.objects.filter(code=code).first()
        if region is None:
            self.changes += 1
            return services.region_create(code=code, name=name, parent=parent, actor=self.admin)
        if region.name != name or region.parent_id != (parent.pk if parent else None):
            self.changes += 1
            return services.region_update(region=region, name=name, parent=parent, actor=self.admin)
        return region

    # -- units ---------------------------------------------------------------------------------------------------

    def unit(self, spec, regions):
        wanted = {"short_name": spec.short_name, "type": spec.type, "region": regions[spec.region],
                  "address": spec.address, "phone": spec.phone, "is_active": True}
        sectors = list(Sector.objects.filter(code__in=spec.sectors))
        unit = Unit.objects.filter(name=spec.name).first()
        if unit is None:
            self.changes += 1
            wanted.pop("is_active")
            return services.unit_create(name=spec.name, sectors=sectors, actor=self.admin, **wanted)
        changed = {k: v for k, v in wanted.items() if getattr(unit, k) != v}
        if changed:
            self.changes += 1
            unit = services.unit_update(unit=unit, actor=self.admin, **changed)
        if set(unit.sectors.values_list("pk", flat=True)) != {s.pk for s in sectors}:
            self.changes += 1
            services.unit_set_sectors(unit=unit, sectors=sectors, actor=self.admin)
        return unit

    # -- people --------------------------------------------------------------------------------------------------

    def person(self, spec, unit, index, mail_domain):
        wanted = {
            "full_name": spec.full_name, "title": spec.title, "unit": unit,
            "phone": spec.phone or f"{unit.phone[:-1]}{index % 10}",
            "mobile": spec.mobile or f"139-0000-{zlib.crc32(spec.username.encode()) % 10000:04d}",
            "email": f"{spec.username.replace('_', '.')}@{mail_domain}",
        }
        person = User.objects.filter(username=spec.username).first()
        if person is None:
            self.changes += 1
            person = services.person_create(
                username=spec.username, roles=spec.roles, actor=self.admin,
                password=DEMO_PASSWORD if spec.account else None, **wanted,
            )
            return person
        changed = {k: v for k, v in wanted.items() if getattr(person, k) != v}
        if changed:
            self.changes += 1
            person = services.person_update(person=person, actor=self.admin, **changed)
        if set(person.roles.values_list("code", flat=True)) != set(spec.roles):
            self.changes += 1
            services.person_set_roles(person=person, roles=spec.roles, actor=self.admin)
        return person

    def bootstrap_admin(self):
        """The superuser everything else is built by; created the way createsuperuser would."""
        admin = User.objects.filter(username="admin").first()
        if admin is None:
            self.changes += 1
            admin = User.objects.create_superuser("admin", password=DEMO_PASSWORD, full_name="平台管理员")
            audit_record(actor=None, action="org.person.create", obj=admin,
                         after={"username": "admin", "is_superuser": True}, detail={"by": "lianjian demo"})
        self.admin = admin

    # -- liaisons ------------------------------------------------------------------------------------------------

    def liaison(self, unit, kind, person, effective_on, reported_on):
        current = LiaisonAssignment.objects.filter(unit=unit, kind=kind, ended_on__isnull=True).first()
        if current is not None and (current.person_id == person.pk or current.effective_on >= effective_on):
            return current
        self.changes += 1
        return services.liaison_change(unit=unit, kind=kind, person=person, effective_on=effective_on,
                                       reported_at=_at(reported_on), actor=self.admin)

    # -- power lists ---------------------------------------------------------------------------------------------

    def power_list(self, unit, items):
        wanted = [(code, str(kind), name, basis, duties, accountability)
                  for code, kind, name, basis, duties, accountability in items]
        published = PowerList.objects.filter(unit=unit, status=PowerListStatus.PUBLISHED).first()
        if published is not None and _items_of(published) == sorted(wanted):
            return published
        self.changes += 1
        draft = PowerList.objects.filter(unit=unit, status=PowerListStatus.DRAFT).first()
        if draft is None:
            draft = services.power_list_create_draft(unit=unit, actor=self.admin, note="演示数据")
        sector = unit.sectors.first() if unit.sectors.count() == 1 else None
        for item in draft.items.all():
            services.power_item_remove(power_item=item, actor=self.admin)
        for code, kind, name, basis, duties, accountability in wanted:
            services.power_item_add(power_list=draft, code=code, kind=kind, name=name, legal_basis=basis,
                                    sector=sector, responsibility=duties, accountability=accountability,
                                    actor=self.admin)
        return services.power_list_publish(power_list=draft, actor=self.admin)


def _items_of(power_list):
    return sorted(PowerItem.objects.filter(power_list=power_list).values_list(
        "code", "kind", "name", "legal_basis", "responsibility", "accountability"))


def all_unit_specs():
    return UNITS + _county_specs()


def build_demo():
    """Build or refresh the demo city. Returns the number of changes made (0 when it was already complete)."""
    builder = _Builder()
    specs = all_unit_specs()
    domains = {s.name: s.mail_domain for s in specs}
    with transaction.atomic():
        builder.bootstrap_admin()
        province = builder.region(*PROVINCE, None)
        city = builder.region(*CITY, province)
        regions = {province.code: province, city.code: city}
        for code, name in COUNTIES:
            regions[code] = builder.region(code, name, city)

        units, people = {}, {}
        for spec in specs:
            unit = units[spec.name] = builder.unit(spec, regions)
            for index, person_spec in enumerate(spec.people):
                people[person_spec.username] = builder.person(person_spec, unit, index, spec.mail_domain)

        for spec in specs:
            for person_spec in spec.people:
                if person_spec.liaison:
                    builder.liaison(units[spec.name], person_spec.liaison, people[person_spec.username], FIRST_NAMED,
                                    FIRST_NAMED + datetime.timedelta(days=1))

        unit_name, kind, new_spec, effective_on, reported_on = LATE_CHANGE
        late_unit = units[unit_name]
        newcomer = builder.person(new_spec, late_unit, LATE_CHANGE_PHONE_INDEX, domains[unit_name])
        builder.liaison(late_unit, kind, newcomer, effective_on, reported_on)

        for spec in specs:
            if spec.power_items:
                builder.power_list(units[spec.name], spec.power_items)
    return builder.changes


def demo_accounts():
    """Rows (username, name, unit, roles, password) of the documented demo accounts, in a fixed order."""
    users = {u.username: u for u in User.objects.filter(username__in=DEMO_ACCOUNTS).select_related("unit")
             .prefetch_related("roles")}
    rows = []
    for username in DEMO_ACCOUNTS:
        user = users.get(username)
        if user is None:
            continue
        roles = "、".join(r.name for r in user.roles.all()) or "—"
        if user.is_superuser:
            roles = f"超级用户、{roles}"
        rows.append((username, str(user), str(user.unit) if user.unit else "—", roles, DEMO_PASSWORD))
    return rows
