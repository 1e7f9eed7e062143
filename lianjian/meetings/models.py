"""Joint meetings (联席会议 / 联合会商), their agenda items, decisions (议定事项), the follow-up tasks the office
supervises (督办事项) and the notices it issues (通报). Seeds 000 §(一)(二), 002 §(一)(二)(四), 004 §(一)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import Unit


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("定期会议")
    AD_HOC = "ad_hoc", _("临时会议")


class MeetingState(models.TextChoices):
    REQUESTED = "requested", _("已提请，待召集人决定")
    PLANNED = "planned", _("筹备中（征集议题）")
    COMPILED = "compiled", _("议题已汇总，待召集人审定")
    APPROVED = "approved", _("议程已审定")
    HELD = "held", _("已召开")
    REJECTED = "rejected", _("不予召开")


class Meeting(models.Model):
    """One meeting of the mechanism, convened for the region of ``unit`` (the lead office whose office keeps the
    meeting's daily work). Regular meetings are created by the half-yearly job; ad-hoc ones on request."""

    unit = models.ForeignKey(Unit, verbose_name=_("牵头单位"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("会议类型"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("会议名称"), max_length=200)
    reasons = models.TextField(_("提请理由"), blank=True)
    requested_by_unit = models.ForeignKey(Unit, verbose_name=_("提请单位"), null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="+")
    planned_on = models.DateField(_("会议日期"), null=True, blank=True)
    location = models.CharField(_("会议地点"), max_length=200, blank=True)
    state = models.CharField(_("状态"), max_length=20, choices=MeetingState.choices, default=MeetingState.PLANNED,
                             db_index=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    convener_note = models.TextField(_("召集人意见"), blank=True)
    held_on = models.DateField(_("召开日期"), null=True, blank=True)
    minutes = models.TextField(_("会议纪要"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("联席会议")
        verbose_name_plural = _("联席会议")
        constraints = [
            # One regular meeting in preparation per lead office: the half-yearly job may run in two workers at
            # once, and the database, not only the job, keeps it from scheduling the same meeting twice.
            models.UniqueConstraint(fields=["unit"], condition=models.Q(kind="regular",
                                                                        state__in=["planned", "compiled", "approved"]),
                                    name="meetings_one_open_regular_meeting_per_unit"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])


class AgendaSource(models.TextChoices):
    PROPOSAL = "proposal", _("成员单位提交")
    POWER_GAP = "power_gap", _("权责交叉与空白")


class AgendaState(models.TextChoices):
    DRAFT = "draft", _("待本单位负责人签字")
    SUBMITTED = "submitted", _("已报送办公室")
    COMPILED = "compiled", _("已汇总列入议题")
    STRUCK = "struck", _("召集人决定不列入议程")
    WITHDRAWN = "withdrawn", _("已撤回")


class AgendaItem(models.Model):
    """A matter a unit asks the meeting to discuss; its head signs it before it reaches the office (seed 004)."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("会议"), on_delete=models.PROTECT,
                                related_name="agenda_items")
    unit = models.ForeignKey(Unit, verbose_name=_("提交单位"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("议题"), max_length=200)
    description = models.TextField(_("情况说明"))
    source = models.CharField(_("来源"), max_length=20, choices=AgendaSource.choices, default=AgendaSource.PROPOSAL)
    source_ref = models.CharField(_("来源标识"), max_length=200, blank=True)
    state = models.CharField(_("状态"), max_length=20, choices=AgendaState.choices, default=AgendaState.DRAFT,
                             db_index=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提出人"), on_delete=models.PROTECT,
                                    related_name="+")
    proposed_at = models.DateTimeField(_("提出时间"), default=timezone.now, editable=False)
    signed_off_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("签字负责人"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    signed_off_at = models.DateTimeField(_("签字时间"), null=True, blank=True)
    note = models.TextField(_("处理意见"), blank=True)

    class Meta:
        ordering = ["meeting", "proposed_at", "pk"]
        verbose_name = _("会议议题")
        verbose_name_plural = _("会议议题")
        constraints = [
            # A gap sent twice to the same meeting would be discussed twice.
            models.UniqueConstraint(fields=["meeting", "source_ref"], condition=~models.Q(source_ref=""),
                                    name="meetings_agenda_source_once_per_meeting"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.meeting_id])


class Decision(models.Model):
    """A matter decided at a meeting (议定事项), recorded with the minutes."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("会议"), on_delete=models.PROTECT, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("序号"))
    text = models.TextField(_("议定事项"))

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("议定事项")
        verbose_name_plural = _("议定事项")
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="meetings_decision_number")]

    def __str__(self):
        return f"{self.meeting} 第{self.number}项"

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.meeting_id])


class TaskState(models.TextChoices):
    OPEN = "open", _("办理中")
    DONE = "done", _("已办结")


class FollowUpTask(models.Model):
    """What one named unit must do to carry out a decision; its clock is a deadline under the rule
    ``meeting_follow_up`` and the office supervises it (督办)."""

    decision = models.ForeignKey(Decision, verbose_name=_("议定事项"), on_delete=models.PROTECT, related_name="tasks")
    unit = models.ForeignKey(Unit, verbose_name=_("责任单位"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("督办事项"), max_length=200)
    deadline = models.OneToOneField("deadlines.Deadline", verbose_name=_("期限"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    state = models.CharField(_("状态"), max_length=20, choices=TaskState.choices, default=TaskState.OPEN,
                             db_index=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    completed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    completion_note = models.TextField(_("办结情况"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["decision__meeting", "decision__number", "unit__name"]
        verbose_name = _("督办事项")
        verbose_name_plural = _("督办事项")
        constraints = [models.UniqueConstraint(fields=["decision", "unit"], name="meetings_task_decision_unit")]

    def __str__(self):
        return f"{self.unit}：{self.title}"

    def get_absolute_url(self):
        return reverse("meetings:task_detail", args=[self.pk])


class ProgressReport(models.Model):
    """A responsible unit's report on how far it has come with a task."""

    task = models.ForeignKey(FollowUpTask, verbose_name=_("督办事项"), on_delete=models.PROTECT,
                             related_name="reports")
    text = models.TextField(_("进展情况"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("报告人"), on_delete=models.PROTECT,
                                    related_name="+")
    reported_at = models.DateTimeField(_("报告时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["task", "reported_at", "pk"]
        verbose_name = _("进展报告")
        verbose_name_plural = _("进展报告")

    def __str__(self):
        return f"{self.task} {self.reported_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("meetings:task_detail", args=[self.task_id])


class SupervisionNotice(models.Model):
    """A notice (通报) the office sends to every member unit about tasks not done in time (seed 004: 联席会议办公室
    负责督促检查会议决定事项的贯彻落实情况，并及时通报到各成员单位)."""

    unit = models.ForeignKey(Unit, verbose_name=_("发出单位"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("通报内容"))
    tasks = models.ManyToManyField(FollowUpTask, verbose_name=_("涉及督办事项"), related_name="notices")
    recipients = models.PositiveIntegerField(_("送达人数"), default=0)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("签发人"), on_delete=models.PROTECT,
                                  related_name="+")
    issued_at = models.DateTimeField(_("通报时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("督办通报")
        verbose_name_plural = _("督办通报")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:notice_detail", args=[self.pk])
