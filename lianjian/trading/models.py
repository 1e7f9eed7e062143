"""Public resource trading records: market entities, projects → tender projects → lots, bids, awards, contracts,
the trading catalog (交易目录) and the log of imports.

Natural keys come from the national data specification: 项目编号 (Project.code), 招标项目编号 (TenderProject.code,
with the 统一交易标识码 as ``deal_code``), 标段（包）编号 (Lot.code), 统一社会信用代码 (Entity.credit_code) and
合同编号 (Contract.code). Imports upsert on them, so the same file imported twice changes nothing.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import Region, Sector, Unit

MONEY = {"max_digits": 18, "decimal_places": 2}

# No statute fixes how close below a threshold a contract must be to look like a split (化整为零); 10% is a local
# policy default that each catalog row can change.
DEFAULT_JUST_UNDER_MARGIN = Decimal("0.100")


class Stage(models.TextChoices):
    """A lot's place in its life, in order; derived from its dated events (see ``lianjian.trading.stages``)."""

    REGISTERED = "registered", _("立项")
    TENDERING = "tendering", _("招标")
    OPENING = "opening", _("开标")
    EVALUATION = "evaluation", _("评标")
    AWARD = "award", _("中标")
    CONTRACT = "contract", _("合同/履约")
    COMPLETED = "completed", _("竣工")


class Category(models.TextChoices):
    """What a lot buys; the catalog's thresholds differ by it (国家发改委令第16号 第5条)."""

    WORKS = "works", _("工程施工")
    GOODS = "goods", _("货物")
    SERVICES = "services", _("服务（勘察、设计、监理等）")
    TRANSFER = "transfer", _("出让/转让")
    OTHER = "other", _("其他")


class Procedure(models.TextChoices):
    OPEN = "open", _("公开招标")
    INVITED = "invited", _("邀请招标")
    NEGOTIATION = "negotiation", _("竞争性谈判")
    CONSULTATION = "consultation", _("竞争性磋商")
    INQUIRY = "inquiry", _("询价")
    SINGLE_SOURCE = "single_source", _("单一来源")
    AUCTION = "auction", _("拍卖")
    LISTING = "listing", _("挂牌")
    AGREEMENT = "agreement", _("协议转让")
    DIRECT = "direct", _("直接发包")
    OTHER = "other", _("其他")


class PersonRole(models.TextChoices):
    PROJECT_MANAGER = "project_manager", _("项目经理")
    CONTACT = "contact", _("联系人")


class Entity(models.Model):
    """A market participant (招标人、投标人/供应商、招标代理机构), identified by its 统一社会信用代码."""

    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    name = models.CharField(_("名称"), max_length=200)
    legal_representative = models.CharField(_("法定代表人"), max_length=60, blank=True)
    is_tenderer = models.BooleanField(_("招标人"), default=False)
    is_bidder = models.BooleanField(_("投标人/供应商"), default=False)
    is_agency = models.BooleanField(_("招标代理机构"), default=False)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("市场主体")
        verbose_name_plural = _("市场主体")

    def __str__(self):
        return self.name

    def role_labels(self):
        flags = [(self.is_tenderer, _("招标人")), (self.is_bidder, _("投标人/供应商")), (self.is_agency, _("招标代理机构"))]
        return [label for on, label in flags if on]


class KeyPerson(models.Model):
    """A person who acts for an entity in bids: project managers above all, whose reuse across bidders is one of
    the statutory signs of collusion (招标投标法实施条例 第40条第3项)."""

    entity = models.ForeignKey(Entity, verbose_name=_("市场主体"), on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("角色"), max_length=20, choices=PersonRole.choices)
    name = models.CharField(_("姓名"), max_length=60)
    certificate_no = models.CharField(_("注册证书编号"), max_length=60, blank=True)

    class Meta:
        ordering = ["entity__name", "role", "name"]
        verbose_name = _("关键人员")
        verbose_name_plural = _("关键人员")
        constraints = [models.UniqueConstraint(fields=["entity", "role", "name", "certificate_no"],
                                               name="trading_key_person_unique")]

    def __str__(self):
        return f"{self.name}（{self.get_role_display()}）"


