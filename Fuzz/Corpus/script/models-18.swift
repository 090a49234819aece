var models = Table(["model", "parameters", "bytes", "validation", "test",
                    "test errors"])
for (name, model, log) in [("MLP [64, 64, 10]", digitsMLP, mlpLog),
                           ("CNN [8, 16]", conv, convLog)] {
    let test = evaluate(model, on: d.test)
    let labels = d.test.labels
    let errors = labels.indices.filter { test.predictions[$0] != labels[$0] }
    models.append([name, model.parameterCount, model.bytes,
                   log.validationAccuracy.last!, test.accuracy, errors.count])
}
models
