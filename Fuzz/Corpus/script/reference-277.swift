print((tensor([1, 2]) - tensor([0.5, 0.5])).values, (tensor([1, 2]) - 1).values, (1 - tensor([1, 2])).values, (-tensor([1, -2])).values)
