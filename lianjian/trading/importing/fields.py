"""The canonical fields of a trading row and the column names that mean them.

A row of the national data specification carries a project, tender project, lot, bid, award, contract and
contract change side by side; every field below belongs to one of those sections. Each field lists its
national-specification name (used as the CSV header on export), its Chinese label (the XLSX header on export)
and further aliases met in real files. Lookup ignores case, spaces and full-width/half-width brackets.
"""

from dataclasses import dataclass, field

SECTIONS = ("project", "tender", "lot", "bid", "award", "contract", "change")

# Which column holds each section's key, and which key its parent is reached through.
SECTION_KEY = {
    "project": "project.code", "tender": "tender.code", "lot": "lot.code", "bid": "bid.bidder_code",
    "award": "award.winner_code", "contract": "contract.code", "change": "change.seq",
}
SECTION_PARENT = {
    "tender": "project", "lot": "tender", "bid": "lot", "award": "lot", "contract": "lot", "change": "contract",
}


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    spec: str
    label: str
    aliases: tuple = ()
    max_length: int = None
    choices: str = None
    section: str = ""

    def __post_init__(self):
        object.__setattr__(self, "section", self.name.split(".", 1)[0])


def _f(name, kind, spec, label, *aliases, max_length=None, choices=None):
    return Field(name, kind, spec, label, tuple(aliases), max_length, choices)


