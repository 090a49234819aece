#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// A numpy-like text preview of a tensor, for terminals, snapshots and error messages.
extension Tensor {
    /// The elements laid out like numpy's `repr`, with Swift-style commas:
    /// `[[0.0123, -0.0045, 0.0201],\n [0.1, 0.2, 0.3]]`.
    ///
    /// When the tensor has more than `maxItems` elements, every axis longer than `2·edgeItems`
    /// shows only its first and last `edgeItems` entries around a `…` (numpy's `threshold` and
    /// `edgeitems`). Deterministic and locale-independent as long as `format` is.
    ///
    /// - Parameters:
    ///   - maxItems: the largest element count shown in full (numpy's default is 1000).
    ///   - edgeItems: entries kept at each end of a summarised axis.
    ///   - format: how one element is written; defaults to `Tensor.formatElement`.
    public func preview(
        maxItems: Int = 1000,
        edgeItems: Int = 3,
        format: (Float) -> String = Tensor.formatElement
    ) -> String {
        if rank == 0 { return format(scalars[0]) }
        let summarise = count > maxItems
        let edge = Swift.max(edgeItems, 1)
        let strides = Shape.strides(shape)
        var output = ""
        func write(axis: Int, offset: Int) {
            let size = shape[axis]
            let indices: [Int?]
            if summarise && size / 2 >= edge && size - edge > edge {
                indices = (0..<edge).map { $0 } + [nil] + ((size - edge)..<size).map { $0 }
            } else {
                indices = (0..<size).map { $0 }
            }
            output += "["
            let isLast = axis == rank - 1
            // numpy separates blocks of rank r by r − 1 blank lines and indents to the bracket.
            let newlines = String(repeating: "\n", count: rank - axis - 1)
            let indent = String(repeating: " ", count: axis + 1)
            let separator = isLast ? ", " : "," + newlines + indent
            for (position, index) in indices.enumerated() {
                if position > 0 { output += separator }
                guard let index else {
                    output += "…"
                    continue
                }
                if isLast {
                    output += format(scalars[offset + index])
                } else {
                    write(axis: axis + 1, offset: offset + index * strides[axis])
                }
            }
            output += "]"
        }
        write(axis: 0, offset: 0)
        return output
    }

    /// One element with 4 significant digits in C's `%g` style (`0.01235`, `-1.5`, `1e-05`,
    /// `nan`, `inf`), independent of the process locale's decimal separator.
    public static func formatElement(_ value: Float) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        var buffer = [CChar](repeating: 0, count: 32)
        let length = withVaList([Double(value)]) { arguments in
            buffer.withUnsafeMutableBufferPointer { pointer in
                vsnprintf(pointer.baseAddress, pointer.count, "%.4g", arguments)
            }
        }
        let bytes = buffer.prefix(Swift.max(0, Swift.min(Int(length), buffer.count - 1)))
        // Some locales print a comma as the decimal separator; qnb always shows a point.
        return String(decoding: bytes.map { $0 == 0x2C ? 0x2E : UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
