#!/usr/bin/env python3
"""QuantizeLinear, DequantizeLinear and DynamicQuantizeLinear outputs of onnxruntime itself.

    python3 -m venv .venv && .venv/bin/pip install numpy onnx onnxruntime
    .venv/bin/python Tests/QuantEngineTests/Fixtures/onnxruntime_reference.py

Writes onnxruntime_reference.json next to this script (versions recorded inside). Inputs are
stored as float32 bit patterns; the cases cover exact .5 ties (scales that are powers of two),
saturation at both ends, non-zero zero points, and per-axis scales along axis 0 and axis 1.
"""
import json
import pathlib

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper


def bits(array):
    return np.asarray(array, dtype=np.float32).ravel().view(np.uint32).tolist()


def run(model, feeds):
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
    return session.run(None, feeds)


def quantize_linear(x, scale, zero_point, axis=None):
    qtype = TensorProto.INT8 if zero_point.dtype == np.int8 else TensorProto.UINT8
    attributes = {} if axis is None else {"axis": axis}
    node = helper.make_node("QuantizeLinear", ["x", "s", "z"], ["y"], **attributes)
    graph = helper.make_graph(
        [node], "q",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(x.shape)),
         helper.make_tensor_value_info("s", TensorProto.FLOAT, list(scale.shape)),
         helper.make_tensor_value_info("z", qtype, list(zero_point.shape))],
        [helper.make_tensor_value_info("y", qtype, list(x.shape))])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 19)])
    y, = run(model, {"x": x, "s": scale, "z": zero_point})
    node = helper.make_node("DequantizeLinear", ["y", "s", "z"], ["x"], **attributes)
    graph = helper.make_graph(
        [node], "d",
        [helper.make_tensor_value_info("y", qtype, list(x.shape)),
         helper.make_tensor_value_info("s", TensorProto.FLOAT, list(scale.shape)),
         helper.make_tensor_value_info("z", qtype, list(zero_point.shape))],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(x.shape))])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 19)])
    back, = run(model, {"y": y, "s": scale, "z": zero_point})
    return y, back


def dynamic_quantize_linear(x):
    node = helper.make_node("DynamicQuantizeLinear", ["x"], ["y", "s", "z"])
    graph = helper.make_graph(
        [node], "dq", [helper.make_tensor_value_info("x", TensorProto.FLOAT, list(x.shape))],
        [helper.make_tensor_value_info("y", TensorProto.UINT8, list(x.shape)),
         helper.make_tensor_value_info("s", TensorProto.FLOAT, []),
         helper.make_tensor_value_info("z", TensorProto.UINT8, [])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 19)])
    return run(model, {"x": x})


def main():
    rng = np.random.default_rng(20251126)
    cases = []
    ties = (np.arange(-40, 41, dtype=np.float32) + np.float32(0.5)) * np.float32(0.25)
    general = (rng.standard_normal(160) * 2).astype(np.float32)
    extreme = np.array([1e6, -1e6, 3.4e38, -3.4e38, 0.0, -0.0, 1e-40], dtype=np.float32)
    x = np.concatenate([ties, general, extreme]).astype(np.float32)
    for scale, zero_point in [(0.25, np.int8(0)), (0.25, np.int8(-3)), (0.0137, np.int8(5)),
                              (0.25, np.uint8(128)), (0.0137, np.uint8(0)), (0.03, np.uint8(200))]:
        y, back = quantize_linear(x, np.array(scale, dtype=np.float32), np.array(zero_point))
        cases.append({"axis": None, "shape": list(x.shape), "x": bits(x), "scale": bits([scale]),
                      "zero_point": [int(zero_point)], "signed": bool(np.asarray(zero_point).dtype == np.int8),
                      "y": y.ravel().astype(int).tolist(), "dequantized": bits(back)})
    m = (rng.standard_normal((6, 8)) * np.array([[0.1], [1], [10], [0.5], [3], [0.02]])).astype(np.float32)
    m[0, 0] = np.float32(0.125)  # a tie at scale 0.25
    for axis, count in [(0, 6), (1, 8)]:
        scales = (np.abs(rng.standard_normal(count)) * 0.05 + 0.01).astype(np.float32)
        scales[0] = np.float32(0.25)
        for zero_points in [np.zeros(count, dtype=np.int8), rng.integers(0, 255, count).astype(np.uint8)]:
            y, back = quantize_linear(m, scales, zero_points, axis=axis)
            cases.append({"axis": axis, "shape": list(m.shape), "x": bits(m), "scale": bits(scales),
                          "zero_point": zero_points.astype(int).tolist(), "signed": zero_points.dtype == np.int8,
                          "y": y.ravel().astype(int).tolist(), "dequantized": bits(back)})
    dynamic = []
    for data in [general, np.abs(general), general - np.float32(3), ties]:
        y, s, z = dynamic_quantize_linear(data.astype(np.float32))
        dynamic.append({"x": bits(data), "y": y.astype(int).tolist(), "scale": bits([s]), "zero_point": int(z)})
    path = pathlib.Path(__file__).with_name("onnxruntime_reference.json")
    path.write_text(json.dumps({
        "versions": {"onnxruntime": ort.__version__, "onnx": onnx.__version__, "numpy": np.__version__},
        "quantize_linear": cases, "dynamic_quantize_linear": dynamic}, separators=(",", ":"), sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
