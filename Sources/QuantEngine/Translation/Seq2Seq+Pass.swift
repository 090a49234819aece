/// A batch of sentence pairs with one source length, time-major (`[step, batch]`), so each step's
/// rows are contiguous. Training groups pairs by source length, so the encoder and attention
/// never see padding; shorter targets are padded, their positions carry no loss.
struct Seq2SeqBatch: Sendable {
    let size: Int
    let sourceLength: Int
    let targetLength: Int
    /// `[S, B]` source token ids.
    let sources: [Int]
    /// `[T, B]` decoder inputs: `<s> y₁ … y_n` then padding.
    let inputs: [Int]
    /// `[T, B]` labels: `y₁ … y_n </s>` then −1 (no loss).
    let labels: [Int]

    /// The batch of `pairs` (source and target ids, all sources of the same length).
    init(sources sourceIDs: [[Int]], targets targetIDs: [[Int]]) {
        size = sourceIDs.count
        sourceLength = sourceIDs.first?.count ?? 0
        targetLength = (targetIDs.map(\.count).max() ?? 0) + 1
        var sources = [Int](repeating: Vocabulary.paddingID, count: sourceLength * size)
        var inputs = [Int](repeating: Vocabulary.paddingID, count: targetLength * size)
        var labels = [Int](repeating: -1, count: targetLength * size)
        for b in 0..<size {
            for (s, id) in sourceIDs[b].enumerated() where s < sourceLength { sources[s * size + b] = id }
            let target = targetIDs[b]
            inputs[b] = Vocabulary.startID
            for (t, id) in target.enumerated() {
                inputs[(t + 1) * size + b] = id
                labels[t * size + b] = id
            }
            labels[target.count * size + b] = Vocabulary.endID
        }
        self.sources = sources
        self.inputs = inputs
        self.labels = labels
    }

    /// Positions with a label.
    var tokenCount: Int { labels.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }
}

/// The weights one pass computes with — the model's own, or their fake-quantized values during
/// quantization-aware training — with each matrix also transposed to `[in, out]` for the
/// forward products.
struct Seq2SeqWeights {
    let values: [Float]
    let layout: Seq2Seq.Layout
    let encoderInputT: [Float]
    let encoderRecurrentT: [Float]
    let decoderInputT: [Float]
    let decoderRecurrentT: [Float]
    let outputT: [Float]

    init(_ values: [Float], layout: Seq2Seq.Layout) {
        self.values = values
        self.layout = layout
        func transposed(_ block: Seq2Seq.Block) -> [Float] {
            let shape = layout.shape(block)
            let start = layout.offset(block)
            let rows = shape[0], columns = shape[1]
            var result = [Float](repeating: 0, count: rows * columns)
            for i in 0..<rows {
                for j in 0..<columns { result[j * rows + i] = values[start + i * columns + j] }
            }
            return result
        }
        encoderInputT = transposed(.encoderInput)
        encoderRecurrentT = transposed(.encoderRecurrent)
        decoderInputT = transposed(.decoderInput)
        decoderRecurrentT = transposed(.decoderRecurrent)
        outputT = transposed(.output)
    }

    func offset(_ block: Seq2Seq.Block) -> Int { layout.offset(block) }
}

/// What the forward pass of one GRU over a batch keeps for the backward pass, time-major.
struct GRUTrace {
    /// `[L·B, E]` inputs (after activation quantization).
    var inputs: [Float]
    /// `[(L+1)·B, H]` states `h₀ … h_L`.
    var states: [Float]
    /// `[L·B, H]` the state each step's recurrent product read (after activation quantization).
    var recurrentInputs: [Float]
    /// `[L·B, H]` gates.
    var reset: [Float]
    var update: [Float]
    var candidate: [Float]
    /// `[L·B, H]` `W_hn h + b_hn`, which the reset gate scales.
    var recurrentCandidate: [Float]
}

/// What the forward pass of the whole model keeps for the backward pass.
struct Seq2SeqTrace {
    var encoder: GRUTrace
    var decoder: GRUTrace
    /// `[T, B, S]` attention weights.
    var attention: [Float]
    /// `[T·B, 2H]` normalized `[s; c]` before gain and bias, and `1/σ` per row.
    var normalized: [Float]
    var inverseDeviation: [Float]
    /// `[T·B, 2H]` the output projection's input (after activation quantization).
    var projected: [Float]
    /// `[T·B, V]` logits.
    var logits: [Float]
}

