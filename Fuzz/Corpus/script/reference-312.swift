Table(["layer", "bits", "SQNR (dB)"])
