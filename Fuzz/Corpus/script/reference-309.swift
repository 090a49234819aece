evaluate(tensor([1, 0]), tensor([1, 1])).cosine
