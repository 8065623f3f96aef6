"""netcrime.disruption (being written)."""
