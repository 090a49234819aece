/// In-place selection of order statistics (the engine's `nth_element`).
///
/// Used by `percentile`, so the values must not contain NaN. The algorithm is deterministic
/// (median-of-three pivots, no randomness) and falls back to a full sort when partitioning
/// degenerates, so the worst case stays O(n log n).
enum Selection {
    /// Rearranges `buffer` so that `buffer[k]` holds the value it would have after sorting, with
    /// no larger element before it and no smaller one after it.
    static func select(_ buffer: UnsafeMutableBufferPointer<Float>, _ k: Int) {
        precondition(k >= 0 && k < buffer.count, "selection index out of range")
        var low = 0
        var high = buffer.count - 1
        var budget = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount) + 8
        while high - low > 16 {
            if budget == 0 {
                sortRange(buffer, low...high)
                return
            }
            budget -= 1
            let pivot = medianOfThree(buffer[low], buffer[low + (high - low) / 2], buffer[high])
            // Hoare partition: afterwards buffer[low...j] ≤ pivot ≤ buffer[i...high].
            var i = low
            var j = high
            while i <= j {
                while buffer[i] < pivot { i += 1 }
                while buffer[j] > pivot { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return  // j < k < i: buffer[k] equals the pivot and is in place.
            }
        }
        sortRange(buffer, low...high)
    }

    private static func sortRange(_ buffer: UnsafeMutableBufferPointer<Float>, _ range: ClosedRange<Int>) {
        var slice = UnsafeMutableBufferPointer(rebasing: buffer[range])
        slice.sort()
    }

    private static func medianOfThree(_ a: Float, _ b: Float, _ c: Float) -> Float {
        Swift.max(Swift.min(a, b), Swift.min(Swift.max(a, b), c))
    }
}
