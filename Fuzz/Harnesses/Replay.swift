import Foundation

/// The `main` of a harness built without libFuzzer: runs the harness over the files given, and
/// over every file below the folders given, in name order. A crash reproduces as it would under
/// the fuzzer; a run that ends prints how many inputs passed.
public enum Replay {
    public static func main(_ harness: FuzzHarness, arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(
                Data("usage: qnb-fuzz-\(harness.rawValue) FILE-OR-FOLDER...\n".utf8))
            exit(2)
        }
        var count = 0
        for argument in arguments {
            guard let files = inputs(at: argument) else {
                FileHandle.standardError.write(Data("qnb-fuzz-\(harness.rawValue): no such file '\(argument)'\n".utf8))
                exit(1)
            }
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                harness.run(Array(data))
                count += 1
            }
        }
        print("qnb-fuzz-\(harness.rawValue): \(count) input\(count == 1 ? "" : "s") ran without a crash")
    }

    /// The file at `path`, or the files below it (hidden ones skipped) when it is a folder,
    /// sorted; nil if nothing is there.
    public static func inputs(at path: String) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            let hidden = relative.split(separator: "/").contains { $0.hasPrefix(".") }
            if !hidden, FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(full)
            }
        }
        return files.sorted()
    }
}
