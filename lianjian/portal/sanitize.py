"""Turning text meant for the public into a safe copy: plain text only, personal identifiers removed.

The service that publishes calls this on every title and body, so a caller that forgets to leave out a phone
number or the filer's name still cannot publish it.
"""

import re

from django.utils.html import strip_tags

MASK = "＊＊＊"

# 18-digit resident ID (GB 11643) and 15-digit legacy ones; mainland mobiles; landlines with area code; e-mail.
_ID_NUMBER = re.compile(r"(?<!\d)(\d{17}[\dXx]|\d{15})(?![\dXx])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}[- ]?\d{7,8}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# Shorter fragments (a one-character surname) would mask unrelated words.
MIN_SECRET_LENGTH = 2


def sanitize(text, *, secrets=(), keep_contacts=False):
    """``text`` as plain text with ID numbers and every string in ``secrets`` masked; phone numbers and e-mail
    addresses masked too unless ``keep_contacts`` (a published complaint channel must show its hotline)."""
    text = strip_tags(text or "").replace("\r\n", "\n").strip()
    for secret in sorted({s.strip() for s in secrets if s and len(s.strip()) >= MIN_SECRET_LENGTH},
                         key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _ID_NUMBER.sub(MASK, text)
    if not keep_contacts:
        text = _EMAIL.sub(MASK, text)
        text = _MOBILE.sub(MASK, text)
        text = _LANDLINE.sub(MASK, text)
    return text
