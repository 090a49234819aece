"""Generates the reference fixtures of the QuantFormats tests from the real implementations.

Generated with (Python 3.11.7, Linux x86_64):
    numpy==2.4.6  ml_dtypes==0.6.0  gguf==0.19.0  onnx==1.23.2
    bitsandbytes==0.50.2 with torch==2.15.0 (CPU only; bitsandbytes' CPU path of quantize_4bit)

Re-run from this folder:
    python3 -m venv .venv && .venv/bin/pip install ml_dtypes==0.6.0 gguf==0.19.0 numpy==2.4.6 onnx==1.23.2 \
        bitsandbytes==0.50.2 torch==2.15.0 && .venv/bin/python make_fixtures.py
(bitsandbytes/torch are optional: without them the NF4 fixtures are left as they are.)

Every output is a raw little-endian array; manifest.json lists each file's dtype and count and the
versions used. Everything is deterministic (fixed seeds), so re-running reproduces the same bytes.

What the fixtures hold:
- fp8_inputs.f32: a Float32 sweep (zeros, every fp8 value of both formats, every tie between adjacent
  fp8 values and one float32 ulp either side, the largest finite values, just over max, the rounding
  boundary above max, overflow, +-inf, NaNs with payloads, float32 subnormals, random values).
  fp8_{e4m3fn,e5m2}_{nosat,sat}.u8: ml_dtypes' cast (non-saturating) and the ONNX saturating cast
  (np.clip to +-max then the ml_dtypes cast, which is what onnx.reference's Cast does and what the ONNX
  Cast table specifies), cross-checked here against onnx.reference's Cast and QuantizeLinear.
  fp8_{e4m3fn,e5m2}_decode.f32: the 256 codes decoded by ml_dtypes.
- half_inputs.f32 with half_f16.u16 (numpy float32 -> float16) and half_bf16.u16 (ml_dtypes bfloat16);
  half_decode_codes.u16 with half_decode_f16.f32 (numpy float16 -> float32).
- ggml_rows.f32 (4 rows x 256 values) with ggml_{q8_0,q4_0,q4_1}.u8 (gguf.quants.quantize, whole
  tensor) and ggml_{q8_0,q4_0,q4_1}_deq.f32 (gguf.quants.dequantize of those bytes).
- nf4_inputs.f32 (NF4_COUNT values, block size 64, ends in a partial block and has odd length) with
  nf4_packed.u8, nf4_absmax.f32 and nf4_deq.f32 from bitsandbytes.functional.quantize_4bit /
  dequantize_4bit (quant_type="nf4"), and nf4_values.f32 (get_4bit_type("nf4")).
"""

import json
import os
import sys

import ml_dtypes
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = {}


def save(name, arr):
    arr = np.ascontiguousarray(arr)
    assert arr.dtype.byteorder in ("<", "=", "|")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(arr.tobytes())
    MANIFEST[name] = {"dtype": str(arr.dtype), "count": int(arr.size)}


def f32(bits):
    return np.array(bits, dtype=np.uint32).view(np.float32)


def ulp_neighbours(x):
    x = np.asarray(x, dtype=np.float32)
    return np.concatenate([x, np.nextafter(x, np.float32(np.inf)), np.nextafter(x, np.float32(-np.inf))])


# ---------------------------------------------------------------------------------------------------
# FP8

def fp8_sweep():
    rng = np.random.default_rng(8)
    parts = [f32([0x00000000, 0x80000000])]
    for t in (ml_dtypes.float8_e4m3fn, ml_dtypes.float8_e5m2):
        vals = np.arange(256, dtype=np.uint8).view(t).astype(np.float32)
        finite = np.unique(vals[np.isfinite(vals)])
        mids = ((finite[:-1].astype(np.float64) + finite[1:].astype(np.float64)) / 2).astype(np.float32)
        assert np.all(mids.astype(np.float64) == (finite[:-1].astype(np.float64) + finite[1:]) / 2)
        parts += [ulp_neighbours(finite), ulp_neighbours(mids)]
    special = np.array([448, 449, 460, 464, 465, 479, 480, 481, 500, 512, 1000, 57344, 57345, 60000, 61439,
                        61440, 61441, 65536, 1e5, 1e10, 3.4028235e38, np.inf], dtype=np.float32)
    parts += [ulp_neighbours(special), -ulp_neighbours(special)]
    # NaNs (both signs, quiet and signalling payloads) and float32 subnormals / tiny values
    parts.append(f32([0x7FC00000, 0xFFC00000, 0x7F800001, 0xFF800001, 0x7FA00000, 0x7FFFFFFF, 0xFFFFFFFF]))
    tiny = np.array([2.0 ** -10, 2.0 ** -17, 2.0 ** -18, 2.0 ** -30, 1e-40, 1.4e-45], dtype=np.float32)
    parts += [ulp_neighbours(tiny), -ulp_neighbours(tiny)]
    # random values over the whole fp8 range, and random bit patterns
    parts.append((rng.standard_normal(600) * np.exp2(rng.integers(-20, 17, 600))).astype(np.float32))
    parts.append(rng.integers(0, 2 ** 32, 400, dtype=np.uint64).astype(np.uint32).view(np.float32))
    return np.concatenate(parts).astype(np.float32)


