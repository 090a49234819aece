/// How a statement finished: normally, or by jumping out.
enum Completion {
    case normal
    case breakLoop(String?)
    case continueLoop(String?)
    case returned(Value)
}

extension Interpreter {
    func execute(_ block: Block) throws -> Completion {
        if !block.functions.isEmpty { createFunctions(block.functions) }
        for slot in block.functionSlots where slot.isBoxed { frame.boxes[slot.index] = Box() }
        for statement in block.statements {
            let completion = try execute(statement)
            if case .normal = completion { continue }
            return completion
        }
        return .normal
    }

    /// Creates a block's functions; boxes first, so functions capturing each other see them.
    func createFunctions(_ functions: [(target: VariableTarget, function: FunctionDecl)]) {
        for (target, _) in functions {
            if case .local(let slot) = target, slot.isBoxed { frame.boxes[slot.index] = Box() }
        }
        for (target, decl) in functions {
            let value = Value.function(makeClosure(decl))
            switch target {
            case .local(let slot):
                if slot.isBoxed {
                    frame.boxes[slot.index]?.value = value
                    frame.boxes[slot.index]?.isInitialized = true
                } else {
                    frame.values[slot.index] = value
                }
            case .global(let global):
                global.value = value
                global.isInitialized = true
                globals.publish(global)
            }
        }
    }

    func makeClosure(_ decl: FunctionDecl) -> ScriptFunction {
        var captures: [Box] = []
        captures.reserveCapacity(decl.captures.count)
        for source in decl.captures {
            switch source {
            case .local(let slot):
                if let box = frame.boxes[slot.index] {
                    captures.append(box)
                } else {
                    let box = Box()
                    frame.boxes[slot.index] = box
                    captures.append(box)
                }
            case .captured(let index):
                captures.append(frame.captures[index])
            }
        }
        return ScriptFunction(.user(decl, captures: captures))
    }

    func execute(_ statement: Stmt) throws -> Completion {
        switch statement {
        case .expression(let expr):
            _ = try evaluate(expr)
            return .normal

        case .declaration(let pattern, let type, let initializer, let position):
            guard let initializer else {
                declareUninitialized(pattern)
                return .normal
            }
            let value = try type.map { try evaluate(initializer, as: $0, site: .declaration) } ?? evaluate(initializer)
            try bind(pattern, value, at: position)
            return .normal

        case .assign(let path, let value, let position):
            try assign(path, value, at: position)
            return .normal

        case .compoundAssign(let op, let path, let value, let position):
            try compoundAssign(op, path, value, at: position)
            return .normal

        case .discard(let expr):
            _ = try evaluate(expr)
            return .normal

        case .ifStatement(let branches, let elseBlock):
            for branch in branches where try conditionsHold(branch.conditions) {
                return try execute(branch.body)
            }
            if let elseBlock { return try execute(elseBlock) }
            return .normal

        case .guardStatement(let conditions, let elseBody, let position):
            if try conditionsHold(conditions) { return .normal }
            let completion = try execute(elseBody)
            if case .normal = completion {
                throw ScriptError("'guard' body must not fall through", at: position)
            }
            return completion

        case .whileLoop(let label, let conditions, let body, let position):
            while try conditionsHold(conditions) {
                try tick(position)
                let completion = try execute(body)
                switch completion {
                case .normal: continue
                case .breakLoop(let target) where target == nil || target == label: return .normal
                case .continueLoop(let target) where target == nil || target == label: continue
                default: return completion
                }
            }
            return .normal

        case .repeatWhile(let label, let body, let condition, let position):
            repeat {
                try tick(position)
                let completion = try execute(body)
                switch completion {
                case .normal: break
                case .breakLoop(let target) where target == nil || target == label: return .normal
                case .continueLoop(let target) where target == nil || target == label: break
                default: return completion
                }
            } while try evaluateCondition(condition)
            return .normal

        case .forIn(let loop):
            return try executeFor(loop)

        case .breakStatement(let label, _):
            return .breakLoop(label)

        case .continueStatement(let label, _):
            return .continueLoop(label)

        case .returnStatement(let expr, let position):
            guard let expr else { return .returned(.void) }
            guard let type = frame.returnType else { return .returned(try evaluate(expr)) }
            if type == .void {
                let value = try evaluate(expr)
                if !value.isVoid {
                    throw ScriptError("unexpected non-void return value in void function", at: expr.startPosition)
                }
                _ = position
                return .returned(value)
            }
            return .returned(try evaluate(expr, as: type, site: .returnValue))

        case .block(let block):
            return try execute(block)

        case .switchStatement(let statement):
            return try executeSwitch(statement)

        case .function(let target, let decl):
            let value = Value.function(makeClosure(decl))
            if case .local(let slot) = target, slot.isBoxed, let box = frame.boxes[slot.index] {
                box.value = value
                box.isInitialized = true
            } else {
                declare(target, value)
            }
            return .normal
        }
    }

