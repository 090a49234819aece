let subset400 = data.train.batches(size: 400, seed: 2)[0]
let temperatures = [1.0, 2.0, 4.0, 8.0, 16.0]
var byTemperature: [Double] = []
for t in temperatures {
    if t == 4 {
        // the same runs as the 400-image row of the table above
        byTemperature.append(fewDistilled[2])
        continue
    }
    var accuracy = 0.0
    for seed in 1...3 {
        let taught = distill(teacher: teacher,
                             student: mlp([64, 12, 10], seed: seed),
                             on: subset400, temperature: t,
                             epochs: 20, seed: seed)
        accuracy += evaluate(taught, on: data.test).accuracy / 3
    }
    byTemperature.append(accuracy)
}
print("T:       ", temperatures.map { String(format: "%6.0f", $0) }.joined())
print("accuracy:", byTemperature.map { String(format: "%6.3f", $0) }.joined())
plot(line(x: temperatures, y: byTemperature, label: "distilled"),
     hline(fewAlone[2], label: "alone"),
     title: "Distillation against temperature, 400 images",
     xLabel: "temperature T", yLabel: "test accuracy")
