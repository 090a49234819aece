let moonsLog = train(&net, on: data.train, validation: data.validation,
                     epochs: 20, seed: 0)
moonsLog
