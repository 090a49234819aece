quantize(tensor([0.5, -1.75, 0.25, 3.5]), bits: 4).values
