linspace(1, 6, count: 6).reshaped([2, -1])
