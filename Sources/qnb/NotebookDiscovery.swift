import Foundation

/// A notebook found on the command line and where its page goes.
struct NotebookFile: Hashable {
    /// The path as the user can open it (argument joined with the path found inside a folder).
    var path: String
    /// Output path without extension, relative to the output folder: the file name for a file
    /// argument, the path inside the folder for a folder argument (`notebooks/a/b.md` given as
    /// `notebooks` → `a/b`).
    var outputName: String
}

/// Turns `qnb run` arguments (files and folders) into notebooks, in a stable order.
enum NotebookDiscovery {
    struct Failure: Error {
        var message: String
    }

    static func find(_ arguments: [String], fileManager: FileManager = .default) throws(Failure) -> [NotebookFile] {
        var found: [NotebookFile] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw Failure(message: "no such file or folder: '\(argument)'")
            }
            if isDirectory.boolValue {
                let inside = try notebooks(inFolder: argument, fileManager: fileManager)
                if inside.isEmpty {
                    throw Failure(message: "no notebooks (*.md files) in folder '\(argument)'")
                }
                found += inside
            } else {
                let name = (argument as NSString).lastPathComponent
                found.append(NotebookFile(path: argument, outputName: stripExtension(name)))
            }
        }
        var seen: [String: String] = [:]
        for file in found {
            if let other = seen[file.outputName], other != file.path {
                throw Failure(
                    message:
                        "'\(other)' and '\(file.path)' would both be written to '\(file.outputName).html'; run them separately or with different --output-dir"
                )
            }
            seen[file.outputName] = file.path
        }
        var unique: [NotebookFile] = []
        for file in found where !unique.contains(file) { unique.append(file) }
        return unique
    }

    /// Every `*.md` below `folder`, recursively, skipping hidden files and folders, sorted by path.
    static func notebooks(inFolder folder: String, fileManager: FileManager) throws(Failure) -> [NotebookFile] {
        let root = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        guard
            let enumerator = fileManager.enumerator(
                at: root,
                includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]
            )
        else {
            throw Failure(message: "cannot read folder '\(folder)'")
        }
        var relativePaths: [String] = []
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "md" {
            let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
            guard isFile else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(rootPath) else { continue }
            relativePaths.append(String(full.dropFirst(rootPath.count)))
        }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return relativePaths.sorted().map { relative in
            NotebookFile(path: base == "." ? relative : "\(base)/\(relative)", outputName: stripExtension(relative))
        }
    }

    static func stripExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }
}
