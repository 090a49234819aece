/// What one notebook's job prints, kept until the job is done so that notebooks running at the
/// same time never interleave their lines.
struct Transcript: Sendable {
    private(set) var chunks: [(stream: Terminal, text: String)] = []

    mutating func out(_ text: String) { append(.standardOutput, text) }
    mutating func err(_ text: String) { append(.standardError, text) }

    private mutating func append(_ stream: Terminal, _ text: String) {
        guard !text.isEmpty else { return }
        if let last = chunks.last, last.stream.descriptor == stream.descriptor {
            chunks[chunks.count - 1].text += text
        } else {
            chunks.append((stream, text))
        }
    }

    /// Writes everything, in the order it was produced.
    func flush() {
        for chunk in chunks { chunk.stream.write(chunk.text) }
    }
}
