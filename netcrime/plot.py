"""netcrime.plot (being written)."""