FIELDS = [
    _f("row.price_unit", "choice", "PRICE_UNIT", "金额单位", "价格单位", choices="price_unit"),

    _f("project.code", "code", "PROJECT_CODE", "项目编号", "项目代码", max_length=64),
    _f("project.name", "text", "PROJECT_NAME", "项目名称", max_length=300),
    _f("project.region", "region", "PROJECT_REGION_CODE", "项目所在行政区划代码", "项目所在行政区域代码"),
    _f("project.sector", "sector", "INDUSTRIES_TYPE", "项目行业分类", "项目行业"),
    _f("project.category", "choice", "PROJECT_CATEGORY", "项目主要采购类别", choices="category"),
    _f("project.invest_code", "text", "INVEST_PROJECT_CODE", "投资项目统一代码", max_length=64),
    _f("project.approval_number", "text", "APPROVAL_NUMBER", "项目审批文号", "审批文号", max_length=120),
    _f("project.approval_authority", "text", "APPROVAL_AUTHORITY", "项目审批单位", "审批单位", max_length=120),
    _f("project.approved_on", "date", "APPROVAL_DATE", "立项日期", "项目审批日期", "审批日期"),
    _f("project.total_investment", "money", "TOTAL_INVESTMENT", "项目总投资", "总投资"),

    _f("tender.code", "code", "TENDER_PROJECT_CODE", "招标项目编号", "招标项目代码", max_length=64),
    _f("tender.deal_code", "code", "UNIFIED_DEAL_CODE", "统一交易标识码", "交易编码", max_length=64),
    _f("tender.name", "text", "TENDER_PROJECT_NAME", "招标项目名称", max_length=300),
    _f("tender.sector", "sector", "TENDER_PROJECT_TYPE", "招标项目类型", "行业领域", "交易类型"),
    _f("tender.organize_form", "text", "TENDER_ORGANIZE_FORM", "招标组织形式", max_length=40),
    _f("tender.tenderer_code", "uscc", "TENDERER_CODE", "招标人统一社会信用代码", "招标人代码", "采购人统一社会信用代码"),
    _f("tender.tenderer_name", "text", "TENDERER_NAME", "招标人名称", "招标人", "采购人", max_length=200),
    _f("tender.tenderer_legal", "text", "TENDERER_LEGAL_PERSON", "招标人法定代表人", max_length=60),
    _f("tender.agency_code", "uscc", "TENDER_AGENCY_CODE", "招标代理机构统一社会信用代码", "招标代理机构代码",
       "代理机构统一社会信用代码"),
    _f("tender.agency_name", "text", "TENDER_AGENCY_NAME", "招标代理机构名称", "招标代理机构", "代理机构",
       max_length=200),
    _f("tender.agency_legal", "text", "TENDER_AGENCY_LEGAL_PERSON", "招标代理机构法定代表人", max_length=60),

    _f("lot.code", "code", "BID_SECTION_CODE", "标段（包）编号", "标段编号", "包号", max_length=64),
    _f("lot.name", "text", "BID_SECTION_NAME", "标段（包）名称", "标段名称", max_length=300),
    _f("lot.category", "choice", "TENDER_PROJECT_CLASSIFY_CODE", "标段（包）分类", "标段（包）分类代码", "采购类别",
       choices="category"),
    _f("lot.procedure", "choice", "TENDER_MODE", "招标方式", "BID_TENDER_MODE", "交易方式", "采购方式",
       choices="procedure"),
    _f("lot.region", "region", "REGION_CODE", "标段（包）所在行政区域代码", "行政区划代码", "行政区域代码"),
    _f("lot.supervising_unit", "unit", "SUPERVISE_DEPT_NAME", "监督部门名称", "监督部门", "行政监督部门"),
    _f("lot.estimated_price", "money", "CONTRACT_RECKON_PRICE", "标段合同估算价", "合同估算价"),
    _f("lot.control_price", "money", "CONTROL_PRICE", "最高投标限价", "招标控制价", "最高限价"),
    _f("lot.bond_amount", "money", "MARGIN_AMOUNT", "投标保证金金额", "保证金金额"),
    _f("lot.notice_published_at", "datetime", "NOTICE_SEND_TIME", "招标公告发布时间", "公告发布时间"),
    _f("lot.docs_issued_at", "datetime", "DOC_GET_START_TIME", "招标文件获取开始时间", "招标文件发出时间"),
    _f("lot.bid_deadline_at", "datetime", "BID_DOC_REFER_END_TIME", "投标文件递交截止时间", "投标截止时间"),
    _f("lot.bid_open_at", "datetime", "BID_OPEN_TIME", "开标时间"),
    _f("lot.bid_open_place", "text", "BID_OPEN_PLACE", "开标地点", max_length=200),
    _f("lot.evaluation_method", "text", "EVALUATING_METHOD", "评标办法", "评审办法", max_length=60),
    _f("lot.evaluation_started_at", "datetime", "EVALUATION_START_TIME", "评标开始时间", "评审开始时间"),
    _f("lot.evaluation_finished_at", "datetime", "EVALUATION_END_TIME", "评标结束时间", "评审结束时间"),
    _f("lot.host_venue", "unit", "MAIN_EVALUATION_SITE", "远程异地评标主场", "评标主场", "主场"),
    _f("lot.guest_venues", "units", "SUB_EVALUATION_SITES", "远程异地评标副场", "评标副场", "副场"),

    _f("bid.bidder_code", "uscc", "BIDDER_ORG_CODE", "投标人统一社会信用代码", "投标人代码", "BIDDER_CODE",
       "供应商统一社会信用代码"),
    _f("bid.bidder_name", "text", "BIDDER_NAME", "投标人名称", "投标人", "供应商名称", max_length=200),
    _f("bid.bidder_legal", "text", "BIDDER_LEGAL_PERSON", "投标人法定代表人", max_length=60),
    _f("bid.price", "money", "BID_PRICE", "投标报价", "投标价格", "报价"),
    _f("bid.other_price", "text", "OTHER_BID_PRICE", "其他类型投标报价", "费率或下浮率", max_length=60),
    _f("bid.submitted_at", "datetime", "SUBMIT_TIME", "投标文件递交时间", "SUBMITTIME", "递交时间"),
    _f("bid.bond_pay_form", "text", "MARGIN_PAY_FORM", "投标保证金缴纳方式", "保证金缴纳方式", max_length=40),
    _f("bid.bond_payer_account", "text", "MARGIN_PAY_ACCOUNT", "保证金缴纳账号", "保证金付款账号", max_length=60),
    _f("bid.bond_payer_bank", "text", "MARGIN_PAY_BANK", "保证金缴纳银行", "保证金付款银行", max_length=120),
    _f("bid.cpu_id", "text", "CPU_ID", "CPU序列号", max_length=120),
    _f("bid.disk_serial", "text", "HARD_DISK_SERIAL_NUMBER", "硬盘序列号", max_length=120),
    _f("bid.mac_address", "text", "MAC_ADDRESS", "网卡MAC地址", "MAC地址", max_length=120),
    _f("bid.upload_ip", "text", "NET_ID", "IP地址", "上传IP地址", "投标IP地址", max_length=64),
    _f("bid.tool_version", "text", "TOOL_VERSION", "投标文件制作工具版本号", "工具版本号", max_length=60),
    _f("bid.file_hash", "text", "BID_DOC_HASH", "投标文件特征码", "文件哈希值", "文件哈希", max_length=128),
    _f("bid.file_author", "text", "BID_DOC_AUTHOR", "投标文件作者", "文件作者", max_length=120),
    _f("bid.file_preparer", "text", "BID_DOC_PREPARER", "投标文件编制人", "文件编制人", "编制人", max_length=120),
    _f("bid.project_manager", "text", "BID_MANAGER", "项目经理", "项目负责人", max_length=60),
    _f("bid.project_manager_cert", "text", "REGIST_CERTIFICATE", "项目经理注册证书编号", "PM_CERTIFICATES",
       "注册证书编号", max_length=60),
    _f("bid.contact_name", "text", "BIDDER_CONTACTOR", "投标联系人", "联系人", "BIDDER_OPERATION_PERSON",
       max_length=60),
    _f("bid.contact_phone", "text", "BIDDER_PHONE_NUMBER", "投标联系电话", "联系电话", "BIDDER_OPERATION_PERSON_CON",
       max_length=40),
    _f("bid.consortium_codes", "usccs", "UNION_ORGAN_SET_CODE", "联合体成员统一社会信用代码", "联合体成员代码"),
    _f("bid.consortium_names", "texts", "UNION_ENTERPRISE_NAME", "联合体成员名称"),
    _f("bid.score", "decimal", "EVALUATION_SCORE", "评标得分", "综合得分", "得分"),
    _f("bid.candidate_rank", "int", "CANDIDATE_RANK", "中标候选人排序", "候选人排名", "排名"),
    _f("bid.is_rejected", "bool", "IS_REJECTED", "是否被否决", "否决投标"),
    _f("bid.reject_reason", "text", "REJECT_REASON", "否决原因", max_length=300),

    _f("award.winner_code", "uscc", "WIN_BIDDER_CODE", "中标人统一社会信用代码", "中标人代码", "成交供应商统一社会信用代码"),
    _f("award.winner_name", "text", "WIN_BIDDER_NAME", "中标人名称", "中标人", "成交供应商", max_length=200),
    _f("award.amount", "money", "BID_AMOUNT", "中标金额", "成交金额", "中标价"),
    _f("award.candidates_published_at", "datetime", "PUBLICITY_START_TIME", "中标候选人公示开始时间", "公示开始时间"),
    _f("award.candidates_publicity_end", "datetime", "PUBLICITY_END_TIME", "中标候选人公示截止时间", "公示截止时间"),
    _f("award.awarded_at", "datetime", "WIN_NOTICE_SEND_TIME", "中标通知书发出时间", "中标时间", "成交时间"),

    _f("contract.code", "code", "CONTRACT_CODE", "合同编号", max_length=64),
    _f("contract.name", "text", "CONTRACT_NAME", "合同名称", max_length=300),
    _f("contract.supplier_code", "uscc", "CONTRACT_PARTY_CODE", "合同相对人统一社会信用代码", "合同乙方统一社会信用代码"),
    _f("contract.supplier_name", "text", "CONTRACT_PARTY_NAME", "合同相对人名称", "合同乙方", max_length=200),
    _f("contract.price", "money", "CONTRACT_PRICE", "合同金额", "合同价款", "合同价格"),
    _f("contract.signed_on", "date", "CONTRACT_SIGN_TIME", "合同签订日期", "合同签订时间"),
    _f("contract.period_days", "int", "LIMITE_TIME", "合同工期", "工期", "履约期限"),
    _f("contract.settle_price", "money", "SETTLE_PRICE", "结算金额", "结算价"),
    _f("contract.finished_on", "date", "FINISH_TIME", "竣工日期", "验收日期", "完成时间"),
    _f("contract.performance_note", "text", "PERFORM_INFO", "履约情况", "合同履行情况"),

    _f("change.seq", "int", "CHANGE_NO", "合同变更序号", "变更序号"),
    _f("change.changed_on", "date", "CHANGE_TIME", "合同变更日期", "变更日期"),
    _f("change.content", "text", "PERFORM_CHANGE_CONTENT", "合同变更内容", "变更内容", "CONTRACT_CHANGE_CONTENT"),
    _f("change.price_after", "money", "CHANGE_PRICE", "变更后合同金额", "变更后金额"),
]

