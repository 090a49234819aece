/// The three parts of a parallel corpus: train (to fit the model), validation (to choose
/// settings and stop training) and test (to report once). `ParallelCorpus.split` makes one in
/// which no source sentence of one part occurs in another.
public struct CorpusSplit: Sendable, Equatable, CustomStringConvertible {
    public var train: ParallelCorpus
    public var validation: ParallelCorpus
    public var test: ParallelCorpus

    public init(train: ParallelCorpus, validation: ParallelCorpus, test: ParallelCorpus) {
        self.train = train
        self.validation = validation
        self.test = test
    }

    /// The three parts' summaries, one per line.
    public var description: String {
        [train, validation, test].map(\.description).joined(separator: "\n")
    }
}
