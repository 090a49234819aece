evaluate(tensor([1, 2, 3]), tensor([1, 2.5, 2])).mse   // (0 + 0.25 + 1) / 3
