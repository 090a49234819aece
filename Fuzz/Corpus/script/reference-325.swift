dataset(.moons, count: 100, seed: 1).batches(size: 32, seed: 0).map { $0.count }
