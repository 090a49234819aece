let sqnr = ["int8": 49.9, "int4": 25.8, "int2": 7.3]
print(sqnr.count, sqnr.count { $0.value > 20 })
