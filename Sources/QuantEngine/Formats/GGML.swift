import CQuantize

/// Bit-exact ports of llama.cpp's reference quantizers (`ggml/src/ggml-quants.c`):
/// `quantize_row_q8_0_ref`, `quantize_row_q4_0_ref`, `quantize_row_q4_1_ref` and the matching
/// `dequantize_row_*`.
///
/// Rows are split into blocks of 32 values. The byte layouts are ggml's structs, little endian:
///
/// - `block_q8_0 { ggml_half d; int8_t qs[32]; }` (34 bytes), `x[j] = qs[j] * d`;
/// - `block_q4_0 { ggml_half d; uint8_t qs[16]; }` (18 bytes), `qs[j] = q[j] | q[j + 16] << 4`,
///   `x[j] = (q[j] - 8) * d`;
/// - `block_q4_1 { ggml_half d; ggml_half m; uint8_t qs[16]; }` (20 bytes), same nibble order,
///   `x[j] = q[j] * d + m`.
///
/// Every float operation is the C code's, in its order, in single precision, without fused
/// multiply-add, including C's first-wins choice among equal values (so the sign of a zero scale or
/// minimum is C's, where gguf's numpy port sometimes differs). Scales go through `GGML_FP32_TO_FP16`
/// (round to nearest even; NaN becomes `0x7E00` with its sign, as ggml's portable converter does).
///
/// C's float-to-`int8_t` casts are out of range (undefined behaviour) only for non-finite products:
/// NaN or infinite inputs, or a subnormal scale whose reciprocal overflows. Compilers disagree there
/// (gcc -O2 gives 0, clang's vectorised code 0x80); this port follows gcc and gguf's numpy port, i.e.
/// x86-64 `cvttss2si` semantics (NaN or beyond `Int32` -> `0x80000000`, low byte 0).
public enum GGML {
    /// Values per block for Q8_0, Q4_0 and Q4_1.
    public static let blockValues = 32
    /// Bytes per `block_q8_0`.
    public static let q8_0BlockBytes = 34
    /// Bytes per `block_q4_0`.
    public static let q4_0BlockBytes = 18
    /// Bytes per `block_q4_1`.
    public static let q4_1BlockBytes = 20

    // MARK: - Quantize

    /// `quantize_row_q8_0_ref`: quantizes a row to raw `block_q8_0` bytes (34 per 32 values).
    ///
    /// - Throws: ``FormatError`` if `x.count` is not a multiple of 32.
    public static func quantizeQ8_0(_ x: UnsafeBufferPointer<Float>) throws -> [UInt8] {
        try quantize(x, as: .q8_0).bytes
    }

    /// `quantize_row_q4_0_ref`: quantizes a row to raw `block_q4_0` bytes (18 per 32 values).
    ///
    /// - Throws: ``FormatError`` if `x.count` is not a multiple of 32.
    public static func quantizeQ4_0(_ x: UnsafeBufferPointer<Float>) throws -> [UInt8] {
        try quantize(x, as: .q4_0).bytes
    }

    /// `quantize_row_q4_1_ref`: quantizes a row to raw `block_q4_1` bytes (20 per 32 values).
    ///
    /// - Throws: ``FormatError`` if `x.count` is not a multiple of 32.
    public static func quantizeQ4_1(_ x: UnsafeBufferPointer<Float>) throws -> [UInt8] {
        try quantize(x, as: .q4_1).bytes
    }

    /// The three block formats.
    enum Kind {
        case q8_0, q4_0, q4_1
    }

    /// Quantizes a row to raw blocks of `kind`, and reports whether every value was finite (the
    /// blocks of non-finite values are C's bytes all the same), so that callers rejecting NaN data
    /// need no separate pass over the input.
    ///
    /// - Throws: ``FormatError`` if `x.count` is not a multiple of 32.
    static func quantize(_ x: UnsafeBufferPointer<Float>, as kind: Kind) throws -> (bytes: [UInt8], finite: Bool) {
        switch kind {
        case .q8_0:
            return try quantize(
                x, blockBytes: q8_0BlockBytes, name: "Q8_0", kernel: quantizeBlockQ8_0,
                vectorKernel: useAVX2 ? { cq_ggml_q8_0_avx2($0, $1, $2) } : nil)
        case .q4_0:
            return try quantize(
                x, blockBytes: q4_0BlockBytes, name: "Q4_0", kernel: quantizeBlockQ4_0,
                vectorKernel: useAVX2 ? { cq_ggml_q4_0_avx2($0, $1, $2) } : nil)
        case .q4_1:
            return try quantize(x, blockBytes: q4_1BlockBytes, name: "Q4_1", kernel: quantizeBlockQ4_1)
        }
    }

