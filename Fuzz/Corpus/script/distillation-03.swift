let zTeacher = teacher.logits(data.validation.features).values
let zStudent = student.logits(data.validation.features).values
var scale = Table(["T", "mean |∂KL/∂s|", "× T²"])
for t in [1.0, 2.0, 4.0, 8.0, 16.0] {
    var total = 0.0
    for r in 0..<100 {
        let row = (10 * r)..<(10 * r + 10)
        let p = softmax(Array(zTeacher[row]), temperature: t)
        let q = softmax(Array(zStudent[row]), temperature: t)
        for k in 0..<10 { total += abs(q[k] - p[k]) / t }
    }
    let mean = total / 1000
    scale.append([t, mean, mean * t * t])
}
scale
