// qnb-bench: timings of the engine's hot paths, with numpy as a yardstick.
//
//     swift run -c release qnb-bench [engine|gemm] [--sizes 1048576,16777216] [--runs 7] [--no-numpy]
//     swift run -c release qnb-bench kernels ...   (Kernels.swift: against onnxruntime)
//     swift run -c release qnb-bench translation    (Translation.swift: the translation tutorial's model)
//
// For each size it times, on a float32 tensor of N(0, 0.02²) values, the median of several runs
// of: int8 symmetric quantize (calibration + kernel), the quantize kernel alone (explicit
// parameters), dequantize, fused fakeQuantize, statistics (min, max, mean, std), evaluate (error
// metrics), randn, laplace, and an 80-bin histogram figure rendered as SVG and ASCII. It
// prints ns/element and GB/s (bytes read + written by the operation), then runs
// `python3 bench/engine_numpy.py` (if present) for the same operations and prints the ratio.
// Then (and alone with `gemm`) it times the int8 GEMM at 1024³ — `matmul` of uint8 activations
// (zero point ≠ 0) by symmetric int8 weights into exact int32, packing included — on one thread
// and on all cores, in GOP/s (2·M·N·K operations per product).

import Foundation
import QNBPlot
import QuantEngine

struct Options {
    var group = "engine"
    var sizes = [1 << 20, 1 << 24]
    var runs = 7
    var numpy = true

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--sizes":
                sizes = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--runs":
                runs = Int(iterator.next() ?? "") ?? runs
            case "--no-numpy":
                numpy = false
            default:
                group = argument
            }
        }
    }
}

struct Measurement {
    let op: String
    let n: Int
    let seconds: Double
    /// Bytes read plus bytes written per element.
    let bytesPerElement: Int
}

/// The median wall-clock time of `runs` calls after one warm-up call.
func medianSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    let clock = ContinuousClock()
    var times = [Double]()
    for _ in 0..<runs {
        let elapsed = try clock.measure(body)
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    times.sort()
    return times[times.count / 2]
}

/// Keeps results alive so the optimiser cannot drop the work.
nonisolated(unsafe) var sink: Float = 0

func benchmarkEngine(sizes: [Int], runs: Int) throws -> [Measurement] {
    var results = [Measurement]()
    for n in sizes {
        let x = try Tensor.randn([n], std: 0.02, seed: 0)
        let quantizer = try Quantizer(bits: 8, scheme: .symmetric)
        let parameters = try quantizer.parameters(for: x)
        let q = try quantizer.quantize(x)
        let r = n <= 1 << 20 ? runs : max(3, runs / 2)
        func time(_ op: String, bytes: Int, _ body: () throws -> Void) throws {
            let seconds = try medianSeconds(runs: r, body)
            results.append(Measurement(op: op, n: n, seconds: seconds, bytesPerElement: bytes))
        }
        // quantize reads x twice (calibration scan, then the kernel) and writes 1 byte.
        try time("quantize", bytes: 9) { sink += Float(try quantizer.quantize(x).codes[0]) }
        try time("quantizeKernel", bytes: 5) {
            sink += Float(try Quantizer.quantize(x, parameters: parameters).codes[0])
        }
        try time("dequantize", bytes: 5) { sink += q.dequantized().scalars[0] }
        try time("fakeQuantize", bytes: 12) { sink += try quantizer.fakeQuantize(x).scalars[0] }
        // statistics: one scan for min/max, one pass for the mean, two for the std.
        try time("statistics", bytes: 16) {
            sink += try x.min() + x.max() + Float(x.mean()) + Float(x.std())
        }
        // evaluate reads the reference and the approximation once each.
        let approximation = q.dequantized()
        try time("evaluate", bytes: 8) { sink += Float(try ErrorMetrics.compare(x, approximation).sqnr) }
        try time("randn", bytes: 4) { sink += try Tensor.randn([n], seed: 1).scalars[0] }
        try time("laplace", bytes: 4) { sink += try Tensor.laplace([n], seed: 1).scalars[0] }
        // A notebook's histogram figure: bin the tensor (min/max scan, then one binning pass),
        // then render it as SVG and as ASCII.
        try time("histogram", bytes: 8) {
            let histogram = x.scalars.withUnsafeBufferPointer { Histogram(values: $0, bins: 80, label: "w") }
            let graphic = Graphic.figure(Figure(series: [.histogram(histogram)], title: "w"))
            sink += Float(SVGRenderer.render(graphic).utf8.count + ASCIIRenderer.render(graphic).utf8.count)
        }
    }
    return results
}

