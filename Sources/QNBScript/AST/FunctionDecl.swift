/// A lowered function or closure: parameters, body, and what it captures.
final class FunctionDecl {
    struct Parameter {
        /// The argument label (nil for `_`).
        var label: String?
        var name: String
        /// nil for closure parameters without an annotation.
        var type: ScriptType?
        var defaultValue: Expr?
        var isInout = false
        var isVariadic = false
        var slot: VariableSlot
    }

    let name: String
    let isClosure: Bool
    let position: SourcePosition
    var parameters: [Parameter] = []
    /// The declared result type; nil for a closure without one (its result is not checked) and
    /// `.void` for a function without `->`.
    var returnType: ScriptType?
    var body = Block.empty
    /// A body that is a single expression returns its value (`{ $0 * 2 }`, `func f() -> Int { 1 }`).
    var returnsSingleExpression = false
    var slotCount = 0
    var captures: [CaptureSource] = []
    /// Whether any local lives in a box (the frame then needs a box table).
    var hasBoxedSlots = false
    var matcherCache: ArgumentMatcher?

    init(name: String, isClosure: Bool, position: SourcePosition) {
        self.name = name
        self.isClosure = isClosure
        self.position = position
    }

    /// `name(label:label:)`, the way Swift names a function in messages.
    var fullName: String {
        let labels = parameters.map { ($0.label ?? "_") + ":" }.joined()
        return "\(name)(\(labels))"
    }
}