/// Products over arrays with offsets, through the fixed-order kernels.
enum ArrayProducts {
    /// `c[m×n] (+)= a[m×k] · b[k×n]`.
    static func multiply(
        _ a: [Float], aStart: Int = 0, _ b: [Float], bStart: Int = 0, into c: inout [Float], cStart: Int = 0,
        m: Int, k: Int, n: Int, accumulate: Bool = false
    ) {
        withPointers(a, aStart, b, bStart, &c, cStart, m: m, k: k, n: n) { a, b, c in
            DenseKernels.multiply(a, b, into: c, m: m, k: k, n: n, accumulate: accumulate)
        }
    }

    /// `c[m×n] (+)= aᵀ · b` for `a` `[k×m]` and `b` `[k×n]`.
    static func multiplyTransposedLeft(
        _ a: [Float], aStart: Int = 0, _ b: [Float], bStart: Int = 0, into c: inout [Float], cStart: Int = 0,
        m: Int, k: Int, n: Int, accumulate: Bool = true
    ) {
        withPointers(a, aStart, b, bStart, &c, cStart, m: m, k: k, n: n) { a, b, c in
            DenseKernels.multiplyTransposedLeft(a, b, into: c, m: m, k: k, n: n, accumulate: accumulate)
        }
    }

    /// Calls `body` with pointers to the three arrays at their offsets, unless a size is zero.
    private static func withPointers(
        _ a: [Float], _ aStart: Int, _ b: [Float], _ bStart: Int, _ c: inout [Float], _ cStart: Int, m: Int, k: Int,
        n: Int, _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void
    ) {
        guard m > 0, k > 0, n > 0 else { return }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    guard let a = pa.baseAddress, let b = pb.baseAddress, let c = pc.baseAddress else { return }
                    body(a + aStart, b + bStart, c + cStart)
                }
            }
        }
    }

    /// `sums[n] += Σ_rows a[rows×n]`, rows in order.
    static func addColumnSums(_ a: [Float], rows: Int, columns: Int, into sums: inout [Float], at start: Int) {
        for r in 0..<rows {
            for j in 0..<columns { sums[start + j] += a[r * columns + j] }
        }
    }
}

extension Seq2Seq {
    static let normEpsilon: Float = 1e-5

    /// Fake-quantizes `values[range]` in place with `parameters` (nil: unchanged).
    static func fakeQuantize(_ values: inout [Float], _ range: Range<Int>, _ parameters: QuantizationParameters?) {
        guard let parameters, !range.isEmpty else { return }
        let grid = QuantizationKernels.Grid(parameters, rounding: .nearestEven)
        let input = Array(values[range])
        input.withUnsafeBufferPointer { x in
            values.withUnsafeMutableBufferPointer { y in
                _ = QuantizationKernels.fakeQuantize(
                    x, into: UnsafeMutableBufferPointer(rebasing: y[range]), grid: grid)
            }
        }
    }

