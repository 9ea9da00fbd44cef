// String formatting: format specs, str.format, %-formatting.
#include "engine/lang/interp.h"

namespace tl::lang::detail {

std::vector<std::string> Interp::utf8_chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

double Interp::parse_float(const std::string& s, Pos at) {
  const char* b = s.c_str();
  while (*b == ' ' || *b == '\t' || *b == '\n') ++b;
  char* e = nullptr;
  double v = std::strtod(b, &e);
  while (e && (*e == ' ' || *e == '\t' || *e == '\n')) ++e;
  if (e == b || *e) fail(at, "ValueError: could not convert string to float: " + str_repr(s));
  return v;
}

std::string Interp::pad(const std::string& s, size_t width, char align, char fill) {
  if (s.size() >= width) return s;
  const size_t n = width - s.size();
  if (align == '<') return s + std::string(n, fill);
  if (align == '^') return std::string(n / 2, fill) + s + std::string(n - n / 2, fill);
  return std::string(n, fill) + s;
}

std::string Interp::format_value(const Value& v0, const std::string& spec, Pos at) {
  Value v = v0;
  // Tensor.__format__: a 0-d tensor formats as its Python number (f"{loss}" prints 2.3054...);
  // any other tensor only with an empty spec, as str().
  if (v.kind == K::Tensor) {
    if (v.t.dim() == 0) v = call1("item", kMethod, {v}, at);
    else if (!spec.empty()) fail(at, "TypeError: unsupported format string passed to Tensor.__format__");
  }
  if (spec.empty()) return at_pos(at, [&] { return str_of(v); });
  size_t i = 0;
  char fill = ' ', align = 0, sign = '-';
  if (spec.size() >= 2 && std::strchr("<>^=", spec[1])) fill = spec[0], align = spec[1], i = 2;
  else if (std::strchr("<>^=", spec[0])) align = spec[0], i = 1;
  if (i < spec.size() && std::strchr("+- ", spec[i])) sign = spec[i++];
  if (i < spec.size() && spec[i] == '0') {
    if (!align) fill = '0', align = '=';
    ++i;
  }
  size_t width = 0;
  while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) width = width * 10 + size_t(spec[i++] - '0');
  if (width > 1000) fail(at, "ValueError: format width too large");
  char group = 0;  // ',' or '_': thousands separators
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) group = spec[i++];
  int prec = -1;
  if (i < spec.size() && spec[i] == '.') {
    prec = 0;
    ++i;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) prec = std::min(prec * 10 + (spec[i++] - '0'), 300);
  }
  char type = i < spec.size() ? spec[i++] : 0;
  if (i != spec.size()) fail(at, "ValueError: Invalid format specifier");
  std::string body;
  if (type == 's' || (type == 0 && !v.is_number())) {
    body = str_of(v);
    if (prec >= 0 && body.size() > size_t(prec)) body.resize(size_t(prec));
    return pad(body, width, align ? align : '<', fill);
  }
  if (!v.is_number()) fail(at, "ValueError: Unknown format code '" + std::string(1, type) + "' for object of type '" + v.type_name() + "'");
  char buf[512];
  if (type == 'd') {
    if (!is_int_like(v)) fail(at, "ValueError: Unknown format code 'd' for object of type 'float'");
    std::snprintf(buf, sizeof buf, "%" PRId64, int_of(v));
  } else if (type == 0 && is_int_like(v) && prec < 0) {
    std::snprintf(buf, sizeof buf, "%" PRId64, int_of(v));
  } else if (type == 0 && prec < 0) {
    std::snprintf(buf, sizeof buf, "%s", py_float_repr(v.as_double()).c_str());
  } else {
    double x = v.as_double();
    if (type == '%') x *= 100;
    const char t = type == 0 ? 'g' : type == '%' ? 'f' : type;
    if (!std::strchr("fFeEgG", t)) fail(at, std::string("ValueError: Unknown format code '") + type + "'");
    char f[16];
    std::snprintf(f, sizeof f, "%%.%d%c", prec < 0 ? 6 : prec, t);
    std::snprintf(buf, sizeof buf, f, x);
    if (type == '%') std::strncat(buf, "%", sizeof buf - std::strlen(buf) - 1);
  }
  body = buf;
  if (group) {  // separators every 3 digits of the integer part
    size_t b = body[0] == '-' ? 1 : 0, e = b;
    while (e < body.size() && std::isdigit(static_cast<unsigned char>(body[e]))) ++e;
    for (size_t k = e; k > b + 3; k -= 3) body.insert(k - 3, 1, group);
  }
  if (sign != '-' && body[0] != '-') body = std::string(1, sign) + body;
  if (align == '=' && !body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' '))
    return body[0] + pad(body.substr(1), width ? width - 1 : 0, '>', fill);
  return pad(body, width, align ? (align == '=' ? '>' : align) : '>', fill);
}

