/// qnb's version, shown by `qnb --version`.
public enum QNBVersion {
    public static let current = "0.1.0"
}
