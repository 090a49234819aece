import Foundation
import QNBFuzzing
import Testing

/// Every committed seed and every input that once made a harness crash, hang or leak, run
/// through the harness again: past findings stay fixed and the seeds stay valid inputs.
@Suite struct CorpusReplayTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz").path

    @Test(arguments: FuzzHarness.allCases)
    func seedsRun(_ harness: FuzzHarness) throws {
        let seeds = try #require(Replay.inputs(at: "\(Self.fuzzFolder)/Corpus/\(harness.rawValue)"))
        #expect(!seeds.isEmpty)
        for path in seeds {
            harness.run(try #require(FileManager.default.contents(atPath: path).map(Array.init)))
        }
    }

    @Test(arguments: FuzzHarness.allCases)
    func regressionsRun(_ harness: FuzzHarness) throws {
        let inputs = Replay.inputs(at: "\(Self.fuzzFolder)/Regressions/\(harness.rawValue)") ?? []
        for path in inputs {
            harness.run(try #require(FileManager.default.contents(atPath: path).map(Array.init)))
        }
    }
}
