"""`mtaudit` and `python -m audit`. `--version` is answered before the command line (click, the engine)
is imported, so that it costs little more than the interpreter; everything else is audit/cli.py's."""

import gc
import sys

from .version import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"mtaudit, version {__version__}\n")
        sys.exit(0)
    # Importing the command line makes some 100,000 objects that live as long as the process: the cyclic
    # garbage collector is paused while they are made (none of them is garbage) and told never to look
    # at them again (gc.freeze), which takes about a sixth off a one-file lint.
    collecting = gc.isenabled()
    gc.disable()
    from .cli import main as command_line  # the whole command line, for every other use

    gc.freeze()
    if collecting:
        gc.enable()
    command_line()


if __name__ == "__main__":
    main()
