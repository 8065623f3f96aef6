"""netcrime.datasets (being written)."""
