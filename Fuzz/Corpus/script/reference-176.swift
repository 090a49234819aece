"weights.npy".dropLast(4)
