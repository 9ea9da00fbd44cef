#pragma once
// Correctly rounded log, sin and cos in double, for the random number generator's Box-Muller paths.
//
// PyTorch draws float64 normals with glibc's log/sin/cos. Under wasm the C library is musl, whose
// functions round differently from glibc's often enough that ~3% of float64 normals differed in
// the last bits. The wasm build computes these three in double-double arithmetic (~100 bits) and
// rounds once, which gives the correctly rounded result; glibc's are within ~0.55 ulp and return
// the same double in all but ~0.1% of calls. Native builds keep calling glibc, PyTorch's functions.
//
// Domains: log for finite x > 0 (normal or subnormal); sin and cos for |x| <= 8 (Box-Muller
// takes them of 2*pi*u with u in [0, 1)). Outside these domains they fall back to <cmath>.

namespace tl::crmath {

double log(double x);
double sin(double x);
double cos(double x);

}  // namespace tl::crmath
