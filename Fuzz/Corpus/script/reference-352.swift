evaluate(mlp([2, 16, 2], seed: 0), on: dataset(.moons, count: 200, seed: 1)).accuracy   // untrained
