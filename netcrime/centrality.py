"""netcrime.centrality (being written)."""
