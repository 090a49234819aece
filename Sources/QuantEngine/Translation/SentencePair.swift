/// One sentence and its translation, each as a sequence of tokens (English words, Chinese
/// characters).
public struct SentencePair: Sendable, Hashable, CustomStringConvertible {
    /// The sentence to translate, e.g. `["three", "thousand", "and", "forty", "two"]`.
    public var source: [String]
    /// Its translation, e.g. `["三", "千", "零", "四", "十", "二"]`.
    public var target: [String]

    public init(source: [String], target: [String]) {
        self.source = source
        self.target = target
    }

    /// The source tokens joined by single spaces ("three thousand and forty two").
    public var sourceText: String { source.joined(separator: " ") }

    /// The target tokens joined with no separator ("三千零四十二"), as Chinese is written.
    public var targetText: String { target.joined() }

    /// `three thousand and forty two → 三千零四十二`.
    public var description: String { "\(sourceText) → \(targetText)" }
}
