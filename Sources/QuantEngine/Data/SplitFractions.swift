/// The checked fractions of a train/validation/test split, shared by `Dataset.split` and
/// `ParallelCorpus.split`.
enum SplitFractions {
    /// Fractions below this are taken as zero (so `train: 0.7, validation: 0.3` leaves no test
    /// part even if the Double sum is a rounding error away from 1).
    static let tolerance = 1e-9

    /// `[train, validation, test]`, the test part taking what the other two leave.
    ///
    /// - Throws: `invalidArgument` when a fraction is outside [0, 1] (or NaN) or
    ///   `train + validation` exceeds 1.
    static func checked(train: Double, validation: Double) throws(QuantEngineError) -> [Double] {
        for (label, fraction) in [("train", train), ("validation", validation)] {
            guard fraction >= 0, fraction <= 1 else {
                throw .invalidArgument("split: the \(label) fraction must be between 0 and 1, got \(fraction)")
            }
        }
        guard train + validation <= 1 + tolerance else {
            throw .invalidArgument(
                "split: train + validation must be at most 1 (the test part takes the rest), got \(train + validation)")
        }
        let rest = 1 - train - validation
        return [train, validation, rest > tolerance ? rest : 0]
    }
}
