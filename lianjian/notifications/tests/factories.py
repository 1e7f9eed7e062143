import factory

from lianjian.notifications.models import Category, Notification
from lianjian.org.tests.factories import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    category = Category.DEADLINE
    subject = factory.Sequence(lambda n: f"投诉受理期限即将届满{n}")
    body = "请于 3 个工作日内作出是否受理的决定。"
    link = "/deadlines/"
