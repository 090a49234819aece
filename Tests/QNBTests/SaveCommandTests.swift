import Foundation
import Testing

/// `save` in notebooks: files land in the notebook's output folder, written by `qnb run` only,
/// and `qnb check` compares them by digest.
@Suite struct SaveCommandTests {
    static let notebook = """
        ```swift
        let w = tensor([[1, -2], [3, 0.5]])
        save(w, to: "w.npy")
        save(quantize(w, bits: 4), to: "weights/q.safetensors")
        ```
        """

    @Test func runWritesTheSavedFilesBesideThePage() throws {
        let box = try Sandbox()
        try box.write("notebooks/s.md", Self.notebook)
        let result = try box.qnb("run", "notebooks/s.md")
        #expect(result.status == 0, "\(result.stderr)")
        let npy = try Data(contentsOf: box.root.appendingPathComponent("output/s/w.npy"))
        // The .npy magic, then (after the 64-byte-aligned header) the four float32 values.
        #expect(npy.prefix(6) == Data([0x93]) + Data("NUMPY".utf8))
        let floats: [Float] = [1, -2, 3, 0.5]
        let expected = floats.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        #expect(Array(npy.suffix(16)) == expected)
        #expect(npy.count % 16 == 0 && (npy.count - 16) % 64 == 0)
        #expect(box.exists("output/s/weights/q.safetensors"))
        #expect(try box.read("output/s.html").contains("Saved <code>w.npy</code> (144 bytes)"))
        #expect(try box.read("output/s.json").contains("\"name\" : \"w.npy\""))
    }

    @Test func checkComparesSavedFilesAndWritesNone() throws {
        let box = try Sandbox()
        try box.write("notebooks/s.md", Self.notebook)
        #expect(try box.qnb("run", "notebooks/s.md").status == 0)
        try FileManager.default.removeItem(at: box.root.appendingPathComponent("output/s"))
        #expect(try box.qnb("check", "notebooks/s.md").status == 0)
        #expect(!box.exists("output/s/w.npy"))
        try box.write("notebooks/s.md", Self.notebook.replacingOccurrences(of: "0.5]]", with: "0.25]]"))
        let changed = try box.qnb("check", "notebooks/s.md")
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("the bytes of w.npy changed"))
    }

    @Test func namesOutsideTheOutputFolderAreRefused() throws {
        let box = try Sandbox()
        for name in ["../x.npy", "/tmp/x.npy", "a/../../x.npy", "w.txt", ""] {
            try box.write("notebooks/e.md", "```swift\nsave(tensor([1]), to: \"\(name)\")\n```\n")
            let result = try box.qnb("run", "notebooks/e.md")
            #expect(result.status == 1, "\(name)")
            #expect(result.stderr.contains("notebooks/e.md:2:"), "\(name): \(result.stderr)")
        }
        #expect(!box.exists("x.npy") && !box.exists("output/x.npy"))
    }
}
