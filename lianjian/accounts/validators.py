"""The password policy (等保 level 3 / OWASP ASVS 2.1): a minimum length and a mix of character classes."""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CLASSES = (
    lambda c: c in string.ascii_lowercase,
    lambda c: c in string.ascii_uppercase,
    lambda c: c in string.digits,
    lambda c: not c.isalnum() and not c.isspace(),
)


class PasswordPolicyValidator:
    def __init__(self, min_length=12, min_classes=3):
        self.min_length = min_length
        self.min_classes = min_classes

    def _message(self):
        return _("密码至少需要 %(min_length)d 个字符，并包含大写字母、小写字母、数字、符号中的至少 %(min_classes)d 类。") % {
            "min_length": self.min_length, "min_classes": self.min_classes}

    def validate(self, password, user=None):
        classes = sum(1 for test in CLASSES if any(test(c) for c in password))
        if len(password) < self.min_length or classes < self.min_classes:
            raise ValidationError(self._message(), code="password_policy")

    def get_help_text(self):
        return self._message()
