extension Network {
    /// Runs `batch` samples (`x` holds them one after another) through the layers with the given
    /// parameters. With `record`, keeps what `backward` needs; `inputQuantizers[l]`, when given,
    /// fake-quantizes the input of layer `l` first.
    func forward(
        _ x: UnsafeBufferPointer<Float>, batch: Int, parameters: NetworkParameters, record: Bool,
        inputQuantizers: [InputFakeQuantizer?] = []
    ) -> ForwardPass {
        var pass = ForwardPass(
            values: [], unquantizedInputs: Array(repeating: nil, count: layers.count),
            poolIndices: Array(repeating: [], count: layers.count), convRows: Array(repeating: [], count: layers.count))
        var current = Array(x)
        for (l, layer) in layers.enumerated() {
            if l < inputQuantizers.count, let quantizer = inputQuantizers[l] {
                let quantized = quantizer.apply(current)
                if record { pass.unquantizedInputs[l] = current }
                current = quantized
            }
            let next: [Float]
            switch layer.kind {
            case .dense:
                next = Self.denseForward(
                    current, batch: batch, weight: parameters.weights[l], bias: parameters.biases[l],
                    inputs: layer.inputShape.reduce(1, *), outputs: layer.outputShape.reduce(1, *))
            case .conv2d(let kernel, let stride, let padding):
                let geometry = DenseKernels.ConvGeometry(
                    channels: layer.inputShape[0], height: layer.inputShape[1], width: layer.inputShape[2],
                    kernel: kernel, stride: stride, padding: padding)
                let (output, rows) = Self.convForward(
                    current, batch: batch, geometry: geometry, weight: parameters.weights[l],
                    bias: parameters.biases[l], outChannels: layer.outputShape[0], keepRows: record)
                next = output
                if record { pass.convRows[l] = rows }
            case .maxPool2d(let size):
                let (output, indices) = Self.poolForward(current, batch: batch, input: layer.inputShape, size: size)
                next = output
                if record { pass.poolIndices[l] = indices }
            case .activation(let activation):
                next = current.map { activation($0) }
            case .flatten:
                next = current
            }
            if record { pass.values.append(current) }
            current = next
        }
        pass.values.append(current)
        return pass
    }

    /// `y[b, o] = Σ_i x[b, i] · w[o, i] + bias[o]`, the sum over `i` in increasing order, then
    /// the bias added.
    static func denseForward(
        _ x: [Float], batch: Int, weight: [Float], bias: [Float], inputs: Int, outputs: Int
    ) -> [Float] {
        var transposed = [Float](repeating: 0, count: weight.count)
        var y = [Float](repeating: 0, count: batch * outputs)
        weight.withUnsafeBufferPointer { w in
            transposed.withUnsafeMutableBufferPointer { t in
                if let w = w.baseAddress, let t = t.baseAddress {
                    DenseKernels.transpose(w, into: t, m: outputs, n: inputs)
                }
            }
        }
        x.withUnsafeBufferPointer { x in
            transposed.withUnsafeBufferPointer { t in
                y.withUnsafeMutableBufferPointer { y in
                    guard let xb = x.baseAddress, let tb = t.baseAddress, let yb = y.baseAddress else { return }
                    DenseKernels.multiply(xb, tb, into: yb, m: batch, k: inputs, n: outputs)
                    for b in 0..<batch {
                        for o in 0..<outputs { yb[b * outputs + o] += bias[o] }
                    }
                }
            }
        }
        return y
    }

    /// Per sample: windows `R[P, C·k·k]`, then `y[o, p] = Σ_w R[p, w] · W[o, w] + bias[o]`.
    static func convForward(
        _ x: [Float], batch: Int, geometry g: DenseKernels.ConvGeometry, weight: [Float], bias: [Float],
        outChannels: Int, keepRows: Bool
    ) -> (output: [Float], rows: [Float]) {
        let positions = g.positions, window = g.windowSize
        let inputSize = g.channels * g.height * g.width
        var transposed = [Float](repeating: 0, count: weight.count)
        weight.withUnsafeBufferPointer { w in
            transposed.withUnsafeMutableBufferPointer { t in
                if let w = w.baseAddress, let t = t.baseAddress {
                    DenseKernels.transpose(w, into: t, m: outChannels, n: window)
                }
            }
        }
        var output = [Float](repeating: 0, count: batch * outChannels * positions)
        var allRows = [Float](repeating: 0, count: keepRows ? batch * positions * window : positions * window)
        var product = [Float](repeating: 0, count: positions * outChannels)
        x.withUnsafeBufferPointer { x in
            transposed.withUnsafeBufferPointer { t in
                guard let xb = x.baseAddress, let tb = t.baseAddress else { return }
                allRows.withUnsafeMutableBufferPointer { rowsBuffer in
                    product.withUnsafeMutableBufferPointer { productBuffer in
                        output.withUnsafeMutableBufferPointer { out in
                            guard let rowsBase = rowsBuffer.baseAddress, let pb = productBuffer.baseAddress,
                                let ob = out.baseAddress
                            else { return }
                            for n in 0..<batch {
                                let rows = rowsBase + (keepRows ? n * positions * window : 0)
                                DenseKernels.im2row(xb + n * inputSize, g, into: rows)
                                DenseKernels.multiply(rows, tb, into: pb, m: positions, k: window, n: outChannels)
                                let on = ob + n * outChannels * positions
                                for o in 0..<outChannels {
                                    for p in 0..<positions { on[o * positions + p] = pb[p * outChannels + o] + bias[o] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (output, keepRows ? allRows : [])
    }

    /// Max over `size × size` windows with stride `size`; the first maximum wins ties (and a NaN
    /// never does).
    static func poolForward(_ x: [Float], batch: Int, input: [Int], size: Int) -> (output: [Float], indices: [Int]) {
        let channels = input[0], height = input[1], width = input[2]
        let outHeight = height / size, outWidth = width / size
        let count = batch * channels * outHeight * outWidth
        var output = [Float](repeating: 0, count: count)
        var indices = [Int](repeating: 0, count: count)
        var k = 0
        for plane in 0..<(batch * channels) {
            let base = plane * height * width
            for oy in 0..<outHeight {
                for ox in 0..<outWidth {
                    var best = base + oy * size * width + ox * size
                    for dy in 0..<size {
                        for dx in 0..<size {
                            let i = base + (oy * size + dy) * width + ox * size + dx
                            if x[i] > x[best] { best = i }
                        }
                    }
                    output[k] = x[best]
                    indices[k] = best
                    k += 1
                }
            }
        }
        return (output, indices)
    }
}
