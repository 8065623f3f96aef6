"""``python -m netcrime`` runs the ``netcrime`` command."""

from .cli import main

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
