quantize(tensor([[-1, 1], [0, 4]]), bits: 8, scheme: .asymmetric, granularity: .perChannel(axis: 0)).zeroPoints
