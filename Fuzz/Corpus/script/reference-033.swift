print(Double(3) / 2, Double(0.25))
Double("0.125")
