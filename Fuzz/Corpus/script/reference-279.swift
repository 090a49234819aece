let w = tensor([0.5, -1.75])
print((w / tensor([2, 7])).values, (w / 0.25).values, (1 / w).values)
