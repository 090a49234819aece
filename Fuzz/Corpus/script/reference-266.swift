tensor([0.5, -4.25, 3.5]).absMax()   // what symmetric scales use
