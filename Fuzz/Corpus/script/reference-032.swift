print(Int(7.9), Int(-7.9), Int(42))
print(Int("127") ?? 0, Int("ff", radix: 16) ?? 0, Int("eight") == nil)
