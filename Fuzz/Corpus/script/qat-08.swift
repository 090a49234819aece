compare(qat3, qat3, on: data.test, integer: true)
