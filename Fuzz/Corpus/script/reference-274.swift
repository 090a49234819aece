tensor([[1, 2, 3], [4, 5, 6]]).transposed().values
