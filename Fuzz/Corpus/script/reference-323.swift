dataset(.spirals(arms: 3), count: 30, seed: 1).name
