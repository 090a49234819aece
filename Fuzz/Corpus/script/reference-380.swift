for kind: DatasetKind in [.moons, .circles(factor: 0.3), .spirals(arms: 3), .blobs(centers: 4), .gaussians] {
    let d = dataset(kind, count: 120, seed: 1)
    print(kind, d.count, d.classes, d.sampleShape)
}
let digits = dataset(.digits)   // stored: no count, noise or seed
print(digits.name, digits.count, digits.classes, digits.sampleShape)
