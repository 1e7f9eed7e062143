"""Time-based one-time passwords (RFC 6238 over the HOTP of RFC 4226), as authenticator apps compute them.

Pure functions without database access: the service layer stores the secret and the last step used.
"""

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

PERIOD = 30
DIGITS = 6
# One step either side absorbs a phone clock up to 30 s off, the tolerance RFC 6238 §5.2 recommends.
DRIFT_STEPS = 1


def new_secret():
    """160 random bits, the key length RFC 4226 §4 recommends, in the base32 authenticator apps accept."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def hotp(secret, counter, digits=DIGITS):
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10 ** digits).zfill(digits)


def step_at(timestamp):
    return int(timestamp) // PERIOD


def matching_step(secret, code, timestamp):
    """The time step whose code equals ``code`` within the allowed drift, or None."""
    code = (code or "").strip().replace(" ", "")
    if len(code) != DIGITS or not code.isdigit():
        return None
    now = step_at(timestamp)
    for step in range(now - DRIFT_STEPS, now + DRIFT_STEPS + 1):
        if hmac.compare_digest(hotp(secret, step), code):
            return step
    return None


def provisioning_uri(*, secret, account, issuer):
    """The otpauth:// URI (Google Authenticator key-URI format) an app imports instead of scanning a QR code."""
    label = quote(f"{issuer}:{account}")
    query = urlencode({"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": PERIOD})
    return f"otpauth://totp/{label}?{query}"
