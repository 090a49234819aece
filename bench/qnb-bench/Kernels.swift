// qnb-bench kernels: the element-wise quantization kernels against onnxruntime and numpy.
//
//     swift run -c release qnb-bench kernels [--sizes 1048576,16777216,67108864] [--threads 1,all]
//                                             [--runs 7] [--no-reference]
//
// For each size it times, on a float32 tensor of N(0, 0.02²) values, on one thread and on all
// cores (`EngineThreads.limit`), the best of several runs of:
//   quantize        Quantizer.quantize(x, parameters:): int8, scale given (ONNX QuantizeLinear)
//   quantize@bound  the same into a buffer allocated once (no page faults for a fresh output)
//   dynamic         Quantizer(bits: 8).quantize(x): abs-max scan, then quantize
//   dynamic@bound   the scan, then quantize into a buffer allocated once
//   dequantize      q.dequantized() of the int8 codes;  dequantize@bound: into a buffer
//   perChannel      quantize a [n/1024, 1024] matrix with one given scale per row (axis 0)
//   fp8             EncodedTensor.encode(x, as: .fp8e4m3) (scan, then divide and cast)
//   q8_0, q4_0      EncodedTensor.encode(x, as: .q8_0 / .q4_0) (ggml blocks of 32)
// GB/s counts the float side only: 4 bytes per element. It then runs
// bench/onnxruntime_reference.py (with .venv/bin/python if there is one), which times
// onnxruntime's QuantizeLinear, DynamicQuantizeLinear and DequantizeLinear on one thread and the
// numpy equivalents, and prints each reference next to qnb's and the ratio qnb (1 thread) /
// reference. Last, the peak resident memory of quantizing the largest tensor.

import Foundation
import QuantEngine

struct KernelOptions {
    var sizes = [1 << 20, 1 << 24, 1 << 26]
    /// Thread limits; `nil` is all cores.
    var threads: [Int?] = [1, nil]
    var runs = 7
    var reference = true

    init(arguments: [String]) {
        var iterator = arguments.dropFirst(2).makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--sizes": sizes = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--threads":
                threads = (iterator.next() ?? "").split(separator: ",").map { $0 == "all" ? nil : Int($0) }
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            case "--no-reference": reference = false
            default:
                print("usage: qnb-bench kernels [--sizes N,N] [--threads 1,all] [--runs R] [--no-reference]")
                exit(2)
            }
        }
    }
}

/// The best wall-clock time of `runs` calls after one warm-up call.
func bestSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    let clock = ContinuousClock()
    var best = Double.infinity
    for _ in 0..<runs {
        let elapsed = try clock.measure(body)
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return best
}

/// Times every kernel at one size; keys are "op/threads" (threads "1" or "all").
func benchmarkKernels(n: Int, options: KernelOptions) throws -> [String: Double] {
    let x = try Tensor.randn([n], std: 0.02, seed: 0)
    let quantizer = try Quantizer(bits: 8, scheme: .symmetric)
    let parameters = try quantizer.parameters(for: x)
    let q = try Quantizer.quantize(x, parameters: parameters)
    let columns = 1024
    let matrix = try Tensor(shape: [n / columns, columns], scalars: Array(x.scalars[..<(n / columns * columns)]))
    let rowSets = try Quantizer(bits: 8, granularity: .perChannel(axis: 0)).parameterSets(for: matrix)
    var codes = [Int8](repeating: 0, count: n)
    var values = [Float](repeating: 0, count: n)
    let runs = n <= 1 << 20 ? options.runs * 3 : options.runs
    var results = [String: Double]()
    for limit in options.threads {
        let threads = limit.map(String.init) ?? "all"
        try EngineThreads.$limit.withValue(limit) {
            func time(_ op: String, _ body: () throws -> Void) throws {
                results["\(op)/\(threads)"] = try bestSeconds(runs: runs, body)
            }
            try x.withUnsafeBufferPointer { input in
                try time("quantize") { sink += Float(try Quantizer.quantize(x, parameters: parameters).codes[0]) }
                try time("quantize@bound") {
                    try codes.withUnsafeMutableBufferPointer {
                        try Quantizer.quantize(input, parameters: parameters, into: $0)
                    }
                }
                try time("dynamic") { sink += Float(try quantizer.quantize(x).codes[0]) }
                try time("dynamic@bound") {
                    let calibrated = try quantizer.parameters(for: x)
                    try codes.withUnsafeMutableBufferPointer {
                        try Quantizer.quantize(input, parameters: calibrated, into: $0)
                    }
                }
            }
            try time("dequantize") { sink += q.dequantized().scalars[0] }
            guard case .int8(let int8) = q.codes else { return }
            try int8.withUnsafeBufferPointer { input in
                try time("dequantize@bound") {
                    try values.withUnsafeMutableBufferPointer {
                        try Quantizer.dequantize(input, parameters: parameters, into: $0)
                    }
                }
            }
            try time("perChannel") {
                let codes = try Quantizer.quantize(matrix, parameters: rowSets, granularity: .perChannel(axis: 0)).codes
                sink += Float(codes[0])
            }
            try time("fp8") { sink += Float(try EncodedTensor.encode(x, as: .fp8e4m3).data[0]) }
            try time("q8_0") { sink += Float(try EncodedTensor.encode(x, as: .q8_0).data[0]) }
            try time("q4_0") { sink += Float(try EncodedTensor.encode(x, as: .q4_0).data[0]) }
        }
    }
    return results
}

