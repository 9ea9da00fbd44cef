// numpy 1.x printing (numpy/core/arrayprint.py with its default options: precision 8,
// floatmode 'maxprec', linewidth 75, threshold 1000, edgeitems 3, suppress False, sign '-'),
// with dragon4's digits: the shortest round-trip digits, cut at `precision` fraction digits
// (exactly rounded from the binary value when cut).
#include <cstdlib>

#include "engine/lang/numpy.h"

namespace tl::lang::detail {
namespace {

constexpr int kPrecision = 8, kLineWidth = 75, kThreshold = 1000, kEdge = 3;

// Shortest decimal digits of x (float32 when f32): digits without the point, and the decimal
// exponent of the first digit (x = d.ddd * 10^exp).
void shortest(double x, bool f32, std::string& digits, int& exp10) {
  char buf[64];
  x = std::fabs(x);
  for (int p = 0; p <= 17; ++p) {
    std::snprintf(buf, sizeof buf, "%.*e", p, x);
    const bool ok = f32 ? std::strtof(buf, nullptr) == float(x) : std::strtod(buf, nullptr) == x;
    if (ok || p == 17) break;
  }
  std::string s = buf;
  const size_t e = s.find('e');
  exp10 = std::atoi(s.c_str() + e + 1);
  digits.clear();
  for (size_t i = 0; i < e; ++i)
    if (s[i] != '.') digits += s[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

// dragon4_positional with unique=True, fractional=True: returns int part (with sign) and fraction.
void positional(double x, bool f32, int precision, std::string& ip, std::string& fp) {
  std::string d;
  int e;
  shortest(x, f32, d, e);
  const int fd = std::max(0, int(d.size()) - 1 - e);
  if (fd > precision) {
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", precision, std::fabs(x));
    std::string s = buf;
    const size_t dot = s.find('.');
    ip = dot == std::string::npos ? s : s.substr(0, dot);
    fp = dot == std::string::npos ? "" : s.substr(dot + 1);
    while (!fp.empty() && fp.back() == '0') fp.pop_back();
  } else if (e >= 0) {
    ip = d.substr(0, std::min(d.size(), size_t(e) + 1));
    while (int(ip.size()) < e + 1) ip += '0';
    fp = d.size() > size_t(e) + 1 ? d.substr(size_t(e) + 1) : "";
  } else {
    ip = "0";
    fp = std::string(size_t(-e - 1), '0') + d;
  }
  if (d == "0") ip = "0", fp = "";
  if (std::signbit(x)) ip = "-" + ip;
}

// dragon4_scientific with unique=True: int digit (with sign), fraction digits, exponent.
void scientific(double x, bool f32, int precision, std::string& ip, std::string& fp, int& exp10) {
  std::string d;
  shortest(x, f32, d, exp10);
  if (int(d.size()) - 1 > precision) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*e", precision, std::fabs(x));
    std::string s = buf;
    const size_t e = s.find('e');
    exp10 = std::atoi(s.c_str() + e + 1);
    d.clear();
    for (size_t i = 0; i < e; ++i)
      if (s[i] != '.') d += s[i];
    while (d.size() > 1 && d.back() == '0') d.pop_back();
  }
  if (d == "0") exp10 = 0;
  ip = (std::signbit(x) ? "-" : "") + d.substr(0, 1);
  fp = d.substr(1);
}

std::string exp_str(int e, int digits) {
  std::string s = std::to_string(std::abs(e));
  while (int(s.size()) < digits) s = "0" + s;
  return std::string(e < 0 ? "e-" : "e+") + s;
}

struct FloatFormat {
  bool f32 = false, exp_format = false;
  int pad_left = 0, pad_right = 0, precision = kPrecision, min_digits = 0, exp_size = -1;

  explicit FloatFormat(const std::vector<double>& data, bool is_f32) : f32(is_f32) {
    std::vector<double> finite;
    for (double v : data)
      if (std::isfinite(v)) finite.push_back(v);
    double mx = 0, mn = INFINITY;
    bool any = false;
    for (double v : finite)
      if (v != 0) {
        const double a = std::fabs(v);
        mx = std::max(mx, a), mn = std::min(mn, a), any = true;
      }
    if (any) {
      // numpy compares in the array's dtype (max_val/min_val of float32 values is a float32)
      const double ratio = f32 ? double(float(mx) / float(mn)) : mx / mn;
      if (mx >= 1e8 || mn < 0.0001 || ratio > 1000.) exp_format = true;
    }
    if (finite.empty()) {
      pad_left = pad_right = 0;
      exp_size = -1;
      min_digits = 0;
    } else if (exp_format) {
      int max_fp = 0, max_ip = 0, max_exp = 0;
      for (double v : finite) {
        std::string ip, fp;
        int e;
        scientific(v, f32, kPrecision, ip, fp, e);
        max_fp = std::max(max_fp, int(fp.size()));
        max_ip = std::max(max_ip, int(ip.size()));
        max_exp = std::max(max_exp, int(exp_str(e, 2).size()) - 1);
      }
      exp_size = max_exp - 1;
      precision = max_fp;
      min_digits = precision;
      pad_left = max_ip;
      pad_right = exp_size + 2 + precision;
    } else {
      int max_fp = 0, max_ip = 0;
      for (double v : finite) {
        std::string ip, fp;
        positional(v, f32, kPrecision, ip, fp);
        max_fp = std::max(max_fp, int(fp.size()));
        max_ip = std::max(max_ip, int(ip.size()));
      }
      pad_left = max_ip;
      pad_right = max_fp;
      min_digits = 0;
    }
    if (finite.size() != data.size()) {
      bool neginf = false;
      for (double v : data) neginf = neginf || (std::isinf(v) && v < 0);
      const int nanlen = 3, inflen = 3 + (neginf ? 1 : 0), offset = pad_right + 1;
      pad_left = std::max({pad_left, nanlen - offset, inflen - offset});
    }
  }

  std::string operator()(double x) const {
    if (!std::isfinite(x)) {
      const std::string r = std::isnan(x) ? "nan" : x < 0 ? "-inf" : "inf";
      const int w = pad_left + pad_right + 1 - int(r.size());
      return std::string(size_t(std::max(0, w)), ' ') + r;
    }
    std::string ip, fp;
    if (exp_format) {
      int e;
      scientific(x, f32, precision, ip, fp, e);
      while (int(fp.size()) < min_digits) fp += '0';
      std::string s = ip + "." + fp + exp_str(e, std::max(2, exp_size));
      if (int(ip.size()) < pad_left) s = std::string(size_t(pad_left - int(ip.size())), ' ') + s;
      return s;
    }
    positional(x, f32, precision, ip, fp);
    std::string s = ip;
    if (int(s.size()) < pad_left) s = std::string(size_t(pad_left - int(s.size())), ' ') + s;
    s += "." + fp;
    if (int(fp.size()) < pad_right) s += std::string(size_t(pad_right - int(fp.size())), ' ');
    return s;
  }
};

std::string rstrip(const std::string& s) {
  size_t e = s.size();
  while (e && s[e - 1] == ' ') --e;
  return s.substr(0, e);
}

struct Printer {
  const Tensor& t;  // contiguous
  std::vector<double> vals;
  std::vector<int64_t> ivals;
  std::function<std::string(int64_t)> fmt;
  bool summary = false;
  std::string sep;

  // _extendLine (numpy > 1.13): wrap before `word` when the line would pass `width`.
  static void extend(std::string& s, std::string& line, const std::string& word, int width, const std::string& prefix) {
    bool wrap = int(line.size() + word.size()) > width;
    if (line.size() <= prefix.size()) wrap = false;
    if (wrap) {
      s += rstrip(line) + "\n";
      line = prefix;
    }
    line += word;
  }

  // _formatArray's recurser; depth is bounded by the rank (<= 8).
  std::string rec(std::vector<int64_t>& index, const std::string& hang, int width) {
    const int axis = int(index.size()), left = t.dim() - axis;
    if (left == 0) {
      int64_t flat = 0;
      for (int i = 0; i < t.dim(); ++i) flat = flat * t.shape()[i] + index[size_t(i)];
      return fmt(flat);
    }
    const std::string next_hang = hang + " ";
    const int next_width = width - 1;
    const int64_t n = t.shape()[axis];
    const bool show_summary = summary && 2 * kEdge < n;
    const int64_t lead = show_summary ? kEdge : 0, trail = show_summary ? kEdge : n;
    std::string s;
    auto child = [&](int64_t i) {
      index.push_back(i);
      std::string r = rec(index, next_hang, next_width);
      index.pop_back();
      return r;
    };
    const std::string sep_r = rstrip(sep);
    if (left == 1) {
      const int elem_width = width - std::max(int(sep_r.size()), 1);
      std::string line = hang;
      for (int64_t i = 0; i < lead; ++i) {
        extend(s, line, child(i), elem_width, hang);
        line += sep;
      }
      if (show_summary) {
        extend(s, line, "...", elem_width, hang);
        line += sep;
      }
      for (int64_t i = trail; i > 1; --i) {
        extend(s, line, child(n - i), elem_width, hang);
        line += sep;
      }
      extend(s, line, child(n - 1), elem_width, hang);
      s += line;
    } else {
      const std::string line_sep = sep_r + std::string(size_t(left - 1), '\n');
      for (int64_t i = 0; i < lead; ++i) s += hang + child(i) + line_sep;
      if (show_summary) s += hang + "..." + line_sep;
      for (int64_t i = trail; i > 1; --i) s += hang + child(n - i) + line_sep;
      s += hang + child(n - 1);
    }
    return "[" + s.substr(hang.size()) + "]";
  }
};

// array2string(a, separator, prefix) with the linewidth reduced by the suffix's length.
std::string array2string(const Tensor& t0, const std::string& sep, const std::string& prefix, int suffix_len) {
  NoGradGuard ng;
  Tensor t = t0.contiguous();
  if (t.numel() == 0) return "[]";
  Printer p{t, {}, {}, nullptr, t.numel() > kThreshold, sep};
  const DType d = t.dtype();
  // The values the formatter sizes itself on: all, or the edges when summarising.
  std::vector<double> data;
  p.vals = t.to_vector();
  if (d == DType::Int64) p.ivals = t.to_int_vector();
  std::vector<int64_t> fdata;
  {
    std::vector<int64_t> idx(size_t(t.dim()), 0);
    for (int64_t k = 0; k < t.numel(); ++k) {
      bool keep = true;
      if (p.summary)
        for (int i = 0; i < t.dim(); ++i) {
          const int64_t n = t.shape()[i];
          keep = keep && (n <= 2 * kEdge || idx[size_t(i)] < kEdge || idx[size_t(i)] >= n - kEdge);
        }
      if (keep) {
        data.push_back(p.vals[size_t(k)]);
        if (d == DType::Int64) fdata.push_back(p.ivals[size_t(k)]);
      }
      for (int i = t.dim() - 1; i >= 0; --i) {
        if (++idx[size_t(i)] < t.shape()[i]) break;
        idx[size_t(i)] = 0;
      }
    }
  }
  std::shared_ptr<FloatFormat> ff;
  int iw = 0;
  if (is_floating(d)) {
    ff = std::make_shared<FloatFormat>(data, d == DType::Float32);
    p.fmt = [&p, ff](int64_t i) { return (*ff)(p.vals[size_t(i)]); };
  } else if (d == DType::Int64) {
    int64_t mx = fdata.empty() ? 0 : *std::max_element(fdata.begin(), fdata.end()),
            mn = fdata.empty() ? 0 : *std::min_element(fdata.begin(), fdata.end());
    iw = int(std::max(std::to_string(mx).size(), std::to_string(mn).size()));
    p.fmt = [&p, iw](int64_t i) {
      std::string s = std::to_string(p.ivals[size_t(i)]);
      return std::string(size_t(std::max(0, iw - int(s.size()))), ' ') + s;
    };
  } else {
    const bool zero_d = t.dim() == 0;
    p.fmt = [&p, zero_d](int64_t i) { return p.vals[size_t(i)] != 0 ? (zero_d ? "True" : " True") : "False"; };
  }
  std::vector<int64_t> index;
  return p.rec(index, " " + std::string(prefix.size(), ' '), kLineWidth - suffix_len);
}

}  // namespace

std::string np_scalar_str(double v, DType d) {
  switch (d) {
    case DType::Float64: return py_float_repr(v);
    case DType::Float32: return py_float_repr(v, true);
    case DType::Int64: return std::to_string(int64_t(v));
    case DType::Bool: return v != 0 ? "True" : "False";
    default: return std::to_string(int64_t(v));  // (narrow ints: not numpy arrays)
  }
}

std::string np_array_str(const Tensor& t) {
  if (t.dim() == 0) {
    NoGradGuard ng;
    Tensor c = t.contiguous();
    if (c.dtype() == DType::Int64) return std::to_string(c.to_int_vector()[0]);
    return np_scalar_str(c.to_vector()[0], c.dtype());
  }
  return array2string(t, " ", "", 0);
}

std::string np_array_repr(const Tensor& t) {
  const DType d = t.dtype();
  const bool skipdtype = (d == DType::Float64 || d == DType::Int64 || d == DType::Bool) && t.numel() > 0;
  const std::string prefix = "array(", suffix = skipdtype ? ")" : ",";
  std::string lst;
  if (t.numel() > 0 || (t.dim() == 1)) lst = array2string(t, ", ", prefix, int(suffix.size()));
  else {
    lst = "[], shape=" + py_tuple_str(t.shape());
  }
  std::string s = prefix + lst + suffix;
  if (skipdtype) return s;
  const std::string dt = std::string("dtype=") +
                         (d == DType::Float32 ? "float32" : d == DType::Float64 ? "float64" : d == DType::Int64 ? "int64" : "bool") + ")";
  const size_t nl = s.rfind('\n');
  const size_t last = s.size() - (nl == std::string::npos ? 0 : nl + 1);
  if (int(last + dt.size() + 1) > kLineWidth) return s + "\n" + std::string(prefix.size(), ' ') + dt;
  return s + " " + dt;
}

}  // namespace tl::lang::detail
