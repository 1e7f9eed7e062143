import pytest
from django.urls import reverse

from lianjian.core import permissions
from lianjian.jobs.models import JobStatus, PeriodicRun
from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UserFactory

from .factories import JobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_the_list_shows_my_and_my_units_jobs_with_a_progress_bar(client, officer):
    JobFactory(created_by=officer, status=JobStatus.RUNNING, progress_done=3, progress_total=4)
    JobFactory(created_by=UserFactory(unit=officer.unit), kind="tests.fail")
    JobFactory(kind="tests.rows")
    page = client.get(reverse("jobs:list")).content.decode()
    assert "后台任务" in page
    assert '<progress class="progress" max="100" value="75"' in page
    assert "测试：计数" in page and "测试：出错" in page
    assert "测试：逐行写入" not in page


def test_the_list_filters_by_status(client, officer):
    JobFactory(created_by=officer, status=JobStatus.FAILED, kind="tests.fail")
    JobFactory(created_by=officer)
    page = client.get(reverse("jobs:list"), {"status": "failed"}).content.decode()
    assert "测试：出错" in page and "测试：计数" not in page


def test_a_running_jobs_page_shows_its_progress_and_polls_every_second(client, officer):
    job = JobFactory(created_by=officer, status=JobStatus.RUNNING, progress_done=45, progress_total=100,
                     message="正在导入第 45 行")
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert '<progress class="progress" max="100" value="45"' in page
    assert f'hx-get="{reverse("jobs:progress", args=[job.pk])}" hx-trigger="every 1s"' in page
    assert "正在导入第 45 行" in page
    assert "手动刷新" in page
    assert "取消任务" in page


def test_the_progress_fragment_stops_polling_once_the_job_has_finished(client, officer):
    job = JobFactory(created_by=officer, status=JobStatus.SUCCEEDED, progress_done=7, progress_total=7,
                     result={"rows": 7})
    fragment = client.get(reverse("jobs:progress", args=[job.pk])).content.decode()
    assert fragment.startswith('<section id="job-status"')
    assert 'value="100"' in fragment
    assert "hx-trigger" not in fragment
    assert "已完成" in fragment


def test_a_job_of_unknown_size_shows_an_indeterminate_bar(client, officer):
    job = JobFactory(created_by=officer, status=JobStatus.RUNNING)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert '<progress class="progress" max="100" aria-label' in page


def test_another_units_job_is_not_found(client, officer):
    job = JobFactory()
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:progress", args=[job.pk])).status_code == 404


def test_cancelling_from_the_page_works_without_javascript(client, officer):
    job = JobFactory(created_by=officer)
    response = client.post(reverse("jobs:cancel", args=[job.pk]), follow=True)
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED
    assert "任务已取消" in response.content.decode()


def test_cancelling_a_finished_job_from_the_page_explains_why_not(client, officer):
    job = JobFactory(created_by=officer, status=JobStatus.SUCCEEDED)
    response = client.post(reverse("jobs:cancel", args=[job.pk]), follow=True)
    assert "不能取消" in response.content.decode()


def test_a_failed_job_can_be_retried_from_the_page(client, officer, django_capture_on_commit_callbacks):
    job = JobFactory(created_by=officer, status=JobStatus.FAILED, error="boom")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs:retry", args=[job.pk]), follow=True)
    assert "重新排队" in response.content.decode()
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED


def test_the_api_lists_only_visible_jobs(client, officer):
    mine = JobFactory(created_by=officer)
    JobFactory()
    rows = client.get("/api/v1/jobs/").json()["results"]
    assert [r["id"] for r in rows] == [mine.pk]
    detail = client.get(f"/api/v1/jobs/{mine.pk}/").json()
    assert detail["status"] == "queued" and detail["kind_label"] == "测试：计数"


def test_the_api_hides_other_units_jobs(client, officer):
    assert client.get(f"/api/v1/jobs/{JobFactory().pk}/").status_code == 404


def test_the_api_cancels_and_refuses_a_colleague(client, officer):
    mine = JobFactory(created_by=officer)
    colleagues = JobFactory(created_by=UserFactory(unit=officer.unit))
    assert client.post(f"/api/v1/jobs/{mine.pk}/cancel/").json()["status"] == "cancelled"
    assert client.post(f"/api/v1/jobs/{colleagues.pk}/cancel/").status_code == 403
    assert client.post(f"/api/v1/jobs/{mine.pk}/cancel/").status_code == 400


def test_administrators_see_every_job(client):
    admin = UserFactory(roles=[RoleCode.ADMIN])
    client.force_login(admin)
    JobFactory.create_batch(2)
    assert client.get("/api/v1/jobs/").json()["count"] == 2


def test_only_administrators_may_read_the_periodic_task_bookkeeping():
    PeriodicRun.objects.create(name="tests.tick")
    assert permissions.scope(UserFactory(), "view", PeriodicRun.objects.all()).count() == 0
    assert permissions.scope(UserFactory(roles=[RoleCode.ADMIN]), "view", PeriodicRun.objects.all()).count() == 1
