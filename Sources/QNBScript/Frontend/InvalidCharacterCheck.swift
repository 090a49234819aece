import SwiftSyntax

/// A guard run after parsing, before swift-syntax's diagnostics: an invalid character (a control
/// character, or bytes that are not UTF-8) right before an `=` that has spaces on both sides, as
/// in `let a \u{1}= 1`, makes the lexer flag the `=` for inconsistent whitespace, and the
/// diagnostics generator of swift-syntax 602 then builds a fix-it with no change, which
/// `FixIt.init` rejects with a fatal error. Such a cell gets the error swift-syntax gives for the
/// character itself.
enum InvalidCharacterCheck {
    static let message = "invalid character in source file"

    /// Where the invalid text before such an `=` starts, if the tree has one.
    static func firstBeforeSpacedEqual(in tree: SourceFileSyntax) -> AbsolutePosition? {
        for token in tree.tokens(viewMode: .all)
        where token.tokenDiagnostic?.kind == .equalMustHaveConsistentWhitespaceOnBothSides {
            let previous = token.previousToken(viewMode: .all)
            let before = previous?.trailingTrivia ?? []
            guard before.contains(where: isSpaceOrTab), token.trailingTrivia.contains(where: isSpaceOrTab) else {
                continue
            }
            // The invalid text is the last trivia before the `=`: in its leading trivia, or else
            // in the trailing trivia of the token before it.
            let equal = token.positionAfterSkippingLeadingTrivia
            guard let last = token.leadingTrivia.pieces.last ?? before.pieces.last, case .unexpectedText = last else {
                return equal
            }
            return equal.advanced(by: -last.sourceLength.utf8Length)
        }
        return nil
    }

    static func isSpaceOrTab(_ piece: TriviaPiece) -> Bool {
        switch piece {
        case .spaces, .tabs: return true
        default: return false
        }
    }
}
