"""`mtaudit` and `python -m audit`. `--version` is answered before the command line (click, the engine)
is imported, so that it costs little more than the interpreter; everything else is audit/cli.py's."""

import gc
import os
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
    from .rules.cache import mark_process_frozen

    gc.freeze()
    mark_process_frozen()  # loading the compiled packs then need not count these (audit/rules/cache.py)
    # The run then loads the compiled rule packs (some 45,000 objects that live as long as the process,
    # unpickled with the collector paused: audit/rules/cache.py) and makes each document's objects. At
    # the default threshold (700 new objects) the collector walked the packs twice in a one-file lint
    # (once young, once in the middle generation: 3 + 9 ms, a twentieth of the run); a young generation
    # of 100,000 objects leaves a one-file lint without a collection. Peak memory measured unchanged
    # (a 400-article run: 60 MB; one 20 MB file: 251 MB).
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
    if collecting:
        gc.enable()
    try:
        command_line()
    except SystemExit as done:
        leave(done)


def leave(done: SystemExit) -> None:
    """Exit with the command's status without tearing the interpreter down: freeing the modules and
    objects of a run one by one, which nothing needs once the output is flushed, was some 5% of a
    one-file lint. Only after a run that left no other thread or worker process (a pool of --jobs
    imports concurrent.futures, whose exit hook joins its workers) and with an exit status that is a
    number or None; otherwise, or when the output cannot be flushed, Python exits as usual."""
    status = done.code
    if (status is None or isinstance(status, int)) and "concurrent.futures" not in sys.modules:
        import threading  # (imported by the command line already)

        if threading.active_count() == 1:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except Exception:  # noqa: BLE001  (a closed pipe: as Python reports it at exit)
                raise done from None
            os._exit(status or 0)
    raise done


if __name__ == "__main__":
    main()
