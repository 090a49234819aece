import Foundation
import QNBNotebook
import QNBScript
import Testing

@Suite("Check: tolerances and numbers inside text")
struct ToleranceTests {
    @Test func defaultToleranceIsOnePartPerMillion() {
        let tolerance = Tolerance.default
        #expect(tolerance.accepts(1.0, 1.0 + 0.9e-6))
        #expect(!tolerance.accepts(1.0, 1.0 + 1.1e-6))
        // Relative to the larger magnitude, symmetric in its arguments.
        #expect(tolerance.accepts(1000, 1000.0009))
        #expect(!tolerance.accepts(1000, 1000.0011))
        #expect(tolerance.accepts(-5e-3, -5.000004e-3))
        #expect(!tolerance.accepts(2, -2))
    }

    @Test func theAbsoluteFloorLetsValuesNearZeroPass() {
        let tolerance = Tolerance.default
        #expect(tolerance.accepts(0, 1e-13))
        #expect(tolerance.accepts(3e-13, -4e-13))
        #expect(!tolerance.accepts(0, 1e-11))
        #expect(Tolerance(relative: 0).accepts(0.5, 0.5 + 1e-13))
        #expect(!Tolerance(relative: 0, absolute: 0).accepts(0.5, 0.5.nextUp))
    }

    @Test func nonFiniteValuesMatchOnlyThemselves() {
        let tolerance = Tolerance(relative: 1)
        #expect(tolerance.accepts(.nan, .nan))
        #expect(!tolerance.accepts(.nan, 1))
        #expect(tolerance.accepts(.infinity, .infinity))
        #expect(!tolerance.accepts(.infinity, -.infinity))
        #expect(!tolerance.accepts(.infinity, 1e308))
    }

    @Test func relativeDifferenceIsMeasuredAgainstTheLargerMagnitude() {
        #expect(Tolerance.relativeDifference(4, 5) == 0.2)
        #expect(Tolerance.relativeDifference(5, 4) == 0.2)
        #expect(Tolerance.relativeDifference(0, 0) == 0)
        #expect(Tolerance.relativeDifference(1, .nan) == .infinity)
        #expect(Tolerance.short(0.2) == "0.2")
        #expect(Tolerance.short(0.016) == "0.016")
        #expect(Tolerance.short(8.4e-4) == "8.4e-04")
        #expect(Tolerance.default.description == "1e-06")
    }

    static func numbers(_ text: String) -> [String] {
        NumericText(text).pieces.compactMap { piece in
            if case .number(_, let spelling, _) = piece { return spelling }
            return nil
        }
    }

    @Test func numbersAreFoundWhereTheyStandAlone() {
        #expect(Self.numbers("mse = 0.125, max -3 and 1.5e-06 or 2E+3") == ["0.125", "-3", "1.5e-06", "2E+3"])
        #expect(Self.numbers("[0.5, -1.25, .75]") == ["0.5", "-1.25", ".75"])
        #expect(Self.numbers("4x smaller, 12ms, 3.") == ["4", "12", "3"])
        #expect(Self.numbers("x = −0.5") == ["−0.5"])
    }

    @Test func digitsInsideWordsAndVersionsStayText() {
        #expect(Self.numbers("int8 fp16 x2 a_1") == [])
        #expect(Self.numbers("qnb 1.2.3") == [])
        #expect(Self.numbers("3_000") == [])
        let pieces = NumericText("int8: 127").pieces
        #expect(pieces == [.text("int8: "), .number(127, spelling: "127", offset: 6)])
    }

    @Test func textMatchesWhenOnlyNumbersMoveWithinTolerance() {
        let old = NumericText("mse = 0.125 (8 bits)")
        #expect(NumericText("mse = 0.1250000001 (8 bits)").matches(old, tolerance: .default))
        #expect(!NumericText("mse = 0.126 (8 bits)").matches(old, tolerance: .default))
        #expect(NumericText("mse = 0.126 (8 bits)").matches(old, tolerance: Tolerance(relative: 0.01)))
        // The text around the numbers must be identical.
        #expect(!NumericText("MSE = 0.125 (8 bits)").matches(old, tolerance: Tolerance(relative: 1)))
        #expect(!NumericText("mse = 0.125 (8 bit)").matches(old, tolerance: Tolerance(relative: 1)))
        #expect(!NumericText("mse = 0.125").matches(old, tolerance: Tolerance(relative: 1)))
    }

    @Test func numberChangesNameTheMovedNumbersAndWhereTheyAre() throws {
        let old = NumericText("a = 1.5, b = 2, c = 3")
        let new = NumericText("a = 1.5, b = 2.5, c = 3")
        let changes = try #require(new.numberChanges(from: old, tolerance: .default))
        #expect(changes.count == 1)
        #expect(changes[0].expectedSpelling == "2")
        #expect(changes[0].actualSpelling == "2.5")
        #expect(changes[0].offset == 13)
        #expect(changes[0].relativeDifference == 0.2)
        #expect(NumericText("a = 1.5, b = 2").numberChanges(from: old, tolerance: .default) == nil)
    }
}

@Suite("Check: unified diffs")
struct LineDiffTests {
    /// GNU `diff -u` of the same lines, without its two file header lines: an independent
    /// implementation to compare hunks and line numbers with.
    static func gnuDiff(_ old: [String], _ new: [String]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qnb-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a")
        let b = folder.appendingPathComponent("b")
        try Data(old.map { $0 + "\n" }.joined().utf8).write(to: a)
        try Data(new.map { $0 + "\n" }.joined().utf8).write(to: b)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", a.path, b.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropFirst(2).dropLast().map(String.init)
    }

    static func plain(_ lines: [DiffLine]) -> [String] {
        lines.compactMap { line in
            if case .numbers = line { return nil }
            return line.plainText
        }
    }

    @Test func hunksAgreeWithGNUDiff() throws {
        let old = (1...30).map { "line \($0) of the text" }
        var new = old
        new[2] = "line three changed"
        new.remove(at: 15)
        new.insert("an inserted line", at: 20)
        new.append("a last line")
        let ours = Self.plain(LineDiff.unified(expected: old, actual: new, tolerance: .default))
        #expect(ours == (try Self.gnuDiff(old, new)))
    }

    @Test func insertionsIntoEmptyTextAndDeletionsToEmptyText() throws {
        let lines = ["one", "two"]
        #expect(
            Self.plain(LineDiff.unified(expected: [], actual: lines, tolerance: .default)) == [
                "@@ -0,0 +1,2 @@", "+one", "+two",
            ])
        #expect(
            Self.plain(LineDiff.unified(expected: lines, actual: [], tolerance: .default))
                == (try Self.gnuDiff(lines, [])))
    }

    @Test func linesWhoseNumbersMoveWithinToleranceAreNotDifferences() {
        let old = ["mse 0.125", "bits 8"]
        let new = ["mse 0.12500000001", "bits 8"]
        #expect(LineDiff.unified(expected: old, actual: new, tolerance: .default).isEmpty)
        #expect(!LineDiff.unified(expected: old, actual: ["mse 0.13", "bits 8"], tolerance: .default).isEmpty)
    }

    @Test func movedNumbersAreMarkedUnderTheNewLine() {
        let diff = LineDiff.unified(expected: ["   5  0.25  x"], actual: ["   5  0.5  x"], tolerance: .default)
        #expect(
            diff.map(\.plainText) == [
                "@@ -1 +1 @@",
                "-   5  0.25  x",
                "+   5  0.5  x",
                "       ^^^  was 0.25, relative difference 0.5",
            ])
    }
}
