let data = dataset(.digits).split(train: 0.7, validation: 0.15).standardized()
var teacher = mlp([64, 256, 10], seed: 0)
train(&teacher, on: data.train, epochs: 10, seed: 0)
let teacherAccuracy = evaluate(teacher, on: data.test).accuracy
let student = mlp([64, 12, 10], seed: 1)
print("teacher:", teacher.parameterCount, "parameters,",
      "test accuracy", teacherAccuracy)
print("student:", student.parameterCount, "parameters")
