"""Regions, units, people, roles, the liaison mechanism and power-and-responsibility lists (权责清单)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("省")
    CITY = "city", _("市")
    COUNTY = "county", _("县（区）")


class Region(models.Model):
    """An administrative division identified by its GB/T 2260 code (six digits: province, city, county pairs)."""

    code = models.CharField(_("行政区划代码"), max_length=6, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    level = models.CharField(_("层级"), max_length=10, choices=RegionLevel.choices)
    parent = models.ForeignKey("self", verbose_name=_("上级"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")

    class Meta:
        ordering = ["code"]
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")

    def __str__(self):
        return self.name

    @property
    def subtree_prefix(self):
        """The code prefix shared by this region and every region below it."""
        return {RegionLevel.PROVINCE: self.code[:2], RegionLevel.CITY: self.code[:4]}.get(self.level, self.code)

    def contains(self, other):
        return other is not None and other.code.startswith(self.subtree_prefix)


class Sector(models.Model):
    """A trading sector (工程建设、政府采购 …) or an industry within 工程建设 (住建、交通、水利 …)."""

    code = models.CharField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    parent = models.ForeignKey("self", verbose_name=_("上级"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")

    class Meta:
        ordering = ["code"]
        verbose_name = _("行业领域")
        verbose_name_plural = _("行业领域")

    def __str__(self):
        return self.name


class UnitType(models.TextChoices):
    LEAD_OFFICE = "lead_office", _("牵头单位（公管办/政务局/发改）")
    INDUSTRY_SUPERVISOR = "industry_supervisor", _("行业监督部门")
    TRADING_CENTRE = "trading_centre", _("公共资源交易中心")
    DISCIPLINE = "discipline", _("纪检监察")
    AUDIT = "audit", _("审计")
    POLICE = "police", _("公安")
    JUSTICE = "justice", _("司法")
    MEMBER = "member", _("其他成员单位")


OVERSIGHT_UNIT_TYPES = {UnitType.DISCIPLINE, UnitType.AUDIT, UnitType.POLICE}


class Unit(models.Model):
    """A member unit of the joint-supervision mechanism (成员单位)."""

    name = models.CharField(_("单位名称"), max_length=120, unique=True)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    type = models.CharField(_("单位类型"), max_length=30, choices=UnitType.choices)
    region = models.ForeignKey(Region, verbose_name=_("所属行政区划"), on_delete=models.PROTECT, related_name="units")
    sectors = models.ManyToManyField(Sector, verbose_name=_("监管行业领域"), blank=True, related_name="units")
    address = models.CharField(_("地址"), max_length=200, blank=True)
    phone = models.CharField(_("电话"), max_length=40, blank=True)
    is_active = models.BooleanField(_("有效"), default=True)

    class Meta:
        ordering = ["region__code", "type", "name"]
        verbose_name = _("成员单位")
        verbose_name_plural = _("成员单位")

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("org:unit_detail", args=[self.pk])

    @property
    def is_lead_office(self):
        return self.type == UnitType.LEAD_OFFICE

    @property
    def is_oversight(self):
        return self.type in OVERSIGHT_UNIT_TYPES


class RoleCode(models.TextChoices):
    OFFICE_STAFF = "office_staff", _("牵头办公室工作人员")
    SUPERVISOR_OFFICER = "supervisor_officer", _("行业监督人员")
    INSPECTOR = "inspector", _("执法检查人员")
    CENTRE_STAFF = "centre_staff", _("交易中心工作人员")
    UNIT_HEAD = "unit_head", _("单位负责人")
    OVERSIGHT = "oversight", _("只读监督（纪检/审计/公安）")
    ADMIN = "admin", _("系统管理员")


class Role(models.Model):
    code = models.CharField(_("代码"), max_length=30, unique=True, choices=RoleCode.choices)
    name = models.CharField(_("名称"), max_length=60)

    class Meta:
        ordering = ["code"]
        verbose_name = _("角色")
        verbose_name_plural = _("角色")

    def __str__(self):
        return self.name


class User(AbstractUser):
    """A person working in a member unit; with a usable password they are also an account."""

    full_name = models.CharField(_("姓名"), max_length=60, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("所属单位"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="people")
    title = models.CharField(_("职务"), max_length=60, blank=True)
    phone = models.CharField(_("办公电话"), max_length=40, blank=True)
    mobile = models.CharField(_("手机"), max_length=40, blank=True)
    roles = models.ManyToManyField(Role, verbose_name=_("角色"), blank=True, related_name="users")

    class Meta:
        ordering = ["unit__name", "username"]
        verbose_name = _("人员")
        verbose_name_plural = _("人员")

    def __str__(self):
        return self.full_name or self.username

    def role_codes(self):
        if not hasattr(self, "_role_codes"):
            self._role_codes = frozenset(self.roles.values_list("code", flat=True)) if self.pk else frozenset()
        return self._role_codes

    def has_role(self, *codes):
        return bool(self.role_codes() & set(codes))


class LiaisonKind(models.TextChoices):
    RESPONSIBLE_LEADER = "responsible_leader", _("分管负责人")
    LIAISON_OFFICER = "liaison_officer", _("联络员")


class LiaisonAssignment(models.Model):
    """Who a member unit named as its responsible leader or liaison officer, and when the office was told."""

    unit = models.ForeignKey(Unit, verbose_name=_("单位"), on_delete=models.PROTECT, related_name="liaisons")
    kind = models.CharField(_("类别"), max_length=30, choices=LiaisonKind.choices)
    person = models.ForeignKey(User, verbose_name=_("人员"), on_delete=models.PROTECT, related_name="liaison_roles")
    effective_on = models.DateField(_("变更生效日"))
    ended_on = models.DateField(_("终止日"), null=True, blank=True)
    reported_at = models.DateTimeField(_("报备时间"), null=True, blank=True)
    reported_by = models.ForeignKey(User, verbose_name=_("报备人"), null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    report_due_on = models.DateField(_("报备期限"), null=True, blank=True)
    report_due_provisional = models.BooleanField(
        _("期限为暂定"), default=False,
        help_text=_("计算期限所用年份的节假日安排尚未公布，期限可能变化"),
    )
    reported_on_time = models.BooleanField(_("按期报备"), null=True, blank=True)

    class Meta:
        ordering = ["unit__name", "kind", "-effective_on"]
        verbose_name = _("联络机制人员")
        verbose_name_plural = _("联络机制人员")
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind"], condition=models.Q(ended_on__isnull=True),
                                    name="one_current_liaison_per_unit_and_kind"),
        ]

    def __str__(self):
        # Unsaved assignments without a person are built to ask "may this actor change this unit's liaison".
        person = self.person if self.person_id else ""
        return f"{self.unit} {self.get_kind_display()} {person}".strip()

    def get_absolute_url(self):
        return reverse("org:unit_detail", args=[self.unit_id])


class PowerKind(models.TextChoices):
    PENALTY = "penalty", _("行政处罚")
    INSPECTION = "inspection", _("行政检查")
    COERCION = "coercion", _("行政强制")
    CONFIRMATION = "confirmation", _("行政确认")
    OTHER = "other", _("其他")


class PowerListStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PUBLISHED = "published", _("已公布")
    SUPERSEDED = "superseded", _("已被替代")


class PowerList(models.Model):
    """One version of a unit's power-and-responsibility list; publishing a version supersedes the previous one."""

    unit = models.ForeignKey(Unit, verbose_name=_("单位"), on_delete=models.PROTECT, related_name="power_lists")
    version = models.PositiveIntegerField(_("版本"))
    status = models.CharField(_("状态"), max_length=20, choices=PowerListStatus.choices,
                              default=PowerListStatus.DRAFT)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    published_at = models.DateTimeField(_("公布时间"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        ordering = ["unit__name", "-version"]
        verbose_name = _("权责清单")
        verbose_name_plural = _("权责清单")
        # At most one draft and one published version per unit: the database, not only the services, guarantees
        # that "the unit's current list" is never ambiguous, even under concurrent publishing.
        constraints = [
            models.UniqueConstraint(fields=["unit", "version"], name="power_list_unit_version_unique"),
            models.UniqueConstraint(fields=["unit"], condition=models.Q(status="draft"),
                                    name="one_draft_power_list_per_unit"),
            models.UniqueConstraint(fields=["unit"], condition=models.Q(status="published"),
                                    name="one_published_power_list_per_unit"),
        ]

    def __str__(self):
        return f"{self.unit} v{self.version}"

    def get_absolute_url(self):
        return reverse("org:power_list_detail", args=[self.pk])


class PowerItem(models.Model):
    """One power (事项) in a version of a unit's list; official actions cite it."""

    power_list = models.ForeignKey(PowerList, verbose_name=_("权责清单"), on_delete=models.CASCADE,
                                   related_name="items")
    code = models.CharField(_("事项编码"), max_length=40)
    kind = models.CharField(_("权力类型"), max_length=20, choices=PowerKind.choices)
    name = models.CharField(_("事项名称"), max_length=200)
    legal_basis = models.TextField(_("设定依据"))
    sector = models.ForeignKey(Sector, verbose_name=_("行业领域"), null=True, blank=True, on_delete=models.PROTECT)
    responsibility = models.TextField(_("责任事项"), blank=True)
    accountability = models.TextField(_("追责情形"), blank=True)

    class Meta:
        ordering = ["power_list", "code"]
        verbose_name = _("权责事项")
        verbose_name_plural = _("权责事项")
        constraints = [models.UniqueConstraint(fields=["power_list", "code"], name="power_item_code_unique")]

    def __str__(self):
        return f"{self.code} {self.name}"