class Project(models.Model):
    """A project as approved (立项); it may be tendered in one or more tender projects, or never (应进未进)."""

    code = models.CharField(_("项目编号"), max_length=64, unique=True)
    name = models.CharField(_("项目名称"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("所在行政区划"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="trading_projects")
    sector = models.ForeignKey(Sector, verbose_name=_("行业领域"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="trading_projects")
    category = models.CharField(_("主要采购类别"), max_length=20, choices=Category.choices, blank=True)
    invest_code = models.CharField(_("投资项目统一代码"), max_length=64, blank=True)
    approval_number = models.CharField(_("审批文号"), max_length=120, blank=True)
    approval_authority = models.CharField(_("审批单位"), max_length=120, blank=True)
    approved_on = models.DateField(_("立项日期"), null=True, blank=True)
    total_investment = models.DecimalField(_("总投资（元）"), null=True, blank=True, **MONEY)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-approved_on", "code"]
        verbose_name = _("项目")
        verbose_name_plural = _("项目")

    def __str__(self):
        return f"{self.code} {self.name}"


class TenderProject(models.Model):
    """One procurement of a project (招标项目); ``deal_code`` is the platform's 统一交易标识码 (OCDS ocid)."""

    code = models.CharField(_("招标项目编号"), max_length=64, unique=True)
    deal_code = models.CharField(_("统一交易标识码"), max_length=64, null=True, blank=True, unique=True)
    project = models.ForeignKey(Project, verbose_name=_("项目"), on_delete=models.PROTECT,
                                related_name="tender_projects")
    name = models.CharField(_("招标项目名称"), max_length=300)
    sector = models.ForeignKey(Sector, verbose_name=_("行业领域"), on_delete=models.PROTECT,
                               related_name="tender_projects")
    organize_form = models.CharField(_("招标组织形式"), max_length=40, blank=True)
    tenderer = models.ForeignKey(Entity, verbose_name=_("招标人"), on_delete=models.PROTECT,
                                 related_name="tenders_as_tenderer")
    agency = models.ForeignKey(Entity, verbose_name=_("招标代理机构"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="tenders_as_agency")
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("招标项目")
        verbose_name_plural = _("招标项目")

    def __str__(self):
        return f"{self.code} {self.name}"


class Lot(models.Model):
    """A lot (标段/包): the unit that is bid for, evaluated, awarded and contracted.

    The experts app attaches the evaluation committee to it by foreign key; complaints, alerts, clues and cases
    do the same, and appear on the lot's archive page through ``lianjian.trading.archive``.
    """

    tender_project = models.ForeignKey(TenderProject, verbose_name=_("招标项目"), on_delete=models.PROTECT,
                                       related_name="lots")
    code = models.CharField(_("标段（包）编号"), max_length=64, unique=True)
    name = models.CharField(_("标段（包）名称"), max_length=300)
    category = models.CharField(_("采购类别"), max_length=20, choices=Category.choices, default=Category.OTHER)
    procedure = models.CharField(_("交易方式"), max_length=20, choices=Procedure.choices, blank=True)
    region = models.ForeignKey(Region, verbose_name=_("所在行政区划"), on_delete=models.PROTECT,
                               related_name="trading_lots")
    supervising_unit = models.ForeignKey(Unit, verbose_name=_("监督部门"), null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="supervised_lots")
    estimated_price = models.DecimalField(_("合同估算价（元）"), null=True, blank=True, **MONEY)
    control_price = models.DecimalField(_("最高投标限价（元）"), null=True, blank=True, **MONEY)
    bond_amount = models.DecimalField(_("投标保证金（元）"), null=True, blank=True, **MONEY)
    notice_published_at = models.DateTimeField(_("招标公告发布时间"), null=True, blank=True)
    docs_issued_at = models.DateTimeField(_("招标文件发出时间"), null=True, blank=True)
    bid_deadline_at = models.DateTimeField(_("投标截止时间"), null=True, blank=True)
    bid_open_at = models.DateTimeField(_("开标时间"), null=True, blank=True)
    bid_open_place = models.CharField(_("开标地点"), max_length=200, blank=True)
    evaluation_method = models.CharField(_("评标办法"), max_length=60, blank=True)
    evaluation_started_at = models.DateTimeField(_("评标开始时间"), null=True, blank=True)
    evaluation_finished_at = models.DateTimeField(_("评标结束时间"), null=True, blank=True)
    host_venue = models.ForeignKey(Unit, verbose_name=_("远程异地评标主场"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="hosted_lots")
    guest_venues = models.ManyToManyField(Unit, verbose_name=_("远程异地评标副场"), blank=True,
                                          related_name="guest_lots")
    stage = models.CharField(_("阶段"), max_length=20, choices=Stage.choices, default=Stage.REGISTERED,
                             db_index=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-bid_open_at", "code"]
        verbose_name = _("标段（包）")
        verbose_name_plural = _("标段（包）")
        indexes = [models.Index(fields=["region", "stage"], name="trading_lot_region_stage")]

    def __str__(self):
        return f"{self.code} {self.name}"


class Bid(models.Model):
    """One bid in a lot, with what the opening record and collusion detection need (条例 第40条; rules §4)."""

    lot = models.ForeignKey(Lot, verbose_name=_("标段（包）"), on_delete=models.CASCADE, related_name="bids")
    bidder = models.ForeignKey(Entity, verbose_name=_("投标人"), on_delete=models.PROTECT, related_name="bids")
    price = models.DecimalField(_("投标报价（元）"), null=True, blank=True, **MONEY)
    other_price = models.CharField(_("其他报价形式"), max_length=60, blank=True,
                                   help_text=_("费率、下浮率等非金额报价"))
    submitted_at = models.DateTimeField(_("投标文件递交时间"), null=True, blank=True)
    bond_pay_form = models.CharField(_("保证金缴纳方式"), max_length=40, blank=True)
    bond_payer_account = models.CharField(_("保证金缴纳账号"), max_length=60, blank=True)
    bond_payer_bank = models.CharField(_("保证金缴纳银行"), max_length=120, blank=True)
    cpu_id = models.CharField(_("CPU序列号"), max_length=120, blank=True)
    disk_serial = models.CharField(_("硬盘序列号"), max_length=120, blank=True)
    mac_address = models.CharField(_("网卡MAC地址"), max_length=120, blank=True)
    upload_ip = models.CharField(_("上传IP地址"), max_length=64, blank=True)
    tool_version = models.CharField(_("投标文件制作工具版本号"), max_length=60, blank=True)
    file_hash = models.CharField(_("投标文件特征码"), max_length=128, blank=True)
    file_author = models.CharField(_("文件作者"), max_length=120, blank=True)
    file_preparer = models.CharField(_("文件编制人"), max_length=120, blank=True)
    project_manager = models.CharField(_("项目经理"), max_length=60, blank=True)
    project_manager_cert = models.CharField(_("项目经理注册证书编号"), max_length=60, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=60, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    score = models.DecimalField(_("评标得分"), max_digits=8, decimal_places=3, null=True, blank=True)
    candidate_rank = models.PositiveSmallIntegerField(_("中标候选人排序"), null=True, blank=True)
    is_rejected = models.BooleanField(_("被否决"), default=False)
    reject_reason = models.CharField(_("否决原因"), max_length=300, blank=True)
    consortium_members = models.ManyToManyField(Entity, verbose_name=_("联合体成员"), blank=True,
                                                related_name="consortium_bids")
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["lot", "candidate_rank", "price"]
        verbose_name = _("投标")
        verbose_name_plural = _("投标")
        constraints = [models.UniqueConstraint(fields=["lot", "bidder"], name="trading_bid_lot_bidder_unique")]
        indexes = [models.Index(fields=["bidder"], name="trading_bid_bidder")]

    def __str__(self):
        return f"{self.lot.code} {self.bidder}"


class Award(models.Model):
    """The result of a lot: candidate publicity, then the winner and the award notice (中标通知书)."""

    lot = models.OneToOneField(Lot, verbose_name=_("标段（包）"), on_delete=models.CASCADE, related_name="award")
    winner = models.ForeignKey(Entity, verbose_name=_("中标人"), on_delete=models.PROTECT, related_name="wins")
    amount = models.DecimalField(_("中标金额（元）"), null=True, blank=True, **MONEY)
    candidates_published_at = models.DateTimeField(_("中标候选人公示开始"), null=True, blank=True)
    candidates_publicity_end = models.DateTimeField(_("中标候选人公示截止"), null=True, blank=True)
    awarded_at = models.DateTimeField(_("中标通知书发出时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["lot"]
        verbose_name = _("中标结果")
        verbose_name_plural = _("中标结果")

    def __str__(self):
        return f"{self.lot.code} {self.winner}"


class Contract(models.Model):
    """A contract signed for a lot, and how it was performed and completed."""

    code = models.CharField(_("合同编号"), max_length=64, unique=True)
    lot = models.ForeignKey(Lot, verbose_name=_("标段（包）"), on_delete=models.CASCADE, related_name="contracts")
    supplier = models.ForeignKey(Entity, verbose_name=_("合同相对人"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="contracts")
    name = models.CharField(_("合同名称"), max_length=300, blank=True)
    price = models.DecimalField(_("合同金额（元）"), null=True, blank=True, **MONEY)
    signed_on = models.DateField(_("合同签订日期"), null=True, blank=True)
    period_days = models.PositiveIntegerField(_("合同工期（日历天）"), null=True, blank=True)
    settle_price = models.DecimalField(_("结算金额（元）"), null=True, blank=True, **MONEY)
    finished_on = models.DateField(_("竣工（验收）日期"), null=True, blank=True)
    performance_note = models.TextField(_("履约情况"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["lot", "signed_on", "code"]
        verbose_name = _("合同")
        verbose_name_plural = _("合同")

    def __str__(self):
        return f"{self.code} {self.name}".strip()


class ContractChange(models.Model):
    contract = models.ForeignKey(Contract, verbose_name=_("合同"), on_delete=models.CASCADE, related_name="changes")
    seq = models.PositiveIntegerField(_("变更序号"))
    changed_on = models.DateField(_("变更日期"), null=True, blank=True)
    content = models.TextField(_("变更内容"), blank=True)
    price_after = models.DecimalField(_("变更后合同金额（元）"), null=True, blank=True, **MONEY)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["contract", "seq"]
        verbose_name = _("合同变更")
        verbose_name_plural = _("合同变更")
        constraints = [models.UniqueConstraint(fields=["contract", "seq"], name="trading_contract_change_unique")]

    def __str__(self):
        return f"{self.contract.code} #{self.seq}"


class CatalogItem(models.Model):
    """An item of the trading catalog (交易目录) with its threshold for one jurisdiction and year.

    A row with no region is the national default and one with no year applies to every year; the most specific
    row wins. ``just_under_margin`` is how close below the threshold a contract must be to count towards a
    化整为零 (splitting) finding, as a fraction of the threshold.
    """

    name = models.CharField(_("目录事项"), max_length=120)
    region = models.ForeignKey(Region, verbose_name=_("适用行政区划"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="catalog_items",
                               help_text=_("留空为全国默认"))
    year = models.PositiveSmallIntegerField(_("适用年度"), null=True, blank=True, help_text=_("留空为各年度通用"))
    sector = models.ForeignKey(Sector, verbose_name=_("行业领域"), on_delete=models.PROTECT,
                               related_name="catalog_items")
    category = models.CharField(_("采购类别"), max_length=20, choices=Category.choices)
    threshold = models.DecimalField(_("限额标准（元）"), **MONEY,
                                    help_text=_("单项合同估算价达到该金额的必须进场交易；0 表示一律进场"))
    just_under_margin = models.DecimalField(_("化整为零判定幅度"), max_digits=4, decimal_places=3,
                                            default=DEFAULT_JUST_UNDER_MARGIN,
                                            help_text=_("低于限额但在该比例以内的合同视为“略低于限额”，如 0.1 表示 10%"))
    legal_basis = models.CharField(_("依据"), max_length=300)
    is_active = models.BooleanField(_("有效"), default=True)

    class Meta:
        ordering = ["region__code", "-year", "sector__code", "category"]
        verbose_name = _("交易目录事项")
        verbose_name_plural = _("交易目录")
        # One row per (jurisdiction, year, sector, category); "national" and "every year" are NULLs, which a plain
        # unique constraint would let repeat, hence one partial constraint per combination.
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "sector", "category"],
                                    condition=models.Q(region__isnull=False, year__isnull=False),
                                    name="trading_catalog_unique_region_year"),
            models.UniqueConstraint(fields=["region", "sector", "category"],
                                    condition=models.Q(region__isnull=False, year__isnull=True),
                                    name="trading_catalog_unique_region_any_year"),
            models.UniqueConstraint(fields=["year", "sector", "category"],
                                    condition=models.Q(region__isnull=True, year__isnull=False),
                                    name="trading_catalog_unique_national_year"),
            models.UniqueConstraint(fields=["sector", "category"],
                                    condition=models.Q(region__isnull=True, year__isnull=True),
                                    name="trading_catalog_unique_national_any_year"),
        ]

    def __str__(self):
        return self.name


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("排队中")
    RUNNING = "running", _("导入中")
    SUCCEEDED = "succeeded", _("已完成")
    REJECTED = "rejected", _("有错误，未写入")
    PARTIAL = "partial", _("已跳过错误行")
    FAILED = "failed", _("失败")


class ImportRun(models.Model):
    """One import of one or more files: who, what, the outcome, and the row errors for the downloadable report."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("导入人"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="trading_imports")
    unit = models.ForeignKey(Unit, verbose_name=_("导入单位"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="trading_imports")
    files = models.JSONField(_("文件"), default=list)
    paths = models.JSONField(default=list, editable=False)
    default_region = models.ForeignKey(Region, verbose_name=_("缺省行政区划"), null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    skip_bad_rows = models.BooleanField(_("跳过错误行"), default=False)
    status = models.CharField(_("状态"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    message = models.TextField(_("说明"), blank=True)
    rows_read = models.PositiveIntegerField(_("读取行数"), default=0)
    rows_bad = models.PositiveIntegerField(_("错误行数"), default=0)
    counts = models.JSONField(_("写入统计"), default=dict)
    errors = models.JSONField(_("错误明细"), default=list)
    job_id = models.PositiveBigIntegerField(_("后台任务"), null=True, blank=True)
    created_at = models.DateTimeField(_("提交时间"), default=timezone.now, editable=False)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("交易数据导入")
        verbose_name_plural = _("交易数据导入")

    def __str__(self):
        return f"{_('导入')} #{self.pk} {', '.join(self.files)}"
