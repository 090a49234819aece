/// Whole numbers from 1 to 9999 spelled out as tokens: English words and Chinese characters.
///
/// English follows British usage ("three thousand and forty two"):
/// - words `one`…`nineteen`, `twenty`…`ninety`, `hundred`, `thousand`, `and`; tens and units
///   are two words, never hyphenated (`forty two`);
/// - `and` comes before the tens-and-units part when a thousand or a hundred precedes it:
///   342 "three hundred and forty two", 3042 "three thousand and forty two", 3402 "three
///   thousand four hundred and two", 110 "one hundred and ten"; there is none without a
///   tens-and-units part: 3400 "three thousand four hundred", 1100 "one thousand one hundred",
///   2000 "two thousand".
///
/// Chinese is mainland usage in simplified characters, one token per character: digits
/// `零一二三四五六七八九`, units `十百千`, each non-zero digit followed by its unit:
/// - 十 and 一十: 10…19 on their own are 十, 十一 … 十九; inside a larger number a tens digit 1
///   is 一十: 110 一百一十, 115 一百一十五, 1015 一千零一十五;
/// - 零: one 零 stands for one or more zero places *between* non-zero places, and trailing zeros
///   are not read: 101 一百零一, 1001 一千零一, 1010 一千零一十, 3042 三千零四十二, 9090 九千零九十,
///   1100 一千一百, 1000 一千;
/// - 两: a leading 2 before 千 or 百 is 两 (2000 两千, 200 两百, 250 两百五十, 2222 两千二百二十二);
///   every other 2 is 二 (2 二, 12 十二, 20 二十, 222 两百二十二, 1200 一千二百).
public enum NumberWords {
    /// The numbers these spellings cover.
    public static let range = 1...9999

    static let englishUnits = [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    static let englishTens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let chineseDigits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    /// The unit of each place, units first: none, 十, 百, 千.
    static let chineseUnits = ["", "十", "百", "千"]

    /// `n` in English words, e.g. 3042 → `["three", "thousand", "and", "forty", "two"]`.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when `n` is outside 1…9999.
    public static func english(_ n: Int) throws(QuantEngineError) -> [String] {
        try validate(n)
        let (thousands, hundreds, rest) = (n / 1000, n / 100 % 10, n % 100)
        var words: [String] = []
        if thousands > 0 { words += [englishUnits[thousands], "thousand"] }
        if hundreds > 0 { words += [englishUnits[hundreds], "hundred"] }
        guard rest > 0 else { return words }
        if !words.isEmpty { words.append("and") }
        if rest < 20 {
            words.append(englishUnits[rest])
        } else {
            words.append(englishTens[rest / 10])
            if rest % 10 > 0 { words.append(englishUnits[rest % 10]) }
        }
        return words
    }

    /// `n` in Chinese characters, one per token, e.g. 3042 → `["三", "千", "零", "四", "十", "二"]`.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when `n` is outside 1…9999.
    public static func chinese(_ n: Int) throws(QuantEngineError) -> [String] {
        try validate(n)
        var characters: [String] = []
        var zeroPending = false
        for place in stride(from: 3, through: 0, by: -1) {
            let digit = n / power(place) % 10
            let leading = characters.isEmpty
            guard digit > 0 else {
                // A zero read only if a non-zero place follows: flushed below, dropped at the end.
                if !leading { zeroPending = true }
                continue
            }
            if zeroPending {
                characters.append("零")
                zeroPending = false
            }
            if leading && digit == 2 && place >= 2 {
                characters.append("两")
            } else if !(leading && digit == 1 && place == 1) {
                characters.append(chineseDigits[digit])
            }
            if place > 0 { characters.append(chineseUnits[place]) }
        }
        return characters
    }

    private static func power(_ place: Int) -> Int {
        [1, 10, 100, 1000][place]
    }

    private static func validate(_ n: Int) throws(QuantEngineError) {
        guard range.contains(n) else {
            throw .invalidArgument("only the numbers 1…9999 can be spelled out, got \(n)")
        }
    }
}
