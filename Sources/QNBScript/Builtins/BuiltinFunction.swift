/// A free function of the builtin library, with its signature, documentation and implementation.
///
/// Several functions may share a name if their labels differ (overloads):
/// `quantize(_:bits:scheme:)` and `quantize(_:scale:zeroPoint:format:)`.
public struct BuiltinFunction: Sendable {
    public typealias Implementation = @Sendable (inout BuiltinArguments, BuiltinContext) throws -> Value

    public var name: String
    public var parameters: [BuiltinParameter]
    public var returns: ScriptType
    /// One sentence for the reference.
    public var doc: String
    public var implementation: Implementation

    public init(
        _ name: String, _ parameters: [BuiltinParameter] = [], returns: ScriptType = .void, doc: String,
        _ implementation: @escaping Implementation
    ) {
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.doc = doc
        self.implementation = implementation
    }

    /// `quantize(_ x: Tensor, bits: Int = 8) -> QuantizedTensor`
    public var signature: String {
        let result = returns == .void ? "" : " -> \(returns.name)"
        return "\(name)(\(parameters.map(\.signatureText).joined(separator: ", ")))\(result)"
    }
}

/// All builtin functions of one name, as a call site sees them.
final class BuiltinOverloadSet {
    let name: String
    let overloads: [BuiltinFunction]
    let table: OverloadTable

    init(name: String, overloads: [BuiltinFunction]) {
        self.name = name
        self.overloads = overloads
        self.table = OverloadTable(
            name: name, parameterLists: overloads.map(\.parameters),
            signatures: overloads.map { "\($0.name)\($0.parameters.labelsText)" })
    }
}
