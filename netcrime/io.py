"""netcrime.io (being written)."""
