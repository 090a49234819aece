"""Make the fixture files for TensorFilesTests with the real numpy and safetensors.

Generated with Python 3.11.7, numpy 2.4.6 and safetensors 0.8.0 (the versions are also written into
expected.json and checked by the script when it runs).

Re-run from the package root:

    python3 -m venv .venv
    .venv/bin/pip install numpy==2.4.6 safetensors==0.8.0
    .venv/bin/python Tests/TensorFilesTests/Fixtures/make_fixtures.py

Everything is deterministic: re-running with the same versions rewrites identical bytes.

Layout (all small, the whole folder is a few tens of KB):
  npy/*.npy               arrays written by numpy.save / numpy.lib.format.write_array
  npy/*.c.npy             the same arrays as numpy saves them in C order, little-endian, format 1.0:
                          the golden output of our NPY.write for the big-endian, Fortran, 2.0 and 3.0 files
  npy/bad_*.npy           files numpy writes that our reader must refuse (object, complex, string, structured)
  safetensors/*.safetensors  written by safetensors.serialize (the reference Rust implementation);
                          also the golden output of our SafeTensors.write for the same tensors
  csv/*.csv               written by numpy.savetxt
  expected.json           shape, dtype and the float64 bit pattern (hex) of every value, in C order, as numpy
                          converts it (arr.astype(float64)); float32 bit patterns for float16/bfloat16/float32
"""

import io
import json
import os
import sys

import numpy as np
import safetensors
from safetensors import TensorSpec

HERE = os.path.dirname(os.path.abspath(__file__))


def bits64(arr):
    return ["%016x" % v for v in np.ascontiguousarray(arr, dtype=np.float64).reshape(-1).view(np.uint64)]


def bits32(arr):
    return ["%08x" % v for v in np.ascontiguousarray(arr, dtype=np.float32).reshape(-1).view(np.uint32)]


DTYPE_NAMES = {
    "b1": "bool", "i1": "int8", "u1": "uint8", "i2": "int16", "u2": "uint16", "i4": "int32", "u4": "uint32",
    "i8": "int64", "u8": "uint64", "f2": "float16", "f4": "float32", "f8": "float64",
}


def describe(arr):
    """The expectation for one array: what our reader must return."""
    entry = {
        "dtype": DTYPE_NAMES[arr.dtype.str[1:]],
        "shape": list(arr.shape),
        "bits": bits64(arr),
    }
    if arr.dtype.kind == "f" and arr.dtype.itemsize <= 4:
        entry["float32bits"] = bits32(arr)
    return entry


