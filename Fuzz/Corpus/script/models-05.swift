let moonParts = moons.split(train: 0.6, validation: 0.2, seed: 2)
moonParts
