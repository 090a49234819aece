dataset(.moons, count: 500, seed: 1).split(train: 0.6).test.count
