#!/usr/bin/env python3
"""Generate the integer-arithmetic fixtures for QuantEngineTests/Integer.

Run from anywhere:  python3 Tests/QuantEngineTests/Fixtures/integer_reference.py
Writes integer_reference.json next to this script. Deterministic (numpy PCG64, seed 20240611).

Needs numpy; with onnx and onnxruntime installed (pip install numpy onnx onnxruntime) it also
runs the matrix products through onnxruntime's MatMulInteger and refuses to write fixtures that
disagree with it. Exception: uint8 x int8 with full-range weights. On x86 without AVX-512 VNNI,
onnxruntime's u8s8 kernel (vpmaddubsw) saturates pairs of products to int16, so its result is not
the exact product (onnxruntime 1.32 on an AVX2 machine: 28 of 96 outputs wrong for a 6x16x16
case); those cases are checked against numpy only, and extra u8s8 cases with 7-bit weights
(|b| <= 64, where no pair can saturate) are checked against onnxruntime too.

Contents:
- matmul: 8-bit codes, zero points and shapes, with the exact product
  sum_k (a - za)(b - zb) from np.matmul of int64 copies.
- quantizeMultiplier: real multipliers (float64 bit patterns in hex) and TFLite's
  QuantizeMultiplier (quantization_util.cc) result (M0, shift).
- scaleMultipliers: Float32 scales (bit patterns) s_a, s_b, s_out and the multiplier
  double(s_a) * double(s_b) / double(s_out) that TFLite's PopulateConvolutionQuantizationParams
  computes, with its (M0, shift).
- doublingHighMul / divideByPOT: gemmlowp's SaturatingRoundingDoublingHighMul and
  RoundingDivideByPOT on edge cases (INT32_MIN * INT32_MIN, ties, negative values, exponents 0..31).
- multiplyByQuantizedMultiplier: [x, M0, shift, expected] rows of TFLite's
  MultiplyByQuantizedMultiplier (the double-rounding reference version).
- requantize: accumulators, per-channel real multipliers, output zero point and grid, and the
  expected codes clamp(MultiplyByQuantizedMultiplier(acc) + zp, qmin, qmax).

The fixed-point functions below are direct transcriptions of the C++ reference code, with C's
integer semantics spelled out (division truncating toward zero, arithmetic right shift).
"""
import json
import math
import pathlib
import struct

import numpy as np

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1


# --- gemmlowp fixedpoint.h / TFLite quantization_util.cc, transcribed -------------------------


def c_div(numerator, denominator):
    """C/C++ integer division: truncates toward zero."""
    q = abs(numerator) // abs(denominator)
    return q if (numerator >= 0) == (denominator > 0) else -q


def saturating_rounding_doubling_high_mul(a, b):
    overflow = a == b and a == INT32_MIN
    ab_64 = a * b
    nudge = (1 << 30) if ab_64 >= 0 else (1 - (1 << 30))
    ab_x2_high32 = c_div(ab_64 + nudge, 1 << 31)
    return INT32_MAX if overflow else ab_x2_high32


def rounding_divide_by_pot(x, exponent):
    assert 0 <= exponent <= 31
    mask = (1 << exponent) - 1
    remainder = x & mask  # Python's & on negative ints is two's complement, as int32 & mask
    threshold = (mask >> 1) + (1 if x < 0 else 0)
    return (x >> exponent) + (1 if remainder > threshold else 0)  # >> is arithmetic


def tflite_round(value):
    """std::round: half away from zero (exact: value = q * 2^31 is a dyadic rational)."""
    floor = math.floor(abs(value))
    rounded = floor + 1 if abs(value) - floor >= 0.5 else floor
    return rounded if value >= 0 else -rounded


def quantize_multiplier(double_multiplier):
    if double_multiplier == 0.0:
        return 0, 0
    q, shift = math.frexp(double_multiplier)
    q_fixed = int(tflite_round(q * (1 << 31)))
    assert q_fixed <= (1 << 31)
    if q_fixed == (1 << 31):
        q_fixed //= 2
        shift += 1
    assert q_fixed <= INT32_MAX
    if shift < -31:
        shift = 0
        q_fixed = 0
    return q_fixed, shift


def multiply_by_quantized_multiplier(x, quantized_multiplier, shift):
    left_shift = shift if shift > 0 else 0
    right_shift = 0 if shift > 0 else -shift
    shifted = x * (1 << left_shift)
    assert INT32_MIN <= shifted <= INT32_MAX, "overflow is undefined behaviour in TFLite"
    return rounding_divide_by_pot(saturating_rounding_doubling_high_mul(shifted, quantized_multiplier), right_shift)


# --- helpers ----------------------------------------------------------------------------------


def double_hex(value):
    return struct.pack(">d", value).hex()


def float_bits(value):
    return int(np.asarray(value, dtype=np.float32).view(np.uint32))


def grid(bits, signed):
    return (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2**bits - 1)


