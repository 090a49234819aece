let int4Tensor = sqnrOf["int4, per tensor"]!
let int4Channel = sqnrOf["int4, per channel"]!
let nf4SQNR = sqnrOf["nf4"]!
let q40SQNR = sqnrOf["q4_0"]!
let q41SQNR = sqnrOf["q4_1"]!
let int8Channel = sqnrOf["int8, per channel"]!
