"""Entry point: with a command, the headless interface; without, the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):   # the bundle: a helper process (storage.early_hashes) runs its work here
        import multiprocessing

        multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        from tayninh_desktop.cli import main as cli_main

        return cli_main(argv)
    from tayninh_desktop.app import run

    return run()


if __name__ == "__main__":
    sys.exit(main())
