/// 4-bit NormalFloat (NF4) block-wise quantization as in QLoRA / bitsandbytes.
///
/// Reproduces bitsandbytes' CPU reference (`bitsandbytes.functional.quantize_4bit(quant_type="nf4")`,
/// default backend, verified bit for bit against bitsandbytes 0.50.2):
///
/// - `absmax` of each full block is `max |x|` (NaN if the block holds a NaN), stored as `Float`;
/// - each element is scaled by multiplying with the reciprocal `1 / max(absmax, 1e-38)` (a block of
///   zeros therefore scales to 0, not NaN); a trailing partial block is divided by its
///   `max(absmax, 1e-38)` instead, and that clamped value is what is stored for it;
/// - the scaled value picks the code whose value is nearest, by comparing against the 15 float32
///   midpoints between consecutive ``values`` (identical, bit for bit, to the constants of the CUDA
///   kernel `dQuantizeNF4`); a value exactly on a midpoint goes to the lower code, as in both
///   `dQuantizeNF4` (`x > t`) and `torch.bucketize`;
/// - a NaN scaled value gets code 15 (`torch.bucketize` puts NaN last).
///
/// On finite blocks with absmax >= 1e-38 this equals the CUDA kernel (`kQuantizeBlockwise` with
/// `dQuantizeNF4`: `x * (1 / absmax)`, then the comparison tree). The kernel differs only in degenerate
/// cases: it ignores NaN in absmax, does not clamp absmax (a zero block scales to NaN, code 0) and
/// gives code 0 to NaN.
///
/// Dequantization is `values[code] * absmax[block]`.
public enum NF4 {
    /// The 16 NF4 code values (index = 4-bit code), exactly the float32 table of bitsandbytes
    /// (`get_4bit_type("nf4")`, CUDA `nf4_dequantization_lut`).
    public static let values: [Float] = [
        -1.0,
        -0.6961928009986877,
        -0.5250730514526367,
        -0.39491748809814453,
        -0.28444138169288635,
        -0.18477343022823334,
        -0.09105003625154495,
        0.0,
        0.07958029955625534,
        0.16093020141124725,
        0.24611230194568634,
        0.33791524171829224,
        0.44070982933044434,
        0.5626170039176941,
        0.7229568362236023,
        1.0,
    ]

    /// The 15 decision thresholds (float32 midpoints between consecutive ``values``), ascending;
    /// a scaled value `v` gets code `i` where `i` is the number of thresholds `t` with `v > t`.
    ///
    /// Written as exact hexadecimal floats: the CUDA kernel's decimal constants (in the comments) sit
    /// next to float32 rounding ties, and Swift's decimal literals round through `Float80` first,
    /// which would move four of them by one ulp.
    public static let thresholds: [Float] = [
        -0x1.b239b0p-1,  // -0.8480964004993439
        -0x1.38a4e0p-1,  // -0.6106329262256622
        -0x1.d70900p-2,  // -0.4599952697753906
        -0x1.5bd4ecp-2,  // -0.33967943489551544
        -0x1.e079d8p-3,  // -0.23460740596055984
        -0x1.1a7178p-3,  // -0.13791173323988914
        -0x1.74f0e2p-5,  // -0.045525018125772476
        0x1.45f5fep-5,  // 0.03979014977812767
        0x1.ec90c4p-4,  // 0.1202552504837513
        0x1.a0cfc0p-3,  // 0.2035212516784668
        0x1.2b05a8p-2,  // 0.2920137718319893
        0x1.8ea7f2p-2,  // 0.3893125355243683
        0x1.00da08p-1,  // 0.5016634166240692
        0x1.491b5ep-1,  // 0.6427869200706482
        0x1.b913b4p-1,  // 0.8614784181118011
    ]

    /// The smallest absmax used for scaling (bitsandbytes' `absmax.clamp(min=1e-38)`).
    public static var minimumScale: Float { Float(bitPattern: 0x006C_E3EE) }  // 1e-38, a subnormal