FIELD_BY_NAME = {f.name: f for f in FIELDS}
SECTION_OF = {f.name: f.section for f in FIELDS}


@dataclass(frozen=True)
class Choice:
    value: str
    words: tuple = field(default_factory=tuple)


# Choice vocabularies: each value and the words (national codes, Chinese names, English) that mean it.
CHOICES = {
    "category": [
        Choice("works", ("works", "A", "工程", "施工", "工程施工", "工程建设", "建设工程")),
        Choice("goods", ("goods", "B", "货物", "设备", "材料", "设备材料")),
        Choice("services", ("services", "C", "服务", "勘察", "设计", "监理", "勘察设计", "勘察设计监理",
                            "服务（勘察、设计、监理等）")),
        Choice("transfer", ("transfer", "D", "出让", "转让", "出让/转让", "产权转让", "土地出让")),
        Choice("other", ("other", "Z", "其他")),
    ],
    "procedure": [
        Choice("open", ("open", "1", "公开招标")),
        Choice("invited", ("invited", "selective", "2", "邀请招标")),
        Choice("negotiation", ("negotiation", "3", "竞争性谈判")),
        Choice("consultation", ("consultation", "4", "竞争性磋商")),
        Choice("inquiry", ("inquiry", "5", "询价")),
        Choice("single_source", ("single_source", "6", "单一来源", "单一来源采购")),
        Choice("auction", ("auction", "7", "拍卖")),
        Choice("listing", ("listing", "8", "挂牌")),
        Choice("agreement", ("agreement", "9", "协议", "协议转让", "协议出让")),
        Choice("direct", ("direct", "10", "直接发包", "直接委托", "不招标")),
        Choice("other", ("other", "99", "其他")),
    ],
    "price_unit": [
        Choice("1", ("元", "yuan", "1", "人民币元")),
        Choice("10000", ("万元", "10000", "万")),
    ],
}


def normalise_header(text):
    """Header text as compared: no BOM, no spaces, half-width brackets, upper case."""
    text = str(text).replace("\ufeff", "").strip()
    for full, half in (("（", "("), ("）", ")"), ("　", ""), (" ", ""), ("\t", "")):
        text = text.replace(full, half)
    return text.upper()


def _header_index():
    index = {}
    for f in FIELDS:
        for name in (f.spec, f.label, f.name, *f.aliases):
            key = normalise_header(name)
            if key in index and index[key] != f.name:
                raise ValueError(f"column alias {name!r} is claimed by {index[key]} and {f.name}")
            index[key] = f.name
    return index


HEADER_INDEX = _header_index()


def _choice_index():
    return {kind: {normalise_header(word): c.value for c in choices for word in (c.value, *c.words)}
            for kind, choices in CHOICES.items()}


CHOICE_INDEX = _choice_index()


def field_for_header(header):
    return HEADER_INDEX.get(normalise_header(header))
