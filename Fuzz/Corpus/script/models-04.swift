let shades = ["  ", "..", "::", "oo", "@@"]     // 0, 1–4, 5–8, 9–12, 13–16
var lines: [String] = []
for row in 0..<3 {
    var labels = ""
    for k in 0..<4 { labels += "      digit \(digits.labels[4 * row + k])     " }
    lines.append(labels)
    for y in 0..<8 {
        var line = ""
        for k in 0..<4 {
            let pixels = digits.features[4 * row + k].values
            line += "  "
            for x in 0..<8 { line += shades[Int((pixels[8 * y + x] + 3) / 4)] }
        }
        lines.append(line)
    }
    if row < 2 { lines.append("") }
}
print(lines.joined(separator: "\n"))
