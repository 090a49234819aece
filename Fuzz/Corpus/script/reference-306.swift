evaluate(tensor([1, 2, 3]), tensor([1, 2.5, 2])).mae
