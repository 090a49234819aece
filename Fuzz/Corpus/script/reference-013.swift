10 * log10(1e5)   // a signal-to-noise power ratio of 10^5 in dB
