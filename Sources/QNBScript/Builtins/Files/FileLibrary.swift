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
        library.register(
            "save", [.unlabeled("value", .any), .labeled("to", .string)],
            doc: "Saves a tensor (float32) or a quantized tensor (its codes, and in .safetensors also its "
                + "scales and zero points) as .npy or .safetensors into the notebook's output folder."
        ) { args, context in
            let name = try FileBindings.outputName(args, 1)
            let bytes = try FileBindings.encode(args, 0, as: name)
            context.save(SavedFile(name: name, bytes: bytes))
            return .void
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
    /// limited to the notebook's folder and the session's readable folders (`--allow-read`),
    /// each with everything below it, symbolic links resolved first — so a notebook cannot read
    /// arbitrary files of the machine that runs it, by `..`, an absolute path or a link.
    static func resolve(_ args: BuiltinArguments, _ index: Int, _ context: BuiltinContext) throws -> String {
        let given = try args.string(index)
        guard !given.isEmpty else { throw args.error(index, "the path is empty") }
        let configuration = context.configuration
        let base = configuration.baseDirectory ?? FileManager.default.currentDirectoryPath
        let joined = given.hasPrefix("/") ? given : (base as NSString).appendingPathComponent(given)
        let path = URL(fileURLWithPath: joined).standardizedFileURL.resolvingSymlinksInPath().path
        let roots = ([base] + configuration.readableDirectories).map {
            URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
        }
        guard roots.contains(where: { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
            throw args.error(
                index,
                "'\(given)' is outside the notebook's folder; cells read only files below it "
                    + "(qnb run --allow-read FOLDER allows another)")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw args.error(index, "no such file '\(given)' (looked for \(displayPath(path)))")
        }
        return path
    }

    /// The name `save` writes to: a relative path of plain segments ending in .npy or
    /// .safetensors, so that a notebook can only write inside its own output folder.
    static func outputName(_ args: BuiltinArguments, _ index: Int) throws -> String {
        let name = try args.string(index)
        let segments = name.split(separator: "/", omittingEmptySubsequences: false)
        let plain = segments.allSatisfy { segment in
            !segment.isEmpty && segment != "." && segment != ".."
                && segment.unicodeScalars.allSatisfy { scalar in
                    scalar.isASCII
                        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                            || "._-".unicodeScalars.contains(scalar))
                }
        }
        guard plain, name.count <= 200 else {
            throw args.error(
                index,
                "save writes into the notebook's output folder: give a relative name such as \"w.npy\" "
                    + "(letters, digits, '.', '_', '-', and '/' between folders), got \"\(name)\"")
        }
        let lower = name.lowercased()
        guard lower.hasSuffix(".npy") || lower.hasSuffix(".safetensors") else {
            throw args.error(index, "save writes .npy or .safetensors files, got \"\(name)\"")
        }
        return name
    }

    /// The file's bytes: a Tensor as float32; a QuantizedTensor's codes in their integer type
    /// (and, in .safetensors, its scales and zero points too).
    static func encode(_ args: BuiltinArguments, _ index: Int, as name: String) throws -> [UInt8] {
        let safetensors = name.lowercased().hasSuffix(".safetensors")
        do {
            if case .object(let object) = args[index], let q = object as? QuantizedTensor {
                let dtype: DType
                switch (q.bits <= 8, q.signed) {
                case (true, true): dtype = .int8
                case (true, false): dtype = .uint8
                case (false, true): dtype = .int16
                case (false, false): dtype = .uint16
                }
                let codes = LoadedArray(name: "codes", shape: q.shape, dtype: dtype, values: q.values.map(Double.init))
                guard safetensors else { return try NPY.write(codes) }
                let scales = LoadedArray(
                    name: "scales", shape: [q.parameters.count], dtype: .float32, float32: q.scales)
                let zeroPoints = LoadedArray(
                    name: "zero_points", shape: [q.parameters.count], dtype: .int32,
                    values: q.zeroPoints.map(Double.init))
                return try SafeTensors.write(
                    arrays: [codes, scales, zeroPoints],
                    metadata: ["bits": "\(q.bits)", "scheme": "\(q.scheme)", "granularity": "\(q.granularity)"])
            }
            let tensor = try EngineBindings.tensor(args, index)
            let array = LoadedArray(name: "tensor", shape: tensor.shape, dtype: .float32, float32: tensor.scalars)
            return safetensors
                ? try SafeTensors.write(arrays: [array], metadata: [:])
                : try NPY.write(shape: tensor.shape, float32: tensor.scalars)
        } catch let error as TensorFileError {
            throw args.error(index, error.message)
        }
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
