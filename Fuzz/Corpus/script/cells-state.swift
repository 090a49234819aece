var n = 0
func bump(by step: Int = 1) -> Int {
    n += step
    return n
}
let x = tensor([0.5, -1.2, 3.1, -2.4, 0.05])
// %%
bump()
let q = quantize(x, bits: 4, scheme: .asymmetric)
// %%
print(bump(by: 2), q.scale, dequantize(q) - x)
[1: "a", 2: "b"][n] ?? "none"