/// Runs bench/engine_numpy.py and parses its JSON lines; nil when Python or numpy is missing.
func numpyMeasurements(sizes: [Int], runs: Int) -> [String: Double]? {
    let candidates = [
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("bench/engine_numpy.py"),
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("engine_numpy.py"),
    ]
    guard let script = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) })
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", script.path, "--sizes", sizes.map(String.init).joined(separator: ","),
        "--runs", String(runs),
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    var result = [String: Double]()
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let op = object["op"] as? String, let n = object["n"] as? Int,
            let seconds = object["seconds"] as? Double
        else { continue }
        result["\(op)/\(n)"] = seconds
    }
    return result
}

/// The int8 GEMM line: seconds per 1024³ product on one thread and on all cores.
func benchmarkGEMM(runs: Int) throws -> (single: Double, all: Double) {
    let size = 1024
    let x = try quantize(try Tensor.randn([size, size], seed: 3), bits: 8, scheme: .asymmetric)
    let w = try quantize(try Tensor.randn([size, size], std: 0.05, seed: 4), bits: 8, scheme: .symmetric)
    let single = try medianSeconds(runs: runs) { sink += Float(try matmul(x, w, threads: 1).values[0]) }
    let all = try medianSeconds(runs: runs) { sink += Float(try matmul(x, w).values[0]) }
    return (single, all)
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

if CommandLine.arguments.dropFirst().first == "kernels" {  // Kernels.swift
    try runKernels(arguments: CommandLine.arguments)
    exit(0)
}
let options = Options(arguments: CommandLine.arguments)
if options.group == "translation" {
    try benchmarkTranslation()
    exit(0)
}
guard options.group == "engine" || options.group == "gemm" else {
    print("usage: qnb-bench [engine|gemm] [--sizes N,N] [--runs R] [--no-numpy] | kernels [--help] | translation")
    exit(2)
}
let cores = ProcessInfo.processInfo.activeProcessorCount
if options.group == "engine" {
    print("qnb-bench engine: \(cores) cores, median of \(options.runs) runs (fewer for 16M)")
    let measurements = try benchmarkEngine(sizes: options.sizes, runs: options.runs)
    let numpy = options.numpy ? numpyMeasurements(sizes: options.sizes, runs: options.runs) : nil
    if options.numpy && numpy == nil { print("(numpy reference unavailable)") }
    print(
        pad("operation", 16) + pad("elements", 10) + pad("ms", 10) + pad("ns/elem", 9) + pad("GB/s", 8)
            + (numpy == nil ? "" : pad("numpy ms", 10) + "speed-up"))
    for m in measurements {
        var line = pad(m.op, 16) + pad(m.n >= 1 << 20 ? "\(m.n >> 20)M" : "\(m.n)", 10)
        line += pad(fixed(m.seconds * 1e3, 3), 10)
        line += pad(fixed(m.seconds * 1e9 / Double(m.n), 3), 9)
        line += pad(fixed(Double(m.bytesPerElement * m.n) / m.seconds / 1e9, 2), 8)
        if let reference = numpy?["\(m.op)/\(m.n)"] {
            line += pad(fixed(reference * 1e3, 3), 10) + fixed(reference / m.seconds, 2) + "x"
        }
        print(line)
    }
}
let gemm = try benchmarkGEMM(runs: options.runs)
let operations = 2.0 * 1024 * 1024 * 1024
print(
    "int8 GEMM 1024³: 1 thread \(fixed(gemm.single * 1e3, 2)) ms, \(fixed(operations / gemm.single / 1e9, 1)) GOP/s; "
        + "\(cores) cores \(fixed(gemm.all * 1e3, 2)) ms, \(fixed(operations / gemm.all / 1e9, 1)) GOP/s")
if sink == .infinity { print(sink) }
