dataset(.moons, count: 500, seed: 1).split(train: 0.6, validation: 0.2).validation.count
