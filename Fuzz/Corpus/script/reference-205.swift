let sqnr = ["int8": 49.9, "int4": 25.8]
print(sqnr.min()!, sqnr.min { $0.value < $1.value }!.key)
