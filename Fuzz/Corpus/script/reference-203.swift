let bits = ["a": 8, "b": 4]
print(bits.firstIndex { $0.value == 4 } ?? -1, bits.firstIndex(of: ("a", 8)) ?? -1)
