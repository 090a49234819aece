var smallest = 8
for (index, bits) in bitWidths.enumerated() where perChannelAccuracy[index] >= float.accuracy - 0.01 {
    smallest = min(smallest, bits)
}
print("smallest per-channel width within 1 point of Float32:", smallest, "bits")
