// PyTorch's tensor repr and the CLI/JSON results of a run (see interpreter.h).
#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstring>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/lang/interpreter.h"
#include "engine/lang/json.h"
#include "engine/ops/ops.h"
#include "engine/ops/value.h"

namespace tl::lang {

// =====================================================================================
// PyTorch's tensor repr (torch/_tensor_str.py with the default print options: precision 4,
// threshold 1000 elements, 3 edge items, line width 80).
// =====================================================================================
namespace {

// torch.set_printoptions' values (engine/ops/ops.h print_options)
int precision() { return print_options().precision; }
int edge() { return print_options().edgeitems; }
int line_width() { return print_options().linewidth; }

std::string fixed(double v, int prec) {
  char buf[400];  // %f of 1e308 needs ~310 chars
  if (std::isnan(v)) return "nan";  // printf gives "-nan" for a NaN with the sign bit; Python never does
  std::snprintf(buf, sizeof buf, "%.*f", prec, v);
  return buf;
}
std::string sci(double v, int prec) {
  char buf[64];
  if (std::isnan(v)) return "nan";
  std::snprintf(buf, sizeof buf, "%.*e", prec, v);
  return buf;
}

// The values a repr shows: all of them, or (over the threshold) the first and last edge()
// indices of every long dim, read straight from the strided storage (never a full copy).
struct Shown {
  std::vector<std::vector<int64_t>> idx;  // per dim: the indices shown
  std::vector<bool> cut;                  // per dim: "..." after the first edge()
  std::vector<double> vals;               // row-major over idx (floating and bool dtypes)
  std::vector<int64_t> ivals;             // the same for integer dtypes: exact beyond 2^53
  size_t size() const { return vals.size() + ivals.size(); }
};

Shown gather_shown(const Tensor& t, bool summarize) {
  Shown s;
  const int nd = t.dim();
  for (int d = 0; d < nd; ++d) {
    const int64_t n = t.shape()[d];
    std::vector<int64_t> ix;
    bool cut = summarize && n > 2 * edge();
    if (cut) {
      for (int64_t i = 0; i < edge(); ++i) ix.push_back(i);
      for (int64_t i = n - edge(); i < n; ++i) ix.push_back(i);
    } else {
      for (int64_t i = 0; i < n; ++i) ix.push_back(i);
    }
    s.idx.push_back(std::move(ix));
    s.cut.push_back(cut);
  }
  int64_t total = 1;
  for (auto& ix : s.idx) total *= int64_t(ix.size());
  const bool exact_int = is_int(t.dtype());
  if (exact_int) s.ivals.reserve(size_t(total));
  else s.vals.reserve(size_t(total));
  std::vector<size_t> pos(size_t(nd), 0);
  TL_DISPATCH(t.dtype(), T, [&] {
    const T* p = t.data_ptr<T>();
    for (int64_t k = 0; k < total; ++k) {
      int64_t off = 0;
      for (int d = 0; d < nd; ++d) off += s.idx[size_t(d)][pos[size_t(d)]] * t.strides()[d];
      if (exact_int) s.ivals.push_back(int64_t(p[off]));
      else s.vals.push_back(double(p[off]));
      for (int d = nd - 1; d >= 0; --d) {  // odometer increment
        if (++pos[size_t(d)] < s.idx[size_t(d)].size()) break;
        pos[size_t(d)] = 0;
      }
    }
  });
  return s;
}

struct Formatter {
  DType dtype;
  bool int_mode = true, sci_mode = false;
  size_t width = 1;

