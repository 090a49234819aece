var sqnr = ["int8": 49.9, "int4": 25.8]
print(sqnr.removeValue(forKey: "int4") ?? 0, sqnr)
