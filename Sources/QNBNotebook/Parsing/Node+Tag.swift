import Yams

extension Node {
    /// The resolved YAML type of the node (`Tag.name` is internal to Yams).
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }
}