    /// The 4-bit code of an already scaled value `v` (nearest code value; ties go to the lower code;
    /// NaN gives 15).
    @inlinable @inline(__always)
    public static func code(ofScaled v: Float) -> UInt8 {
        // Compare against all thresholds at once (the 16th lane is NaN and never counts); start at
        // 15 and add -1 for each threshold that v does not exceed. NaN stays 15.
        let t = SIMD16<Float>(
            -0x1.b239b0p-1, -0x1.38a4e0p-1, -0x1.d70900p-2, -0x1.5bd4ecp-2, -0x1.e079d8p-3,
            -0x1.1a7178p-3, -0x1.74f0e2p-5, 0x1.45f5fep-5, 0x1.ec90c4p-4, 0x1.a0cfc0p-3,
            0x1.2b05a8p-2, 0x1.8ea7f2p-2, 0x1.00da08p-1, 0x1.491b5ep-1, 0x1.b913b4p-1, .nan
        )
        let mask = unsafeBitCast(SIMD16<Float>(repeating: v) .<= t, to: SIMD16<Int32>.self)
        return UInt8(truncatingIfNeeded: 15 &+ mask.wrappedSum())
    }

    /// ``code(ofScaled:)`` for eight values at once (SIMD compare-and-count).
    @inlinable @inline(__always)
    static func codes8(ofScaled v: SIMD8<Float>) -> SIMD8<UInt8> {
        // Start at 15 and add the all-ones mask (-1) for each threshold that v does not exceed;
        // NaN lanes compare false everywhere and stay 15.
        var c = SIMD8<Int32>(repeating: 15)
        @inline(__always) func step(_ t: Float) {
            c &+= unsafeBitCast(v .<= SIMD8<Float>(repeating: t), to: SIMD8<Int32>.self)
        }
        step(-0x1.b239b0p-1)
        step(-0x1.38a4e0p-1)
        step(-0x1.d70900p-2)
        step(-0x1.5bd4ecp-2)
        step(-0x1.e079d8p-3)
        step(-0x1.1a7178p-3)
        step(-0x1.74f0e2p-5)
        step(0x1.45f5fep-5)
        step(0x1.ec90c4p-4)
        step(0x1.a0cfc0p-3)
        step(0x1.2b05a8p-2)
        step(0x1.8ea7f2p-2)
        step(0x1.00da08p-1)
        step(0x1.491b5ep-1)
        step(0x1.b913b4p-1)
        return SIMD8<UInt8>(truncatingIfNeeded: c)
    }

    /// Quantizes `x` block-wise: one unpacked 4-bit code (0...15) per element and one absmax per
    /// block of `blockSize` elements (the last block may be shorter).
    ///
    /// - Throws: ``FormatError`` if `blockSize < 1`.
    public static func quantize(
        _ x: UnsafeBufferPointer<Float>,
        blockSize: Int = 64
    ) throws -> (codes: [UInt8], absmax: [Float]) {
        guard blockSize >= 1 else { throw FormatError("NF4 block size must be positive, got \(blockSize)") }
        let n = x.count
        guard n > 0, let src = x.baseAddress else { return ([], []) }
        let blockCount = n / blockSize + (n % blockSize == 0 ? 0 : 1)
        var absmax = [Float](repeating: 0, count: blockCount)
        let codes = [UInt8](unsafeUninitializedCapacity: n) { out, initialized in
            guard let dst = out.baseAddress else { return }
            absmax.withUnsafeMutableBufferPointer { scales in
                for block in 0..<blockCount {
                    let start = block * blockSize
                    let len = Swift.min(blockSize, n - start)
                    scales[block] = quantizeBlock(
                        src + start, dst + start, len, isTail: len < blockSize
                    )
                }
            }
            initialized = n
        }
        return (codes, absmax)
    }

