#!/usr/bin/env python3
"""onnxruntime and numpy reference timings for `qnb-bench kernels`.

Times, on float32 tensors of N(0, 0.02²) values and in ONE thread (intra- and inter-op pools of
one thread; numpy is single-threaded for these), the element-wise quantization operators:

  quantize        QuantizeLinear, scale given: int8 = saturate(rint(x / scale)), zero point 0
  dynamic         DynamicQuantizeLinear: uint8 codes with scale and zero point from min/max
                  (numpy: the same, symmetric int8 from abs-max, as qnb's calibrated quantize)
  dequantize      DequantizeLinear of int8 codes
  perChannel      QuantizeLinear with one scale per row (axis 0) of a [rows, 1024] matrix
                  (numpy: the same through broadcasting)

onnxruntime runs each model twice: through `InferenceSession.run` (outputs allocated by
onnxruntime and handed to Python) and through I/O binding into output buffers allocated once
(`op` suffixed with `@bound`), the kernel alone. Prints one JSON object per line:

    {"op": "quantize", "impl": "onnxruntime", "n": 1048576, "seconds": 0.00012}

(the minimum of `--runs` runs, three times as many up to 1M elements, as qnb-bench kernels).
Needs numpy, onnx and onnxruntime; without them it prints what it can (numpy alone) and exits 0.
A virtual environment is the simplest way to get them:

    python3 -m venv .venv && .venv/bin/pip install numpy onnx onnxruntime safetensors
    .venv/bin/python bench/onnxruntime_reference.py --sizes 1048576,16777216

(`qnb-bench kernels` runs it with `.venv/bin/python` when that exists, else `python3`; the
TensorFiles tests use the same `.venv` and need `safetensors` in it.)
"""
import argparse
import json
import sys
import time

import numpy as np

try:
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper
except ImportError as error:  # numpy timings only
    print(f"onnxruntime_reference.py: {error}; timing numpy only", file=sys.stderr)
    ort = None

COLUMNS = 1024  # row length of the per-channel matrix


def best_time(function, runs):
    function()  # warm up: page faults, arena growth, caches
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def model(node, inputs, outputs, initializers):
    graph = helper.make_graph([node], node.op_type, inputs, outputs, initializer=initializers)
    # opset 19: QuantizeLinear saturates and divides, as ONNX has always specified.
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 19)], ir_version=9)


def session(onnx_model):
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    return ort.InferenceSession(onnx_model.SerializeToString(), options, providers=["CPUExecutionProvider"])


def quantize_linear(shape, scale, axis=None):
    """QuantizeLinear with an int8 zero point (so int8 output), per tensor or along `axis`."""
    scales = np.asarray(scale, dtype=np.float32)
    zero = np.zeros(scales.shape, dtype=np.int8)
    attributes = {} if axis is None else {"axis": axis}
    node = helper.make_node("QuantizeLinear", ["x", "scale", "zero"], ["q"], **attributes)
    return model(
        node,
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
        [helper.make_tensor_value_info("q", TensorProto.INT8, shape)],
        [onnx.numpy_helper.from_array(scales, "scale"), onnx.numpy_helper.from_array(zero, "zero")],
    )


def dequantize_linear(shape, scale):
    node = helper.make_node("DequantizeLinear", ["q", "scale", "zero"], ["y"])
    return model(
        node,
        [helper.make_tensor_value_info("q", TensorProto.INT8, shape)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, shape)],
        [
            onnx.numpy_helper.from_array(np.float32(scale), "scale"),
            onnx.numpy_helper.from_array(np.int8(0), "zero"),
        ],
    )


def dynamic_quantize_linear(shape):
    node = helper.make_node("DynamicQuantizeLinear", ["x"], ["q", "scale", "zero"])
    return model(
        node,
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
        [
            helper.make_tensor_value_info("q", TensorProto.UINT8, shape),
            helper.make_tensor_value_info("scale", TensorProto.FLOAT, []),
            helper.make_tensor_value_info("zero", TensorProto.UINT8, []),
        ],
        [],
    )


def time_session(sess, feeds, runs):
    """Seconds per run through `run` and through I/O binding into preallocated outputs."""
    plain = best_time(lambda: sess.run(None, feeds), runs)
    binding = sess.io_binding()
    for name, value in feeds.items():
        binding.bind_ortvalue_input(name, ort.OrtValue.ortvalue_from_numpy(value))
    for output, value in zip(sess.get_outputs(), sess.run(None, feeds)):
        binding.bind_ortvalue_output(output.name, ort.OrtValue.ortvalue_from_numpy(np.empty_like(value)))
    bound = best_time(lambda: sess.run_with_iobinding(binding), runs)
    return plain, bound


def emit(op, impl, n, seconds):
    print(json.dumps({"op": op, "impl": impl, "n": n, "seconds": seconds}), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1048576,16777216,67108864")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        rng = np.random.default_rng(0)
        x = rng.standard_normal(n, dtype=np.float32) * np.float32(0.02)
        scale = np.float32(np.abs(x).max() / np.float32(127))
        q = np.clip(np.rint(x / scale), -127, 127).astype(np.int8)
        rows = max(1, n // COLUMNS)
        matrix = x[: rows * COLUMNS].reshape(rows, COLUMNS)
        row_scales = (np.abs(matrix).max(axis=1) / np.float32(127)).astype(np.float32)
        runs = args.runs * 3 if n <= (1 << 20) else args.runs  # as qnb-bench kernels

        def numpy_dynamic():
            s = np.float32(np.abs(x).max() / np.float32(127))
            return np.clip(np.rint(x / s), -127, 127).astype(np.int8)

        numpy_ops = {
            "quantize": lambda: np.clip(np.rint(x / scale), -128, 127).astype(np.int8),
            "dynamic": numpy_dynamic,
            "dequantize": lambda: q.astype(np.float32) * scale,
            "perChannel": lambda: np.clip(np.rint(matrix / row_scales[:, None]), -128, 127).astype(np.int8),
        }
        for name, function in numpy_ops.items():
            emit(name, "numpy", n, best_time(function, runs))
        if ort is None:
            continue
        sessions = {
            "quantize": (session(quantize_linear([n], scale)), {"x": x}),
            "dynamic": (session(dynamic_quantize_linear([n])), {"x": x}),
            "dequantize": (session(dequantize_linear([n], scale)), {"q": q}),
            "perChannel": (session(quantize_linear([rows, COLUMNS], row_scales, axis=0)), {"x": matrix}),
        }
        for name, (sess, feeds) in sessions.items():
            plain, bound = time_session(sess, feeds, runs)
            emit(name, "onnxruntime", n, plain)
            emit(name + "@bound", "onnxruntime", n, bound)


if __name__ == "__main__":
    main()
