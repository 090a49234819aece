quantize(tensor([[0.1, -0.2], [4, 1]]), bits: 8, granularity: .perChannel(axis: 0)).scales
