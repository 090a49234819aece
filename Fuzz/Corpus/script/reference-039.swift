var counts = [String: Int]()
counts["int8"] = 256
print(counts, Dictionary(uniqueKeysWithValues: zip(["int8", "int4"], [8, 4])))
