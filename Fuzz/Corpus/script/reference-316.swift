dataset(.blobs(centers: 3), count: 300, seed: 2)
