/// The stages of one `qnb run` and how long each took, for `--timings`.
struct StageTimings {
    let clock: ContinuousClock
    private var last: ContinuousClock.Instant
    private(set) var stages: [(name: String, duration: Duration)] = []

    init(clock: ContinuousClock, start: ContinuousClock.Instant) {
        self.clock = clock
        self.last = start
    }

    /// Time inside the current lap already reported by `add`.
    private var added = Duration.zero

    /// Records a stage that ended now and began where the previous lap ended, less the time
    /// of the stages `add`ed since.
    mutating func lap(_ name: String) {
        let now = clock.now
        stages.append((name, now - last - added))
        last = now
        added = .zero
    }

    /// Records a stage measured by its own clock (a cell), inside the current lap.
    mutating func add(_ name: String, _ duration: Duration) {
        stages.append((name, duration))
        added += duration
    }

    func report(title: String, total: Duration) -> String {
        let width = max(16, stages.map(\.name.count).max() ?? 0)
        var text = "timings for \(title):\n"
        for stage in stages {
            text += "  " + padded(stage.name, width)
            text += "  " + pad(formatDuration(stage.duration.milliseconds)) + "\n"
        }
        text += "  " + padded("total", width)
        text += "  " + pad(formatDuration(total.milliseconds)) + "\n"
        return text
    }

    private func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private func pad(_ text: String) -> String {
        String(repeating: " ", count: max(0, 9 - text.count)) + text
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1e3 + Double(components.attoseconds) * 1e-15
    }
}

/// Milliseconds with one decimal below 10 ms, none above: "3.2 ms", "48 ms". (Not
/// `String(format:)`, whose first call loads Foundation's locale machinery.)
func formatDuration(_ milliseconds: Double) -> String {
    let value = max(0, milliseconds.isFinite ? milliseconds : 0)
    if value < 10 {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) ms"
    }
    return value < 1e15 ? "\(Int(value.rounded())) ms" : "\(value) ms"
}
