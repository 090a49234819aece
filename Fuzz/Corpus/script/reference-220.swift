var sqnr = ["int8": 49.9]
print(sqnr.updateValue(50.1, forKey: "int8") ?? 0, sqnr.updateValue(25.8, forKey: "int4") == nil, sqnr)
