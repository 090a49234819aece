print("A and B: equal losses:", logA.loss == logB.loss)
var largestAB = 0.0
var largestAC = 0.0
for l in [0, 2, 4] {                      // dense1, dense2, dense3
    let a = runA.layers[l].weight!
    largestAB = max(largestAB, (a - runB.layers[l].weight!).absMax())
    largestAC = max(largestAC, (a - runC.layers[l].weight!).absMax())
}
print("largest weight difference, A and B:", largestAB)
print("largest weight difference, A and C:", largestAC)
