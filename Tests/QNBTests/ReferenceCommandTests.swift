import Foundation
import Testing

/// `qnb builtins`: the committed docs/reference.md is what the command generates, and the
/// command's filters and formats.
@Suite struct ReferenceCommandTests {
    static let committedReference = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/reference.md")

    @Test func docsReferenceIsCurrent() throws {
        let box = try Sandbox()
        let result = try box.qnb("builtins", "--markdown")
        #expect(result.status == 0, "\(result.stderr)")
        let committed = try String(contentsOf: Self.committedReference, encoding: .utf8)
        guard result.stdout != committed else { return }
        let generated = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let stored = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(generated, stored)).firstIndex { $0 != $1 } ?? min(generated.count, stored.count)
        Issue.record(
            """
            docs/reference.md is out of date: run `make reference` and commit it. First difference at \
            line \(line + 1):
              committed: \(line < stored.count ? String(stored[line]) : "(end of file)")
              generated: \(line < generated.count ? String(generated[line]) : "(end of output)")
            """)
    }

    @Test func namesFilterTheReference() throws {
        let box = try Sandbox()
        let result = try box.qnb("builtins", "dequantize", "Tensor.abs")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Functions — Quantization\n  dequantize(_ e: EncodedTensor) -> Tensor\n"))
        #expect(result.stdout.contains("      Example:\n        let q = quantize("))
        #expect(result.stdout.contains("      Output:\n        [1, -4, 0, 7] [0.5, -2.0, 0.0, 3.5]\n"))
        #expect(
            result.stdout.contains("\nTensor (type) — A dense Float32 tensor with a shape.\n  absMax() -> Double\n"))
        #expect(result.stdout.contains("\n  abs() -> Tensor\n"), "a dotted name is a prefix")
        #expect(!result.stdout.contains("  print(_ items"))

        let options = try box.qnb("builtins", "--no-examples", "perChannel")
        #expect(options.stdout.hasPrefix("Granularity (options) — Which elements share one scale and zero point.\n"))
        #expect(!options.stdout.contains("Example:"))

        let none = try box.qnb("builtins", "nosuchbuiltin")
        #expect(none.status == 2)
        #expect(none.stderr == "error: no builtin matches 'nosuchbuiltin'\n")
    }

    @Test func markdownHasContentsAndAnchorsForEveryHeading() throws {
        let box = try Sandbox()
        let result = try box.qnb("builtins", "--markdown", "quantize", "Tensor.+")
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = result.stdout
        #expect(markdown.hasPrefix("# qnb cell language reference\n\n"))
        #expect(markdown.contains("\n## Contents\n\n- [Functions](#functions)\n  - [Quantization](#quantization): "))
        #expect(markdown.contains("[`quantize`](#quantize)"))
        #expect(markdown.contains("\n#### `quantize`\n\n```swift\nquantize(_ x: Tensor, bits: Int = 8"))
        #expect(markdown.contains("\n#### `Tensor` operator `+`\n"))
        #expect(markdown.contains("- [Types](#types): [Tensor](#tensor)"))
        #expect(markdown.contains("\nExample:\n\n```swift\n"))
        #expect(markdown.contains("\nOutput:\n\n```text\n"))
    }
}
