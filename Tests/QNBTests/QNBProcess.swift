import Foundation
import Testing

/// Runs the built `qnb` binary the way a user does and captures everything it produces.
struct QNBProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether the process ended by a signal (a crash) rather than by exiting.
        var signaled = false
    }

    /// The `qnb` executable next to the test bundle (SwiftPM puts products and test bundles in
    /// the same folder), or `QNB_BINARY` when set.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["QNB_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var folder = testBundle.deletingLastPathComponent()
        // On some platforms the runner lives inside `qnbPackageTests.xctest/Contents/MacOS`.
        while !folder.path.isEmpty, folder.path != "/" {
            let candidate = folder.appendingPathComponent("qnb")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/qnb")
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes at once, before waiting: a child that fills one pipe while the test
        // reads the other would otherwise block forever.
        nonisolated(unsafe) var errData = Data()
        let finished = DispatchSemaphore(value: 0)
        let errorHandle = err.fileHandleForReading
        Thread.detachNewThread {
            errData = errorHandle.readDataToEndOfFile()
            finished.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        finished.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            signaled: process.terminationReason == .uncaughtSignal
        )
    }
}

/// A temporary project folder, deleted when the test ends.
final class Sandbox {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("qnb-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL {
        try write(path, Data(text.utf8))
    }

    @discardableResult
    func write(_ path: String, _ data: Data) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func qnb(_ arguments: String...) throws -> QNBProcess.Result {
        try qnb(arguments)
    }

    func qnb(_ arguments: [String]) throws -> QNBProcess.Result {
        try QNBProcess.run(arguments, in: root)
    }
}
