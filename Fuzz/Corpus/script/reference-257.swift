var obs = observer(.movingAverage(0.5))
obs.observe(tensor([-1.0, 1.0]))
obs.observe(tensor([-3.0, 1.0]))
obs.min   // -1 + 0.5 · (-3 - (-1))
