/// The prose with each formula replaced by a placeholder that Markdown leaves alone, and the
/// formulas themselves. A placeholder is a marker character, the formula's number, and the
/// marker again (`\u{E000}3\u{E000}`); the marker is a private-use character that the notebook
/// does not contain, so no notebook text can pose as a placeholder. A formula over several lines
/// has a placeholder on each of its lines, so that every later line keeps its line number.
struct MathExtraction: Sendable {
    /// The prose to give cmark.
    var markdown: String
    var spans: [MathSpan]
    var marker: Unicode.Scalar

    /// `text` with every placeholder replaced by `replacement(span, occurrence)`, where
    /// `occurrence` counts the placeholders of that span seen so far (0 for the first). A
    /// placeholder that continues the same formula on the next line is removed together with
    /// the line break before it when `joinLines` is set.
    func replacingPlaceholders(
        in text: String, joinLines: Bool, _ replacement: (_ span: Int, _ occurrence: Int) -> String
    ) -> String {
        guard !spans.isEmpty, text.unicodeScalars.contains(marker) else { return text }
        let bytes = Array(text.utf8)
        let markerBytes = Array(String(Character(marker)).utf8)
        func isMarker(at index: Int) -> Bool {
            index + markerBytes.count <= bytes.count
                && bytes[index..<index + markerBytes.count].elementsEqual(markerBytes)
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var occurrences: [Int: Int] = [:]
        var lastSpan: Int?
        var lastEnd = 0
        var index = 0
        while index < bytes.count {
            guard isMarker(at: index) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            var end = index + markerBytes.count
            var span = 0
            while end < bytes.count, end - index - markerBytes.count < 9, bytes[end] >= 48, bytes[end] <= 57 {
                span = span * 10 + Int(bytes[end] - 48)
                end += 1
            }
            guard end > index + markerBytes.count, isMarker(at: end), spans.indices.contains(span) else {
                // Not a placeholder of ours (cannot happen: the marker is absent from the notebook).
                result.append(bytes[index])
                index += 1
                continue
            }
            index = end + markerBytes.count
            let occurrence = occurrences[span, default: 0]
            occurrences[span] = occurrence + 1
            if joinLines && occurrence > 0 && lastSpan == span
                && result[lastEnd...].allSatisfy({ $0 == 0x0A || $0 == 0x20 || $0 == 0x0D })
            {
                result.removeSubrange(lastEnd...)
            }
            result += replacement(span, occurrence).utf8
            lastSpan = span
            lastEnd = result.count
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` as the notebook wrote it: every placeholder replaced by the text it stands for.
    func restoringSource(in text: String) -> String {
        replacingPlaceholders(in: text, joinLines: false) { span, occurrence in
            let pieces = spans[span].pieces
            return occurrence < pieces.count ? pieces[occurrence] : ""
        }
    }
}
