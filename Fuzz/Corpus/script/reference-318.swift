dataset(.moons, count: 4, seed: 1).features
