/// A value provided by a builtin library: a tensor, a quantized tensor, a table, a model.
///
/// Conform a struct (value semantics) and register its members with
/// `BuiltinLibrary.registerType(_:doc:_:)`: properties, methods (mutating ones receive
/// `inout Self`), operators and a subscript. The protocol itself only asks for what every value
/// must support: a type name, a display, a print form and equality.
public protocol ScriptObject: Sendable {
    /// The type name used in error messages, `type(of:)` and annotations, e.g. `Tensor`.
    static var scriptTypeName: String { get }
    /// What a cell shows when this value is its last expression: usually a `.record` or `.table`.
    var scriptDisplay: Display { get }
    /// What `print` and string interpolation write, e.g. `Tensor([512, 512], Float32)`.
    var scriptDescription: String { get }
    /// Equality for `==`/`!=`; equatable types get it for free.
    func scriptEquals(_ other: any ScriptObject) -> Bool
}

extension ScriptObject {
    public var scriptTypeName: String { Self.scriptTypeName }
    public var scriptDescription: String { Self.scriptTypeName }
    public var scriptDisplay: Display { .text(scriptDescription) }
    public func scriptEquals(_ other: any ScriptObject) -> Bool { false }
}

extension ScriptObject where Self: Equatable {
    public func scriptEquals(_ other: any ScriptObject) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}
