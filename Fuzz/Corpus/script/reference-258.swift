var obs = observer()
for x in [tensor([0.5, 2.0]), tensor([1.5, 3.0])] { obs.observe(x) }
obs.max
