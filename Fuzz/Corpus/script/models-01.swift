let moons = dataset(.moons, count: 1000, noise: 0.2, seed: 1)
moons
