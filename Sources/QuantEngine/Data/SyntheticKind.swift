/// The synthetic two-dimensional classification problems `Dataset.synthetic` can draw. Each
/// case documents its geometry; `noise` is always the standard deviation of isotropic Gaussian
/// noise added to every coordinate (for `blobs` and `gaussians`, the spread of each cluster).
public enum SyntheticKind: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// scikit-learn's `make_moons`: two interleaving half circles of radius 1. Class 0 (the first
    /// `count / 2` points, rounded down) lies on `(cos t, sin t)`, class 1 (the rest) on
    /// `(1 − cos t, 1 − sin t − 0.5)`, with t evenly spaced over [0, π] in each class
    /// (`np.linspace(0, π, n)`, both ends included).
    case moons
    /// scikit-learn's `make_circles`: class 0 (`count / 2` points, rounded down) on the unit
    /// circle, class 1 (the rest) on the concentric circle of radius `factor`, 0 ≤ factor < 1,
    /// with t evenly spaced over [0, 2π) (`np.linspace(0, 2π, n, endpoint=False)`).
    case circles(factor: Double = 0.5)
    /// `arms` interleaved spirals from the origin, one class each. Arm k holds `count / arms`
    /// points (the first `count % arms` arms one more); its point i of n lies at radius
    /// `r = i / (n − 1)` (0 when n = 1) and angle `θ = 2π·k / arms + 3π·r` — one and a half
    /// turns — i.e. at `(r·cos θ, r·sin θ)`. Neighbouring arms are 2 / (3·arms) apart radially.
    case spirals(arms: Int = 2)
    /// scikit-learn's `make_blobs` with `centers` clusters: the centres are drawn first,
    /// uniformly in the box [−10, 10)² (x then y for each centre, `−10 + 20·u`), and class k holds
    /// `count / centers` points (the first `count % centers` classes one more) drawn around
    /// centre k with standard deviation `noise` per coordinate (scikit-learn's default is 1).
    case blobs(centers: Int)
    /// A fixed mixture of three overlapping isotropic Gaussians, one per class, centred on the
    /// corners of an equilateral triangle inscribed in the unit circle — (0, 1),
    /// (−√3/2, −1/2) and (√3/2, −1/2), the centres √3 ≈ 1.73 apart — with standard deviation
    /// `noise` per coordinate (0.5 or more makes them overlap). Class sizes as for `blobs`.
    case gaussians

    /// The number of classes the problem has.
    public var classCount: Int {
        switch self {
        case .moons, .circles: return 2
        case .spirals(let arms): return arms
        case .blobs(let centers): return centers
        case .gaussians: return 3
        }
    }

    /// The name given to the data set ("moons", "circles", …).
    public var description: String {
        switch self {
        case .moons: return "moons"
        case .circles: return "circles"
        case .spirals: return "spirals"
        case .blobs: return "blobs"
        case .gaussians: return "gaussians"
        }
    }
}
