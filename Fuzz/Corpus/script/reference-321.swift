dataset(.blobs(centers: 3), count: 100, seed: 1).classCounts