    // MARK: - Dequantize

    /// `dequantize_row_q8_0`: decodes `count` values from raw `block_q8_0` bytes.
    ///
    /// - Throws: ``FormatError`` if `count` is not a non-negative multiple of 32 or `bytes.count`
    ///   is not exactly `count / 32 * 34`.
    public static func dequantizeQ8_0(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) throws -> [Float] {
        try dequantize(bytes, count: count, blockBytes: q8_0BlockBytes, name: "Q8_0", kernel: dequantizeBlockQ8_0)
    }

    /// `dequantize_row_q4_0`: decodes `count` values from raw `block_q4_0` bytes.
    ///
    /// - Throws: ``FormatError`` if `count` is not a non-negative multiple of 32 or `bytes.count`
    ///   is not exactly `count / 32 * 18`.
    public static func dequantizeQ4_0(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) throws -> [Float] {
        try dequantize(bytes, count: count, blockBytes: q4_0BlockBytes, name: "Q4_0", kernel: dequantizeBlockQ4_0)
    }

    /// `dequantize_row_q4_1`: decodes `count` values from raw `block_q4_1` bytes.
    ///
    /// - Throws: ``FormatError`` if `count` is not a non-negative multiple of 32 or `bytes.count`
    ///   is not exactly `count / 32 * 20`.
    public static func dequantizeQ4_1(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) throws -> [Float] {
        try dequantize(bytes, count: count, blockBytes: q4_1BlockBytes, name: "Q4_1", kernel: dequantizeBlockQ4_1)
    }

    /// ``dequantizeQ8_0(_:count:)`` for an array.
    public static func dequantizeQ8_0(_ bytes: [UInt8], count: Int) throws -> [Float] {
        try bytes.withUnsafeBufferPointer { try dequantizeQ8_0($0, count: count) }
    }

    /// ``dequantizeQ4_0(_:count:)`` for an array.
    public static func dequantizeQ4_0(_ bytes: [UInt8], count: Int) throws -> [Float] {
        try bytes.withUnsafeBufferPointer { try dequantizeQ4_0($0, count: count) }
    }

    /// ``dequantizeQ4_1(_:count:)`` for an array.
    public static func dequantizeQ4_1(_ bytes: [UInt8], count: Int) throws -> [Float] {
        try bytes.withUnsafeBufferPointer { try dequantizeQ4_1($0, count: count) }
    }

    /// `GGML_FP32_TO_FP16` of ggml's portable converter: round to nearest even, NaN -> sign | 0x7E00.
    @inlinable
    public static func fp16Bits(_ x: Float) -> UInt16 {
        if x.isNaN {
            return UInt16(truncatingIfNeeded: x.bitPattern >> 16) & 0x8000 | 0x7E00
        }
        return Half.float16Bits(x)
    }

    // MARK: - Drivers

    private typealias QuantizeKernel = (UnsafePointer<Float>, UnsafeMutablePointer<UInt8>) -> Void
    /// CQuantize's AVX2 block loops: quantize up to `blocks` blocks, stop before the first block that
    /// needs the reference path, return how many were written.
    typealias VectorQuantizeKernel = (UnsafePointer<Float>, UnsafeMutablePointer<UInt8>, Int) -> Int

    /// Whether the Q8_0 and Q4_0 quantizers run CQuantize's AVX2 block loops (x86-64 with AVX2 and
    /// F16C); otherwise the Swift block kernels below. Both give the same bytes (tested).
    static let useAVX2 = QuantizationKernels.Implementation.fastest == .avx2
    private typealias DequantizeKernel = (UnsafePointer<UInt8>, UnsafeMutablePointer<Float>) -> Void