  Formatter(DType dt, const Shown& s) : dtype(dt) {
    if (!is_floating(dt)) {
      for (size_t k = 0; k < s.size(); ++k) width = std::max(width, raw(s, k).size());
      return;
    }
    const std::vector<double>& vals = s.vals;
    double mn = INFINITY, mx = 0;
    bool any = false;
    for (double v : vals) {
      if (!std::isfinite(v) || v == 0) continue;
      any = true;
      mn = std::min(mn, std::fabs(v));
      mx = std::max(mx, std::fabs(v));
      if (v != std::ceil(v)) int_mode = false;
    }
    if (!any) return;
    if (int_mode) {
      sci_mode = mx / mn > 1000.0 || mx > 1.0e8;
    } else {
      sci_mode = mx / mn > 1000.0 || mx > 1.0e8 || mn < 1.0e-4;
    }
    for (double v : vals) {
      if (!std::isfinite(v) || v == 0) continue;
      size_t w = sci_mode ? sci(v, precision()).size() : int_mode ? fixed(v, 0).size() + 1 : fixed(v, precision()).size();
      width = std::max(width, w);
    }
    // PRINT_OPTS.sci_mode overrides the choice (the width stays the one computed for it)
    if (print_options().sci_mode >= 0) sci_mode = print_options().sci_mode == 1;
  }
  std::string raw(const Shown& s, size_t k) const {
    if (is_int(dtype)) return std::to_string(s.ivals[k]);
    const double v = s.vals[k];
    if (dtype == DType::Bool) return v != 0 ? "True" : "False";
    if (sci_mode) return sci(v, precision());
    if (int_mode) {
      std::string r = fixed(v, 0);
      if (std::isfinite(v)) r += ".";
      return r;
    }
    return fixed(v, precision());
  }
  std::string format(const Shown& s, size_t k) const {
    std::string r = raw(s, k);
    return r.size() < width ? std::string(width - r.size(), ' ') + r : r;
  }
};

// Formats the sub-array of `s` starting at flat offset `base` over dims [d, nd).
// Recursion depth is bounded by the number of dims (kMaxDims).
std::string tensor_str_rec(const Shown& s, const Formatter& f, int d, size_t base, int indent) {
  const int nd = int(s.idx.size());
  if (d == nd) return f.format(s, base);
  size_t inner = 1;
  for (int k = d + 1; k < nd; ++k) inner *= s.idx[size_t(k)].size();
  const size_t n = s.idx[size_t(d)].size();
  if (d == nd - 1) {
    std::vector<std::string> data;
    for (size_t i = 0; i < n; ++i) {
      if (s.cut[size_t(d)] && i == size_t(edge())) data.push_back(" ...");
      data.push_back(f.format(s, base + i));
    }
    const size_t elem_len = f.width + 2;
    size_t per_line = std::max<size_t>(1, size_t(std::floor(double(line_width() - indent) / double(elem_len))));
    if (line_width() - indent < 0) per_line = 1;
    std::string out = "[";
    for (size_t i = 0; i < data.size(); ++i) {
      if (i) out += (i % per_line == 0) ? ",\n" + std::string(size_t(indent + 1), ' ') : ", ";
      out += data[i];
    }
    return out + "]";
  }
  std::string sep = "," + std::string(size_t(nd - d - 1), '\n') + std::string(size_t(indent + 1), ' ');
  std::string out = "[";
  for (size_t i = 0; i < n; ++i) {
    if (i) out += sep;
    if (s.cut[size_t(d)] && i == size_t(edge())) out += "..." + sep;
    out += tensor_str_rec(s, f, d + 1, base + i * inner, indent + 1);
  }
  return out + "]";
}


}  // namespace

namespace {
std::string plain_tensor_repr(const Tensor& t);
}

// nn.Parameter's repr is "Parameter containing:\n" + the tensor's.
std::string tensor_repr(const Tensor& t) {
  if (!t.defined()) return "None";
  return (t.impl()->is_param ? "Parameter containing:\n" : "") + plain_tensor_repr(t);
}

namespace {
std::string plain_tensor_repr(const Tensor& t) {
  const std::string prefix = "tensor(";
  const int indent = int(prefix.size());
  std::vector<std::string> suffixes;
  std::string body;
  if (t.numel() == 0) {
    if (t.dim() != 1) suffixes.push_back("size=" + py_tuple_str(t.shape()));
    if (t.dtype() != DType::Float32) suffixes.push_back(std::string("dtype=torch.") + dtype_name(t.dtype()));
    body = "[]";
  } else {
    // PyTorch omits the default dtype, int64 and bool.
    if (t.dtype() == DType::Float64 || (is_int(t.dtype()) && t.dtype() != DType::Int64))
      suffixes.push_back(std::string("dtype=torch.") + dtype_name(t.dtype()));
    Shown s = gather_shown(t, double(t.numel()) > print_options().threshold);
    Formatter f(t.dtype(), s);
    body = tensor_str_rec(s, f, 0, 0, indent);
  }
  if (t.grad_fn()) suffixes.push_back("grad_fn=<" + t.grad_fn()->name() + ">");
  else if (t.requires_grad()) suffixes.push_back("requires_grad=True");
  // _add_suffixes: wrap a suffix onto its own line when the last line would pass the width.
  std::string out = prefix + body;
  size_t nl = out.rfind('\n');
  long last_len = long(out.size()) - (nl == std::string::npos ? -1 : long(nl)) + 1;
  for (const std::string& sfx : suffixes) {
    if (last_len + long(sfx.size()) + 2 > line_width()) {
      out += ",\n" + std::string(size_t(indent), ' ') + sfx;
      last_len = indent + long(sfx.size());
    } else {
      out += ", " + sfx;
      last_len += long(sfx.size()) + 2;
    }
  }
  return out + ")";
}
}  // namespace

// =====================================================================================
// JSON results
// =====================================================================================
namespace {
void append_values(std::string& out, const Tensor& t) {
  out += '[';
  if (t.numel() > 0 && is_int(t.dtype())) {  // exact beyond 2^53
    std::vector<int64_t> v = t.to_int_vector();
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
  } else if (t.numel() > 0) {
    std::vector<double> v = t.to_vector();
    const bool f32 = t.dtype() == DType::Float32;
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      switch (t.dtype()) {
        case DType::Bool: out += v[i] != 0 ? "true" : "false"; break;
        case DType::Int64: out += std::to_string(int64_t(v[i])); break;
        default: out += json_number(v[i], f32);
      }
    }
  }
  out += ']';
}
}  // namespace

