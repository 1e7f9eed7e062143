"""Encryption at rest for the few fields whose disclosure would harm a person (a reporter's identity and contact).

Values are encrypted with Fernet (AES-128-CBC with HMAC-SHA256) under the keys in ``LIANJIAN_FIELD_KEYS``
(comma-separated, newest first: the first encrypts, all decrypt, so keys can be rotated with
``lianjian rotate-field-keys``). Without configured keys, a key is derived from SECRET_KEY; production should set
its own keys (docs/deploy.md) so that rotating the secret key does not make the fields unreadable.
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"


def _keys():
    configured = [k.strip() for k in getattr(settings, "LIANJIAN_FIELD_KEYS", []) if k.strip()]
    if configured:
        return configured
    derived = hashlib.sha256(("lianjian-field-key:" + settings.SECRET_KEY).encode()).digest()
    return [base64.urlsafe_b64encode(derived).decode()]


def _cipher():
    try:
        return MultiFernet([Fernet(key) for key in _keys()])
    except ValueError as exc:
        raise ImproperlyConfigured(f"LIANJIAN_FIELD_KEYS holds an invalid Fernet key: {exc}") from None


def encrypt(text):
    return PREFIX + _cipher().encrypt(text.encode()).decode()


def decrypt(stored):
    if not stored.startswith(PREFIX):
        raise ValueError("value is not encrypted")
    try:
        return _cipher().decrypt(stored[len(PREFIX):].encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured("an encrypted field cannot be read with the configured LIANJIAN_FIELD_KEYS") from None


def reencrypt(stored):
    """The same value under the newest key (for key rotation)."""
    return PREFIX + _cipher().rotate(stored[len(PREFIX):].encode()).decode()


class EncryptedTextField(models.TextField):
    """A text column stored encrypted. It cannot be searched or ordered by in the database: that is the point."""

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value)
