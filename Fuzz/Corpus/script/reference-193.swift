let sqnr = ["int8": 49.9, "int4": 25.8]
print(sqnr.first!, sqnr.first { $0.value < 30 }!.key)
