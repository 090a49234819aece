var obs = observer()
obs.observe(tensor([-0.5, 2.0]))
obs.observe(tensor([-1.5, 1.0]))
quantize(tensor([-1.0, 0.5]), bits: 8, scheme: .asymmetric, range: obs).values
