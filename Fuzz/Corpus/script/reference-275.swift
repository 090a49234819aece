let w = tensor([[1, 2, 3], [4, 5, 6]])
print(w[1].values, w[1][2].values)   // a row, then one element
