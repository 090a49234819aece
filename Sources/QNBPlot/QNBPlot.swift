/// Figures for notebooks: one figure model rendered as ASCII (terminal, snapshots) and SVG (HTML).
public enum QNBPlot {}
