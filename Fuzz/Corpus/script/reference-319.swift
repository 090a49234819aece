dataset(.moons, count: 8, seed: 1).labels
