import SwiftSyntax

extension Lowerer {
    /// Lowers a type annotation. The language's own types, the library's object and option
    /// types, and collections, optionals, tuples and function types of them are supported.
    func lowerType(_ type: TypeSyntax) throws -> ScriptType {
        if let identifier = type.as(IdentifierTypeSyntax.self) { return try lowerIdentifierType(identifier) }
        if let array = type.as(ArrayTypeSyntax.self) { return .array(try lowerType(array.element)) }
        if let dictionary = type.as(DictionaryTypeSyntax.self) {
            return .dictionary(key: try lowerType(dictionary.key), value: try lowerType(dictionary.value))
        }
        if let optional = type.as(OptionalTypeSyntax.self) { return .optional(try lowerType(optional.wrappedType)) }
        if let tuple = type.as(TupleTypeSyntax.self) {
            if tuple.elements.isEmpty { return .void }
            if tuple.elements.count == 1, let only = tuple.elements.first, only.firstName == nil {
                return try lowerType(only.type)
            }
            var elements: [ScriptType] = []
            var labels: [String?] = []
            for element in tuple.elements {
                elements.append(try lowerType(element.type))
                labels.append(element.firstName?.text)
            }
            return .tuple(elements, labels: labels)
        }
        if let function = type.as(FunctionTypeSyntax.self) {
            if let effects = function.effectSpecifiers, effects.throwsClause != nil || effects.asyncSpecifier != nil {
                throw error("'throws' and 'async' function types are not supported in qnb cells", at: effects)
            }
            let parameters = try function.parameters.map { (element) throws -> ScriptType in try lowerType(element.type)
            }
            return .function(parameters: parameters, result: try lowerType(function.returnClause.type))
        }
        if let attributed = type.as(AttributedTypeSyntax.self) {
            if let specifier = attributed.specifiers.first {
                throw error("'\(specifier.trimmedDescription)' is only allowed on function parameters", at: specifier)
            }
            try rejectTypeAttributes(attributed.attributes)
            return try lowerType(attributed.baseType)
        }
        if type.is(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            throw error("implicitly unwrapped optionals ('!') are not supported in qnb cells; use '?'", at: type)
        }
        if let some = type.as(SomeOrAnyTypeSyntax.self) {
            throw error("'\(some.someOrAnySpecifier.text)' types are not supported in qnb cells", at: type)
        }
        if type.is(MemberTypeSyntax.self) {
            throw error("qualified type names are not supported in qnb cells", at: type)
        }
        throw error("this type is not supported in qnb cells", at: type)
    }

    private func lowerIdentifierType(_ identifier: IdentifierTypeSyntax) throws -> ScriptType {
        let name = identifier.name.text
        let arguments = try identifier.genericArgumentClause?.arguments.map { (argument) throws -> ScriptType in
            guard case .type(let type) = argument.argument else {
                throw error("expected a type", at: argument)
            }
            return try lowerType(type)
        }
        func expect(_ count: Int) throws -> [ScriptType] {
            guard let arguments, arguments.count == count else {
                throw error(
                    "generic type '\(name)' specialized with the wrong number of type parameters", at: identifier)
            }
            return arguments
        }
        switch name {
        case "Array": return .array(try expect(1)[0])
        case "Dictionary":
            let pair = try expect(2)
            return .dictionary(key: pair[0], value: pair[1])
        case "Optional": return .optional(try expect(1)[0])
        case "Range": return .range(try expect(1)[0])
        case "ClosedRange": return .closedRange(try expect(1)[0])
        default: break
        }
        if arguments != nil {
            throw error("cannot specialize non-generic type '\(name)'", at: identifier)
        }
        switch name {
        case "Int": return .int
        case "Double": return .double
        case "Float": return .float
        case "Bool": return .bool
        case "String", "Character", "Substring": return .string
        case "Any": return .any
        case "Void": return .void
        case "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Float16", "Float80",
            "CGFloat":
            throw error("type '\(name)' is not supported in qnb cells; use 'Int' or 'Double'", at: identifier)
        default: break
        }
        if let named = library.library.namedType(name) { return named.type }
        throw error("cannot find type '\(name)' in scope", at: identifier)
    }
}
