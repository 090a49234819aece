import QuantEngine
import Testing

@Suite("Numbers spelled out in English and Chinese")
struct NumberWordsTests {
    /// Hand-checked spellings: every rule and its edges (10–19, 一十 inside a number, one 零
    /// for a run of zero places, no 零 for trailing zeros, 两 only for a leading 2 before 千 or
    /// 百, "and" only before a tens-and-units part).
    static let cases: [(Int, String, String)] = [
        (1, "one", "一"),
        (2, "two", "二"),
        (9, "nine", "九"),
        (10, "ten", "十"),
        (11, "eleven", "十一"),
        (12, "twelve", "十二"),
        (15, "fifteen", "十五"),
        (19, "nineteen", "十九"),
        (20, "twenty", "二十"),
        (21, "twenty one", "二十一"),
        (22, "twenty two", "二十二"),
        (40, "forty", "四十"),
        (99, "ninety nine", "九十九"),
        (100, "one hundred", "一百"),
        (101, "one hundred and one", "一百零一"),
        (110, "one hundred and ten", "一百一十"),
        (111, "one hundred and eleven", "一百一十一"),
        (115, "one hundred and fifteen", "一百一十五"),
        (120, "one hundred and twenty", "一百二十"),
        (200, "two hundred", "两百"),
        (202, "two hundred and two", "两百零二"),
        (210, "two hundred and ten", "两百一十"),
        (212, "two hundred and twelve", "两百一十二"),
        (220, "two hundred and twenty", "两百二十"),
        (222, "two hundred and twenty two", "两百二十二"),
        (250, "two hundred and fifty", "两百五十"),
        (342, "three hundred and forty two", "三百四十二"),
        (999, "nine hundred and ninety nine", "九百九十九"),
        (1000, "one thousand", "一千"),
        (1001, "one thousand and one", "一千零一"),
        (1002, "one thousand and two", "一千零二"),
        (1010, "one thousand and ten", "一千零一十"),
        (1011, "one thousand and eleven", "一千零一十一"),
        (1015, "one thousand and fifteen", "一千零一十五"),
        (1020, "one thousand and twenty", "一千零二十"),
        (1100, "one thousand one hundred", "一千一百"),
        (1101, "one thousand one hundred and one", "一千一百零一"),
        (1110, "one thousand one hundred and ten", "一千一百一十"),
        (1200, "one thousand two hundred", "一千二百"),
        (2000, "two thousand", "两千"),
        (2002, "two thousand and two", "两千零二"),
        (2005, "two thousand and five", "两千零五"),
        (2020, "two thousand and twenty", "两千零二十"),
        (2200, "two thousand two hundred", "两千二百"),
        (2222, "two thousand two hundred and twenty two", "两千二百二十二"),
        (3042, "three thousand and forty two", "三千零四十二"),
        (3400, "three thousand four hundred", "三千四百"),
        (3402, "three thousand four hundred and two", "三千四百零二"),
        (5005, "five thousand and five", "五千零五"),
        (7070, "seven thousand and seventy", "七千零七十"),
        (8800, "eight thousand eight hundred", "八千八百"),
        (9090, "nine thousand and ninety", "九千零九十"),
        (9999, "nine thousand nine hundred and ninety nine", "九千九百九十九"),
    ]

    @Test(arguments: cases)
    func handCheckedSpellings(number: Int, english: String, chinese: String) throws {
        #expect(try NumberWords.english(number) == english.split(separator: " ").map(String.init))
        #expect(try NumberWords.chinese(number) == chinese.map(String.init))
    }

    @Test func pairsJoinTheirTokens() throws {
        let pair = SentencePair(source: try NumberWords.english(3042), target: try NumberWords.chinese(3042))
        #expect(pair.target == ["三", "千", "零", "四", "十", "二"])
        #expect(pair.sourceText == "three thousand and forty two")
        #expect(pair.targetText == "三千零四十二")
        #expect(pair.description == "three thousand and forty two → 三千零四十二")
    }

