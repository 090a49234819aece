/// One line of a unified diff between a snapshot's text and a new run's.
public enum DiffLine: Hashable, Sendable {
    /// `@@ -3,4 +3,5 @@`
    case hunk(String)
    case context(String)
    case removed(String)
    case added(String)
    /// Under an added line whose text matches the removed line above it except for numbers:
    /// the moved numbers and how far.
    case numbers([NumberChange])

    /// The line as a unified diff prints it (marks as a caret line under the numbers).
    public var plainText: String {
        switch self {
        case .hunk(let text): return text
        case .context(let text): return " " + text
        case .removed(let text): return "-" + text
        case .added(let text): return "+" + text
        case .numbers(let changes): return " " + DiffLine.caretLine(changes)
        }
    }

    /// Carets under each moved number, then `was 0.0123, relative difference 1.6e-02` per number.
    static func caretLine(_ changes: [NumberChange]) -> String {
        var line = ""
        for change in changes {
            line += String(repeating: " ", count: max(0, change.offset - line.count))
            line += String(repeating: "^", count: max(1, change.actualSpelling.count))
        }
        let notes = changes.map { change in
            "was \(change.expectedSpelling), relative difference \(Tolerance.short(change.relativeDifference))"
        }
        return line + "  " + notes.joined(separator: "; ")
    }
}

/// Unified diffs of text outputs in which lines that differ only by numbers within the tolerance
/// count as equal.
public enum LineDiff {
    /// The hunks of a unified diff from `expected` to `actual` with `context` lines around each
    /// change; empty when the texts match.
    public static func unified(
        expected: [String], actual: [String], tolerance: Tolerance, context: Int = 3
    ) -> [DiffLine] {
        let old = expected.map(NumericText.init)
        let new = actual.map(NumericText.init)
        let difference = new.difference(from: old) { $0.matches($1, tolerance: tolerance) }
        guard !difference.isEmpty else { return [] }
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }

        // The edit script: each step an old line, a new line, or both (unchanged).
        enum Step {
            case same(Int, Int)
            case remove(Int)
            case insert(Int)
        }
        var steps: [Step] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count && removed.contains(i) {
                steps.append(.remove(i))
                i += 1
            } else if j < new.count && inserted.contains(j) {
                steps.append(.insert(j))
                j += 1
            } else if i < old.count && j < new.count {
                steps.append(.same(i, j))
                i += 1
                j += 1
            } else {
                break
            }
        }

        // Group the changes into hunks that share their context.
        let changed = steps.indices.filter { if case .same = steps[$0] { return false } else { return true } }
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            if let last = groups.last, index - last.upperBound <= 2 * context + 1 {
                groups[groups.count - 1] = last.lowerBound...index
            } else {
                groups.append(index...index)
            }
        }

        // How many old and new lines come before each step, for the hunk headers.
        var oldBefore: [Int] = []
        var newBefore: [Int] = []
        var oldSeen = 0
        var newSeen = 0
        for step in steps {
            oldBefore.append(oldSeen)
            newBefore.append(newSeen)
            switch step {
            case .same:
                oldSeen += 1
                newSeen += 1
            case .remove: oldSeen += 1
            case .insert: newSeen += 1
            }
        }

        var lines: [DiffLine] = []
        for group in groups {
            let range = max(0, group.lowerBound - context)...min(steps.count - 1, group.upperBound + context)
            var oldCount = 0
            var newCount = 0
            var body: [DiffLine] = []
            var pendingRemovals: [Int] = []
            var pairIndex = 0
            for step in steps[range] {
                switch step {
                case .same(let a, _):
                    oldCount += 1
                    newCount += 1
                    body.append(.context(expected[a]))
                    pendingRemovals = []
                    pairIndex = 0
                case .remove(let a):
                    oldCount += 1
                    body.append(.removed(expected[a]))
                    pendingRemovals.append(a)
                case .insert(let b):
                    newCount += 1
                    body.append(.added(actual[b]))
                    // Pair the n-th added line of a change with its n-th removed line.
                    if pairIndex < pendingRemovals.count,
                        let changes = new[b].numberChanges(from: old[pendingRemovals[pairIndex]], tolerance: tolerance),
                        !changes.isEmpty
                    {
                        body.append(.numbers(changes))
                    }
                    pairIndex += 1
                }
            }
            // A side without lines names the line it comes after (`-3,0`), as unified diffs do.
            let oldFirst = oldBefore[range.lowerBound] + (oldCount > 0 ? 1 : 0)
            let newFirst = newBefore[range.lowerBound] + (newCount > 0 ? 1 : 0)
            lines.append(.hunk("@@ -\(Self.span(oldFirst, oldCount)) +\(Self.span(newFirst, newCount)) @@"))
            lines += body
        }
        return lines
    }

    private static func span(_ first: Int, _ count: Int) -> String {
        count == 1 ? "\(first)" : "\(first),\(count)"
    }
}
