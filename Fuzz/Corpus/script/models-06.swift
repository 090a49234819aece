let digitParts = digits.split(train: 0.6, validation: 0.2, seed: 2)
let (tr, va, te) = (digitParts.train, digitParts.validation, digitParts.test)
var perDigit = Table(["digit", "images", "train", "validation", "test"])
for c in 0..<10 {
    perDigit.append([c, digits.classCounts[c], tr.classCounts[c], va.classCounts[c],
                     te.classCounts[c]])
}
perDigit.append(["all", digits.count, tr.count, va.count, te.count])
perDigit