    // MARK: Bindings

    func bind(_ pattern: BindingPattern, _ value: Value, at position: SourcePosition) throws {
        switch pattern {
        case .variable(let target, _):
            declare(target, value)
        case .wildcard:
            break
        case .tuple(let patterns, let patternPosition):
            guard case .tuple(let tuple) = value, tuple.elements.count == patterns.count else {
                throw ScriptError(
                    "cannot destructure a value of type '\(value.typeName)' into \(patterns.count) values",
                    at: patternPosition)
            }
            for (pattern, element) in zip(patterns, tuple.elements) {
                try bind(pattern, element, at: position)
            }
        }
    }

    func declareUninitialized(_ pattern: BindingPattern) {
        switch pattern {
        case .variable(let target, _): declareUninitialized(target)
        case .wildcard: break
        case .tuple(let patterns, _): patterns.forEach(declareUninitialized)
        }
    }

    // MARK: Conditions

    func conditionsHold(_ conditions: [Condition]) throws -> Bool {
        for condition in conditions {
            switch condition {
            case .boolean(let expr):
                if try !evaluateCondition(expr) { return false }
            case .optionalBinding(let pattern, let type, let expr, let position):
                let value = try evaluate(expr)
                switch value {
                case .optional(nil):
                    return false
                case .optional(let inner?):
                    try bind(
                        pattern, try type.map { try coerce(inner, to: $0, site: .declaration, at: position) } ?? inner,
                        at: position)
                default:
                    try bind(pattern, value, at: position)
                }
            }
        }
        return true
    }

    @inline(__always)
    func evaluateCondition(_ expr: Expr) throws -> Bool {
        let value = try evaluate(expr)
        guard case .bool(let result) = value else {
            throw ScriptError(
                "cannot convert value of type '\(value.typeName)' to expected condition type 'Bool'",
                at: expr.startPosition)
        }
        return result
    }

    // MARK: for-in