def onnxruntime_matmul_integer(a, b, za, zb):
    """MatMulInteger through onnxruntime, or None when it is not installed."""
    try:
        import onnxruntime as ort
        from onnx import TensorProto, helper, numpy_helper
    except ImportError:
        return None
    types = {np.dtype(np.int8): TensorProto.INT8, np.dtype(np.uint8): TensorProto.UINT8}
    inputs = [
        helper.make_tensor_value_info("A", types[a.dtype], list(a.shape)),
        helper.make_tensor_value_info("B", types[b.dtype], list(b.shape)),
    ]
    initializers = [
        numpy_helper.from_array(np.array(za, dtype=a.dtype), "a_zero_point"),
        numpy_helper.from_array(np.asarray(zb, dtype=b.dtype), "b_zero_point"),
    ]
    node = helper.make_node("MatMulInteger", ["A", "B", "a_zero_point", "b_zero_point"], ["Y"])
    output = helper.make_tensor_value_info("Y", TensorProto.INT32, [a.shape[0], b.shape[1]])
    graph = helper.make_graph([node], "matmul_integer", inputs, [output], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {"A": a, "B": b})[0]


# --- fixtures ---------------------------------------------------------------------------------


def matmul_cases(rng):
    # (M, K, N, a signed, a zero point, b signed, b zero points: "zero" | "tensor" | "column",
    #  b range: "full" | "7bit")
    specs = [
        (1, 1, 1, False, 7, True, "zero", "full"),
        (3, 5, 4, False, 128, True, "zero", "full"),
        (6, 16, 16, False, 0, True, "zero", "full"),
        (7, 13, 17, False, 255, True, "zero", "full"),
        (2, 520, 3, False, 113, True, "zero", "full"),
        (6, 16, 16, False, 0, True, "zero", "7bit"),
        (7, 13, 17, False, 131, True, "zero", "7bit"),
        (13, 21, 19, True, -5, True, "zero", "full"),
        (5, 40, 3, True, -128, True, "column", "full"),
        (4, 19, 21, False, 90, False, "tensor", "full"),
        (2, 515, 2, True, 17, False, "column", "full"),
    ]
    cases = []
    verified = 0
    for m, k, n, a_signed, za, b_signed, b_zero, b_range in specs:
        a_lo, a_hi = grid(8, a_signed)
        b_lo, b_hi = grid(8, b_signed) if b_range == "full" else (-64, 63)
        a = rng.integers(a_lo, a_hi + 1, size=(m, k)).astype(np.int8 if a_signed else np.uint8)
        b = rng.integers(b_lo, b_hi + 1, size=(k, n)).astype(np.int8 if b_signed else np.uint8)
        if b_zero == "zero":
            zb = np.zeros(n, dtype=np.int64)
        elif b_zero == "tensor":
            zb = np.full(n, int(rng.integers(b_lo, b_hi + 1)), dtype=np.int64)
        else:
            zb = rng.integers(b_lo, b_hi + 1, size=n).astype(np.int64)
        expected = np.matmul(a.astype(np.int64) - za, b.astype(np.int64) - zb[None, :])
        assert np.abs(expected).max() <= INT32_MAX
        saturates = not a_signed and b_signed and b_range == "full"
        ort = None if saturates else onnxruntime_matmul_integer(a, b, za, zb if b_zero == "column" else zb[0])
        if ort is not None:
            assert ort.dtype == np.int32 and np.array_equal(ort.astype(np.int64), expected), (m, k, n)
            verified += 1
        cases.append(
            {
                "m": m, "k": k, "n": n,
                "aSigned": a_signed, "aZeroPoint": za, "a": a.ravel().tolist(),
                "bSigned": b_signed, "bPerColumn": b_zero == "column",
                "bZeroPoints": zb.tolist() if b_zero == "column" else [int(zb[0])], "b": b.ravel().tolist(),
                "expected": expected.ravel().tolist(),
            }
        )
    return cases, verified


def quantize_multiplier_cases(rng):
    reals = [
        0.0, 1.0, 0.5, 0.25, 0.75, 2.0 ** -31, 2.0 ** -32, 2.0 ** -33, 3.0 * 2.0 ** -33, 1e-10, 1e-9,
        0.1, 0.3, 1.0 / 3.0, 0.9999999999, 0.99999999999, 1.5, 2.5, 1000.0, 2.0 ** 29, 1.7 * 2.0 ** 29,
        # q * 2^31 exactly halfway between two integers: rounds away from zero.
        (2**30 + 0.5) / 2**31, (2**31 - 0.5) / 2**31, (2**31 - 0.5) / 2**40, (2**30 + 1.5) / 2**35,
    ]
    reals += [float(v) for v in rng.uniform(0, 1, size=12)]
    reals += [float(v) for v in np.exp(rng.uniform(np.log(1e-8), np.log(4.0), size=12))]
    cases = []
    for real in reals:
        m0, shift = quantize_multiplier(real)
        cases.append({"real": double_hex(real), "multiplier": m0, "shift": shift})
    return cases


