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
                    let readme = readme(inFolder: argument, fileManager: fileManager)
                    throw Failure(
                        message: "no notebooks (*.md files) in folder '\(argument)'"
                            + (readme == nil ? "" : " (its README.md describes the folder and is not run)"))
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

    /// Every `*.md` below `folder`, recursively, skipping hidden files and folders and every
    /// `README.md` (any case: GitHub's name for a folder's description, which in a folder of
    /// notebooks is its reading order, not a notebook), sorted by path.
    static func notebooks(inFolder folder: String, fileManager: FileManager) throws(Failure) -> [NotebookFile] {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return try markdownFiles(inFolder: folder, fileManager: fileManager).filter { !isReadme($0) }.map { relative in
            NotebookFile(path: joined(base, relative), outputName: stripExtension(relative))
        }
    }

    /// The notebooks directly in `folder` when none are in its subfolders; nil when some are, when
    /// the folder cannot be read, or when it holds more than `maximumEntries` files and folders
    /// in all (the walk stops there). What a notebook given as a file needs to be linked to its
    /// neighbours, at a bounded cost in a huge folder such as a home or downloads folder.
    static func flatNotebooks(
        inFolder folder: String, maximumEntries: Int = 10_000, fileManager: FileManager = .default
    ) -> [NotebookFile]? {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var entries = 0
        var names: [String] = []
        let complete = try? walkMarkdownFiles(inFolder: folder, fileManager: fileManager) { relative in
            guard let relative else {
                entries += 1
                return entries <= maximumEntries
            }
            if isReadme(relative) { return true }
            if relative.contains("/") { return false }
            names.append(relative)
            return true
        }
        guard complete == true else { return nil }
        return names.sorted().map { NotebookFile(path: joined(base, $0), outputName: stripExtension($0)) }
    }

    /// The path of the `README.md` directly in `folder` (any case; the first by name if there
    /// are several), when it is a regular file as the notebooks found are.
    static func readme(inFolder folder: String, fileManager: FileManager = .default) -> String? {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let names = ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? []).filter(isReadme).sorted()
        return names.map { joined(base, $0) }.first { path in
            (try? URL(fileURLWithPath: path).resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }

    static func isReadme(_ relativePath: String) -> Bool {
        relativePath.split(separator: "/").last?.lowercased() == "readme.md"
    }

    private static func joined(_ base: String, _ relative: String) -> String {
        base == "." ? relative : "\(base)/\(relative)"
    }

    /// The paths of every `*.md` below `folder` relative to it, skipping hidden files and folders,
    /// sorted.
    private static func markdownFiles(inFolder folder: String, fileManager: FileManager) throws(Failure) -> [String] {
        var relativePaths: [String] = []
        try walkMarkdownFiles(inFolder: folder, fileManager: fileManager) { relative in
            if let relative { relativePaths.append(relative) }
            return true
        }
        return relativePaths.sorted()
    }

    /// Walks `folder` recursively, skipping hidden files and folders: `visit` is called with nil
    /// for every entry, then with the path relative to `folder` of each `*.md` regular file.
    /// Returns false as soon as `visit` does, true when the walk went through the whole folder.
    @discardableResult
    private static func walkMarkdownFiles(
        inFolder folder: String, fileManager: FileManager, visit: (String?) -> Bool
    ) throws(Failure) -> Bool {
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
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            guard visit(nil) else { return false }
            guard url.pathExtension.lowercased() == "md",
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(rootPath) else { continue }
            guard visit(String(full.dropFirst(rootPath.count))) else { return false }
        }
        return true
    }

    static func stripExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        return String(path[..<dot])
    }
}
