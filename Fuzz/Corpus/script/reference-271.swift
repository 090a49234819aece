tensor([0.5, -1.75]).abs().values
