"""Every screen is Chinese first with English available: each app's English catalogue is complete and compiled."""

import gettext

import polib
import pytest

from lianjian.core.management.commands.translations import lianjian_apps

CATALOGUES = [(label, path / "locale" / "en" / "LC_MESSAGES") for label, path in lianjian_apps()
              if (path / "locale" / "en" / "LC_MESSAGES" / "django.po").exists()]


def test_every_app_of_the_platform_has_an_english_catalogue():
    with_catalogue = {label for label, _ in CATALOGUES}
    assert [label for label, _ in lianjian_apps() if label not in with_catalogue] == []


@pytest.mark.parametrize(("label", "directory"), CATALOGUES, ids=[label for label, _ in CATALOGUES])
def test_the_english_catalogue_translates_every_string_and_is_compiled(label, directory):
    po = polib.pofile(str(directory / "django.po"))
    missing = [entry.msgid for entry in po if not entry.obsolete and (not entry.translated() or entry.fuzzy)]
    assert missing == [], f"{label}: untranslated strings (run `lianjian translations update {label}`): {missing[:10]}"

    with open(directory / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [entry.msgid for entry in po if not entry.obsolete and not entry.msgid_plural
             and (compiled.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else compiled.gettext(entry.msgid))
             != entry.msgstr]
    assert stale == [], f"{label}: django.mo is older than django.po (run `lianjian translations compile {label}`)"
