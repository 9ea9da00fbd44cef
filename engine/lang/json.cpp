#include "engine/lang/json.h"

#define FMT_HEADER_ONLY
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace tl::lang {

namespace {

// Shortest digit string d1d2...dn and decimal exponent such that 0.d1d2...dn * 10^decpt reads
// back exactly (as a float32 when is_f32), the digits closest to v among the shortest (what
// Python's repr prints). {fmt}'s "{}" gives exactly these digits (Dragonbox), in either fixed or
// exponent notation, which is taken apart here. (It replaced a loop of snprintf/strtod round
// trips, whose long double arithmetic made it ~8 us per number in wasm.)
void shortest_digits(double v, bool is_f32, std::string& digits, int& decpt) {
  char buf[48];
  const auto r = is_f32 ? fmt::format_to_n(buf, sizeof buf - 1, "{}", float(v)) : fmt::format_to_n(buf, sizeof buf - 1, "{}", v);
  buf[r.size] = 0;  // e.g. "0.001", "123456", "1.5e-07", "1e+16" (v is positive here)
  digits.clear();
  int int_digits = 0;
  bool in_frac = false;
  const char* p = buf;
  for (; *p && *p != 'e'; ++p) {
    if (*p == '.') in_frac = true;
    else digits += *p, int_digits += !in_frac;
  }
  decpt = int_digits + (*p == 'e' ? std::atoi(p + 1) : 0);
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0') ++lead, --decpt;
  digits.erase(0, lead);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

}  // namespace

std::string py_float_repr(double v, bool is_f32) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  std::string out;
  if (std::signbit(v)) out += '-', v = -v;
  if (v == 0) return out + "0.0";
  std::string d;
  int decpt = 0;
  shortest_digits(v, is_f32, d, decpt);
  const int n = int(d.size());
  // CPython's float_repr_style 'short': exponent form when decpt <= -4 or decpt > 16.
  if (decpt <= -4 || decpt > 16) {
    out += d[0];
    if (n > 1) out += '.' + d.substr(1);
    char e[16];
    std::snprintf(e, sizeof e, "e%c%02d", decpt - 1 < 0 ? '-' : '+', std::abs(decpt - 1));
    return out + e;
  }
  if (decpt <= 0) return out + "0." + std::string(size_t(-decpt), '0') + d;
  if (decpt >= n) return out + d + std::string(size_t(decpt - n), '0') + ".0";
  return out + d.substr(0, size_t(decpt)) + "." + d.substr(size_t(decpt));
}

std::string json_number(double v, bool is_f32) {
  if (std::isnan(v)) return "\"nan\"";
  if (std::isinf(v)) return v < 0 ? "\"-inf\"" : "\"inf\"";
  return py_float_repr(v, is_f32);
}

void json_append_quoted(std::string& out, const std::string& s) {
  out += '"';
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
          } else {
            out += char(c);
          }
      }
      ++i;
      continue;
    }
    // Validate one UTF-8 sequence (no overlongs, no surrogates, <= U+10FFFF).
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = len > 0 && i + size_t(len) <= n;
    uint32_t cp = ok ? (c & (0x7F >> len)) : 0;
    for (int k = 1; ok && k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + size_t(k)]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok) {
      static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= min_cp[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (ok) {
      out.append(s, i, size_t(len));
      i += size_t(len);
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    }
  }
  out += '"';
}

std::string json_quote(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 2);
  json_append_quoted(out, s);
  return out;
}

}  // namespace tl::lang
