let moons = dataset(.moons, count: 200, seed: 1)
plot(scatter(moons))
