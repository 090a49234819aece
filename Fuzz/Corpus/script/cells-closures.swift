var counters: [() -> Int] = []
for i in 0..<3 {
    var c = i
    counters.append { c += 1; return c }
}
// %%
struct Point { var x: Double; var y: Double }
enum Mode { case fast, slow }
let p = Point(x: 1, y: 2)
// %%
counters.map { $0() }
let s = "\(p.x)" + String(repeating: "ab", count: 2)
switch Mode.fast { case .fast: print(s) case .slow: break }
