bar(labels: names, values: sqnrs, label: "SQNR (dB)")
