extension BuiltinExampleCatalog {
    static let engine = BuiltinExampleCatalog(sections: [])
}
