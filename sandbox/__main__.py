"""Entry point: ``python -m sandbox demo [options] | check-migrations | manage <args>``."""

import os
import sys


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sandbox.settings")
    from django.core.management import execute_from_command_line  # noqa: PLC0415

    command = argv[1] if len(argv) > 1 else "demo"
    if command == "manage":
        execute_from_command_line([argv[0], *argv[2:]])
    elif command == "check-migrations":
        execute_from_command_line([argv[0], "makemigrations", "--check", "--dry-run"])
    elif command == "demo":
        execute_from_command_line([argv[0], "migrate", "--no-input"])
        execute_from_command_line([argv[0], "demo", *argv[2:]])
    else:
        sys.stderr.write("usage: python -m sandbox [demo | check-migrations | manage <args>]\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