    func executeFor(_ loop: ForLoop) throws -> Completion {
        let sequence = try evaluate(loop.sequence)
        // Runs the body for one element; false ends the loop.
        func step(_ element: Value) throws -> Completion? {
            try bind(loop.pattern, element, at: loop.position)
            if let filter = loop.filter, try !evaluateCondition(filter) { return nil }
            try tick(loop.position)
            let completion = try execute(loop.body)
            switch completion {
            case .normal: return nil
            case .breakLoop(let target) where target == nil || target == loop.label: return .normal
            case .continueLoop(let target) where target == nil || target == loop.label: return nil
            default: return completion
            }
        }

        switch sequence {
        case .range(.int(let lower, let upper, let closed)):
            if lower > upper || (!closed && lower == upper) { return .normal }
            var i = lower
            while true {
                if let end = try step(.int(i)) { return end }
                if closed ? i >= upper : i >= upper - 1 { break }
                i += 1
            }
            return .normal
        case .array(let elements):
            for element in elements {
                if let end = try step(element) { return end }
            }
            return .normal
        case .range(.intStride(let from, let to, let by, let inclusive)):
            guard by != 0 else { throw ScriptError("stride step must not be zero", at: loop.sequence.startPosition) }
            var i = from
            while by > 0 ? (inclusive ? i <= to : i < to) : (inclusive ? i >= to : i > to) {
                if let end = try step(.int(i)) { return end }
                let (next, overflow) = i.addingReportingOverflow(by)
                if overflow { break }
                i = next
            }
            return .normal
        case .range(.doubleStride(let from, let to, let by, let inclusive)):
            // As Swift's StrideTo/StrideThrough: from + k·by, so rounding does not accumulate.
            var k = 0.0
            var x = from
            while by > 0 ? (inclusive ? x <= to : x < to) : (inclusive ? x >= to : x > to) {
                if let end = try step(.double(x)) { return end }
                k += 1
                x = from + k * by
            }
            return .normal
        default:
            for element in try elements(of: sequence, at: loop.sequence.startPosition, purpose: "for-in loop") {
                if let end = try step(element) { return end }
            }
            return .normal
        }
    }

    // MARK: switch

    func executeSwitch(_ statement: SwitchStatement) throws -> Completion {
        let subject = try evaluate(statement.subject)
        for switchCase in statement.cases {
            var matched = switchCase.isDefault
            if !matched {
                for item in switchCase.items {
                    if try matches(item.pattern, subject), try item.guard.map(evaluateCondition) ?? true {
                        matched = true
                        break
                    }
                }
            }
            guard matched else { continue }
            let completion = try execute(switchCase.body)
            if case .breakLoop(let target) = completion, target == nil || target == statement.label { return .normal }
            return completion
        }
        throw ScriptError(
            "no 'switch' case matches \(subject.debugDescription); add a 'default' case", at: statement.position)
    }

    func matches(_ pattern: MatchPattern, _ value: Value) throws -> Bool {
        switch pattern {
        case .wildcard:
            return true
        case .binding(let target, _):
            declare(target, value)
            return true
        case .tuple(let patterns, _):
            guard case .tuple(let tuple) = value, tuple.elements.count == patterns.count else { return false }
            for (pattern, element) in zip(patterns, tuple.elements) where try !matches(pattern, element) {
                return false
            }
            return true
        case .expression(let expr):
            var candidate = try evaluate(expr)
            if case .option(let pattern) = candidate, pattern.arguments == nil, case .option(let option) = value {
                // `case .perChannel:` matches whatever the associated values.
                return pattern.name == option.name
            }
            if case .int = candidate, case .double = value, expr.isNumberLiteral {
                candidate = try evaluate(expr, as: .double, site: .element)
            }
            if case .range(let range) = candidate {
                return rangeContains(range, value)
            }
            return try valuesEqual(candidate, value, at: expr.startPosition)
        }
    }

    // MARK: if/switch as values

    func evaluateStatementExpression(_ statement: Stmt, at position: SourcePosition) throws -> Value {
        switch statement {
        case .ifStatement(let branches, let elseBlock):
            for branch in branches where try conditionsHold(branch.conditions) {
                return try singleValue(branch.body)
            }
            if let elseBlock { return try singleValue(elseBlock) }
        case .switchStatement(let statement):
            let subject = try evaluate(statement.subject)
            for switchCase in statement.cases {
                if switchCase.isDefault { return try singleValue(switchCase.body) }
                for item in switchCase.items {
                    if try matches(item.pattern, subject), try item.guard.map(evaluateCondition) ?? true {
                        return try singleValue(switchCase.body)
                    }
                }
            }
            throw ScriptError(
                "no 'switch' case matches \(subject.debugDescription); add a 'default' case", at: position)
        default:
            break
        }
        throw ScriptError("internal error: not a value statement", at: position)
    }

    private func singleValue(_ block: Block) throws -> Value {
        guard case .expression(let expr)? = block.statements.first else { return .void }
        return try evaluate(expr)
    }
}
