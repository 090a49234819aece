/// The tokens a sequence model knows, each with an integer id: four special tokens first
/// (`<pad>` 0, `<s>` 1, `</s>` 2, `<unk>` 3), then the distinct tokens of the corpus it was built
/// from in Unicode scalar order, so the same tokens give the same ids whatever order the corpus
/// lists them in.
public struct Vocabulary: Sendable, Hashable, CustomStringConvertible {
    public static let padding = "<pad>"
    public static let start = "<s>"
    public static let end = "</s>"
    public static let unknown = "<unk>"

    public static let paddingID = 0
    public static let startID = 1
    public static let endID = 2
    public static let unknownID = 3

    /// The token of each id.
    public let tokens: [String]
    private let ids: [String: Int]

    /// The vocabulary of every token in `sequences`. Special tokens in the sequences are
    /// ordinary text for it: they map to their ids like any known token.
    public init(_ sequences: [[String]]) {
        let specials = [Self.padding, Self.start, Self.end, Self.unknown]
        var seen = Set(specials)
        var found: [String] = []
        for sequence in sequences {
            for token in sequence where seen.insert(token).inserted { found.append(token) }
        }
        found.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        tokens = specials + found
        var ids: [String: Int] = [:]
        for (id, token) in tokens.enumerated() { ids[token] = id }
        self.ids = ids
    }

    /// Tokens including the four special ones.
    public var count: Int { tokens.count }

    /// The id of `token`, `unknownID` for a token the vocabulary has not seen.
    public func id(of token: String) -> Int { ids[token] ?? Self.unknownID }

    /// The ids of `tokens`.
    public func encode(_ tokens: [String]) -> [Int] { tokens.map(id(of:)) }

    /// The tokens of `ids` up to the first end token, without padding and start tokens; ids out of
    /// range read as `<unk>`.
    public func decode(_ ids: [Int]) -> [String] {
        var result: [String] = []
        for id in ids {
            if id == Self.endID { break }
            if id == Self.paddingID || id == Self.startID { continue }
            result.append(tokens.indices.contains(id) ? tokens[id] : Self.unknown)
        }
        return result
    }

    public var description: String {
        let shown = tokens.dropFirst(4).prefix(40).joined(separator: " ")
        return "Vocabulary(\(count) tokens: \(shown)\(count > 44 ? " …" : ""))"
    }
}