/// Runs bench/onnxruntime_reference.py; keys are "op/impl/n". Nil when Python is missing.
func referenceMeasurements(sizes: [Int], runs: Int) -> [String: Double]? {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let root = directory.deletingLastPathComponent()
    let script = directory.appendingPathComponent("onnxruntime_reference.py")
    guard FileManager.default.fileExists(atPath: script.path) else { return nil }
    let venv = root.appendingPathComponent(".venv/bin/python")
    let process = Process()
    if FileManager.default.isExecutableFile(atPath: venv.path) {
        process.executableURL = venv
        process.arguments = []
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"]
    }
    process.arguments! += [
        script.path, "--sizes", sizes.map(String.init).joined(separator: ","), "--runs", String(runs),
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var result = [String: Double]()
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let op = object["op"] as? String, let impl = object["impl"] as? String,
            let n = object["n"] as? Int, let seconds = object["seconds"] as? Double
        else { continue }
        result["\(op)/\(impl)/\(n)"] = seconds
    }
    return process.terminationStatus == 0 || !result.isEmpty ? result : nil
}

/// Resident memory now and its high-water mark since the last reset, in bytes (Linux).
func residentMemory() -> (current: Int, peak: Int) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Int {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
    return (field("VmRSS:"), field("VmHWM:"))
}

/// Peak resident-memory growth while running `body` once (resets the high-water mark first).
func peakGrowth(_ body: () throws -> Void) rethrows -> Int? {
    guard (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil else {
        return nil
    }
    let before = residentMemory().current
    try body()
    return residentMemory().peak - before
}

func runKernels(arguments: [String]) throws {
    let options = KernelOptions(arguments: arguments)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("qnb-bench kernels: \(cores) cores, best of \(options.runs) runs (\(options.runs * 3) at 1M and below)")
    print("GB/s = 4 bytes (one float) per element / time; ratios are qnb on 1 thread / reference")
    var measurements = [Int: [String: Double]]()
    for n in options.sizes { measurements[n] = try benchmarkKernels(n: n, options: options) }
    let reference = options.reference ? referenceMeasurements(sizes: options.sizes, runs: options.runs) : nil
    if options.reference && reference == nil { print("(onnxruntime/numpy reference unavailable)") }
    let labels = options.threads.map { $0.map { "qnb \($0)t" } ?? "qnb all" }
    var header = pad("operation", 17) + pad("elements", 9)
    for label in labels { header += pad(label, 9) }
    if reference != nil { header += pad("ort", 8) + pad("numpy", 8) + pad("vs ort", 8) + "vs numpy" }
    print(header)
    let ops = [
        "quantize", "quantize@bound", "dynamic", "dynamic@bound", "dequantize", "dequantize@bound", "perChannel",
        "fp8", "q8_0", "q4_0",
    ]
    for op in ops {
        for n in options.sizes {
            guard let results = measurements[n] else { continue }
            func gbs(_ seconds: Double?) -> String {
                seconds.map { fixed(Double(4 * n) / $0 / 1e9, 1) } ?? "-"
            }
            var line = pad(op, 17) + pad(n >= 1 << 20 ? "\(n >> 20)M" : "\(n)", 9)
            for limit in options.threads { line += pad(gbs(results["\(op)/\(limit.map(String.init) ?? "all")"]), 9) }
            if let reference {
                let single = results["\(op)/1"]
                // numpy has no buffer variant: its "@bound" rows compare with the allocating one.
                let ort = reference["\(op)/onnxruntime/\(n)"]
                let numpy = reference["\(op.replacingOccurrences(of: "@bound", with: ""))/numpy/\(n)"]
                line += pad(gbs(ort), 8) + pad(gbs(numpy), 8)
                func ratio(_ other: Double?) -> String {
                    guard let single, let other else { return "-" }
                    return fixed(other / single, 2) + "x"
                }
                line += pad(ratio(ort), 8) + ratio(numpy)
            }
            print(line)
        }
    }
    // Peak memory of quantizing the largest tensor: input (resident before) + output + overhead.
    if let n = options.sizes.max() {
        let x = try Tensor.randn([n], std: 0.02, seed: 0)
        let quantizer = try Quantizer(bits: 8)
        let parameters = try quantizer.parameters(for: x)
        let mib = { (bytes: Int) in fixed(Double(bytes) / Double(1 << 20), 1) + " MiB" }
        for (label, limit) in [("1 thread", 1), ("all cores", nil)] as [(String, Int?)] {
            let explicit = try EngineThreads.$limit.withValue(limit) {
                try peakGrowth { sink += Float(try Quantizer.quantize(x, parameters: parameters).codes[0]) }
            }
            let dynamic = try EngineThreads.$limit.withValue(limit) {
                try peakGrowth { sink += Float(try quantizer.quantize(x).codes[0]) }
            }
            guard let explicit, let dynamic else { break }
            print(
                "peak memory, quantize \(n >> 20)M (\(label)): input \(mib(4 * n)) resident before; growth "
                    + "\(mib(explicit)) with the scale given, \(mib(dynamic)) with the abs-max scan (output \(mib(n)))")
        }
    }
}