    /// Runs one GRU over `length` steps of a batch from `initial` (`[B, H]`), with inputs the rows
    /// of `embedding` (block) at `tokens` (`[L, B]`).
    func runGRU(
        tokens: [Int], length: Int, batch: Int, initial: ArraySlice<Float>, embedding: Block, input: Block,
        recurrent: Block, inputBias: Block, recurrentBias: Block, weights: Seq2SeqWeights, inputT: [Float],
        recurrentT: [Float], inputSite: ActivationSite, stateSite: ActivationSite,
        observe: ((ActivationSite, ArraySlice<Float>) -> Void)?
    ) -> GRUTrace {
        let e = embeddingSize, h = hiddenSize, g = 3 * h
        let w = weights.values
        let rows = length * batch
        var inputs = [Float](repeating: 0, count: rows * e)
        let table = weights.offset(embedding)
        for (row, token) in tokens.enumerated() {
            let source = table + token * e
            for k in 0..<e { inputs[row * e + k] = w[source + k] }
        }
        observe?(inputSite, inputs[...])
        Self.fakeQuantize(&inputs, 0..<inputs.count, activation(inputSite))
        // Input products of all steps at once: [L·B, E] · [E, 3H] + b_i.
        var inputGates = [Float](repeating: 0, count: rows * g)
        ArrayProducts.multiply(inputs, inputT, into: &inputGates, m: rows, k: e, n: g)
        let bi = weights.offset(inputBias), bh = weights.offset(recurrentBias)
        for r in 0..<rows {
            for j in 0..<g { inputGates[r * g + j] += w[bi + j] }
        }
        var trace = GRUTrace(
            inputs: inputs, states: [Float](repeating: 0, count: (length + 1) * batch * h),
            recurrentInputs: [Float](repeating: 0, count: rows * h), reset: [Float](repeating: 0, count: rows * h),
            update: [Float](repeating: 0, count: rows * h), candidate: [Float](repeating: 0, count: rows * h),
            recurrentCandidate: [Float](repeating: 0, count: rows * h))
        for (i, value) in initial.enumerated() { trace.states[i] = value }
        var recurrentGates = [Float](repeating: 0, count: batch * g)
        let stateParameters = activation(stateSite)
        for step in 0..<length {
            let previous = step * batch * h
            let here = previous + batch * h
            let stepRows = (step * batch * h)..<((step + 1) * batch * h)
            for i in 0..<(batch * h) { trace.recurrentInputs[stepRows.lowerBound + i] = trace.states[previous + i] }
            observe?(stateSite, trace.states[previous..<here])
            Self.fakeQuantize(&trace.recurrentInputs, stepRows, stateParameters)
            ArrayProducts.multiply(
                trace.recurrentInputs, aStart: stepRows.lowerBound, recurrentT, into: &recurrentGates, m: batch, k: h,
                n: g)
            for b in 0..<batch {
                let gi = (step * batch + b) * g, gh = b * g, o = (step * batch + b) * h
                for j in 0..<h {
                    let r = PortableMath.sigmoid(inputGates[gi + j] + recurrentGates[gh + j] + w[bh + j])
                    let z = PortableMath.sigmoid(inputGates[gi + h + j] + recurrentGates[gh + h + j] + w[bh + h + j])
                    let hn = recurrentGates[gh + 2 * h + j] + w[bh + 2 * h + j]
                    let n = PortableMath.tanh(inputGates[gi + 2 * h + j] + r * hn)
                    let old = trace.states[previous + b * h + j]
                    trace.reset[o + j] = r
                    trace.update[o + j] = z
                    trace.candidate[o + j] = n
                    trace.recurrentCandidate[o + j] = hn
                    trace.states[here + b * h + j] = (1 - z) * n + z * old
                }
            }
        }
        return trace
    }

    /// The activation quantization parameters of `site`, when activations are quantized.
    func activation(_ site: ActivationSite) -> QuantizationParameters? {
        activationParameters.isEmpty ? nil : activationParameters[site.rawValue]
    }

    /// The forward pass of a teacher-forced batch: its trace and summed loss over the labelled
    /// positions (natural log).
    func forward(
        _ batch: Seq2SeqBatch, weights: Seq2SeqWeights,
        observe: ((ActivationSite, ArraySlice<Float>) -> Void)? = nil
    ) -> (trace: Seq2SeqTrace, lossSum: Double) {
        let b = batch.size, s = batch.sourceLength, t = batch.targetLength, h = hiddenSize
        let encoder = runGRU(
            tokens: batch.sources, length: s, batch: b, initial: [Float](repeating: 0, count: b * h)[...],
            embedding: .sourceEmbedding, input: .encoderInput, recurrent: .encoderRecurrent,
            inputBias: .encoderInputBias, recurrentBias: .encoderRecurrentBias, weights: weights,
            inputT: weights.encoderInputT, recurrentT: weights.encoderRecurrentT, inputSite: .encoderInput,
            stateSite: .encoderState, observe: observe)
        let final = encoder.states[(s * b * h)..<((s + 1) * b * h)]
        let decoder = runGRU(
            tokens: batch.inputs, length: t, batch: b, initial: final, embedding: .targetEmbedding,
            input: .decoderInput, recurrent: .decoderRecurrent, inputBias: .decoderInputBias,
            recurrentBias: .decoderRecurrentBias, weights: weights, inputT: weights.decoderInputT,
            recurrentT: weights.decoderRecurrentT, inputSite: .decoderInput, stateSite: .decoderState,
            observe: observe)
        let rows = t * b
        var readout = readout(
            decoderStates: decoder.states, encoderStates: encoder.states, steps: t, batch: b, sourceLength: s,
            weights: weights, observe: observe)
        let v = targetVocabulary.count
        var lossSum = 0.0
        readout.logits.withUnsafeMutableBufferPointer { all in
            for r in 0..<rows {
                let label = batch.labels[r]
                guard label >= 0 else { continue }
                let row = UnsafeBufferPointer(rebasing: all[(r * v)..<((r + 1) * v)])
                lossSum += SoftmaxCrossEntropy.logSumExp(row) - Double(row[label])
            }
        }
        let trace = Seq2SeqTrace(
            encoder: encoder, decoder: decoder, attention: readout.attention, normalized: readout.normalized,
            inverseDeviation: readout.inverseDeviation, projected: readout.projected, logits: readout.logits)
        return (trace, lossSum)
    }

