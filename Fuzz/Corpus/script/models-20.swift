var mistakes: [(count: Int, truth: Int, guess: Int)] = []
for truth in 0..<10 {
    for guess in 0..<10 where guess != truth {
        let n = convTest.confusion[truth][guess]
        if n > 0 { mistakes.append((count: n, truth: truth, guess: guess)) }
    }
}
for m in mistakes.sorted(by: { $0.count > $1.count }).prefix(5) {
    print("\(m.count) × a \(m.truth) taken for a \(m.guess)")
}
