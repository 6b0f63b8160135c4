"""`mtaudit` and `python -m audit`. `--version` is answered before the command line (click, the engine)
is imported, so that it costs little more than the interpreter; everything else is audit/cli.py's."""

import sys

from .version import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"mtaudit, version {__version__}\n")
        sys.exit(0)
    from .cli import main as command_line  # the whole command line, for every other use

    command_line()


if __name__ == "__main__":
    main()