    /// Attention, layer norm and output projection for `steps` decoder states of a batch
    /// (`decoderStates` `[(steps+1)·B, H]`, state of step `i` at row `(i+1)·B + b`) over the
    /// encoder states (`[(S+1)·B, H]`, likewise): everything of ``Seq2SeqTrace`` past the GRUs,
    /// logits including the bias.
    func readout(
        decoderStates: [Float], encoderStates: [Float], steps t: Int, batch b: Int, sourceLength s: Int,
        weights: Seq2SeqWeights, observe: ((ActivationSite, ArraySlice<Float>) -> Void)?
    ) -> (attention: [Float], normalized: [Float], inverseDeviation: [Float], projected: [Float], logits: [Float]) {
        let h = hiddenSize, v = targetVocabulary.count, d = 2 * h
        let decoder = decoderStates, encoder = encoderStates
        let rows = t * b
        var attention = [Float](repeating: 0, count: rows * s)
        var joined = [Float](repeating: 0, count: rows * d)
        let scale = 1 / Double(h).squareRoot()
        var scores = [Double](repeating: 0, count: s)
        for step in 0..<t {
            for row in 0..<b {
                let query = ((step + 1) * b + row) * h
                var largest = -Double.infinity
                for j in 0..<s {
                    let key = ((j + 1) * b + row) * h
                    var dot: Float = 0
                    for k in 0..<h { dot += decoder[query + k] * encoder[key + k] }
                    scores[j] = Double(dot) * scale
                    largest = Swift.max(largest, scores[j])
                }
                var total = 0.0
                for j in 0..<s {
                    scores[j] = PortableMath.exp(scores[j] - largest)
                    total += scores[j]
                }
                let r = step * b + row
                for k in 0..<h { joined[r * d + k] = decoder[query + k] }
                for j in 0..<s {
                    let alpha = Float(scores[j] / total)
                    attention[r * s + j] = alpha
                    let key = ((j + 1) * b + row) * h
                    for k in 0..<h { joined[r * d + h + k] += alpha * encoder[key + k] }
                }
            }
        }
        // Layer norm over [s; c], then the output projection.
        var normalized = [Float](repeating: 0, count: rows * d)
        var inverseDeviation = [Float](repeating: 0, count: rows)
        var projected = [Float](repeating: 0, count: rows * d)
        let gain = weights.offset(.normGain), bias = weights.offset(.normBias)
        let w = weights.values
        for r in 0..<rows {
            var mean: Float = 0
            for k in 0..<d { mean += joined[r * d + k] }
            mean /= Float(d)
            var variance: Float = 0
            for k in 0..<d {
                let c = joined[r * d + k] - mean
                variance += c * c
            }
            variance /= Float(d)
            let inverse = 1 / (variance + Self.normEpsilon).squareRoot()
            inverseDeviation[r] = inverse
            for k in 0..<d {
                let x = (joined[r * d + k] - mean) * inverse
                normalized[r * d + k] = x
                projected[r * d + k] = x * w[gain + k] + w[bias + k]
            }
        }
        observe?(.normalized, projected[...])
        Self.fakeQuantize(&projected, 0..<projected.count, activation(.normalized))
        var logits = [Float](repeating: 0, count: rows * v)
        ArrayProducts.multiply(projected, weights.outputT, into: &logits, m: rows, k: d, n: v)
        let outputBias = weights.offset(.outputBias)
        for r in 0..<rows {
            for j in 0..<v { logits[r * v + j] += w[outputBias + j] }
        }
        return (attention, normalized, inverseDeviation, projected, logits)
    }

