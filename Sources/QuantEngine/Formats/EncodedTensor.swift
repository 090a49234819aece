/// A tensor stored in one of the non-uniform or block formats: FP8 (with a per-tensor scale),
/// NF4 (block-wise absmax) or ggml's Q8_0, Q4_0 and Q4_1 blocks. `dequantized()` gives the
/// Float32 values the storage stands for; `bytes` is the real storage size, scales included.
public struct EncodedTensor: Sendable, Equatable {
    public enum Format: Sendable, Hashable, CustomStringConvertible {
        case fp8e4m3
        case fp8e5m2
        case nf4(blockSize: Int)
        case q8_0
        case q4_0
        case q4_1

        public var description: String {
            switch self {
            case .fp8e4m3: return "fp8e4m3"
            case .fp8e5m2: return "fp8e5m2"
            case .nf4(let blockSize): return blockSize == 64 ? "nf4" : "nf4 (blocks of \(blockSize))"
            case .q8_0: return "q8_0"
            case .q4_0: return "q4_0"
            case .q4_1: return "q4_1"
            }
        }
    }

    public let format: Format
    public let shape: [Int]
    /// FP8: one byte per element. NF4: one unpacked 4-bit code per element (stored packed, two
    /// per byte). ggml: the raw blocks exactly as llama.cpp lays them out.
    public let data: [UInt8]
    /// FP8: the one per-tensor scale; NF4: each block's absmax; ggml: empty (scales live in the
    /// blocks).
    public let scales: [Float]

    public var count: Int { shape.reduce(1, *) }

    /// Storage in bytes: FP8 one per element plus a Float32 scale; NF4 two codes per byte plus a
    /// Float32 absmax per block; ggml the blocks themselves (their fp16 scales included).
    public var bytes: Int {
        switch format {
        case .fp8e4m3, .fp8e5m2: return count + 4
        case .nf4: return (count + 1) / 2 + 4 * scales.count
        case .q8_0, .q4_0, .q4_1: return data.count
        }
    }

    /// Float32 size divided by `bytes`.
    public var compression: Double { bytes == 0 ? 0 : Double(4 * count) / Double(bytes) }

    /// Encodes `tensor`.
    ///
    /// - FP8: `code = fp8(x / scale)` with `scale = max|x| / maxFinite` (448 or 57344) unless given,
    ///   rounding to nearest even and saturating to ±maxFinite unless `saturate` is false (then
    ///   overflow is NaN for E4M3FN and ±∞ for E5M2, as ONNX).
    /// - NF4: blocks of `blockSize` consecutive elements of the flattened tensor.
    /// - ggml: blocks of 32 along the last axis, whose size must be a multiple of 32.
    ///
    /// - Throws: `nonFiniteValue` for NaN or infinite data, `invalidArgument` for a last axis
    ///   that is not a multiple of 32 (ggml), a block size below 1, or a bad scale.
    public static func encode(
        _ tensor: Tensor, as format: Format, scale: Float? = nil, saturate: Bool = true
    ) throws(QuantEngineError) -> EncodedTensor {
        switch format {
        case .fp8e4m3, .fp8e5m2:
            let scan = tensor.rangeScan()
            if tensor.count > 0, scan.hasNonFinite { throw tensor.nonFiniteError() }
            let fp8: FP8.Format = format == .fp8e4m3 ? .e4m3fn : .e5m2
            let chosen: Float
            if let scale {
                guard scale.isFinite, scale > 0 else { throw .invalidScale(scale) }
                chosen = scale
            } else {
                let absMax = tensor.count > 0 ? Swift.max(-scan.min, scan.max) : 0
                chosen = Swift.max(absMax / FP8.maxFinite(fp8), QuantizationParameters.minimumScale)
            }
            let codes = tensor.withUnsafeBufferPointer { x in
                [UInt8](unsafeUninitializedCapacity: x.count) { out, initialized in
                    Memory.adviseHugePages(UnsafeMutableRawPointer(out.baseAddress), byteCount: x.count)
                    let output = out
                    Parallel.forEachChunk(count: x.count) { range in
                        FP8.encode(
                            UnsafeBufferPointer(rebasing: x[range]), dividedBy: chosen,
                            into: UnsafeMutableBufferPointer(rebasing: output[range]), fp8, saturate: saturate)
                    }
                    initialized = x.count
                }
            }
            return EncodedTensor(format: format, shape: tensor.shape, data: codes, scales: [chosen])
        case .nf4(let blockSize):
            guard blockSize >= 1 else { throw .invalidArgument("NF4 block size must be at least 1, got \(blockSize)") }
            if tensor.count > 0, tensor.rangeScan().hasNonFinite { throw tensor.nonFiniteError() }
            do {
                let (codes, absmax) = try tensor.withUnsafeBufferPointer { try NF4.quantize($0, blockSize: blockSize) }
                return EncodedTensor(format: format, shape: tensor.shape, data: codes, scales: absmax)
            } catch {
                throw .invalidArgument("\(error)")
            }
        case .q8_0, .q4_0, .q4_1:
            guard let last = tensor.shape.last, last % GGML.blockValues == 0 else {
                throw .invalidArgument(
                    "\(format) stores blocks of 32 along the last axis, whose size must be a multiple of 32; "
                        + "shape \(tensor.shape)")
            }
            let kind: GGML.Kind = format == .q8_0 ? .q8_0 : (format == .q4_0 ? .q4_0 : .q4_1)
            let blocks: (bytes: [UInt8], finite: Bool)
            do {
                // One pass: the quantizer itself notices NaN and infinite values.
                blocks = try tensor.withUnsafeBufferPointer { try GGML.quantize($0, as: kind) }
            } catch {
                throw .invalidArgument("\(error)")
            }
            guard blocks.finite else { throw tensor.nonFiniteError() }
            return EncodedTensor(format: format, shape: tensor.shape, data: blocks.bytes, scales: [])
        }
    }

    /// The Float32 values the storage stands for.
    public func dequantized() -> Tensor {
        let values: [Float]
        switch format {
        case .fp8e4m3, .fp8e5m2:
            let fp8: FP8.Format = format == .fp8e4m3 ? .e4m3fn : .e5m2
            let scale = scales.first ?? 1
            values = data.map { FP8.decode($0, fp8) * scale }
        case .nf4(let blockSize):
            values = (try? NF4.dequantize(codes: data, absmax: scales, blockSize: blockSize, count: count)) ?? []
        case .q8_0:
            values = (try? GGML.dequantizeQ8_0(data, count: count)) ?? []
        case .q4_0:
            values = (try? GGML.dequantizeQ4_0(data, count: count)) ?? []
        case .q4_1:
            values = (try? GGML.dequantizeQ4_1(data, count: count)) ?? []
        }
        // The storage was made from a tensor of this shape, so the counts agree.
        return (try? Tensor(shape: shape, scalars: values)) ?? Tensor(values)
    }
}
