"""Sub-commands beyond `lint`, `rules` and `rule`: each module defines click commands and lists them
in its COMMANDS; MODULES names them here, and `Commands`, the main group's class, imports a module
when one of its commands is run or listed (`mtaudit --help`), so that a lint does not import them."""

from __future__ import annotations

import importlib

import click

# command name -> the module of this package that defines it (tests/test_cli.py checks the table)
MODULES = {"compare": "compare", "score": "scores"}


class Commands(click.Group):
    """A click group that also offers the commands of MODULES, each imported when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in MODULES:
            module = importlib.import_module(f"{__name__}.{MODULES[cmd_name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, cmd_name)
