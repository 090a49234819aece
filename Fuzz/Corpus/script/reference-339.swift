mlp([2, 16, 2], seed: 0).logits(tensor([[0.5, -1.0], [1.0, 0.25]]))
