"""Factories for the organisation model; every domain's tests build their actors with these."""

import factory

from lianjian.org.models import (
    LiaisonAssignment, LiaisonKind, PowerItem, PowerKind, PowerList, Region, RegionLevel, Role, Unit, UnitType, User,
)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "330000"
    name = "浙江省"
    level = RegionLevel.PROVINCE
    parent = None


def province():
    return RegionFactory(code="330000", name="浙江省", level=RegionLevel.PROVINCE)


def city(code="330100", name="杭州市"):
    return RegionFactory(code=code, name=name, level=RegionLevel.CITY, parent=province())


def county(code="330102", name="上城区", city_code="330100", city_name="杭州市"):
    return RegionFactory(code=code, name=name, level=RegionLevel.COUNTY, parent=city(city_code, city_name))


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"测试单位{n}")
    type = UnitType.INDUSTRY_SUPERVISOR
    region = factory.LazyFunction(city)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"officer{n}")
    full_name = factory.Sequence(lambda n: f"干部{n}")
    unit = factory.SubFactory(UnitFactory)
    password = factory.django.Password("Lianjian-Test-2026")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.cn")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(Role.objects.filter(code__in=extracted))
            self.__dict__.pop("_role_codes", None)


class LiaisonAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiaisonAssignment

    unit = factory.SubFactory(UnitFactory)
    kind = LiaisonKind.LIAISON_OFFICER
    person = factory.SubFactory(UserFactory, unit=factory.SelfAttribute("..unit"))
    effective_on = factory.Faker("date_this_year")


class PowerListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PowerList

    unit = factory.SubFactory(UnitFactory)
    version = factory.Sequence(lambda n: n + 1)


class PowerItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PowerItem

    power_list = factory.SubFactory(PowerListFactory)
    code = factory.Sequence(lambda n: f"XZCF-{n:04d}")
    kind = PowerKind.PENALTY
    name = factory.Sequence(lambda n: f"对串通投标行为的行政处罚{n}")
    legal_basis = "《中华人民共和国招标投标法》第五十三条"


def actor(unit=None, *roles, **kwargs):
    """A person of ``unit`` (a new unit when None) holding ``roles``."""
    if unit is None:
        return UserFactory(roles=list(roles), **kwargs)
    return UserFactory(unit=unit, roles=list(roles), **kwargs)


def published_list(unit, *items, version=None):
    """A published list of ``unit`` with items given as (code, kind) pairs."""
    power_list = PowerListFactory(unit=unit, status="published", **({"version": version} if version else {}))
    for code, kind in items:
        PowerItemFactory(power_list=power_list, code=code, kind=kind)
    return power_list
