import QuantEngine
import Testing

@Suite("Dataset")
struct DatasetTests {
    /// Five points on a line whose single feature is the sample's index.
    private func indexed(_ labels: [Int], classCount: Int? = nil) throws -> Dataset {
        let features = try Tensor(shape: [labels.count, 1], scalars: labels.indices.map { Float($0) })
        return try Dataset(name: "indexed", features: features, labels: labels, classCount: classCount)
    }

    @Test func basicProperties() throws {
        let features = try Tensor(shape: [3, 2, 2], scalars: (0..<12).map { Float($0) })
        let data = try Dataset(
            name: "tiny", features: features, labels: [1, 0, 1], classNames: ["cat", "dog"])
        #expect(data.count == 3)
        #expect(data.sampleShape == [2, 2])
        #expect(data.sampleSize == 4)
        #expect(data.classCount == 2)
        #expect(data.classCounts == [1, 2])
        #expect(data.description == "tiny: 3 samples of shape [2, 2], 2 classes (cat: 1, dog: 2)")
        // The class count defaults to the largest label plus one.
        #expect(try indexed([0, 3, 1]).classCount == 4)
        #expect(try indexed([0, 1], classCount: 5).classCounts == [1, 1, 0, 0, 0])
    }

    @Test func subsetGathersSamplesInOrder() throws {
        let data = try indexed([0, 1, 2, 0, 1])
        let picked = try data.subset([4, 0, 4])
        #expect(picked.features.shape == [3, 1])
        #expect(picked.features.scalars == [4, 0, 4])
        #expect(picked.labels == [1, 0, 1])
        #expect(picked.classCount == 3)
        #expect(try data.subset([]).count == 0)
        #expect(throws: QuantEngineError.indexOutOfRange(index: 5, axis: 0, size: 5)) { try data.subset([1, 5]) }
        #expect(throws: QuantEngineError.indexOutOfRange(index: -1, axis: 0, size: 5)) { try data.subset([-1]) }
    }

    @Test func reshapingSamples() throws {
        let flat = try Dataset.digits.reshapingSamples([64])
        #expect(flat.features.shape == [1797, 64])
        #expect(flat.labels == Dataset.digits.labels)
        #expect(throws: QuantEngineError.self) { try Dataset.digits.reshapingSamples([63]) }
    }

    @Test func invalidDatasetsThrow() throws {
        let features = try Tensor(shape: [2, 2], scalars: [0, 1, 2, 3])
        #expect(throws: QuantEngineError.self) { try Dataset(name: "x", features: features, labels: [0]) }
        #expect(
            throws: QuantEngineError.invalidArgument(
                "Dataset: label 2 of sample 1 is outside 0..<2 (the class count)")
        ) { try Dataset(name: "x", features: features, labels: [0, 2], classCount: 2) }
        #expect(throws: QuantEngineError.self) { try Dataset(name: "x", features: features, labels: [0, -1]) }
        #expect(throws: QuantEngineError.self) {
            try Dataset(name: "x", features: features, labels: [0, 1], classNames: ["only one"])
        }
        #expect(throws: QuantEngineError.self) { try Dataset(name: "x", features: Tensor(scalar: 1), labels: [0]) }
        let withNaN = try Tensor(shape: [2, 1], scalars: [0, .nan])
        #expect(throws: QuantEngineError.nonFiniteValue(index: 1, kind: .nan)) {
            try Dataset(name: "x", features: withNaN, labels: [0, 1])
        }
    }
}
