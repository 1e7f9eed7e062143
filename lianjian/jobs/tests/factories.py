import factory

from lianjian.jobs.models import Job
from lianjian.org.tests.factories import UserFactory

from . import handlers  # noqa: F401  registers the job kinds the factories use


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    kind = "tests.count"
    params = factory.LazyFunction(lambda: {"n": 3})
    created_by = factory.SubFactory(UserFactory)
    unit = factory.SelfAttribute("created_by.unit")