    /// The gradient of the mean loss over the labelled positions of `batch` with respect to every
    /// parameter (laid out as ``parameters``). Activation quantization is passed straight
    /// through (its derivative taken as 1).
    func backward(_ batch: Seq2SeqBatch, trace: Seq2SeqTrace, weights: Seq2SeqWeights) -> [Float] {
        let b = batch.size, s = batch.sourceLength, t = batch.targetLength, h = hiddenSize
        let v = targetVocabulary.count, d = 2 * h, rows = t * b
        let w = weights.values
        var gradient = [Float](repeating: 0, count: w.count)
        let tokens = Double(Swift.max(batch.tokenCount, 1))
        // Softmax cross-entropy: (p − onehot) / tokens on labelled rows.
        var dLogits = [Float](repeating: 0, count: rows * v)
        trace.logits.withUnsafeBufferPointer { all in
            for r in 0..<rows {
                let label = batch.labels[r]
                guard label >= 0 else { continue }
                let row = UnsafeBufferPointer(rebasing: all[(r * v)..<((r + 1) * v)])
                let normalizer = SoftmaxCrossEntropy.logSumExp(row)
                for j in 0..<v {
                    let p = PortableMath.exp(Double(row[j]) - normalizer)
                    dLogits[r * v + j] = Float((p - (j == label ? 1 : 0)) / tokens)
                }
            }
        }
        let out = weights.offset(.output)
        ArrayProducts.multiplyTransposedLeft(
            dLogits, trace.projected, into: &gradient, cStart: out, m: v, k: rows, n: d)
        ArrayProducts.addColumnSums(dLogits, rows: rows, columns: v, into: &gradient, at: weights.offset(.outputBias))
        var dProjected = [Float](repeating: 0, count: rows * d)
        ArrayProducts.multiply(dLogits, w, bStart: out, into: &dProjected, m: rows, k: v, n: d)
        // Layer norm: dx̂ = dy ⊙ g; du = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) / σ.
        let gain = weights.offset(.normGain), normBias = weights.offset(.normBias)
        var dJoined = [Float](repeating: 0, count: rows * d)
        for r in 0..<rows {
            var meanGradient: Float = 0, meanProduct: Float = 0
            for k in 0..<d {
                let dy = dProjected[r * d + k]
                let x = trace.normalized[r * d + k]
                gradient[gain + k] += dy * x
                gradient[normBias + k] += dy
                let dx = dy * w[gain + k]
                meanGradient += dx
                meanProduct += dx * x
            }
            meanGradient /= Float(d)
            meanProduct /= Float(d)
            let inverse = trace.inverseDeviation[r]
            for k in 0..<d {
                let dx = dProjected[r * d + k] * w[gain + k]
                dJoined[r * d + k] = (dx - meanGradient - trace.normalized[r * d + k] * meanProduct) * inverse
            }
        }
        // Attention: c = Σ α_j h_j, α = softmax(e), e_j = s · h_j / √H.
        let scale = 1 / Float(h).squareRoot()
        var dDecoderStates = [Float](repeating: 0, count: rows * h)  // ∂L/∂s_t, [T·B, H]
        var dEncoderStates = [Float](repeating: 0, count: (s + 1) * b * h)  // ∂L/∂h_j, [(S+1)·B, H]
        var dAlpha = [Float](repeating: 0, count: s)
        let encoder = trace.encoder.states, decoder = trace.decoder.states
        for step in 0..<t {
            for row in 0..<b {
                let r = step * b + row
                let query = ((step + 1) * b + row) * h
                for k in 0..<h { dDecoderStates[r * h + k] = dJoined[r * d + k] }
                var weighted: Float = 0
                for j in 0..<s {
                    let key = ((j + 1) * b + row) * h
                    var dot: Float = 0
                    for k in 0..<h { dot += dJoined[r * d + h + k] * encoder[key + k] }
                    dAlpha[j] = dot
                    weighted += trace.attention[r * s + j] * dot
                }
                for j in 0..<s {
                    let alpha = trace.attention[r * s + j]
                    let dScore = alpha * (dAlpha[j] - weighted) * scale
                    let key = ((j + 1) * b + row) * h
                    for k in 0..<h {
                        dDecoderStates[r * h + k] += dScore * encoder[key + k]
                        dEncoderStates[key + k] += dScore * decoder[query + k] + alpha * dJoined[r * d + h + k]
                    }
                }
            }
        }
        // Decoder, then encoder, back through time.
        let initial = backwardGRU(
            trace.decoder, tokens: batch.inputs, length: t, batch: b, stateGradients: dDecoderStates, stateOffset: 0,
            embedding: .targetEmbedding, input: .decoderInput, recurrent: .decoderRecurrent,
            inputBias: .decoderInputBias, recurrentBias: .decoderRecurrentBias, weights: weights,
            gradient: &gradient)
        for i in 0..<(b * h) { dEncoderStates[s * b * h + i] += initial[i] }
        _ = backwardGRU(
            trace.encoder, tokens: batch.sources, length: s, batch: b, stateGradients: dEncoderStates,
            stateOffset: b * h, embedding: .sourceEmbedding, input: .encoderInput, recurrent: .encoderRecurrent,
            inputBias: .encoderInputBias, recurrentBias: .encoderRecurrentBias, weights: weights,
            gradient: &gradient)
        return gradient
    }

