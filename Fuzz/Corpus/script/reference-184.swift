print("encoder.0.weight".split(separator: "."), "a,,b".split(separator: ",", maxSplits: 1))
