let moons = dataset(.moons, count: 400, noise: 0.1, seed: 1)
let own = dataset(features: [[0.1, 0.2], [0.9, 0.8], [0.2, 0.1]], labels: [0, 1, 0])
print(moons.classCounts, own.classes)
moons