def onnx_checks(x, sat_results, nosat_results):
    try:
        import onnx
        from onnx import TensorProto, helper
        from onnx.reference import ReferenceEvaluator
    except Exception as e:  # noqa: BLE001
        print("onnx unavailable, skipping ONNX cross-check:", e)
        return None
    for name, to in (("e4m3fn", TensorProto.FLOAT8E4M3FN), ("e5m2", TensorProto.FLOAT8E5M2)):
        for sat in (1, 0):
            node = helper.make_node("Cast", ["X"], ["Y"], to=to, saturate=sat)
            graph = helper.make_graph([node], "g", [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None])],
                                      [helper.make_tensor_value_info("Y", to, [None])])
            model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21)])
            y = ReferenceEvaluator(model).run(None, {"X": x})[0]
            got = np.asarray(y).view(np.uint8)
            want = (sat_results if sat else nosat_results)[name]
            assert np.array_equal(got, want), f"ONNX Cast {name} saturate={sat} differs"
        # QuantizeLinear(x, scale=1, zero_point=fp8 0), saturate=1
        node = helper.make_node("QuantizeLinear", ["X", "S", "Z"], ["Y"], saturate=1)
        zp_type = ml_dtypes.float8_e4m3fn if name == "e4m3fn" else ml_dtypes.float8_e5m2
        graph = helper.make_graph(
            [node], "g",
            [helper.make_tensor_value_info("X", TensorProto.FLOAT, [None])],
            [helper.make_tensor_value_info("Y", to, [None])],
            initializer=[helper.make_tensor("S", TensorProto.FLOAT, [], [1.0]),
                         helper.make_tensor("Z", to, [], np.zeros(1, dtype=zp_type).view(np.uint8).tolist(),
                                            raw=False)])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 21)])
        try:
            y = ReferenceEvaluator(model).run(None, {"X": x})[0]
            got = np.asarray(y).view(np.uint8)
            assert np.array_equal(got, sat_results[name]), f"ONNX QuantizeLinear {name} differs"
        except AssertionError:
            raise
        except Exception as e:  # noqa: BLE001
            print("QuantizeLinear check skipped:", e)
    return onnx.__version__


def make_fp8():
    x = fp8_sweep()
    save("fp8_inputs.f32", x)
    sat, nosat = {}, {}
    with np.errstate(all="ignore"):
        for name, t, mx in (("e4m3fn", ml_dtypes.float8_e4m3fn, 448.0), ("e5m2", ml_dtypes.float8_e5m2, 57344.0)):
            nosat[name] = x.astype(t).view(np.uint8)
            # ONNX saturate: clamp to [-max, max] (NaN stays NaN), then round to nearest even.
            sat[name] = np.clip(x, np.float32(-mx), np.float32(mx)).astype(t).view(np.uint8)
            save(f"fp8_{name}_nosat.u8", nosat[name])
            save(f"fp8_{name}_sat.u8", sat[name])
            save(f"fp8_{name}_decode.f32", np.arange(256, dtype=np.uint8).view(t).astype(np.float32))
        onnx_version = onnx_checks(x, sat, nosat)
    print("fp8:", x.size, "inputs; onnx cross-check:", onnx_version)
    return onnx_version


# ---------------------------------------------------------------------------------------------------
# fp16 / bf16