    /// Quantizes one block; returns the absmax to store for it.
    @usableFromInline
    static func quantizeBlock(
        _ src: UnsafePointer<Float>,
        _ dst: UnsafeMutablePointer<UInt8>,
        _ len: Int,
        isTail: Bool
    ) -> Float {
        // max |x| with four independent chains (exact for NaN-free data: max is order-independent),
        // plus a separate NaN flag, since torch's max propagates NaN.
        var m0: Float = 0, m1: Float = 0, m2: Float = 0, m3: Float = 0
        var nanFlag: UInt32 = 0
        var j = 0
        while j + 4 <= len {
            let a0 = abs(src[j]), a1 = abs(src[j + 1]), a2 = abs(src[j + 2]), a3 = abs(src[j + 3])
            m0 = a0 > m0 ? a0 : m0
            m1 = a1 > m1 ? a1 : m1
            m2 = a2 > m2 ? a2 : m2
            m3 = a3 > m3 ? a3 : m3
            nanFlag |= (a0.bitPattern > 0x7F80_0000 ? 1 : 0) | (a1.bitPattern > 0x7F80_0000 ? 1 : 0)
            nanFlag |= (a2.bitPattern > 0x7F80_0000 ? 1 : 0) | (a3.bitPattern > 0x7F80_0000 ? 1 : 0)
            j += 4
        }
        while j < len {
            let a = abs(src[j])
            m0 = a > m0 ? a : m0
            nanFlag |= a.bitPattern > 0x7F80_0000 ? 1 : 0
            j += 1
        }
        m0 = m1 > m0 ? m1 : m0
        m2 = m3 > m2 ? m3 : m2
        var amax = m2 > m0 ? m2 : m0
        if nanFlag != 0 { amax = .nan }
        // torch.clamp(min=1e-38) keeps NaN.
        let floor = Float(bitPattern: 0x006C_E3EE)  // 1e-38
        let scale = amax < floor ? floor : amax
        if isTail {
            for j in 0..<len { dst[j] = code(ofScaled: src[j] / scale) }
            return scale
        }
        let inverse = 1 / scale
        var k = 0
        let inv8 = SIMD8<Float>(repeating: inverse)
        while k + 8 <= len {
            let v = UnsafeRawPointer(src + k).loadUnaligned(as: SIMD8<Float>.self) * inv8
            let c = codes8(ofScaled: v)
            UnsafeMutableRawPointer(dst + k).storeBytes(of: c, as: SIMD8<UInt8>.self)
            k += 8
        }
        while k < len {
            dst[k] = code(ofScaled: src[k] * inverse)
            k += 1
        }
        return amax
    }

    /// Dequantizes unpacked codes: element `i` is `values[codes[i] & 15] * absmax[i / blockSize]`.
    ///
    /// - Throws: ``FormatError`` if `blockSize < 1`, `count < 0`, `codes.count < count` or
    ///   `absmax` has fewer than `ceil(count / blockSize)` entries.
    public static func dequantize(codes: [UInt8], absmax: [Float], blockSize: Int = 64, count: Int) throws -> [Float] {
        guard blockSize >= 1 else { throw FormatError("NF4 block size must be positive, got \(blockSize)") }
        guard count >= 0, codes.count >= count else {
            throw FormatError("NF4 dequantize needs \(count) codes, got \(codes.count)")
        }
        let blockCount = count / blockSize + (count % blockSize == 0 ? 0 : 1)
        guard absmax.count >= blockCount else {
            throw FormatError("NF4 dequantize needs \(blockCount) absmax values, got \(absmax.count)")
        }
        return codes.withUnsafeBufferPointer { c in
            absmax.withUnsafeBufferPointer { s in
                values.withUnsafeBufferPointer { table in
                    [Float](unsafeUninitializedCapacity: count) { out, initialized in
                        for block in 0..<blockCount {
                            let start = block * blockSize
                            let end = Swift.min(start + blockSize, count)
                            let scale = s[block]
                            for i in start..<end {
                                out[i] = table[Int(c[i] & 0x0F)] * scale
                            }
                        }
                        initialized = count
                    }
                }
            }
        }
    }

    /// Packs unpacked 4-bit codes two per byte, high nibble first (bitsandbytes layout:
    /// `byte[i] = codes[2i] << 4 | codes[2i + 1]`). An odd count is padded with code 7 (0.0), the
    /// code bitsandbytes gives its zero padding.
    public static func pack(_ codes: [UInt8]) -> [UInt8] {
        let n = codes.count
        let packedCount = (n + 1) / 2
        return codes.withUnsafeBufferPointer { c in
            [UInt8](unsafeUninitializedCapacity: packedCount) { out, initialized in
                for i in 0..<(n / 2) {
                    out[i] = (c[2 * i] & 0x0F) << 4 | (c[2 * i + 1] & 0x0F)
                }
                if n % 2 == 1 {
                    out[packedCount - 1] = (c[n - 1] & 0x0F) << 4 | 0x07
                }
                initialized = packedCount
            }
        }
    }

    /// Unpacks `count` 4-bit codes from bytes packed by ``pack(_:)`` (high nibble first).
    ///
    /// - Throws: ``FormatError`` if `count < 0` or `packed` holds fewer than `ceil(count / 2)` bytes.
    public static func unpack(_ packed: [UInt8], count: Int) throws -> [UInt8] {
        let needed = count / 2 + count % 2
        guard count >= 0, packed.count >= needed else {
            throw FormatError("NF4 unpack of \(count) codes needs \(needed) bytes, got \(packed.count)")
        }
        return packed.withUnsafeBufferPointer { p in
            [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
                for i in 0..<count {
                    let byte = p[i / 2]
                    out[i] = i % 2 == 0 ? byte >> 4 : byte & 0x0F
                }
                initialized = count
            }
        }
    }
}
