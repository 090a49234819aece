import ArgumentParser
import Foundation
import QNBScript

extension QNB {
    struct Builtins: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the reference of every builtin available in cells, with examples and their output.",
            discussion: """
                Generated from the same table the interpreter uses, so it is always current; every \
                example is run when the reference is printed, so its output is the real one. \
                docs/reference.md is `qnb builtins --markdown` (`make reference` rewrites it).

                Exit status: 0 success, 1 an example did not behave as documented, 2 no builtin \
                matches the names given.
                """
        )

        @Argument(
            help: """
                Show only builtins whose name contains one of these (ignoring case); \
                `Tensor.m` shows the members of Tensor starting with m.
                """)
        var names: [String] = []

        @Flag(help: "Write GitHub-flavoured Markdown instead of plain text.")
        var markdown = false

        @Flag(help: "Leave out the examples (signatures and documentation only; no example is run).")
        var noExamples = false

        func run() throws {
            let library = BuiltinLibrary.qnb
            let catalog = BuiltinExampleCatalog.qnb
            let document = try ExampleFolder.withFixtures(catalog.fixtures) { folder in
                BuiltinReferenceDocument(
                    library: library, catalog: noExamples ? .init(sections: []) : catalog,
                    runner: noExamples ? nil : BuiltinExampleRunner(library: library, directory: folder),
                    queries: names)
            }
            guard !document.parts.isEmpty else {
                Terminal.standardError.write(
                    "error: no builtin matches \(names.map { "'\($0)'" }.joined(separator: ", "))\n")
                throw ExitCode(ExitStatus.badInput)
            }
            let output =
                markdown
                ? document.markdown(
                    title: BuiltinReferenceDocument.markdownTitle,
                    introduction: BuiltinReferenceDocument.markdownIntroduction)
                : document.text + "\n"
            Terminal.standardOutput.write(output)
            let failed = document.items.compactMap(\.result).filter { !$0.isExpected }
            if !failed.isEmpty {
                for result in failed {
                    let what = result.error.map { "failed: \($0.message)" } ?? "should have failed but did not"
                    Terminal.standardError.write("error: the example of \(result.example.key) \(what)\n")
                }
                throw ExitCode(ExitStatus.cellFailed)
            }
        }
    }
}

/// A temporary folder holding the files the reference's examples read, removed afterwards.
enum ExampleFolder {
    static func withFixtures<T>(_ files: [SavedFile], _ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("qnb-reference-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
        return try body(folder.path)
    }
}