def make_half():
    rng = np.random.default_rng(16)
    codes = np.concatenate([np.arange(0, 0x40, dtype=np.uint16), np.arange(0x3F0, 0x410, dtype=np.uint16),
                            np.arange(0x7BC0, 0x7C00, dtype=np.uint16),
                            rng.integers(0, 0x7C00, 700, dtype=np.uint16)])
    v = codes.view(np.float16).astype(np.float32)
    nxt = (codes + 1).view(np.float16).astype(np.float32)
    mids = ((v.astype(np.float64) + nxt) / 2).astype(np.float32)
    parts = [ulp_neighbours(v), ulp_neighbours(mids)]
    special = np.array([0.0, 65504, 65519, 65520, 65536, 1e10, np.inf, 2.0 ** -24, 2.0 ** -25, 3 * 2.0 ** -26,
                        2.0 ** -14, 1e-40, 1.4e-45], dtype=np.float32)
    parts += [ulp_neighbours(special)]
    # bfloat16 ties: low 16 bits exactly 0x8000, and one either side
    hi = rng.integers(0, 0x10000, 500, dtype=np.uint64).astype(np.uint32) << 16
    parts += [f32(hi | 0x8000), f32(hi | 0x7FFF), f32(hi | 0x8001), f32(hi)]
    parts.append(f32([0x7F7F8000, 0x7F7FFFFF, 0x7F7F7FFF, 0x00008000, 0x00018000, 0x80008000]))
    parts.append(f32([0x7FC00000, 0xFFC00000, 0x7F800001, 0xFF802000, 0x7FA00000, 0x7FFFFFFF, 0x7FC12345]))
    parts.append(rng.integers(0, 2 ** 32, 1000, dtype=np.uint64).astype(np.uint32).view(np.float32))
    x = np.concatenate([p.astype(np.float32) for p in parts] + [-p.astype(np.float32) for p in parts[:3]])
    with np.errstate(all="ignore"):
        save("half_inputs.f32", x)
        save("half_f16.u16", x.astype(np.float16).view(np.uint16))
        save("half_bf16.u16", x.astype(ml_dtypes.bfloat16).view(np.uint16))
        dcodes = np.concatenate([np.arange(0, 0x400, 7, dtype=np.uint16), np.arange(0x7BF0, 0x7E10, dtype=np.uint16),
                                 rng.integers(0, 0x10000, 600, dtype=np.uint16), np.array([0x8000, 0xFC00, 0xFE01],
                                                                                          dtype=np.uint16)])
        save("half_decode_codes.u16", dcodes)
        save("half_decode_f16.f32", dcodes.view(np.float16).astype(np.float32))
    print("half:", x.size, "inputs")


# ---------------------------------------------------------------------------------------------------
# GGML

def ggml_rows():
    rng = np.random.default_rng(32)
    rows = np.zeros((4, 256), dtype=np.float32)
    # row 0: weight-like data
    rows[0] = (rng.standard_normal(256) * 0.02).astype(np.float32)
    # row 1: exact ties. Blocks with amax 127 (Q8_0 d = 1), max -8 (Q4_0 d = 1), min 0 / max 15 (Q4_1 d = 1)
    halves = np.arange(-7.5, 8.0, 1.0, dtype=np.float32)  # 16 values k + 0.5
    b = np.concatenate([halves, halves[::-1]])
    b[0] = -8.0
    b[31] = 127.0
    rows[1, 0:32] = b                                     # Q8_0: d = 1, ties +-0.5, +-1.5, ...
    b = np.concatenate([halves, halves[::-1] + np.float32(0.0)])
    b[5] = -8.0
    rows[1, 32:64] = b                                    # Q4_0: d = 1, x + 8.5 integral
    b = np.concatenate([np.arange(0.5, 16.0, 1.0, dtype=np.float32), np.arange(0.0, 16.0, 1.0, dtype=np.float32)])
    b[15] = 15.0
    rows[1, 64:96] = b                                    # Q4_1: min 0, max 15, d = 1
    t = np.arange(-7.5, 8.0, 1.0, dtype=np.float32)
    rows[1, 96:128] = np.concatenate([np.nextafter(t, np.float32(np.inf)), np.nextafter(t, np.float32(-np.inf))])
    rows[1, 100] = -8.0
    rows[1, 128:256] = (rng.integers(-16, 17, 128) * 0.5).astype(np.float32)  # many ties, various scales
    rows[1, 160] = 3.0
    rows[1, 161] = -3.0                                   # equal magnitudes: first one decides the sign
    rows[1, 192:224] = 0.25 * rows[1, 192:224]
    # row 2: zeros, negative zeros, a huge outlier, tiny and subnormal blocks
    rows[2, 0:32] = 0.0
    rows[2, 32:64] = -0.0
    rows[2, 64:96] = np.where(np.arange(32) % 2 == 0, -0.0, 0.0)
    rows[2, 80] = 1.0
    rows[2, 96:128] = (rng.standard_normal(32) * 0.01).astype(np.float32)
    rows[2, 110] = -1e4
    rows[2, 128:160] = (rng.standard_normal(32) * 1e-40).astype(np.float32)   # subnormal inputs
    rows[2, 160:192] = (rng.standard_normal(32) * 2.0 ** -122).astype(np.float32)  # subnormal scales
    rows[2, 192:224] = (rng.standard_normal(32) * 1e-3).astype(np.float32)
    rows[2, 192] = 0.0
    rows[2, 193] = -3.0
    rows[2, 194] = 3.0
    rows[2, 224:256] = (rng.uniform(5, 6, 32)).astype(np.float32)  # all positive (Q4_1 min > 0)
    # row 3: large magnitudes (fp16 overflow of d / m), and mixed scales
    rows[3, 0:32] = (rng.standard_normal(32) * 1e7).astype(np.float32)
    rows[3, 32:64] = (rng.uniform(-2e6, -1e6, 32)).astype(np.float32)
    rows[3, 64:96] = (rng.standard_normal(32) * 1e30).astype(np.float32)
    rows[3, 96:256] = (rng.standard_normal(160) * np.exp2(rng.integers(-30, 10, 160))).astype(np.float32)
    return rows


