"""The `lianjian` console command: manage.py under the operator-facing name.

`lianjian --help` lists Lianjian's own subcommands first, with their one-line help, then Django's.
"""

import os
import sys


def _print_help():
    from django.core.management import get_commands, load_command_class

    ours = sorted((name, app) for name, app in get_commands().items() if app.startswith("lianjian."))
    print("用法 / usage: lianjian <子命令> [选项]\n")
    print("联监子命令 / Lianjian subcommands:")
    for name, app in ours:
        summary = (load_command_class(app, name).help or "").strip().splitlines()
        print(f"  {name:<14} {summary[0] if summary else ''}")
    print("\n运维常用 / common operations: migrate, createsuperuser, runserver, compilemessages, check --deploy")
    print("完整列表 / all commands: lianjian help --commands;  某个子命令的帮助: lianjian <子命令> --help")


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lianjian.settings")
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "lianjian"
    if len(argv) == 1 or argv[1:] in (["--help"], ["-h"], ["help"]):
        import django

        django.setup()
        _print_help()
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