def sample(code, shape=(2, 3)):
    """Interesting values for a dtype: extremes, zero, signs; for floats also subnormals, infinities and NaN."""
    dtype = np.dtype(code)
    count = int(np.prod(shape))
    if dtype.kind == "b":
        base = [True, False, True, True, False, False]
    elif dtype.kind in "iu":
        info = np.iinfo(dtype)
        base = [info.min, info.max, 0, 1, info.max // 3, info.min // 7 if dtype.kind == "i" else 200 % (info.max + 1)]
    else:
        info = np.finfo(dtype)
        base = [
            info.max, -info.smallest_subnormal, np.inf, -np.inf, np.nan, -0.0, 1.0 / 3.0, info.smallest_normal,
            -2.5, info.min, 1e-3, 7.0,
        ]
    values = (base * (count // len(base) + 1))[:count]
    return np.array(values, dtype=dtype).reshape(shape)


def main():
    expected = {
        "generator": {
            "python": sys.version.split()[0], "numpy": np.__version__, "safetensors": safetensors.__version__,
        },
        "npy": {},
        "npy_golden": {},
        "npy_errors": {},
        "safetensors": {},
        "csv": {},
    }
    os.makedirs(os.path.join(HERE, "npy"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "safetensors"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "csv"), exist_ok=True)

    def save(name, arr, version=None):
        path = os.path.join(HERE, "npy", name)
        with open(path, "wb") as f:
            if version is None:
                np.save(f, arr)
            else:
                np.lib.format.write_array(f, arr, version=version)
        expected["npy"][name] = describe(arr)

    def golden(name, arr):
        """The C-order little-endian 1.0 file numpy writes for the same data: what NPY.write must produce."""
        normal = np.ascontiguousarray(arr.astype(arr.dtype.newbyteorder("<")))
        gname = name.replace(".npy", ".c.npy")
        with open(os.path.join(HERE, "npy", gname), "wb") as f:
            np.save(f, normal)
        expected["npy_golden"][name] = gname

    # Every dtype, little-endian, C order: these files are their own golden output.
    for code in ["?", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8"]:
        arr = sample(code, (3, 4) if code.startswith("f") else (2, 3))
        name = ("b1" if code == "?" else code) + ".npy"
        save(name, arr)
        expected["npy_golden"][name] = name
    # Big-endian.
    for code in [">f4", ">i2", ">f8", ">u4"]:
        name = "be_" + code[1:] + ".npy"
        arr = sample(code)
        save(name, arr)
        golden(name, arr)
    # Fortran order, 2-D and 3-D (numbered so the transposition is visible).
    arr = np.asfortranarray(np.arange(12, dtype="<f4").reshape(3, 4) * 0.5 - 1)
    save("fortran_f4_2d.npy", arr)
    golden("fortran_f4_2d.npy", arr)
    arr = np.asfortranarray(np.arange(24, dtype="<i2").reshape(2, 3, 4) * 3 - 30)
    save("fortran_i2_3d.npy", arr)
    golden("fortran_i2_3d.npy", arr)
    arr = np.asfortranarray(np.arange(6, dtype=">f8").reshape(2, 3) / 7)
    save("fortran_be_f8.npy", arr)
    golden("fortran_be_f8.npy", arr)
    # Scalar, empty, 1-D.
    for name, arr in [
        ("scalar_f8.npy", np.array(3.141592653589793, dtype="<f8")),
        ("empty_f4.npy", np.zeros((0, 3), dtype="<f4")),
        ("vector_i4.npy", np.array([5, -4, 3, -2, 1], dtype="<i4")),
    ]:
        save(name, arr)
        expected["npy_golden"][name] = name
    # Format versions 2.0 and 3.0.
    arr = sample("<f4", (2, 2))
    save("v2_f4.npy", arr, version=(2, 0))
    golden("v2_f4.npy", arr)
    arr = sample("<i4", (3,))
    save("v3_i4.npy", arr, version=(3, 0))
    golden("v3_i4.npy", arr)

    # Files numpy writes that we must refuse, with the word the message must contain.
    bad = [
        ("bad_object.npy", np.array([1, "a", None], dtype=object), "Python objects"),
        ("bad_complex.npy", np.array([1 + 2j], dtype="<c8"), "complex"),
        ("bad_string.npy", np.array(["ab", "c"]), "strings"),
        ("bad_structured_v3.npy", np.zeros(2, dtype=[("w\u00e9ight", "<f4"), ("b", "<i2")]), "structured"),
        ("bad_datetime.npy", np.array(["2024-01-01"], dtype="datetime64[D]"), "dates"),
    ]
    for name, arr, word in bad:
        path = os.path.join(HERE, "npy", name)
        with open(path, "wb") as f:
            if name.endswith("_v3.npy"):
                np.lib.format.write_array(f, arr, version=(3, 0), allow_pickle=False)
            else:
                np.save(f, arr, allow_pickle=True)
        expected["npy_errors"][name] = word

    # safetensors: every dtype, written by the reference implementation.
    keep = []

    def spec(dtype, arr, shape):
        arr = np.ascontiguousarray(arr)
        keep.append(arr)
        return TensorSpec(dtype=dtype, shape=list(shape), data_ptr=arr.ctypes.data, data_len=arr.nbytes)

    tensors = {}
    expect_tensors = {}
    for name, code in [("h", "<f2"), ("f", "<f4"), ("d", "<f8"), ("b", "i1"), ("ub", "u1"), ("s", "<i2"),
                       ("us", "<u2"), ("i", "<i4"), ("ui", "<u4"), ("l", "<i8"), ("ul", "<u8"), ("mask", "?")]:
        arr = sample(code, (2, 3))
        tensors[name] = spec(np.dtype(code).name, arr, arr.shape)
        entry = describe(arr)
        entry["name"] = name
        expect_tensors[name] = entry
    # bfloat16 has no numpy type: write its bits from uint16, expect them widened to float32.
    bf_bits = np.array([0x3F80, 0xC000, 0x7F80, 0xFF80, 0x7FC0, 0x8000, 0x0001, 0x7F7F, 0x3EAB], dtype="<u2")
    tensors["bf"] = spec("bfloat16", bf_bits, (3, 3))
    bf_values = (bf_bits.astype(np.uint32) << 16).view(np.float32).reshape(3, 3)
    entry = {"name": "bf", "dtype": "bfloat16", "shape": [3, 3], "bits": bits64(bf_values),
             "float32bits": bits32(bf_values)}
    expect_tensors["bf"] = entry
    # A scalar and an empty tensor.
    arr = np.array(-1.5, dtype="<f4")
    tensors["scalar"] = spec("float32", arr, ())
    expect_tensors["scalar"] = dict(describe(arr), name="scalar")
    arr = np.zeros((0, 4), dtype="<f4")
    tensors["empty"] = spec("float32", arr, (0, 4))
    expect_tensors["empty"] = dict(describe(arr), name="empty")

    # One key only: the reference writes several keys in hash-map order, which changes from run to run.
    metadata = {"format": "pt; quote \" backslash \\ newline \n tab \t ctrl \u0001 slash / caf\u00e9"}
    blob = bytes(safetensors.serialize(tensors, metadata=metadata))
    with open(os.path.join(HERE, "safetensors", "mixed.safetensors"), "wb") as f:
        f.write(blob)
    # File order, as the reference lays it out.
    n = int.from_bytes(blob[:8], "little")
    header = json.loads(blob[8:8 + n])
    order = sorted((k for k in header if k != "__metadata__"), key=lambda k: (header[k]["data_offsets"], k))
    expected["safetensors"]["mixed.safetensors"] = {
        "metadata": metadata,
        "tensors": [expect_tensors[k] for k in order],
    }
    # Without metadata, one dtype.
    plain = {"weight": sample("<f4", (4, 2)), "bias": sample("<f4", (2,))}
    from safetensors.numpy import save as st_save
    blob = st_save(plain)
    with open(os.path.join(HERE, "safetensors", "plain.safetensors"), "wb") as f:
        f.write(blob)
    expected["safetensors"]["plain.safetensors"] = {
        "metadata": {},
        "tensors": [dict(describe(plain[k]), name=k) for k in ["bias", "weight"]],
    }

    # CSV, written by numpy.savetxt.
    table = np.array([[1.5, -2.0, 3e-5], [np.nan, np.inf, -np.inf], [0.1, 1e300, -0.0], [7, 8, 9]])
    np.savetxt(os.path.join(HERE, "csv", "no_header.csv"), table, delimiter=",", fmt="%.17g")
    np.savetxt(os.path.join(HERE, "csv", "with_header.csv"), table, delimiter=",", fmt="%.17g",
               header="alpha,beta,gamma", comments="")
    for name, columns in [("no_header.csv", None), ("with_header.csv", ["alpha", "beta", "gamma"])]:
        expected["csv"][name] = {"shape": list(table.shape), "bits": bits64(table), "columns": columns}

    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    total = 0
    for root, _, files in os.walk(HERE):
        total += sum(os.path.getsize(os.path.join(root, name)) for name in files)
    print("fixtures written: %d bytes in all" % total)


if __name__ == "__main__":
    main()
