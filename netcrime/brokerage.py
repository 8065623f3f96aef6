"""netcrime.brokerage (being written)."""