    @inline(__always)
    private static func quantize(
        _ x: UnsafeBufferPointer<Float>,
        blockBytes: Int,
        name: String,
        kernel: QuantizeKernel,
        vectorKernel: VectorQuantizeKernel? = nil
    ) throws -> (bytes: [UInt8], finite: Bool) {
        let n = x.count
        guard n % blockValues == 0 else {
            throw FormatError("\(name) row length must be a multiple of \(blockValues), got \(n)")
        }
        let blocks = n / blockValues
        guard blocks > 0, let src = x.baseAddress else { return ([], true) }
        var finite = true
        let bytes = [UInt8](unsafeUninitializedCapacity: blocks * blockBytes) { out, initialized in
            guard let dst = out.baseAddress else { return }
            Memory.adviseHugePages(UnsafeMutableRawPointer(dst), byteCount: blocks * blockBytes)
            // Blocks are independent; element chunks are multiples of 32, so they hold whole blocks.
            // The vector kernels take every block of finite values with a normal (or zero) scale;
            // the rest, and every block without them, go through the Swift kernels.
            finite = Parallel.allChunks(count: n) { range in
                var b = range.lowerBound / blockValues
                let end = range.upperBound / blockValues
                var chunkFinite = true
                while b < end {
                    if let vectorKernel {
                        b += vectorKernel(src + b * blockValues, dst + b * blockBytes, end - b)
                        guard b < end else { break }
                    }
                    chunkFinite = chunkFinite && maxMagnitudeBits(src + b * blockValues) < 0x7F80_0000
                    kernel(src + b * blockValues, dst + b * blockBytes)
                    b += 1
                }
                return chunkFinite
            }
            initialized = blocks * blockBytes
        }
        return (bytes, finite)
    }

