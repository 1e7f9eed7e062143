"""Identifiers of synthetic entities: 统一社会信用代码 with both check characters, and the per-firm "device",
account and contact identifiers that bid files carry.

Every identifier here is an injective function of a firm's global index, so two different firms never share a
MAC address, CPU serial, disk serial, IP address, bank account or telephone number by accident. Shared values
appear only where a pattern plants them (see :mod:`lianjian.synthetic.patterns`), drawn from ranges no firm owns.
"""

# GB 32100-2015: the 31 characters of the code alphabet and the weights of the 17 characters before the check digit.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714-1997: weights of the 8 body characters of the organisation code (positions 9–17 of the credit code).
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

# Registration authority and entity type (first two characters): 11 机关 (机构编制), 12 事业单位, 91 企业 (市场监管).
AUTHORITY_GOVERNMENT = "11"
AUTHORITY_INSTITUTION = "12"
AUTHORITY_ENTERPRISE = "91"

NIC_VENDOR_PREFIXES = ("00-E0-4C", "3C-97-0E", "F4-8E-38", "54-E1-AD", "B0-25-AA", "00-2B-67", "E0-D5-5E")
# Locally administered MAC prefix (second-lowest bit of the first octet set): never a vendor's, so a planted
# shared address cannot coincide with any firm's own.
PLANTED_MAC_PREFIX = "02-1A-5E"
PUBLIC_IP_FIRST_OCTETS = (60, 61, 115, 122, 183, 218, 222)
BANKS = (("6222", "中国工商银行杭州分行"), ("6227", "中国建设银行杭州分行"), ("6228", "中国农业银行杭州分行"),
         ("6217", "中国银行杭州分行"), ("6226", "浙商银行杭州分行"), ("6223", "杭州银行营业部"))
MOBILE_PREFIXES = ("13", "15", "17", "18", "19")


def org_code_check(body):
    """The 9th character of an organisation code (GB 11714) from its 8-character body of digits."""
    value = 11 - sum(int(c) * w for c, w in zip(body, ORG_CODE_WEIGHTS)) % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def uscc_check(first17):
    """The 18th character of a 统一社会信用代码 (GB 32100-2015)."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def credit_code(authority, region_code, serial):
    """A valid code for entity ``serial`` (0 ≤ serial < 10^8, unique across the market) registered in
    ``region_code``. The organisation code's body is the scrambled serial, so neighbours do not look alike."""
    body = f"{(serial * 48_271 + 12_345_678) % 100_000_000:08d}"
    first17 = f"{authority}{region_code}{body}{org_code_check(body)}"
    return first17 + uscc_check(first17)


def mac_address(serial):
    prefix = NIC_VENDOR_PREFIXES[serial % len(NIC_VENDOR_PREFIXES)]
    low = serial // len(NIC_VENDOR_PREFIXES)
    return f"{prefix}-{low >> 16 & 0xFF:02X}-{low >> 8 & 0xFF:02X}-{low & 0xFF:02X}"


def planted_mac(number):
    return f"{PLANTED_MAC_PREFIX}-{number >> 16 & 0xFF:02X}-{number >> 8 & 0xFF:02X}-{number & 0xFF:02X}"


def cpu_id(serial):
    return f"BFEBFBFF000906EA{serial:08X}"


def planted_cpu_id(number):
    return f"BFEBFBFF000A0653{0xF0000000 + number:08X}"


def disk_serial(serial):
    return f"WD-WCC{serial:09d}"


def planted_disk_serial(number):
    return f"S3Z9NB0K{number:09d}"


def upload_ip(serial):
    first = PUBLIC_IP_FIRST_OCTETS[serial % len(PUBLIC_IP_FIRST_OCTETS)]
    low = serial // len(PUBLIC_IP_FIRST_OCTETS)
    return f"{first}.{low >> 16 & 0xFF}.{low >> 8 & 0xFF}.{low & 0xFF}"


def bank_account(serial):
    prefix, bank = BANKS[serial % len(BANKS)]
    return f"{prefix}{serial:015d}", bank


def mobile(serial, person=0):
    """The mobile number of person ``person`` (0–9) of firm ``serial``."""
    return f"{MOBILE_PREFIXES[person % len(MOBILE_PREFIXES)]}{person // len(MOBILE_PREFIXES)}{serial:08d}"


def pm_certificate(serial, person):
    """A 注册建造师 certificate number: province, grade, registration year, then a unique serial."""
    return f"浙1{33 + person % 4}{2008 + serial % 15}{serial:08d}{person}"


def person_key(serial, person, salt=0):
    """An integer identifying person ``person`` of firm ``serial`` for name generation."""
    return (serial * 2_654_435_761 + person * 40_503 + salt * 97_531) % 4_294_967_291