std::string result_to_json(const RunResult& r, bool filled_grads) {
  std::string out = "{\"tensors\": {";
  bool first = true;
  for (const auto& [name, t] : r.tensors) {
    if (!first) out += ", ";
    first = false;
    json_append_quoted(out, name);
    out += ": {\"shape\": " + sizes_str(t.shape()) + ", \"dtype\": \"";
    out += dtype_name(t.dtype());
    out += "\", \"requires_grad\": ";
    out += t.requires_grad() ? "true" : "false";
    out += ", \"data\": ";
    append_values(out, t);
    out += ", \"grad\": ";
    Tensor g = !filled_grads || t.is_leaf() || t.retains_grad() ? t.grad() : Tensor();
    if (g.defined()) append_values(out, g);
    else out += "null";
    out += '}';
  }
  out += "}, \"stdout\": ";
  json_append_quoted(out, r.stdout_text);
  return out + "}";
}

std::string exception_type(const std::string& m) {
  const size_t colon = m.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 40) return "RuntimeError";
  for (size_t i = 0; i < colon; ++i)
    if (!std::isalnum(static_cast<unsigned char>(m[i])) && m[i] != '_') return "RuntimeError";
  const std::string t = m.substr(0, colon);
  auto ends = [&](const char* s) {
    const size_t n = std::strlen(s);
    return t.size() >= n && t.compare(t.size() - n, n, s) == 0;
  };
  const bool named = ends("Error") || ends("Exception") || ends("Warning") || t == "StopIteration" ||
                     t == "KeyboardInterrupt" || t == "SystemExit";
  return named && std::isupper(static_cast<unsigned char>(t[0])) ? t : "RuntimeError";
}

std::string with_exception_type(const std::string& m) {
  const std::string t = exception_type(m);
  return m.compare(0, t.size() + 2, t + ": ") == 0 ? m : t + ": " + m;
}

std::string error_to_json(const std::string& message, int line, int col) {
  std::string out = "{\"error\": {\"type\": ";
  json_append_quoted(out, exception_type(message));
  out += ", \"message\": ";
  json_append_quoted(out, message);
  return out + ", \"line\": " + std::to_string(line) + ", \"col\": " + std::to_string(col) + "}}";
}

}  // namespace tl::lang
