"""An evaluation-expert pool for the demo city, registered through the services so it obeys every rule real data
does: valid (fictional) ID numbers kept only masked, specialties from the seeded table, and a few experts who
show the pool's rules at work — suspended and blacklisted experts, penalties, declared relations and, when the
demo market has been imported, experts employed by its bidders (recused whenever those firms bid).

Idempotent: experts are found again by their ID number's digest, so a second run registers nobody twice.
"""

import datetime
import random

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.translation import gettext as _
from stdnum.cn import ric

from lianjian.org.models import Region, Unit, User
from lianjian.synthetic.names import person_name
from lianjian.trading.models import Entity

from . import services
from .models import Expert, RelationType, Specialty

DEMO_EXPERT_COUNT = 160
DEMO_ACTOR = "admin"
# Birthplace codes valid in GB/T 2260 for every birth year used (1960–1985), so every ID passes the check.
BIRTHPLACES = ("330122", "330127", "110101", "310104")
POOL_REGIONS = ("330100", "330100", "330100", "330109", "330110", "330127")
# (employers, titles, specialty code prefixes): who the pool's experts are, so that a lawyer judges law and a
# hospital engineer judges medical equipment.
PROFILES = (
    (("浙江省建筑设计研究院", "杭州市城建设计研究院"), ("高级工程师", "正高级工程师"), ("A01", "A02", "C01")),
    (("浙江省交通规划设计研究院",), ("高级工程师", "正高级工程师"), ("A03", "C0102")),
    (("浙江省水利水电勘测设计院", "中国电建集团华东勘测设计研究院"), ("高级工程师", "正高级工程师"), ("A04", "C0101")),
    (("浙江中诚工程造价咨询有限公司", "浙江建经投资咨询有限公司"), ("注册造价工程师", "高级经济师"), ("A05",)),
    (("浙江天健会计师事务所",), ("注册会计师", "高级会计师"), ("C0201", "C0202")),
    (("浙江六和律师事务所",), ("律师",), ("C0203",)),
    (("浙江省人民医院", "杭州市第一人民医院"), ("主任医师", "高级工程师"), ("B03",)),
    (("浙江大学", "浙江工业大学"), ("教授", "副教授"), ("A01", "A03", "B01", "B02", "C01")),
    (("浙江省信息化发展中心",), ("高级工程师",), ("B02", "B04", "C03")),
)
CIVIL_SERVANT_UNIT = "杭州市住房和城乡建设局"
SUSPENDED, BLACKLISTED, PENALISED, DECLARED, EMPLOYED_BY_BIDDERS = 3, 2, 2, 3, 4


def _id_number(rng, index):
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=rng.randrange(26 * 365))
    body = f"{BIRTHPLACES[index % len(BIRTHPLACES)]}{born:%Y%m%d}{index % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def build_demo_experts(*, count=DEMO_EXPERT_COUNT, seed=2026):
    """Register the demo pool; returns the number of experts registered now (0 when it was already complete)."""
    actor = User.objects.filter(username=DEMO_ACTOR, is_superuser=True).first()
    regions = {r.code: r for r in Region.objects.filter(code__in=POOL_REGIONS)}
    if actor is None or set(POOL_REGIONS) - set(regions):
        raise ImproperlyConfigured(_("演示城市尚未建立，请先运行 lianjian demo"))
    leaves = list(Specialty.objects.filter(is_active=True, children__isnull=True).order_by("code"))
    civil_unit = Unit.objects.filter(name=CIVIL_SERVANT_UNIT).first()
    bidders = list(Entity.objects.filter(is_bidder=True).order_by("credit_code")[:EMPLOYED_BY_BIDDERS + DECLARED])
    rng = random.Random(f"{seed}:experts")
    created = 0
    with transaction.atomic():
        for index in range(count):
            number = _id_number(rng, index)
            employers, titles, prefixes = PROFILES[index % len(PROFILES)]
            fitting = [s for s in leaves if s.code.startswith(prefixes)]
            picks = rng.sample(fitting, min(len(fitting), 2 if index % 3 == 0 else 1))
            fields = {
                "name": person_name(rng.getrandbits(32)), "id_number": number,
                "region": regions[POOL_REGIONS[index % len(POOL_REGIONS)]],
                "phone": f"139{rng.randrange(10 ** 8):08d}", "title": rng.choice(titles),
                "employer_name": rng.choice(employers),
            }
            if index < EMPLOYED_BY_BIDDERS and index < len(bidders):
                fields.update(employer=bidders[index], employer_name="")
            elif index == EMPLOYED_BY_BIDDERS and civil_unit is not None:
                fields.update(employer_unit=civil_unit, employer_name="", title="高级工程师")
            if Expert.objects.filter(id_number_hash=services.id_number_digest(number)).exists():
                continue
            expert = services.expert_create(actor=actor, specialties=picks, **fields)
            created += 1
            _plant(expert, index, bidders, actor)
    return created


def _plant(expert, index, bidders, actor):
    """Give a few experts of the pool a history that the draw must respect."""
    offset = index - EMPLOYED_BY_BIDDERS - 1
    if 0 <= offset < SUSPENDED:
        services.expert_change_status(expert=expert, transition="suspend", reason="本人申请暂停（出国访学）",
                                      actor=actor)
    elif SUSPENDED <= offset < SUSPENDED + BLACKLISTED:
        services.expert_blacklist(expert=expert, reason="评标中私下接触投标人，经查属实", actor=actor)
    elif SUSPENDED + BLACKLISTED <= offset < SUSPENDED + BLACKLISTED + PENALISED:
        services.expert_penalty_record(expert=expert, decided_on=datetime.date(2023, 6, 12),
                                       reason="评标过程中未按招标文件规定的评标标准评审",
                                       source="杭州市住房和城乡建设局 杭建罚决字〔2023〕第 18 号", actor=actor)
    elif SUSPENDED + BLACKLISTED + PENALISED <= offset < SUSPENDED + BLACKLISTED + PENALISED + DECLARED:
        which = EMPLOYED_BY_BIDDERS + offset - SUSPENDED - BLACKLISTED - PENALISED
        if which < len(bidders):
            services.conflict_declare(expert=expert, entity=bidders[which], relation=RelationType.CLOSE_RELATIVE,
                                      declared_on=datetime.date(2024, 1, 8), actor=actor,
                                      note="配偶在该单位任项目经理")

