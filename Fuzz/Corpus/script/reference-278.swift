let w = tensor([0.5, -1.75])
print((w * w).values, (w * 2).values, (2 * w).values)
