tensor([0.5, -1.75, 3.5]).mean()
