extension BuiltinExampleCatalog {
    static let models = BuiltinExampleCatalog(sections: [])
}
