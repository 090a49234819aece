import Foundation
import QuantEngine
import TensorFiles

/// The tensors of a `.safetensors` file: `archive["name"]` is one as a Tensor; the display lists
/// them with their stored types and shapes, and the file's `__metadata__`.
public struct TensorArchive: ScriptObject, Equatable {
    public static let scriptTypeName = "TensorArchive"
    public var file: String
    public var arrays: [LoadedArray]
    public var metadata: [String: String]

    public var scriptDescription: String { "TensorArchive('\(file)', \(arrays.count) tensors)" }

    public var scriptDisplay: Display {
        let table = DisplayTable(
            columns: ["name", "dtype", "shape", "count"],
            rows: arrays.map { array in
                [.text(array.name ?? ""), .text(array.dtype.rawValue), .text("\(array.shape)"), .integer(array.count)]
            })
        var items: [Display] = [.text("\(file): \(arrays.count) \(arrays.count == 1 ? "tensor" : "tensors")")]
        if !metadata.isEmpty {
            items.append(
                .record(
                    DisplayRecord(
                        title: "metadata",
                        fields: metadata.keys.sorted().map { .init($0, .text(metadata[$0] ?? "")) })))
        }
        items.append(.table(table))
        return .stack(items)
    }
}

extension BuiltinLibrary {
    /// `load` for `.npy`, `.safetensors` and CSV files.
    public static let files: BuiltinLibrary = {
        var library = BuiltinLibrary()
        library.register(
            "load", [.unlabeled("path", .string)], returns: .any,
            doc: "A tensor from a .npy or CSV file, or the tensors of a .safetensors file (a TensorArchive); "
                + "relative paths start at the notebook's folder."
        ) { args, context in
            let path = try FileBindings.resolve(args, 0, context)
            let extensionName = URL(fileURLWithPath: path).pathExtension.lowercased()
            if extensionName == "safetensors" {
                let (arrays, metadata) = try FileBindings.read(args, 0) { () throws(TensorFileError) in
                    try TensorFile.readSafeTensors(path: path)
                }
                return .object(
                    TensorArchive(file: try args.string(0), arrays: arrays, metadata: metadata))
            }
            let arrays = try FileBindings.read(args, 0) { () throws(TensorFileError) in try TensorFile.load(path: path)
            }
            guard let array = arrays.first else { throw args.error(0, "'\(try args.string(0))' holds no array") }
            return .object(try FileBindings.tensor(array, args, 0))
        }
        library.register(
            "load", [.unlabeled("path", .string), .labeled("tensor", .string)], returns: .object("Tensor"),
            doc: "One named tensor of a .safetensors file."
        ) { args, context in
            let path = try FileBindings.resolve(args, 0, context)
            let (arrays, _) = try FileBindings.read(args, 0) { () throws(TensorFileError) in
                try TensorFile.readSafeTensors(path: path)
            }
            let name = try args.string(1)
            guard let array = arrays.first(where: { $0.name == name }) else {
                let names = arrays.compactMap(\.name).joined(separator: ", ")
                throw args.error(1, "'\(try args.string(0))' has no tensor '\(name)'; it has: \(names)")
            }
            return .object(try FileBindings.tensor(array, args, 1))
        }
        library.registerType(TensorArchive.self, doc: "The tensors of a .safetensors file.") { t in
            t.property("names", .array(.string), doc: "The tensors' names, in file order.") {
                .strings($0.arrays.compactMap(\.name))
            }
            t.property("metadata", .dictionary(key: .string, value: .string), doc: "The file's __metadata__.") {
                archive in
                .dictionary(
                    ScriptDictionary(
                        archive.metadata.keys.sorted().map {
                            (Value.string($0), Value.string(archive.metadata[$0] ?? ""))
                        }))
            }
            t.subscript([.unlabeled("name", .string)], returns: .object("Tensor"), doc: "One tensor by name.") {
                archive, args, _ in
                let name = try args.string(0)
                guard let array = archive.arrays.first(where: { $0.name == name }) else {
                    let names = archive.arrays.compactMap(\.name).joined(separator: ", ")
                    throw args.error(0, "'\(archive.file)' has no tensor '\(name)'; it has: \(names)")
                }
                return .object(try FileBindings.tensor(array, args, 0))
            }
        }
        return library
    }()
}

enum FileBindings {
    /// The file a path argument names: relative paths start at the notebook's folder. Reading is
    /// limited to the notebook's folder, the current folder and the session's readable folders,
    /// each with everything below it (symbolic links resolved), so a notebook cannot read
    /// arbitrary files of the machine that runs it.
    static func resolve(_ args: BuiltinArguments, _ index: Int, _ context: BuiltinContext) throws -> String {
        let given = try args.string(index)
        guard !given.isEmpty else { throw args.error(index, "the path is empty") }
        let configuration = context.configuration
        let base = configuration.baseDirectory ?? FileManager.default.currentDirectoryPath
        let joined = given.hasPrefix("/") ? given : (base as NSString).appendingPathComponent(given)
        let path = URL(fileURLWithPath: joined).standardizedFileURL.resolvingSymlinksInPath().path
        let roots = ([base, FileManager.default.currentDirectoryPath] + configuration.readableDirectories).map {
            URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
        }
        guard roots.contains(where: { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
            throw args.error(index, "'\(given)' is outside the notebook's folder and the current folder")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw args.error(index, "no such file '\(given)' (looked for \(displayPath(path)))")
        }
        return path
    }

    static func displayPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }

    static func read<T>(_ args: BuiltinArguments, _ index: Int, _ body: () throws(TensorFileError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw args.error(index, error.message)
        }
    }

    /// A Float32 tensor of the array (64-bit integers beyond 2^24 and float64 values round to
    /// the nearest Float32).
    static func tensor(_ array: LoadedArray, _ args: BuiltinArguments, _ index: Int) throws -> Tensor {
        do {
            return try Tensor(shape: array.shape, scalars: array.float32)
        } catch {
            throw args.error(index, error.description)
        }
    }
}
