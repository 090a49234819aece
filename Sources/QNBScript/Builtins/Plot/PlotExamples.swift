extension BuiltinExampleCatalog {
    static let plotting = BuiltinExampleCatalog(sections: [])
}
