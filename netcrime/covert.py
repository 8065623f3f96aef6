"""netcrime.covert (being written)."""
