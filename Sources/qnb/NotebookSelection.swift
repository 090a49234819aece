import ArgumentParser
import Foundation
import QNBNotebook
import QuantEngine

/// The arguments `qnb run` and `qnb check` share: which notebooks, where their pages and
/// snapshots live, how they run, and how many at once.
struct NotebookSelection: ParsableArguments {
    @Argument(
        help: "Notebook files (.md) or folders; a folder means every *.md file in it, recursively, but README.md.")
    var paths: [String] = []

    @Option(name: .customLong("output-dir"), help: "Folder of the pages and snapshots.")
    var outputDirectory = "output"

    @Option(
        name: [.customShort("p"), .customLong("param")],
        help: ArgumentHelp("Override a front matter parameter.", valueName: "name=value")
    )
    var parameters: [String] = []

    @Option(
        help: ArgumentHelp(
            "Time limit per cell in seconds (default: the notebook's, else 60).", valueName: "seconds"))
    var timeout: Double?

    @Option(
        name: .customLong("max-memory"),
        help: ArgumentHelp(
            "Memory budget of the run: bytes with a unit (512M, 4G) or a share of the machine's memory (25%). "
                + "A cell that would go over it fails. Default: half of the memory.",
            valueName: "size"))
    var maxMemory: ByteSize?

    @Option(
        name: .customLong("allow-read"),
        help: ArgumentHelp(
            "A folder cells may load files from besides the notebook's own (repeatable).", valueName: "folder"))
    var readableFolders: [String] = []

    @Option(
        name: [.customShort("j"), .customLong("jobs")],
        help: ArgumentHelp("How many notebooks to run at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Take only part K of N of the notebooks (1 ≤ K ≤ N), to spread a library over parallel CI jobs.",
            valueName: "K/N"))
    var shard: Shard?

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("Give at least one notebook file or folder.")
        }
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds.")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs must be at least 1.")
        }
        for folder in readableFolders {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--allow-read: '\(folder)' is not a folder.")
            }
        }
        _ = try parsedParameters()
    }

    func parsedParameters() throws -> [String: NotebookParameter] {
        var result: [String: NotebookParameter] = [:]
        for text in parameters {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw ValidationError("-p expects name=value, got '\(text)'.")
            }
            let name = String(text[..<equals])
            result[name] = NotebookParameter(parsing: String(text[text.index(after: equals)...]))
        }
        return result
    }

    /// The notebooks to work on, this shard's share of them, in path order; prints the problem
    /// and exits with status 2 when an argument names nothing readable.
    func notebooks() throws -> [NotebookFile] {
        let found: [NotebookFile]
        do {
            found = try NotebookDiscovery.find(paths)
        } catch {
            Terminal.standardError.write("qnb: error: \(error.message)\n")
            throw ExitCode(ExitStatus.badInput)
        }
        return shard.map { $0.select(from: found) } ?? found
    }

    /// The number of notebooks to run at once for `count` notebooks.
    func workerCount(for count: Int) -> Int {
        max(1, min(count, jobs ?? ProcessInfo.processInfo.activeProcessorCount))
    }

    /// How each notebook runs. Sets the process's memory budget too (it is shared by every
    /// notebook the command runs).
    func runOptions(allowErrors: Bool) throws -> RunOptions {
        MemoryBudget.limit = maxMemory?.bytes(of: MemoryBudget.availableMemory()) ?? MemoryBudget.defaultLimit()
        return RunOptions(
            allowErrors: allowErrors, parameters: try parsedParameters(), timeout: timeout,
            readableDirectories: readableFolders)
    }

    /// `OUTPUT-DIR/NAME.EXTENSION` for a notebook.
    func outputPath(of file: NotebookFile, extension: String) -> String {
        OutputPaths.joined(outputDirectory, file.outputName + "." + `extension`)
    }
}

/// `--shard K/N`: the notebooks whose position in path order is K modulo N. Round robin over the
/// sorted list keeps the shards within one notebook of each other in size, and every machine
/// computes the same split from the same files.
struct Shard: ExpressibleByArgument, Hashable {
    var index: Int
    var count: Int

    init?(argument: String) {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    static var defaultCompletionKind: CompletionKind { .default }

    func select(from notebooks: [NotebookFile]) -> [NotebookFile] {
        let sorted = notebooks.sorted { $0.path < $1.path }
        return sorted.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}

/// Paths as qnb shows and writes them.
enum OutputPaths {
    /// `folder/name` with one slash between them and no leading `./`.
    static func joined(_ folder: String, _ name: String) -> String {
        var folder = Substring(folder)
        while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
        while folder.count > 1 && folder.hasSuffix("/") { folder = folder.dropLast() }
        if folder.isEmpty || folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// An absolute path inside the current folder shown relative to it.
    static func display(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }

    /// Creates the folder that will hold `path`.
    static func createFolder(of path: String) throws(AtomicFile.Failure) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        do {
            try FileManager.default.createDirectory(atPath: String(path[..<slash]), withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.Failure(path: path, reason: "cannot create its folder: \(error.localizedDescription)")
        }
    }
}

/// `--max-memory`: a size in bytes with an optional binary unit (`512M`, `4G`, `1.5GiB`), or a
/// percentage of the machine's memory (`25%`).
struct ByteSize: ExpressibleByArgument, Hashable {
    enum Amount: Hashable {
        case bytes(Int)
        case share(Double)
    }

    var amount: Amount

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") {
            guard let percent = Double(text.dropLast()), percent > 0, percent <= 100 else { return nil }
            amount = .share(percent / 100)
            return
        }
        let units: [(String, Double)] = [
            ("KIB", 1024), ("MIB", 1024 * 1024), ("GIB", 1024 * 1024 * 1024), ("TIB", 1024 * 1024 * 1024 * 1024),
            ("KB", 1024), ("MB", 1024 * 1024), ("GB", 1024 * 1024 * 1024), ("TB", 1024 * 1024 * 1024 * 1024),
            ("K", 1024), ("M", 1024 * 1024), ("G", 1024 * 1024 * 1024), ("T", 1024 * 1024 * 1024 * 1024),
            ("B", 1),
        ]
        let upper = text.uppercased()
        var number = Substring(upper)
        var scale = 1.0
        if let unit = units.first(where: { upper.hasSuffix($0.0) }) {
            number = upper.dropLast(unit.0.count)
            scale = unit.1
        }
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0,
            value * scale < 9e18
        else { return nil }
        amount = .bytes(Int(value * scale))
    }

    /// The budget in bytes on a machine with `available` bytes of memory.
    func bytes(of available: Int) -> Int {
        switch amount {
        case .bytes(let bytes): return bytes
        case .share(let share): return max(1, Int(Double(available) * share))
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
