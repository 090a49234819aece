Table(["bits", "SQNR (dB)"]).columns