    /// Every number 1…9999 read back by the parsers below, written independently of the engine
    /// from the rules in the documentation, and each spelling unique.
    @Test func everyNumberReadsBackAndIsUnique() throws {
        var englishSeen = Set<[String]>()
        var chineseSeen = Set<[String]>()
        for n in 1...9999 {
            let english = try NumberWords.english(n)
            let chinese = try NumberWords.chinese(n)
            #expect(EnglishReader.value(english) == n, "\(n): \(english)")
            #expect(ChineseReader.value(chinese) == n, "\(n): \(chinese)")
            englishSeen.insert(english)
            chineseSeen.insert(chinese)
        }
        #expect(englishSeen.count == 9999)
        #expect(chineseSeen.count == 9999)
    }

    @Test(arguments: [0, -1, -9999, 10000, 12345, Int.max, Int.min])
    func outOfRangeNumbersThrow(number: Int) {
        let message = "only the numbers 1…9999 can be spelled out, got \(number)"
        #expect(throws: QuantEngineError.invalidArgument(message)) { try NumberWords.english(number) }
        #expect(throws: QuantEngineError.invalidArgument(message)) { try NumberWords.chinese(number) }
    }
}

/// Reads English number words back, and rejects anything that breaks the documented rules
/// (returns nil): a scale word needs one digit word before it, in the order thousand, hundred;
/// "and" appears exactly when a scale word precedes a tens-and-units part; tens and units as
/// "forty two"; no hyphens.
enum EnglishReader {
    static let units = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    static let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    static func value(_ words: [String]) -> Int? {
        var rest = words[...]
        var total = 0
        for (scale, value) in [("thousand", 1000), ("hundred", 100)] {
            if rest.count >= 2, let digit = units.prefix(9).firstIndex(of: rest[rest.startIndex]),
                rest[rest.startIndex + 1] == scale
            {
                total += (digit + 1) * value
                rest = rest.dropFirst(2)
            }
        }
        if total > 0 && !rest.isEmpty {
            guard rest.first == "and" else { return nil }
            rest = rest.dropFirst()
            guard !rest.isEmpty else { return nil }
        }
        guard let first = rest.first else { return total > 0 ? total : nil }
        if let unit = units.firstIndex(of: first), rest.count == 1 { return total + unit + 1 }
        guard let ten = tens.firstIndex(of: first) else { return nil }
        let tensValue = (ten + 2) * 10
        if rest.count == 1 { return total + tensValue }
        guard rest.count == 2, let unit = units.prefix(9).firstIndex(of: rest[rest.startIndex + 1]) else {
            return nil
        }
        return total + tensValue + unit + 1
    }
}

/// Reads Chinese numerals back, and rejects (returns nil) anything that breaks the documented
/// rules: places descend, each digit followed by its unit (none for units), 零 stands between two
/// non-zero places and only there, a bare 十 only leads and 一十 never does, 两 only leads before 千 or 百, and 二 never
/// leads before 千 or 百.
enum ChineseReader {
    static let digits: [Character: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2,
    ]
    static let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    static func value(_ tokens: [String]) -> Int? {
        guard tokens.allSatisfy({ $0.count == 1 }) else { return nil }
        let characters = tokens.map { Character($0) }
        var total = 0
        var lastPlace = 10_000  // the place of the last non-zero digit read
        var index = 0
        var afterZero = false
        while index < characters.count {
            let character = characters[index]
            let leading = index == 0
            if character == "零" {
                // Only between non-zero places: not first, not doubled, not last.
                guard !leading, !afterZero, index + 1 < characters.count else { return nil }
                afterZero = true
                index += 1
                continue
            }
            var digit = 1
            if let value = digits[character] {
                digit = value
                index += 1
            } else if character != "十" || !leading {
                return nil  // a unit with no digit before it is only the leading 十
            }
            var place = 1
            if index < characters.count, let unit = units[characters[index]] {
                place = unit
                index += 1
            }
            guard place < lastPlace else { return nil }
            // A skipped place needs a 零, and a 零 needs a skipped place.
            let skipped = lastPlace != 10_000 && place * 10 < lastPlace
            guard skipped == afterZero else { return nil }
            if character == "一" && leading && place == 10 { return nil }  // 10…19 on their own: 十, 十一, …
            if character == "两" && !(leading && place >= 100) { return nil }
            if character == "二" && leading && place >= 100 { return nil }
            total += digit * place
            lastPlace = place
            afterZero = false
        }
        return total > 0 ? total : nil
    }
}