def scale_multiplier_cases(rng):
    cases = []
    for _ in range(16):
        sa, sb, sy = (np.float32(v) for v in np.exp(rng.uniform(np.log(1e-4), np.log(0.2), size=3)))
        real = float(np.float64(sa) * np.float64(sb) / np.float64(sy))
        m0, shift = quantize_multiplier(real)
        cases.append(
            {"inputScale": float_bits(sa), "weightScale": float_bits(sb), "outputScale": float_bits(sy),
             "real": double_hex(real), "multiplier": m0, "shift": shift}
        )
    return cases


def doubling_high_mul_cases(rng):
    special = [INT32_MIN, INT32_MIN + 1, -(2**30), -3, -2, -1, 0, 1, 2, 3, 2**30, 2**30 + 1, INT32_MAX - 1, INT32_MAX]
    pairs = [(a, b) for a in special for b in special]
    # products whose doubled high half is exactly a tie (a·b = ±(2k + 1)·2^30)
    pairs += [(3 * 2**15, 2**15), (-(3 * 2**15), 2**15), (2**30, 1), (2**30, -1), (5, 2**30), (-5, 2**30)]
    pairs += [(int(a), int(b)) for a, b in rng.integers(INT32_MIN, INT32_MAX + 1, size=(24, 2))]
    return [[a, b, saturating_rounding_doubling_high_mul(a, b)] for a, b in pairs]


def divide_by_pot_cases(rng):
    rows = []
    for exponent in range(32):
        half = 1 << exponent >> 1
        xs = {0, 1, -1, 2, -2, 3, -3, INT32_MIN, INT32_MAX, INT32_MIN + 1, INT32_MAX - 1}
        if exponent > 0:
            for k in (0, 1, 2, 5):  # ties: x = (2k + 1) · 2^(exponent − 1)
                tie = (2 * k + 1) * half
                for x in (tie, -tie, tie - 1, tie + 1, -tie - 1, -tie + 1):
                    if INT32_MIN <= x <= INT32_MAX:
                        xs.add(x)
        xs.add(int(rng.integers(INT32_MIN, INT32_MAX + 1)))
        rows += [[x, exponent, rounding_divide_by_pot(x, exponent)] for x in sorted(xs)]
    return rows


def multiply_cases(rng):
    multipliers = [2**30, 2**30 + 1, 1518500250, 2**31 - 1]
    rows = []
    for shift in range(-31, 1):
        for m0 in multipliers:
            xs = [0, 1, -1, INT32_MAX, INT32_MIN, 2 ** max(-shift - 1, 0), -(2 ** max(-shift - 1, 0))]
            xs += [int(rng.integers(-(2**24), 2**24))]
            rows += [[x, m0, shift, multiply_by_quantized_multiplier(x, m0, shift)] for x in xs]
    for shift in range(1, 4):  # left shifts, on values that do not overflow
        for m0 in multipliers[:3]:
            for x in (0, 1, -1, 12345, -12345, INT32_MAX >> shift, INT32_MIN >> shift):
                rows.append([x, m0, shift, multiply_by_quantized_multiplier(x, m0, shift)])
    return rows


def requantize_cases(rng):
    cases = []
    for bits, signed, zp, channels, per_channel in [
        (8, True, -3, 4, True), (8, False, 128, 3, False), (8, True, 0, 5, True), (8, False, 0, 2, True),
        (4, True, 1, 3, True),
    ]:
        qmin, qmax = grid(bits, signed)
        reals = [float(v) for v in np.exp(rng.uniform(np.log(1e-5), np.log(0.02), size=channels if per_channel else 1))]
        rows = 6
        acc = rng.integers(-(2**20), 2**20, size=(rows, channels))
        acc[0, :] = 0
        acc[1, 0] = INT32_MAX
        acc[1, -1] = INT32_MIN
        fixed = [quantize_multiplier(r) for r in reals]
        expected = []
        for row in acc.tolist():
            for c, value in enumerate(row):
                m0, shift = fixed[c if per_channel else 0]
                expected.append(min(max(multiply_by_quantized_multiplier(value, m0, shift) + zp, qmin), qmax))
        cases.append(
            {"bits": bits, "signed": signed, "zeroPoint": zp, "shape": [rows, channels],
             "multipliers": [double_hex(r) for r in reals], "accumulators": acc.ravel().tolist(),
             "expected": expected}
        )
    return cases


def main():
    rng = np.random.default_rng(20240611)
    matmul, verified = matmul_cases(rng)
    fixtures = {
        "onnxruntimeVerifiedMatmuls": verified,
        "matmul": matmul,
        "quantizeMultiplier": quantize_multiplier_cases(rng),
        "scaleMultipliers": scale_multiplier_cases(rng),
        "doublingHighMul": doubling_high_mul_cases(rng),
        "divideByPOT": divide_by_pot_cases(rng),
        "multiplyByQuantizedMultiplier": multiply_cases(rng),
        "requantize": requantize_cases(rng),
    }
    path = pathlib.Path(__file__).with_name("integer_reference.json")
    path.write_text(json.dumps(fixtures, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {path.name}: {path.stat().st_size} bytes; {verified} matmuls checked against onnxruntime")


if __name__ == "__main__":
    main()