    @inline(__always)
    private static func dequantize(
        _ bytes: UnsafeBufferPointer<UInt8>,
        count: Int,
        blockBytes: Int,
        name: String,
        kernel: DequantizeKernel
    ) throws -> [Float] {
        guard count >= 0, count % blockValues == 0 else {
            throw FormatError("\(name) value count must be a non-negative multiple of \(blockValues), got \(count)")
        }
        let blocks = count / blockValues
        let (needed, overflow) = blocks.multipliedReportingOverflow(by: blockBytes)
        guard !overflow, bytes.count == needed else {
            throw FormatError(
                "\(name) needs \(blocks) blocks of \(blockBytes) bytes for \(count) values, got \(bytes.count) bytes"
            )
        }
        guard blocks > 0, let src = bytes.baseAddress else { return [] }
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            guard let dst = out.baseAddress else { return }
            Memory.adviseHugePages(UnsafeMutableRawPointer(dst), byteCount: count * MemoryLayout<Float>.stride)
            Parallel.forEachChunk(count: count) { range in
                for b in (range.lowerBound / blockValues)..<(range.upperBound / blockValues) {
                    kernel(src + b * blockBytes, dst + b * blockValues)
                }
            }
            initialized = count
        }
    }

    // MARK: - Block kernels

    /// C's `(int8_t)v` for a float as compiled for x86-64: truncate through `cvttss2si` (NaN and
    /// values outside `Int32` give `Int32.min`) and keep the low byte.
    @inline(__always)
    static func cInt8(_ v: Float) -> Int8 {
        guard v >= -2_147_483_648.0, v < 2_147_483_648.0 else { return 0 }
        return Int8(truncatingIfNeeded: Int32(v))
    }

    /// C's `(int8_t)roundf(v)` on x86-64: round half away from zero, then ``cInt8(_:)``.
    @inline(__always)
    static func cInt8RoundingAway(_ v: Float) -> Int8 {
        guard v >= -2_147_483_648.0, v < 2_147_483_648.0 else { return 0 }
        // Floats of magnitude >= 2^23 are integers, so the fraction below is then exactly 0.
        var i = Int32(v)
        let fraction = v - Float(i)  // exact
        i &+= fraction >= 0.5 ? 1 : (fraction <= -0.5 ? -1 : 0)
        return Int8(truncatingIfNeeded: i)
    }

    @inline(__always)
    static func storeHalf(_ bits: UInt16, _ p: UnsafeMutablePointer<UInt8>) {
        p[0] = UInt8(truncatingIfNeeded: bits)
        p[1] = UInt8(truncatingIfNeeded: bits >> 8)
    }

    @inline(__always)
    static func loadHalf(_ p: UnsafePointer<UInt8>) -> Float {
        Half.float(fromFloat16Bits: UInt16(p[0]) | UInt16(p[1]) << 8)
    }

    /// `uint8_t xi = MIN(15, (int8_t)v)`, including C's wrap of a negative `int8_t` into `uint8_t`.
    @inline(__always)
    static func nibble(_ v: Float) -> UInt8 {
        let i = cInt8(v)
        return UInt8(bitPattern: i < 15 ? i : 15)
    }

    // The public quantizers run a vectorised fast path for blocks whose data are finite (no NaN,
    // no infinity) and whose scale `d` is zero or a normal float. Then every product is bounded
    // (|x * id| <= 127 * (1 + 2^-22) for Q8_0, 8.5 + 8 * (1 + 2^-22) for Q4_0 etc.), so the C casts
    // are plain truncations of small positive values and the fast path equals the reference path.
    // Every other block takes the scalar `...Reference` path, a line-by-line transcription of C.

    /// True if a scale `d` lets the fast path run: zero or normal (then `1/d` is finite and exact to
    /// half an ulp).
    @inline(__always)
    static func isFastScale(_ d: Float) -> Bool {
        d == 0 || (abs(d) >= Float.leastNormalMagnitude && abs(d) <= Float.greatestFiniteMagnitude)
    }

    /// Largest `|x|` bit pattern of a block, as an integer maximum (vectorisable). For non-negative
    /// floats the bit patterns order like the values; a result >= 0x7F800000 means inf or NaN.
    @inline(__always)
    static func maxMagnitudeBits(_ x: UnsafePointer<Float>) -> UInt32 {
        var m: UInt32 = 0
        for j in 0..<32 {
            let b = x[j].bitPattern & 0x7FFF_FFFF
            m = b > m ? b : m
        }
        return m
    }

    /// Total-order integer key of a float's bits (-NaN < -inf < ... < -0 < +0 < ... < +inf < +NaN).
    @inline(__always)
    static func orderKey(_ x: Float) -> Int32 {
        let b = Int32(bitPattern: x.bitPattern)
        return b ^ ((b &>> 31) & 0x7FFF_FFFF)
    }

    /// The float whose ``orderKey(_:)`` is `k`.
    @inline(__always)
    static func fromOrderKey(_ k: Int32) -> Float {
        Float(bitPattern: UInt32(bitPattern: k ^ ((k &>> 31) & 0x7FFF_FFFF)))
    }

    /// `floor(v)` for `0 <= v < 2^22`, without a float-to-int conversion: the FPU rounds `v + 2^23`
    /// to an integer, whose low mantissa bits are that integer; one is taken back if it rounded up.
    @inline(__always)
    static func floorSmall(_ v: Float) -> Int32 {
        let s = v + 0x1p23
        let q = Int32(bitPattern: s.bitPattern) &- 0x4B00_0000
        return q &- (s - 0x1p23 > v ? 1 : 0)
    }

    /// `roundf(v)` (half away from zero) as an integer, for `|v| < 2^22`.
    @inline(__always)
    static func roundAwaySmall(_ v: Float) -> Int32 {
        let a = abs(v)
        let s = a + 0x1p23  // nearest integer, ties to even...
        var q = Int32(bitPattern: s.bitPattern) &- 0x4B00_0000
        q &+= a - (s - 0x1p23) == 0.5 ? 1 : 0  // ...and ties pushed up (away from zero)
        let negative = Int32(bitPattern: v.bitPattern) &>> 31
        return (q ^ negative) &- negative
    }

    static func quantizeBlockQ8_0(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<UInt8>) {
        let amaxBits = maxMagnitudeBits(x)
        let amax = Float(bitPattern: amaxBits)
        let d = amax / 127
        guard amaxBits < 0x7F80_0000, isFastScale(d) else {
            quantizeBlockQ8_0Reference(x, y)
            return
        }
        let id: Float = d != 0 ? 1 / d : 0
        storeHalf(fp16Bits(d), y)
        for j in 0..<32 {
            y[2 + j] = UInt8(truncatingIfNeeded: roundAwaySmall(x[j] * id))
        }
    }

    static func quantizeBlockQ4_0(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<UInt8>) {
        let amaxBits = maxMagnitudeBits(x)
        guard amaxBits < 0x7F80_0000 else {
            quantizeBlockQ4_0Reference(x, y)
            return
        }
        // C keeps the first value of largest magnitude (strict `<`), and 0.0 if all are zero.
        var max: Float = 0
        if amaxBits != 0 {
            var j = 0
            while j < 31 && x[j].bitPattern & 0x7FFF_FFFF != amaxBits { j += 1 }
            max = x[j]
        }
        let d = max / -8
        guard isFastScale(d) else {
            quantizeBlockQ4_0Reference(x, y)
            return
        }
        let id: Float = d != 0 ? 1 / d : 0
        storeHalf(fp16Bits(d), y)
        for j in 0..<16 {
            let xi0 = Swift.min(floorSmall(x[j] * id + 8.5), 15)
            let xi1 = Swift.min(floorSmall(x[16 + j] * id + 8.5), 15)
            y[2 + j] = UInt8(truncatingIfNeeded: xi0 | xi1 << 4)
        }
    }

    static func quantizeBlockQ4_1(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<UInt8>) {
        var minKey = Int32.max
        var maxKey = Int32.min
        for j in 0..<32 {
            let k = orderKey(x[j])
            minKey = k < minKey ? k : minKey
            maxKey = k > maxKey ? k : maxKey
        }
        // Any NaN or inf lies beyond the keys of +-greatestFiniteMagnitude.
        guard maxKey < 0x7F80_0000, minKey > orderKey(-Float.infinity) else {
            quantizeBlockQ4_1Reference(x, y)
            return
        }
        var min = fromOrderKey(minKey)
        var max = fromOrderKey(maxKey)
        // C keeps the first of equal values (strict comparisons); only zeros differ in bits.
        if min == 0 || max == 0 {
            var j = 0
            while j < 31 && x[j] != 0 { j += 1 }
            if min == 0 { min = x[j] }
            if max == 0 { max = x[j] }
        }
        let d = (max - min) / 15
        guard isFastScale(d) else {
            quantizeBlockQ4_1Reference(x, y)
            return
        }
        let id: Float = d != 0 ? 1 / d : 0
        storeHalf(fp16Bits(d), y)
        storeHalf(fp16Bits(min), y + 2)
        for j in 0..<16 {
            let xi0 = Swift.min(floorSmall((x[j] - min) * id + 0.5), 15)
            let xi1 = Swift.min(floorSmall((x[16 + j] - min) * id + 0.5), 15)
            y[4 + j] = UInt8(truncatingIfNeeded: xi0 | xi1 << 4)
        }
    }

    // MARK: - Scalar reference kernels (line-by-line C)

    static func quantizeBlockQ8_0Reference(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<UInt8>) {
        var amax: Float = 0
        for j in 0..<32 {
            let a = abs(x[j])
            amax = amax > a ? amax : a  // MAX(amax, fabsf(v))
        }
        let d = amax / 127
        let id: Float = d != 0 ? 1 / d : 0
        storeHalf(fp16Bits(d), y)
        for j in 0..<32 {
            let x0 = x[j] * id
            y[2 + j] = UInt8(bitPattern: cInt8RoundingAway(x0))
        }
    }

    static func quantizeBlockQ4_0Reference(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<UInt8>) {
        var amax: Float = 0
        var max: Float = 0
        for j in 0..<32 {
            let v = x[j]
            if amax < abs(v) {
                amax = abs(v)
                max = v
            }
        }
        let d = max / -8
        let id: Float = d != 0 ? 1 / d : 0
        storeHalf(fp16Bits(d), y)
        for j in 0..<16 {
            let x0 = x[j] * id
            let x1 = x[16 + j] * id
            let xi0 = nibble(x0 + 8.5)
            let xi1 = nibble(x1 + 8.5)
            y[2 + j] = xi0 | xi1 << 4
        }
    }

    static func quantizeBlockQ4_1Reference(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<UInt8>) {
        var min = Float.greatestFiniteMagnitude
        var max = -Float.greatestFiniteMagnitude
        for j in 0..<32 {
            let v = x[j]
            if v < min { min = v }
            if v > max { max = v }
        }
        let d = (max - min) / 15
        let id: Float = d != 0 ? 1 / d : 0
        storeHalf(fp16Bits(d), y)
        storeHalf(fp16Bits(min), y + 2)
        for j in 0..<16 {
            let x0 = (x[j] - min) * id
            let x1 = (x[16 + j] - min) * id
            let xi0 = nibble(x0 + 0.5)
            let xi1 = nibble(x1 + 0.5)
            y[4 + j] = xi0 | xi1 << 4
        }
    }

    static func dequantizeBlockQ8_0(_ x: UnsafePointer<UInt8>, _ y: UnsafeMutablePointer<Float>) {
        let d = loadHalf(x)
        for j in 0..<32 {
            y[j] = Float(Int8(bitPattern: x[2 + j])) * d
        }
    }

    static func dequantizeBlockQ4_0(_ x: UnsafePointer<UInt8>, _ y: UnsafeMutablePointer<Float>) {
        let d = loadHalf(x)
        for j in 0..<16 {
            let q = x[2 + j]
            y[j] = Float(Int32(q & 0x0F) - 8) * d
            y[16 + j] = Float(Int32(q >> 4) - 8) * d
        }
    }

    static func dequantizeBlockQ4_1(_ x: UnsafePointer<UInt8>, _ y: UnsafeMutablePointer<Float>) {
        let d = loadHalf(x)
        let m = loadHalf(x + 2)
        for j in 0..<16 {
            let q = x[4 + j]
            y[j] = Float(q & 0x0F) * d + m
            y[16 + j] = Float(q >> 4) * d + m
        }
    }
}
