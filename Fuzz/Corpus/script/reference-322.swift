print(dataset(.digits).sampleShape, dataset(.moons).sampleShape)
