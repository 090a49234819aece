var obs = observer(.movingAverage(0.1))
for seed in 1...3 { obs.observe(randn([256], seed: seed)) }
print(obs.min, obs.max, obs.batches)
