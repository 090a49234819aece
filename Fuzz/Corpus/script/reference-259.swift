var obs = observer()
for seed in 1...4 { obs.observe(randn([16], seed: seed)) }
obs.batches
