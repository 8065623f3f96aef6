"""netcrime.keyplayer (being written)."""
