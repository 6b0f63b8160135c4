"""`mtaudit` and `python -m audit`. `--version` is answered before the command line (click, the engine)
is imported, so that it costs little more than the interpreter; everything else is audit/cli.py's."""

import gc
import sys

from .version import __version__

YOUNG_OBJECTS = 100_000  # the command line's first-generation threshold of the garbage collector (see main)


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
    # The run then loads the compiled rule packs (some 45,000 objects that live as long as the process,
    # unpickled with the collector paused: audit/rules/cache.py) and makes each document's objects. At
    # the default threshold (700 new objects) the collector walked the packs twice in a one-file lint
    # (once young, once in the middle generation: 3 + 9 ms, a twentieth of the run); a young generation
    # of 100,000 objects leaves a one-file lint without a collection. Peak memory measured unchanged
    # (a 400-article run: 60 MB; one 20 MB file: 251 MB).
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
    if collecting:
        gc.enable()
    command_line()


if __name__ == "__main__":
    main()
