import QNBNotebook
import QNBScript
import QNBTestSupport
import Testing

/// A folder's README.md read as the reading order of its notebooks.
@Suite("Curriculum: a README as a reading order")
struct CurriculumTests {
    static let path = "lessons/README.md"

    @Test func titleIntroductionPartsAndSentences() {
        let source = """
            # The *course*

            Read these in order; the `first` one is
            the easiest.

            ## Part one

            1. [Symmetric](symmetric.md). One scale for **all** values.
            2. **[Asymmetric](asymmetric.md)** — zero points, `z`.
            3. Then [formats](formats.md), which compare grids.
            4. [Alone](alone.md)

            ## Part two

            - [Models](sub/models.md): training
              over two lines.

            A paragraph [linking](ptq.md) after the lists.
            """
        let curriculum = Curriculum.parse(source: source, path: Self.path)
        #expect(curriculum.title == "The course")
        #expect(curriculum.introduction == ["Read these in order; the first one is the easiest."])
        #expect(curriculum.parts == ["Part one", "Part two"])
        #expect(
            curriculum.links.map(\.destination) == [
                "symmetric.md", "asymmetric.md", "formats.md", "alone.md", "sub/models.md", "ptq.md",
            ])
        #expect(curriculum.links.map(\.text) == ["Symmetric", "Asymmetric", "formats", "Alone", "Models", "linking"])
        #expect(
            curriculum.links.map(\.summary) == [
                "One scale for all values.", "zero points, z.", "Then formats, which compare grids.", nil,
                "training over two lines.", nil,
            ])
        #expect(curriculum.links.map(\.part) == [0, 0, 0, 0, 1, 1])
        #expect(curriculum.warnings.isEmpty)
    }

    @Test func linksKnowWhereTheyAre() {
        let marked = MarkedSource("# T\n\n1. 1️⃣[A](a.md) and\n   then 2️⃣[B](b.md).\n- **3️⃣[C](c.md)**\n")
        let curriculum = Curriculum.parse(source: marked.source, path: Self.path)
        #expect(
            curriculum.links.map(\.location) == [
                marked.location("1️⃣", file: Self.path), marked.location("2️⃣", file: Self.path),
                marked.location("3️⃣", file: Self.path),
            ])
    }

    @Test func rawHTMLIsDroppedAndTheRestIsText() {
        let source = """
            # Title <script>alert(1)</script>

            Intro <img src=x onerror=alert(2)> &lt;b&gt;

            <div onclick="alert(3)">a block</div>

            1. [<i>Sym</i>](a.md) &lt;script&gt;alert(4)&lt;/script&gt; <b onclick=x>bold</b>
            """
        let curriculum = Curriculum.parse(source: source, path: Self.path)
        #expect(curriculum.title == "Title alert(1)")
        #expect(curriculum.introduction == ["Intro  <b>"])
        #expect(curriculum.links.first?.text == "Sym")
        #expect(curriculum.links.first?.summary == "<script>alert(4)</script> bold")
    }

    @Test func readingOrderFollowsTheFirstLinkToEachNotebook() {
        let source = """
            Start with [c](c.md).

            1. [A](a.md) first.
            2. [C again](./c.md) later.
            3. [B](sub/../b.md#section) then.
            4. [Nested](part/d.md?x=1) last.
            """
        let curriculum = Curriculum.parse(source: source, path: Self.path)
        let order = curriculum.readingOrder(of: ["a.md", "b.md", "c.md", "part/d.md", "e.md"])
        #expect(order.entries.map(\.notebook) == ["c.md", "a.md", "b.md", "part/d.md"])
        #expect(order.entries.map(\.summary) == [nil, "first.", "then.", "last."])
        #expect(order.warnings.isEmpty)
    }

    @Test func linksToNoNotebookOfTheFolderAreWarnings() {
        let marked = MarkedSource(
            """
            1. 1️⃣[Missing](missing.md)
            2. 2️⃣[Up](../secret.md)
            3. 3️⃣[Sneaky](a/../../secret.md)
            4. 4️⃣[Encoded](%2E%2E/secret.md)
            5. 5️⃣[Absolute](/etc/secret.md)
            6. 6️⃣[Itself](README.md)
            7. [Web](https://example.com/x.md), [script](javascript:alert(1)//x.md), [mail](mailto:a@b.md),
               [file](file:///etc/x.md), [anchor](#top), [image](figure.png), [folder](sub/)
            8. [A](a.md)
            """)
        let curriculum = Curriculum.parse(source: marked.source, path: Self.path)
        let order = curriculum.readingOrder(of: ["a.md"])
        #expect(order.entries.map(\.notebook) == ["a.md"])
        let expected: [(String, String)] = [
            ("1️⃣", "'missing.md' is not a notebook in this folder; it is left out of the reading order"),
            ("2️⃣", "'../secret.md' is outside this folder"),
            ("3️⃣", "'a/../../secret.md' is outside this folder"),
            ("4️⃣", "'%2E%2E/secret.md' is outside this folder"),
            ("5️⃣", "'/etc/secret.md' is an absolute path"),
            ("6️⃣", "'README.md' is not a notebook in this folder"),
        ]
        #expect(order.warnings.count == expected.count)
        for (warning, (marker, message)) in zip(order.warnings, expected) {
            #expect(warning.severity == .warning)
            #expect(warning.location == marked.location(marker, file: Self.path))
            #expect(warning.message.hasPrefix(message), "\(warning.message)")
        }
    }

    @Test(arguments: [
        ("a.md", Curriculum.Destination.inFolder("a.md")),
        ("./x/./y.MD", .inFolder("x/y.MD")),
        ("x/../a.md#intro", .inFolder("a.md")),
        ("my%20lesson.md", .inFolder("my lesson.md")),
        ("..", .other),
        ("../a.md", .outsideFolder),
        ("x/../../a.md", .outsideFolder),
        ("/a.md", .absolute),
        ("//host/a.md", .absolute),
        ("%2Fa.md", .absolute),
        ("https://example.com/a.md", .other),
        ("JavaScript:alert(1)//.md", .other),
        ("c:/a.md", .other),
        ("#a.md", .other),
        (".md", .other),
        ("notes.txt", .other),
        ("", .other),
    ])
    func destinations(_ destination: String, _ expected: Curriculum.Destination) {
        #expect(Curriculum.destination(of: destination) == expected)
    }

    @Test func anUnreadableReadmeIsAnEmptyOrderWithAWarning() {
        let curriculum = Curriculum.load(path: "/nonexistent-qnb-folder/README.md")
        #expect(curriculum.links.isEmpty)
        #expect(curriculum.warnings.count == 1)
        #expect(curriculum.warnings.first?.severity == .warning)
        #expect(
            curriculum.warnings.first?.message
                == "not used as the reading order (cannot read notebook: no such file); the notebooks are listed in path order"
        )
    }
}
