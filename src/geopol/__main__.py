"""``python -m geopol``: the same as the ``geopol`` command."""

from __future__ import annotations

from geopol.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
