for rule: FloatingPointRoundingRule in [.toNearestOrAwayFromZero, .toNearestOrEven, .up, .down, .towardZero, .awayFromZero] {
    print(rule, (-2.5).rounded(rule), 2.5.rounded(rule))
}
