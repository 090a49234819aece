import QuantEngine
import Testing

/// The stored 8×8 digits against values read from the original file, scikit-learn 1.9.1's
/// `sklearn/datasets/data/digits.csv.gz` (with Python's zipfile/gzip/csv, not via this code).
@Suite("Digits data set")
struct DigitsTests {
    @Test func shapeAndClassCounts() {
        let digits = Dataset.digits
        #expect(digits.name == "digits")
        #expect(digits.count == 1797)
        #expect(digits.features.shape == [1797, 1, 8, 8])
        #expect(digits.classCount == 10)
        #expect(digits.classNames == (0...9).map { String($0) })
        // The published class sizes of the UCI test set (optdigits.tes) for digits 0…9.
        #expect(digits.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    }

    @Test func valuesMatchTheOriginalFile() {
        let digits = Dataset.digits
        // Row 1 of digits.csv: the first image, a 0.
        let first: [Float] = [
            0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0,
            0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
        ]
        #expect(Array(digits.features.scalars[0..<64]) == first)
        #expect(first.reduce(0, +) == 294)
        // The labels cycle 0…9 at the start of the file; the last image is an 8 with pixel sum 392.
        #expect(Array(digits.labels[0..<12]) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1])
        #expect(digits.labels.last == 8)
        #expect(digits.features.scalars[(1796 * 64)...].reduce(0, +) == 392)
        // Sum of all 115,008 pixels in the file (exact in Double).
        #expect(digits.features.sum() == 561_718)
        // Σ (i + 1)·pixel_i over the first image.
        let weighted = digits.features.scalars[0..<64].enumerated().reduce(0.0) {
            $0 + Double($1.offset + 1) * Double($1.element)
        }
        #expect(weighted == 9_244)
    }

    @Test func pixelsAreIntegersFrom0To16() throws {
        let pixels = Dataset.digits.features.scalars
        #expect(pixels.allSatisfy { $0 >= 0 && $0 <= 16 && $0 == $0.rounded() })
        #expect(try Dataset.digits.features.max() == 16)
        #expect(Dataset.digits.labels.allSatisfy { (0...9).contains($0) })
    }
}
