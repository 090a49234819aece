// TEMPORARY until PortableMath+Exponential lands.
#if canImport(Glibc)
    import Glibc
#endif
extension PortableMath {
    public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    public static func exp(_ x: Float) -> Float { Float(Glibc.exp(Double(x))) }
    public static func tanh(_ x: Float) -> Float { Float(Glibc.tanh(Double(x))) }
    public static func gelu(_ x: Float) -> Float { Float(Double(x) * 0.5 * (1 + Glibc.erf(Double(x) / 2.0.squareRoot()))) }
    public static func geluDerivative(_ x: Float) -> Float {
        let d = Double(x)
        return Float(0.5 * (1 + Glibc.erf(d / 2.0.squareRoot())) + d * Glibc.exp(-d * d / 2) / (2 * Double.pi).squareRoot())
    }
}
