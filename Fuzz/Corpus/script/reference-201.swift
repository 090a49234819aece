let sqnr = ["int8": 49.9, "int4": 25.8]
print(sqnr.contains { $0.key == "int4" }, sqnr.contains(("int8", 49.9)))
