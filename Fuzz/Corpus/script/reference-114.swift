var bits = [8, 4, 2]
print(bits.remove(at: 1), bits)
