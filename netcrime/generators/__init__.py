"""netcrime.generators (being written)."""
