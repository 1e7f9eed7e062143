import base64
from urllib.parse import parse_qs, urlparse

from hypothesis import given
from hypothesis import strategies as st

from lianjian.accounts import totp

# RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" and its 8-digit codes at these Unix times.
RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()
RFC_VECTORS = [(59, "94287082"), (1111111109, "07081804"), (1111111111, "14050471"), (1234567890, "89005924"),
               (2000000000, "69279037"), (20000000000, "65353130")]


def test_codes_match_the_test_vectors_of_rfc_6238():
    for timestamp, expected in RFC_VECTORS:
        assert totp.hotp(RFC_SECRET, totp.step_at(timestamp), digits=8) == expected


def test_a_code_is_accepted_one_step_either_side_of_now_and_not_further():
    secret = totp.new_secret()
    now = 1_700_000_000
    step = totp.step_at(now)
    assert totp.matching_step(secret, totp.hotp(secret, step), now) == step
    assert totp.matching_step(secret, totp.hotp(secret, step - 1), now) == step - 1
    assert totp.matching_step(secret, totp.hotp(secret, step + 1), now) == step + 1
    assert totp.matching_step(secret, totp.hotp(secret, step - 2), now) is None


@given(st.text(max_size=12))
def test_anything_but_the_current_six_digits_is_refused(code):
    secret = RFC_SECRET
    now = 1_700_000_000
    valid = {totp.hotp(secret, totp.step_at(now) + d) for d in (-1, 0, 1)}
    assert (totp.matching_step(secret, code, now) is not None) == (code.strip().replace(" ", "") in valid)


def test_the_provisioning_uri_carries_issuer_account_and_secret():
    uri = urlparse(totp.provisioning_uri(secret="ABCDEF", account="zhang", issuer="联监"))
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    query = parse_qs(uri.query)
    assert query["secret"] == ["ABCDEF"] and query["issuer"] == ["联监"] and query["digits"] == ["6"]
    assert uri.path == "/%E8%81%94%E7%9B%91%3Azhang"
