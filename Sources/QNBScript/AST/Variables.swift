/// A local variable or parameter, as declared; shared by every reference to it.
///
/// Locals live in their function's frame at `index`. One captured by a closure (or declared
/// without an initial value) lives in a `Box` in that slot instead, so closures share it by
/// reference as in Swift; a fresh box is made each time the declaration runs, so each loop
/// iteration's variable is its own.
final class VariableSlot {
    let name: String
    let isMutable: Bool
    /// The annotated type, or one inferred from an obvious initializer (`[Double]()`).
    let declaredType: ScriptType?
    let index: Int
    let position: SourcePosition
    var isBoxed = false
    /// A `let` declared without a value: it may be assigned once.
    var isDeferredConstant = false

    init(name: String, isMutable: Bool, declaredType: ScriptType?, index: Int, position: SourcePosition) {
        self.name = name
        self.isMutable = isMutable
        self.declaredType = declaredType
        self.index = index
        self.position = position
    }
}

/// A shared, mutable cell holding one variable's value.
final class Box {
    @exclusivity(unchecked) var value: Value
    var isInitialized: Bool

    init(_ value: Value) {
        self.value = value
        self.isInitialized = true
    }

    init() {
        self.value = .void
        self.isInitialized = false
    }
}

/// A variable declared at the top level of a cell: visible to the following cells.
final class GlobalVariable {
    let name: String
    let isMutable: Bool
    let declaredType: ScriptType?
    @exclusivity(unchecked) var value: Value = .void
    var isInitialized = false
    /// A `let` declared without a value: it may be assigned once.
    var isDeferredConstant = false

    init(name: String, isMutable: Bool, declaredType: ScriptType?) {
        self.name = name
        self.isMutable = isMutable
        self.declaredType = declaredType
    }
}

/// How one use of a name reaches its variable.
enum VariableReference {
    /// A local of the running function (its frame slot or the box in it).
    case local(VariableSlot)
    /// The n-th variable captured by the running closure.
    case captured(Int, VariableSlot)
    case global(GlobalVariable)

    var name: String {
        switch self {
        case .local(let slot), .captured(_, let slot): return slot.name
        case .global(let global): return global.name
        }
    }

    var isMutable: Bool {
        switch self {
        case .local(let slot), .captured(_, let slot): return slot.isMutable
        case .global(let global): return global.isMutable
        }
    }

    var declaredType: ScriptType? {
        switch self {
        case .local(let slot), .captured(_, let slot): return slot.declaredType
        case .global(let global): return global.declaredType
        }
    }

    var isDeferredConstant: Bool {
        switch self {
        case .local(let slot), .captured(_, let slot): return slot.isDeferredConstant
        case .global(let global): return global.isDeferredConstant
        }
    }
}

/// Where a declaration stores its value.
enum VariableTarget {
    case local(VariableSlot)
    case global(GlobalVariable)

    var name: String {
        switch self {
        case .local(let slot): return slot.name
        case .global(let global): return global.name
        }
    }

    var declaredType: ScriptType? {
        switch self {
        case .local(let slot): return slot.declaredType
        case .global(let global): return global.declaredType
        }
    }
}

/// Where a closure being created finds a variable it captures.
enum CaptureSource {
    /// The box in a slot of the creating function's frame.
    case local(VariableSlot)
    /// One of the creating closure's own captures.
    case captured(Int)
}