def make_ggml():
    import gguf  # noqa: F401
    from gguf.constants import GGMLQuantizationType as T
    from gguf import quants

    rows = ggml_rows()
    save("ggml_rows.f32", rows)
    with np.errstate(all="ignore"):
        for name, qt in (("q8_0", T.Q8_0), ("q4_0", T.Q4_0), ("q4_1", T.Q4_1)):
            q = quants.quantize(rows, qt)
            save(f"ggml_{name}.u8", q)
            save(f"ggml_{name}_deq.f32", quants.dequantize(q, qt).astype(np.float32))
    print("ggml: rows", rows.shape)


# ---------------------------------------------------------------------------------------------------
# NF4

NF4_CUDA_THRESHOLDS = np.array([  # the constants of dQuantizeNF4 in bitsandbytes' csrc/kernels.cu
    -0.8480964004993439, -0.6106329262256622, -0.4599952697753906, -0.33967943489551544,
    -0.23460740596055984, -0.13791173323988914, -0.045525018125772476, 0.03979014977812767,
    0.1202552504837513, 0.2035212516784668, 0.2920137718319893, 0.3893125355243683,
    0.5016634166240692, 0.6427869200706482, 0.8614784181118011], dtype=np.float32)


def nf4_inputs():
    rng = np.random.default_rng(4)
    blocks = [rng.standard_normal(64 * 12).astype(np.float32)]
    # values exactly on the thresholds (absmax 1 => scale 1), and one float32 ulp either side
    t = NF4_CUDA_THRESHOLDS
    b = np.concatenate([t, np.nextafter(t, np.float32(2)), np.nextafter(t, np.float32(-2)),
                        np.array([1.0, -1.0, 0.0, -0.0, 0.5, -0.5, 0.25, 0.75, -0.75, 0.1, -0.1, 0.9, -0.9, 0.3, -0.3,
                                  0.6, -0.6, 0.45, -0.45], dtype=np.float32)])
    blocks.append(b.astype(np.float32))
    # thresholds scaled by a non-power-of-two absmax (products round)
    blocks.append(np.concatenate([t * np.float32(3.7), [3.7], np.nextafter(t * np.float32(3.7), np.float32(9)),
                                  -t[:8] * np.float32(3.7), rng.standard_normal(33).astype(np.float32)])[:64])
    blocks.append(np.zeros(64, dtype=np.float32))                                   # zero block
    blocks.append((rng.standard_normal(64) * 1e-39).astype(np.float32))            # absmax < 1e-38
    blocks.append((rng.standard_normal(64) * 1e-30).astype(np.float32))
    special = rng.standard_normal(64).astype(np.float32)
    special[10] = np.nan
    blocks.append(special)                                                         # NaN block
    special = rng.standard_normal(64).astype(np.float32)
    special[3] = np.inf
    blocks.append(special)                                                         # inf block
    blocks.append((rng.standard_normal(64) * 1e30).astype(np.float32))
    blocks.append((rng.standard_normal(37) * 2).astype(np.float32))                 # tail of 37: odd count
    return np.concatenate([np.asarray(b, dtype=np.float32) for b in blocks])