std::string Interp::str_format(const std::string& f, const std::vector<Value>& pos, const Kw& kw, Pos at) {
  std::string out;
  size_t auto_idx = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    const char c = f[i];
    if (c == '}') {
      if (i + 1 < f.size() && f[i + 1] == '}') ++i;
      else fail(at, "ValueError: Single '}' encountered in format string");
      out += '}';
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < f.size() && f[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    size_t close = f.find('}', i);
    if (close == std::string::npos) fail(at, "ValueError: Single '{' encountered in format string");
    std::string field = f.substr(i + 1, close - i - 1);
    i = close;
    std::string spec, conv;
    size_t colon = field.find(':');
    if (colon != std::string::npos) spec = field.substr(colon + 1), field.resize(colon);
    size_t bang = field.find('!');
    if (bang != std::string::npos) conv = field.substr(bang + 1), field.resize(bang);
    Value v;
    if (field.empty()) {
      if (auto_idx >= pos.size()) fail(at, "IndexError: Replacement index " + std::to_string(auto_idx) + " out of range for positional args tuple");
      v = pos[auto_idx++];
    } else if (std::isdigit(static_cast<unsigned char>(field[0]))) {
      size_t k = size_t(std::atoi(field.c_str()));
      if (k >= pos.size()) fail(at, "IndexError: Replacement index " + field + " out of range for positional args tuple");
      v = pos[k];
    } else {
      bool found = false;
      for (const auto& [n, val] : kw)
        if (n == field) v = val, found = true;
      if (!found) fail(at, "KeyError: '" + field + "'");
    }
    if (conv == "r") v = Value::str(repr(v));
    else if (conv == "s") v = Value::str(str_of(v));
    out += format_value(v, spec, at);
    check_len(int64_t(out.size()), at);
  }
  return out;
}

std::string Interp::percent_format(const std::string& f, const Value& args, Pos at) {
  std::vector<Value> a = args.kind == K::Tuple ? *args.items : std::vector<Value>{args};
  size_t k = 0;
  std::string out;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      out += f[i];
      continue;
    }
    size_t j = i + 1;
    std::string flags;
    while (j < f.size() && std::strchr("-+ 0#", f[j])) flags += f[j++];
    std::string width, prec;
    while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) width += f[j++];
    if (j < f.size() && f[j] == '.') {
      prec = ".";
      ++j;
      while (j < f.size() && std::isdigit(static_cast<unsigned char>(f[j]))) prec += f[j++];
    }
    if (j >= f.size()) fail(at, "ValueError: incomplete format");
    const char t = f[j];
    i = j;
    if (t == '%') {
      out += '%';
      continue;
    }
    if (k >= a.size()) fail(at, "TypeError: not enough arguments for format string");
    Value v = a[k++];
    if (v.kind == K::Tensor && v.t.numel() == 1 && t != 's' && t != 'r') v = call1("item", kMethod, {v}, at);
    if (width.size() > 3 || prec.size() > 4) fail(at, "ValueError: format width or precision too large");
    char buf[600];
    std::string spec = "%" + flags + width + prec;
    if (t == 's' || t == 'r') {
      std::string s = t == 's' ? str_of(v) : repr(v);
      const size_t w = width.empty() ? 0 : size_t(std::stoi(width));
      out += pad(s, w, flags.find('-') != std::string::npos ? '<' : '>', ' ');
    } else if (t == 'd' || t == 'i') {
      if (!v.is_number()) fail(at, "TypeError: %d format: a real number is required, not " + v.type_name());
      double d = v.as_double();
      int64_t x = is_int_like(v) ? int_of(v) : int64_t(std::trunc(d));
      std::snprintf(buf, sizeof buf, (spec + PRId64).c_str(), x);
      out += buf;
    } else if (std::strchr("fFeEgG", t)) {
      if (!v.is_number()) fail(at, std::string("TypeError: must be real number, not ") + v.type_name());
      std::snprintf(buf, sizeof buf, (spec + t).c_str(), v.as_double());
      out += buf;
    } else {
      fail(at, std::string("ValueError: unsupported format character '") + t + "'");
    }
    check_len(int64_t(out.size()), at);
  }
  if (k < a.size()) fail(at, "TypeError: not all arguments converted during string formatting");
  return out;
}

}  // namespace tl::lang::detail