    /// Back-propagation through one GRU: adds its parameters' and embeddings' gradients to
    /// `gradient`, given `∂L/∂h_step` from outside the recurrence (`stateGradients`, step `i`'s
    /// output state at `stateOffset + i·B·H`), and returns `∂L/∂h₀`.
    func backwardGRU(
        _ trace: GRUTrace, tokens: [Int], length: Int, batch: Int, stateGradients: [Float], stateOffset: Int,
        embedding: Block, input: Block, recurrent: Block, inputBias: Block, recurrentBias: Block,
        weights: Seq2SeqWeights, gradient: inout [Float]
    ) -> [Float] {
        let e = embeddingSize, h = hiddenSize, g = 3 * h
        let rows = length * batch
        var dInputGates = [Float](repeating: 0, count: rows * g)
        var dRecurrentGates = [Float](repeating: 0, count: rows * g)
        var carry = [Float](repeating: 0, count: batch * h)
        let recurrentStart = weights.offset(recurrent)
        for step in stride(from: length - 1, through: 0, by: -1) {
            let previous = step * batch * h
            var next = [Float](repeating: 0, count: batch * h)
            for row in 0..<batch {
                let o = (step * batch + row) * h, gi = (step * batch + row) * g
                for j in 0..<h {
                    let dh = carry[row * h + j] + stateGradients[stateOffset + o + j]
                    let r = trace.reset[o + j], z = trace.update[o + j], n = trace.candidate[o + j]
                    let old = trace.states[previous + row * h + j]
                    let dn = dh * (1 - z)
                    let dz = dh * (old - n)
                    next[row * h + j] = dh * z
                    let dnPre = dn * (1 - n * n)
                    let dr = dnPre * trace.recurrentCandidate[o + j]
                    let drPre = dr * r * (1 - r)
                    let dzPre = dz * z * (1 - z)
                    dInputGates[gi + j] = drPre
                    dInputGates[gi + h + j] = dzPre
                    dInputGates[gi + 2 * h + j] = dnPre
                    dRecurrentGates[gi + j] = drPre
                    dRecurrentGates[gi + h + j] = dzPre
                    dRecurrentGates[gi + 2 * h + j] = dnPre * r
                }
            }
            // ∂L/∂h_{step} through the recurrent product: dgh · W_hh ([B, 3H] · [3H, H]).
            ArrayProducts.multiply(
                dRecurrentGates, aStart: step * batch * g, weights.values, bStart: recurrentStart, into: &next,
                m: batch, k: g, n: h,
                accumulate: true)
            carry = next
        }
        ArrayProducts.multiplyTransposedLeft(
            dRecurrentGates, trace.recurrentInputs, into: &gradient, cStart: recurrentStart, m: g, k: rows, n: h)
        ArrayProducts.multiplyTransposedLeft(
            dInputGates, trace.inputs, into: &gradient, cStart: weights.offset(input), m: g, k: rows, n: e)
        ArrayProducts.addColumnSums(dInputGates, rows: rows, columns: g, into: &gradient, at: weights.offset(inputBias))
        ArrayProducts.addColumnSums(
            dRecurrentGates, rows: rows, columns: g, into: &gradient, at: weights.offset(recurrentBias))
        var dInputs = [Float](repeating: 0, count: rows * e)
        ArrayProducts.multiply(
            dInputGates, weights.values, bStart: weights.offset(input), into: &dInputs, m: rows, k: g, n: e)
        let table = weights.offset(embedding)
        for (row, token) in tokens.enumerated() {
            for k in 0..<e { gradient[table + token * e + k] += dInputs[row * e + k] }
        }
        return carry
    }
}
