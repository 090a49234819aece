let parts = dataset(.digits).split(train: 0.8, seed: 0).standardized()   // train statistics only
print(parts.train.features.mean(), parts.train.features.std(), parts.test.features.mean())
