/// A tuple value: its elements and, where given, their labels (`(a: 1, b: 2)`).
public struct ScriptTuple {
    public var elements: [Value]
    /// One entry per element (nil for an unlabelled one), or nil when no element has a label.
    public var labels: [String?]?

    public init(_ elements: [Value], labels: [String?]? = nil) {
        self.elements = elements
        if let labels, labels.contains(where: { $0 != nil }) {
            precondition(labels.count == elements.count, "one label per tuple element")
            self.labels = labels
        } else {
            self.labels = nil
        }
    }

    /// The index of the element labelled `label`.
    public func index(ofLabel label: String) -> Int? {
        labels?.firstIndex(of: label)
    }

    public func label(at index: Int) -> String? {
        labels?[index]
    }
}
