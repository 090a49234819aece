import Foundation
import Testing

/// `load` in notebooks: paths relative to the notebook, every file kind, and errors that name
/// the file and never crash.
@Suite struct LoadCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TensorFilesTests/Fixtures")

    static func project() throws -> Sandbox {
        let box = try Sandbox()
        for (source, destination) in [
            ("npy/be_f4.npy", "notebooks/data/be.npy"),
            ("safetensors/plain.safetensors", "notebooks/data/m.safetensors"),
            ("safetensors/mixed.safetensors", "notebooks/data/mixed.safetensors"),
        ] {
            try box.write(destination, try Data(contentsOf: Self.fixtures.appendingPathComponent(source)))
        }
        try box.write("notebooks/data/t.csv", "a,b\n1.5,2\n3,4\n")
        try box.write("secret.npy", try Data(contentsOf: Self.fixtures.appendingPathComponent("npy/be_f4.npy")))
        return box
    }

    @Test func loadsEachKindRelativeToTheNotebook() throws {
        let box = try Self.project()
        try box.write(
            "notebooks/l.md",
            """
            ```swift
            let a = load("data/m.safetensors")
            print(a.names, a["weight"].shape, load("data/m.safetensors", tensor: "bias").shape)
            print(load("data/t.csv").values)
            print(load("data/be.npy").shape)
            load("data/mixed.safetensors")
            ```
            """)
        let result = try box.qnb("run", "--verbose", "notebooks/l.md")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[\"bias\", \"weight\"] [4, 2] [2]"))
        #expect(result.stdout.contains("[1.5, 2.0, 3.0, 4.0]"))
        #expect(result.stdout.contains("data/mixed.safetensors: 15 tensors"))
        #expect(result.stdout.contains("metadata"))
    }

    @Test func badFilesAreLocatedErrors() throws {
        let box = try Self.project()
        let npy = try Data(contentsOf: Self.fixtures.appendingPathComponent("npy/be_f4.npy"))
        try box.write("notebooks/data/cut.npy", npy.prefix(npy.count - 3))
        let cases = [
            ("load(\"data/none.npy\")", "notebooks/e.md:2:6: error: no such file 'data/none.npy'"),
            ("load(\"data/m.safetensors\", tensor: \"w\")", "has no tensor 'w'; it has: bias, weight"),
            ("load(\"data/cut.npy\")", "notebooks/e.md:2:6: error: 'cut.npy' is truncated"),
            (
                "load(\"../../../../../../etc/passwd\")",
                "is outside the notebook's folder; cells read only files below it"
            ),
            ("load(\"data/m.safetensors\")[\"nope\"]", "has no tensor 'nope'"),
        ]
        for (code, message) in cases {
            try box.write("notebooks/e.md", "```swift\n\(code)\n```\n")
            let result = try box.qnb("run", "notebooks/e.md")
            #expect(result.status == 1, "\(code)")
            #expect(result.stderr.contains(message), "\(code): \(result.stderr)")
        }
    }
}
