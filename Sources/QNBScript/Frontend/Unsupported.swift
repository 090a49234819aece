import SwiftSyntax

extension Lowerer {
    /// The error for a construct the language does not have, naming it the way a Swift
    /// programmer would look it up.
    func unsupported(_ node: some SyntaxProtocol) -> ScriptError {
        let syntax = Syntax(node)
        if let macro = syntax.as(MacroExpansionExprSyntax.self) {
            return error("macros ('#\(macro.macroName.text)') are not supported in qnb cells", at: node)
        }
        if let macro = syntax.as(MacroExpansionDeclSyntax.self) {
            return error("macros ('#\(macro.macroName.text)') are not supported in qnb cells", at: node)
        }
        if syntax.is(TryExprSyntax.self) {
            return error("'try' is not supported in qnb cells (there is no error handling)", at: node)
        }
        return error("\(Self.constructName(syntax)) not supported in qnb cells", at: node)
    }

    /// "classes are", "'import' is", …: the subject of the rejection message with its verb.
    static func constructName(_ node: Syntax) -> String {
        switch node.kind {
        case .classDecl: return "classes are"
        case .structDecl: return "structs are"
        case .enumDecl: return "enums are"
        case .enumCaseDecl: return "enum cases are"
        case .protocolDecl: return "protocols are"
        case .extensionDecl: return "extensions are"
        case .actorDecl: return "actors are"
        case .typeAliasDecl: return "typealiases are"
        case .associatedTypeDecl: return "associated types are"
        case .importDecl: return "'import' is"
        case .operatorDecl: return "operator declarations are"
        case .precedenceGroupDecl: return "precedence groups are"
        case .subscriptDecl: return "subscript declarations are"
        case .initializerDecl: return "initializers are"
        case .deinitializerDecl: return "deinitializers are"
        case .macroDecl: return "macro declarations are"
        case .macroExpansionDecl, .macroExpansionExpr: return "macros ('#…') are"
        case .ifConfigDecl: return "conditional compilation ('#if') is"
        case .poundSourceLocation: return "'#sourceLocation' is"
        case .missingDecl, .missingExpr, .missingStmt: return "incomplete code is"
        case .deferStmt: return "'defer' is"
        case .throwStmt: return "'throw' is"
        case .fallThroughStmt: return "'fallthrough' is"
        case .discardStmt: return "'discard' is"
        case .yieldStmt: return "'yield' is"
        case .tryExpr: return "'try' is"
        case .awaitExpr: return "'await' is"
        case .isExpr: return "'is' type checks are"
        case .keyPathExpr: return "key paths are"
        case .regexLiteralExpr: return "regex literals are"
        case .superExpr: return "'super' is"
        case .consumeExpr: return "'consume' is"
        case .copyExpr: return "'copy' is"
        case .borrowExpr: return "'_borrow' is"
        case .unsafeExpr: return "'unsafe' is"
        case .genericSpecializationExpr: return "explicit generic arguments ('Array<Int>(…)') are"
        case .packExpansionExpr, .packElementExpr: return "parameter packs are"
        case .editorPlaceholderExpr: return "editor placeholders are"
        case .typeExpr: return "types used as values are"
        case .arrowExpr: return "'->' outside a type is"
        case .simpleStringLiteralExpr: return "this string literal is"
        default:
            return "this construct (\(node.kind)) is"
        }
    }
}
