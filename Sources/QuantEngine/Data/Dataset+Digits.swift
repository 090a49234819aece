/// The 8×8 handwritten digits stored in the repository (see `Data/README.md`).
extension Dataset {
    /// The test part of UCI's "Optical Recognition of Handwritten Digits" (Alpaydin & Kaynak,
    /// 1998; doi:10.24432/C50P49; CC BY 4.0) — the same 1,797 images, in the same order, as
    /// scikit-learn's `load_digits()`.
    ///
    /// Features `[1797, 1, 8, 8]` (one channel), pixel values 0…16 as Float (the number of set
    /// pixels in each 4×4 block of a 32×32 bitmap); labels 0…9 with class names "0"…"9". Decoded
    /// from `DigitsData.encoded` on first use, then shared.
    public static var digits: Dataset { DigitsData.dataset }
}

extension DigitsData {
    static let imageCount = 1797
    static let pixelsPerImage = 64

    /// `encoded` decoded once (Swift initialises a static `let` lazily and thread-safely).
    static let dataset: Dataset = decode(encoded)

    /// Decodes lines of a label character and 64 pixel characters ("0"…"9" = 0…9, "A"…"G" =
    /// 10…16). The text is generated and checked by `make_digits.py`, so a malformed line is a
    /// broken invariant, not an input error.
    static func decode(_ text: String) -> Dataset {
        var pixels = [Float]()
        pixels.reserveCapacity(imageCount * pixelsPerImage)
        var labels = [Int]()
        labels.reserveCapacity(imageCount)
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            precondition(line.count == 1 + pixelsPerImage, "DigitsData: malformed line")
            for (position, byte) in line.enumerated() {
                let value: Int
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "A")...UInt8(ascii: "G"): value = Int(byte - UInt8(ascii: "A")) + 10
                default: preconditionFailure("DigitsData: unexpected character \(byte)")
                }
                if position == 0 {
                    precondition(value <= 9, "DigitsData: label out of range")
                    labels.append(value)
                } else {
                    pixels.append(Float(value))
                }
            }
        }
        precondition(labels.count == imageCount, "DigitsData: expected \(imageCount) images")
        return Dataset(
            validatedName: "digits", features: Tensor(validatedShape: [imageCount, 1, 8, 8], scalars: pixels),
            labels: labels, classCount: 10, classNames: (0..<10).map { String($0) })
    }
}
