"""Factories for the expert domain and the trading rows its draws read."""

import datetime
import itertools

import factory
from django.utils import timezone
from stdnum.cn import ric, uscc

from lianjian.experts import services
from lianjian.experts.models import RelationType, Specialty
from lianjian.org.models import Sector
from lianjian.org.tests.factories import city
from lianjian.trading.models import Bid, Entity, Lot, Project, TenderProject

_credit_serial = itertools.count(1)
_id_serial = itertools.count(1)


def credit_code():
    """A valid 统一社会信用代码 (GB 32100 check digit), unique per call."""
    body = f"91330100{next(_credit_serial):09d}"
    return body + uscc.calc_check_digit(body)


def id_number():
    """A valid resident ID number of someone born in 西湖区 in 1985, unique per call."""
    serial = next(_id_serial)
    born = datetime.date(1985, 1, 1) + datetime.timedelta(days=serial // 900)
    body = f"330106{born:%Y%m%d}{serial % 900 + 100:03d}"
    return body + ric.calc_check_digit(body + "0")


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity

    credit_code = factory.LazyFunction(credit_code)
    name = factory.Sequence(lambda n: f"杭州测试建设有限公司{n}")
    is_bidder = True


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    code = factory.Sequence(lambda n: f"P-TEST-{n:05d}")
    name = factory.Sequence(lambda n: f"测试项目{n}")
    region = factory.LazyFunction(city)


class TenderProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TenderProject

    code = factory.Sequence(lambda n: f"E3301000000{n:06d}")
    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"测试招标项目{n}")
    sector = factory.LazyFunction(lambda: Sector.objects.get(code="construction.housing"))
    tenderer = factory.SubFactory(EntityFactory, is_bidder=False, is_tenderer=True,
                                  name=factory.Sequence(lambda n: f"杭州市测试局{n}"))


class LotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lot

    tender_project = factory.SubFactory(TenderProjectFactory)
    code = factory.Sequence(lambda n: f"E3301000000{n:06d}001")
    name = factory.Sequence(lambda n: f"测试标段{n}")
    category = "works"
    region = factory.LazyFunction(city)
    bid_open_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=2))


class BidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bid

    lot = factory.SubFactory(LotFactory)
    bidder = factory.SubFactory(EntityFactory)


def specialty(code):
    return Specialty.objects.get(code=code)


def expert(actor, *, specialties=("A0101",), region=None, **kwargs):
    """An expert registered through the service, as the pool's manager would."""
    fields = {"name": f"专家{next(_id_serial)}", "id_number": id_number(), "region": region or city(),
              "phone": "13900001111", "employer_name": "浙江某设计院"}
    fields.update(kwargs)
    return services.expert_create(actor=actor, specialties=[specialty(c) for c in specialties], **fields)


def declare(actor, expert_, entity, relation=RelationType.CLOSE_RELATIVE, **kwargs):
    fields = {"declared_on": timezone.localdate() - datetime.timedelta(days=30)}
    fields.update(kwargs)
    return services.conflict_declare(expert=expert_, entity=entity, relation=relation, actor=actor, **fields)


def penalise(actor, expert_):
    return services.expert_penalty_record(expert=expert_, decided_on=datetime.date(2023, 5, 6),
                                          reason="评标中违反评标纪律", source="杭州市住房和城乡建设局 杭建罚〔2023〕12号",
                                          actor=actor)

