"""Keep each app's English catalogue in step with its Chinese source strings."""

import os
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

LANGUAGES = ["en"]


def lianjian_apps():
    """Our apps, as (label, directory), in a fixed order."""
    found = [(a.label, Path(a.path)) for a in apps.get_app_configs() if a.name.startswith("lianjian.")]
    return sorted(found)


class Command(BaseCommand):
    help = "更新或编译各应用的英文翻译目录（update: 提取待译字符串；compile: 生成 .mo）"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "compile"])
        parser.add_argument("apps", nargs="*", help="只处理这些应用（默认全部）")

    def handle(self, *args, action, apps, **options):
        selected = [(label, path) for label, path in lianjian_apps() if not apps or label in apps]
        cwd = os.getcwd()
        try:
            for label, path in selected:
                (path / "locale").mkdir(exist_ok=True)
                os.chdir(path)
                if action == "update":
                    # Tests are not shown to users; their strings would only make the catalogue noisier.
                    call_command("makemessages", locale=LANGUAGES, ignore_patterns=["tests/*"], no_obsolete=True,
                                 add_location="file", verbosity=0)
                else:
                    call_command("compilemessages", locale=LANGUAGES, verbosity=0)
                self.stdout.write(f"{label}: {action}d")
        finally:
            os.chdir(cwd)
