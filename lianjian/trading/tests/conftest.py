import pytest

from lianjian.org.models import RegionLevel, UnitType
from lianjian.org.tests.factories import RegionFactory, UnitFactory, city, province


@pytest.fixture(autouse=True)
def _fast_and_inline(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.LIANJIAN_JOB_BACKEND = "inline"
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def market(db):
    """Hangzhou (where the sample lots are) and Ningbo, each with a housing supervisor, a trading centre and a
    lead office."""
    province()
    hangzhou = city()
    ningbo = city("330200", "宁波市")
    RegionFactory(code="330106", name="西湖区", level=RegionLevel.COUNTY, parent=hangzhou)
    units = {
        "supervisor": UnitFactory(name="杭州市住房和城乡建设局", region=hangzhou),
        "centre": UnitFactory(name="杭州市公共资源交易中心", type=UnitType.TRADING_CENTRE, region=hangzhou),
        "guest_centre": UnitFactory(name="宁波市公共资源交易中心", type=UnitType.TRADING_CENTRE, region=ningbo),
        "lead": UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hangzhou),
        "ningbo_supervisor": UnitFactory(name="宁波市住房和城乡建设局", region=ningbo),
        "ningbo_lead": UnitFactory(name="宁波市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=ningbo),
    }
    return {"hangzhou": hangzhou, "ningbo": ningbo, **units}
