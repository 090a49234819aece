let sqnr = ["int8": 49.9, "int2": 7.3, "int4": 25.8]
print(sqnr.sorted().map { $0.key }, sqnr.sorted { $0.value < $1.value }.map { $0.key })
