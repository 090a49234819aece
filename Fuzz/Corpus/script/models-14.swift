// x₁ from −2.5 to 2.5 and x₂ from −2.25 to 2.25, in steps of 0.25
var lattice: [[Double]] = []
for i in 0...20 {
    for j in 0...18 {
        lattice.append([0.25 * Double(i) - 2.5, 0.25 * Double(j) - 2.25])
    }
}
let regions = net.predict(tensor(lattice))
let region0 = lattice.indices.filter { regions[$0] == 0 }
let region1 = lattice.indices.filter { regions[$0] == 1 }
plot(scatter(x: region0.map { lattice[$0][0] }, y: region0.map { lattice[$0][1] },
             label: "predicted class 0"),
     scatter(x: region1.map { lattice[$0][0] }, y: region1.map { lattice[$0][1] },
             label: "predicted class 1"),
     title: "Decision regions",
     xLabel: "x₁ (standardised)", yLabel: "x₂ (standardised)")
