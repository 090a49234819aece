var obs = observer()
obs.observe(tensor([-0.5, 2.0]))
obs