def nf4_tree(v):
    """dQuantizeNF4 of the CUDA kernel, as a count of thresholds strictly below v (NaN -> 0)."""
    return (v[:, None] > NF4_CUDA_THRESHOLDS[None, :]).sum(axis=1).astype(np.uint8)


def make_nf4():
    try:
        import bitsandbytes
        import bitsandbytes.functional as F
        import torch
    except Exception as e:  # noqa: BLE001
        print("bitsandbytes unavailable, NF4 fixtures left unchanged:", e)
        return None
    x = nf4_inputs()
    xt = torch.from_numpy(x.copy())
    packed, state = F.quantize_4bit(xt, blocksize=64, quant_type="nf4")
    packed = packed.numpy().reshape(-1)
    absmax = state.absmax.numpy().astype(np.float32)
    deq = F.dequantize_4bit(torch.from_numpy(packed.copy()).reshape(-1, 1), state).numpy().astype(np.float32)
    values = np.array([-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
                       -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
                       0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
                       0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0], dtype=np.float32)
    from bitsandbytes.backends.utils import CODE
    assert np.array_equal(CODE["nf4"].cpu().numpy().view(np.uint32), values.view(np.uint32))
    # the float32 midpoints used by the CPU path equal the CUDA kernel's comparison constants
    mids = ((values[:-1] + values[1:]) / np.float32(2)).astype(np.float32)
    assert np.array_equal(mids.view(np.uint32), NF4_CUDA_THRESHOLDS.view(np.uint32))
    # cross-check against the CUDA comparison tree on the full, finite, non-degenerate blocks
    codes = np.stack([packed >> 4, packed & 15], axis=1).reshape(-1)[: x.size]
    for blk in range(x.size // 64):
        xb = x[blk * 64:(blk + 1) * 64]
        am = np.abs(xb).max()
        if not np.all(np.isfinite(xb)) or am < 1e-38:
            continue
        tree = nf4_tree(xb * (np.float32(1) / am))
        assert np.array_equal(tree, codes[blk * 64:(blk + 1) * 64]), f"block {blk} differs from the CUDA tree"
    save("nf4_inputs.f32", x)
    save("nf4_packed.u8", packed.astype(np.uint8))
    save("nf4_absmax.f32", absmax)
    save("nf4_deq.f32", deq.reshape(-1))
    save("nf4_values.f32", values)
    print("nf4:", x.size, "values; bitsandbytes", bitsandbytes.__version__, "torch", torch.__version__)
    return {"bitsandbytes": bitsandbytes.__version__, "torch": torch.__version__}


def main():
    import gguf  # noqa: F401

    versions = {"python": sys.version.split()[0], "numpy": np.__version__, "ml_dtypes": ml_dtypes.__version__}
    try:
        from importlib.metadata import version
        versions["gguf"] = version("gguf")
    except Exception:  # noqa: BLE001
        pass
    versions["onnx"] = make_fp8()
    make_half()
    make_ggml()
    nf4 = make_nf4()
    path = os.path.join(HERE, "manifest.json")
    old = {}
    if os.path.exists(path):
        with open(path) as f:
            old = json.load(f)
    if nf4 is None:  # keep the previous NF4 entries
        for k, v in old.get("files", {}).items():
            if k.startswith("nf4_"):
                MANIFEST.setdefault(k, v)
        nf4 = {k: v for k, v in old.get("versions", {}).items() if k in ("bitsandbytes", "torch")}
    versions.update(nf4)
    with open(path, "w") as f:
        json.dump({"versions": versions, "nf4_count": int(nf4_inputs().size), "ggml_rows": [4, 256],
                   "files": dict(sorted(MANIFEST.items()))}, f, indent=1, sort_keys=True)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(HERE, k)) for k in MANIFEST)
    print("total fixture bytes:", total)


if __name__ == "__main__":
    main()
