print("SQNR", 49.9, "dB")
print(2, 4, 8, separator: " < ", terminator: " bits\n")
