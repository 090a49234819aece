let parts = dataset(.moons, count: 1000, seed: 1).split(train: 0.7, validation: 0.15, seed: 0)
print(parts.train.count, parts.validation.count, parts.test.count, parts.test.classCounts)
