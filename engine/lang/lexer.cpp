#include <cmath>
#include <cstdlib>
#include "engine/lang/lexer.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <limits>

namespace tl::lang {

namespace {

const char* const kKeywords[] = {
    "False",  "None",   "True",    "and",      "as",       "assert", "async",
    "await",  "break",  "class",   "continue", "def",      "del",    "elif",
    "else",   "except", "finally", "for",      "from",     "global", "if",
    "import", "in",     "is",      "lambda",   "nonlocal", "not",    "or",
    "pass",   "raise",  "return",  "try",      "while",    "with",   "yield"};

// Longest operators first so that the first match is the longest one.
const char* const kOps3[] = {"**=", "//=", ">>=", "<<=", "..."};
const char* const kOps2[] = {
    "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=",
    "*=", "/=", "%=", "@=", "&=", "|=", "^=", "->", ":="};
const char kOps1[] = "+-*/%@&|^~<>()[]{},:.;=";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ident_char(char c) {
  // Non-ASCII bytes count too, so that `1é` is an invalid number rather than
  // a number followed by an invalid character.
  return is_alpha(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of the well-formed UTF-8 sequence at s[i], or 0 if it is malformed
// (overlong forms, surrogates and values above U+10FFFF included).
int utf8_length(const std::string& s, size_t i, uint32_t* cp) {
  auto byte = [&](size_t k) -> unsigned {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
  };
  unsigned b0 = byte(i);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  int len;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  uint32_t v = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned b = byte(i + k);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
    v = (v << 6) | (b & 0x3F);
  }
  *cp = v;
  return len;
}

// Approximates Python's str.isprintable() for the characters that matter in
// messages: controls, the Latin-1 non-breaking space, and the invisible
// format/space characters that creep in through copy-paste.
bool is_printable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
      (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF) {
    return false;
  }
  return true;
}

std::string hex_code(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

class Lexer {
 public:
  Lexer(const std::string& source, const ParseLimits& limits)
      : limits_(limits) {
    if (source.size() > limits.max_source_bytes) {
      fail({1, 1}, "source is too long (" + std::to_string(source.size()) +
                       " bytes; the limit is " +
                       std::to_string(limits.max_source_bytes) + ")");
    }
    normalize(source);
  }

  std::vector<Token> run() {
    std::vector<int> indents{0};
    // Indentation measured with tab size 1; it must order lines the same way
    // as the tab-size-8 measure, otherwise tabs and spaces were mixed in a way
    // whose meaning depends on the editor (Python's TabError).
    std::vector<int> alt_indents{0};
    bool line_start = true;
    Pos comment_pos;
    bool have_comment = false;
    const size_t n = s_.size();

    while (true) {
      if (line_start && brackets_.empty()) {
        int width = 0, alt = 0;
        // As in CPython 3.12, a backslash continuation inside the leading
        // whitespace fixes the indentation at the first backslash.
        int cont_width = -1, cont_alt = -1;
        while (i_ < n) {
          const char c = s_[i_];
          if (c == ' ') {
            ++width, ++alt;
          } else if (c == '\t') {
            width = (width / 8 + 1) * 8, ++alt;
          } else if (c == '\f') {
            width = alt = 0;
          } else if (c == '\\' && i_ + 1 < n && s_[i_ + 1] == '\n') {
            if (cont_width < 0) cont_width = width, cont_alt = alt;
            if (i_ + 2 >= n)
              fail({line_, col_ + 1}, "unexpected EOF while parsing");
            advance();
          } else {
            break;
          }
          advance();
        }
        if (cont_width >= 0) width = cont_width, alt = cont_alt;
        if (i_ >= n) break;
        if (s_[i_] == '#' || s_[i_] == '\n') {
          // Blank and comment-only lines do not affect indentation.
          while (i_ < n && s_[i_] != '\n') advance();
          if (i_ < n) advance();
          continue;
        }
        Pos p = pos();
        const char* tab_error =
            "inconsistent use of tabs and spaces in indentation";
        if (width == indents.back()) {
          if (alt != alt_indents.back()) fail(p, tab_error);
        } else if (width > indents.back()) {
          if (alt <= alt_indents.back()) fail(p, tab_error);
          indents.push_back(width);
          alt_indents.push_back(alt);
          emit(TokenKind::Indent, "", p);
        } else {
          while (indents.size() > 1 && width < indents.back()) {
            indents.pop_back();
            alt_indents.pop_back();
            emit(TokenKind::Dedent, "", p);
          }
          if (width != indents.back()) {
            fail(p, "unindent does not match any outer indentation level");
          }
          if (alt != alt_indents.back()) fail(p, tab_error);
        }
        line_start = false;
      }

      while (i_ < n && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\f')) {
        advance();
      }
      if (i_ >= n) break;
      const char c = s_[i_];
      const Pos p = pos();

      if (c == '#') {
        comment_pos = p;
        have_comment = true;
        while (i_ < n && s_[i_] != '\n') advance();
        continue;
      }
      if (c == '\n') {
        if (brackets_.empty() && !line_start) {
          emit(TokenKind::Newline, "", have_comment ? comment_pos : p);
          line_start = true;
        }
        have_comment = false;
        advance();
        continue;
      }
      if (c == '\\') {
        Pos after{p.line, p.col + 1};
        if (i_ + 1 < n && s_[i_ + 1] == '\n') {
          advance();
          advance();
          if (i_ >= n) fail(after, "unexpected EOF while parsing");
          continue;
        }
        if (i_ + 1 >= n) fail(after, "unexpected EOF while parsing");
        fail(after, "unexpected character after line continuation character");
      }
      if (is_alpha(c)) {
        lex_word(p);
        continue;
      }
      if (is_digit(c) || (c == '.' && i_ + 1 < n && is_digit(s_[i_ + 1]))) {
        lex_number(p);
        continue;
      }
      if (c == '\'' || c == '"') {
        lex_string(p, "");
        continue;
      }
      lex_op(p);
    }

    if (!brackets_.empty()) {
      const Open& b = brackets_.back();
      fail(b.pos, std::string("'") + b.ch + "' was never closed");
    }
    Pos p = pos();
    if (!line_start) {
      emit(TokenKind::Newline, "", have_comment ? comment_pos : p);
    }
    for (size_t k = 1; k < indents.size(); ++k) emit(TokenKind::Dedent, "", p);
    emit(TokenKind::End, "", p);
    return std::move(tokens_);
  }

 private:
  struct Open {
    char ch;
    Pos pos;
  };

  [[noreturn]] static void fail(Pos p, const std::string& msg) {
    throw SyntaxError(p.line, p.col, msg);
  }

  // Copies the source with newlines normalized to '\n' and checks it is
  // UTF-8 without NUL bytes, so the scanner can treat '\0' as end of input
  // and count columns by skipping continuation bytes.
  void normalize(const std::string& src) {
    size_t i = 0;
    if (src.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    s_.reserve(src.size());
    int line = 1, col = 1;
    while (i < src.size()) {
      char c = src[i];
      if (c == '\r') {
        s_ += '\n';
        i += (i + 1 < src.size() && src[i + 1] == '\n') ? 2 : 1;
        ++line, col = 1;
        continue;
      }
      if (c == '\0') fail({line, col}, "source code cannot contain null bytes");
      uint32_t cp;
      int len = utf8_length(src, i, &cp);
      if (len == 0) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(c));
        fail({line, col},
             std::string("invalid UTF-8 byte ") + buf + " in source");
      }
      s_.append(src, i, len);
      i += len;
      if (c == '\n') {
        ++line, col = 1;
      } else {
        ++col;
      }
    }
  }

  Pos pos() const { return {line_, col_}; }
  char cur() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  char peek(size_t k) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }
  void advance() {
    char c = s_[i_++];
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++col_;
    }
  }

  void emit(TokenKind kind, std::string text, Pos start) {
    Token t;
    t.kind = kind;
    t.text = std::move(text);
    t.span = {start.line, start.col, line_, col_};
    if (kind == TokenKind::Newline || kind == TokenKind::Indent ||
        kind == TokenKind::Dedent || kind == TokenKind::End) {
      t.span.end_line = start.line;
      t.span.end_col = start.col;
    }
    tokens_.push_back(std::move(t));
  }

  void lex_word(Pos p) {
    size_t start = i_;
    while (i_ < s_.size() && (is_alpha(s_[i_]) || is_digit(s_[i_]))) {
      advance();
    }
    std::string word = s_.substr(start, i_ - start);
    if ((cur() == '\'' || cur() == '"') && word.size() <= 2) {
      std::string lower;
      for (char ch : word) lower += static_cast<char>(ch | 0x20);
      if (lower == "r" || lower == "u" || lower == "f" || lower == "b" ||
          lower == "rb" || lower == "br" || lower == "fr" || lower == "rf") {
        lex_string(p, lower);
        return;
      }
    }
    const TokenKind kind =
        is_keyword(word) ? TokenKind::Keyword : TokenKind::Name;
    emit(kind, std::move(word), p);
  }

  void lex_number(Pos p) {
    auto invalid = [&](const char* what) {
      fail(p, std::string("invalid ") + what + " literal");
    };
    char c1 = peek(1) | 0x20;
    if (cur() == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) {
      const int radix = c1 == 'x' ? 16 : c1 == 'o' ? 8 : 2;
      const char* what = c1 == 'x'   ? "hexadecimal"
                         : c1 == 'o' ? "octal"
                                     : "binary";
      auto digit_of = [&](char c) {
        int v = hex_value(c);
        return v >= 0 && v < radix ? v : -1;
      };
      advance();
      advance();
      uint64_t value = 0;
      bool any = false, overflow = false;
      while (true) {
        char c = cur();
        if (c == '_') {
          advance();
          if (digit_of(cur()) < 0) invalid(what);
          continue;
        }
        int d = digit_of(c);
        if (d < 0) break;
        if (value >
            (static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) - d) /
                radix) {
          overflow = true;
        } else {
          value = value * radix + d;
        }
        any = true;
        advance();
      }
      if (radix != 16 && is_digit(cur())) {
        fail(p, std::string("invalid digit '") + cur() + "' in " + what +
                    " literal");
      }
      if (!any || is_ident_char(cur())) invalid(what);
      if (overflow) fail(p, "integer literal too large");
      Token& t = push_number(TokenKind::Int, p);
      t.int_value = static_cast<int64_t>(value);
      return;
    }

    // Decimal: digits with single underscores between them, an optional
    // fraction and exponent. Underscores are dropped from `digits`.
    std::string digits;
    auto read_digits = [&] {
      while (true) {
        char c = cur();
        if (is_digit(c)) {
          digits += c;
          advance();
        } else if (c == '_') {
          advance();
          if (!is_digit(cur())) invalid("decimal");
        } else {
          break;
        }
      }
    };
    bool is_float = false;
    if (cur() != '.') read_digits();
    if (cur() == '.') {
      is_float = true;
      digits += '.';
      advance();
      if (is_digit(cur())) read_digits();
    }
    if (cur() == 'e' || cur() == 'E') {
      is_float = true;
      digits += 'e';
      advance();
      if (cur() == '+' || cur() == '-') {
        digits += cur();
        advance();
      }
      if (!is_digit(cur())) invalid("decimal");
      read_digits();
    }
    if (cur() == 'j' || cur() == 'J') {
      fail(p, "imaginary literals are not supported");
    }
    if (is_ident_char(cur())) invalid("decimal");

    if (!is_float) {
      if (digits.size() > 1 && digits[0] == '0' &&
          digits.find_first_not_of('0') != std::string::npos) {
        fail(p,
             "leading zeros in decimal integer literals are not permitted; "
             "use an 0o prefix for octal integers");
      }
      int64_t value = 0;
      auto r =
          std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (r.ec != std::errc()) fail(p, "integer literal too large");
      push_number(TokenKind::Int, p).int_value = value;
      return;
    }
    // strtod, not from_chars: the libc++ of Emscripten 3.1.6 has no floating-point from_chars.
    // The digits were validated above. strtod's result is Python's: overflow is HUGE_VAL (inf), a
    // subnormal (1e-310) is kept and a smaller value is 0.0; the ERANGE it sets for both is ignored.
    char* end = nullptr;
    const double value = std::strtod(digits.c_str(), &end);
    if (end != digits.c_str() + digits.size()) invalid("decimal");
    push_number(TokenKind::Float, p).float_value = value;
  }

  Token& push_number(TokenKind kind, Pos p) {
    emit(kind, "", p);
    return tokens_.back();
  }

  // The replacement field after a '{' of an f-string (Python 3.11 rules: the expression may not
  // contain the f-string's own quote or a backslash). Fills `f`; stops after the closing '}'.
  // `spec_depth` bounds nesting: a field inside a format spec may not hold another spec field.
  void lex_fstring_field(Pos lit, char quote, bool triple, FPart& f, int spec_depth) {
    f.is_expr = true;
    f.pos = pos();
    auto expecting = [&] { fail(lit, "f-string: expecting '}'"); };
    auto ends_literal = [&] {
      return cur() == quote && (!triple || (peek(1) == quote && peek(2) == quote));
    };
    int depth = 0;
    std::string& src = f.text;
    for (;;) {
      if (i_ >= s_.size() || ends_literal()) expecting();
      const char c = cur();
      if (c == '\\') fail(pos(), "f-string expression part cannot include a backslash");
      if (c == '#') fail(pos(), "f-string expression part cannot include '#'");
      if (c == '\'' || c == '"') {  // a string inside the expression: copy it whole
        const char q = c;
        src += c;
        advance();
        while (i_ < s_.size() && cur() != q) {
          if (ends_literal()) expecting();
          src += cur();
          advance();
        }
        if (i_ >= s_.size()) expecting();
        src += cur();
        advance();
        continue;
      }
      if (c == '(' || c == '[' || c == '{') ++depth;
      if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        --depth;
        src += c;
        advance();
        continue;
      }
      if (depth == 0 && c == '=' && peek(1) != '=' &&
          (src.empty() || std::strchr("=!<>", src.back()) == nullptr)) {
        f.self_doc = true;
        advance();
        f.self_doc_text = src + "=";
        while (cur() == ' ') f.self_doc_text += ' ', advance();
        continue;
      }
      if (depth == 0 && (c == '}' || c == ':' || (c == '!' && peek(1) != '='))) break;
      src += c;
      advance();
    }
    bool blank = true;
    for (char ch : src) blank = blank && (ch == ' ' || ch == '\n' || ch == '\t');
    if (blank) fail(f.pos, "f-string: empty expression not allowed");
    if (cur() == '!') {
      advance();
      const char k = cur();
      if (k != 'r' && k != 's' && k != 'a') fail(pos(), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      f.conversion = k;
      advance();
      if (cur() != '}' && cur() != ':') expecting();
    }
    if (cur() == ':') {
      advance();
      std::string text;
      Pos text_pos = pos();
      for (;;) {
        if (i_ >= s_.size() || ends_literal()) expecting();
        const char c = cur();
        if (c == '}') break;
        if (c == '{') {
          if (spec_depth > 0) fail(pos(), "f-string: expressions nested too deeply");
          if (!text.empty()) f.spec.push_back({false, text, text_pos});
          text.clear();
          advance();
          FPart inner;
          lex_fstring_field(lit, quote, triple, inner, spec_depth + 1);
          f.spec.push_back(std::move(inner));
          text_pos = pos();
          continue;
        }
        text += c;
        advance();
      }
      if (!text.empty()) f.spec.push_back({false, text, text_pos});
    }
    advance();  // '}'
  }

  void lex_string(Pos p, const std::string& prefix) {
    const bool fstr = prefix.find('f') != std::string::npos;
    std::vector<FPart> fparts;
    if (prefix.find('b') != std::string::npos) {
      fail(p, "bytes literals are not supported");
    }
    const bool raw = prefix.find('r') != std::string::npos;
    const char quote = cur();
    const bool triple = peek(1) == quote && peek(2) == quote;
    for (int k = 0; k < (triple ? 3 : 1); ++k) advance();

    auto unterminated = [&] {
      // A final newline does not start another line worth reporting.
      int line = line_;
      if (i_ >= s_.size() && i_ > 0 && s_[i_ - 1] == '\n') --line;
      fail(p, std::string(triple ? "unterminated triple-quoted string literal"
                                 : "unterminated string literal") +
                  " (detected at line " + std::to_string(line) + ")");
    };
    auto escape_error = [&](const std::string& what) {
      fail(p, "(unicode error) " + what);
    };

    std::string out;
    const size_t n = s_.size();
    while (true) {
      if (i_ >= n) unterminated();
      const char c = s_[i_];
      if (c == quote) {
        if (!triple) {
          advance();
          break;
        }
        if (peek(1) == quote && peek(2) == quote) {
          for (int k = 0; k < 3; ++k) advance();
          break;
        }
        out += c;
        advance();
        continue;
      }
      if (c == '\n') {
        if (!triple) unterminated();
        out += c;
        advance();
        continue;
      }
      if (fstr && (c == '{' || c == '}')) {
        if (peek(1) == c) {  // {{ and }} are literal braces
          out += c;
          advance();
          advance();
          continue;
        }
        if (c == '}') fail(pos(), "f-string: single '}' is not allowed");
        if (!out.empty()) fparts.push_back({false, std::move(out), p});
        out.clear();
        advance();
        FPart f;
        lex_fstring_field(p, quote, triple, f, 0);
        fparts.push_back(std::move(f));
        continue;
      }
      if (c != '\\') {
        out += c;
        advance();
        continue;
      }
      // Backslash. An escaped character never ends the literal, even in a
      // raw string, where both characters are kept.
      if (i_ + 1 >= n) {
        advance();
        unterminated();
      }
      const char e = s_[i_ + 1];
      if (raw) {
        out += c;
        advance();
        if (e == quote || e == '\\' || e == '\n') {
          out += e;
          advance();
        }
        continue;
      }
      advance();
      auto take_hex = [&](int count, const char* name) {
        uint32_t v = 0;
        for (int k = 0; k < count; ++k) {
          int h = hex_value(cur());
          if (h < 0) escape_error(std::string("truncated ") + name + " escape");
          v = v * 16 + h;
          advance();
        }
        return v;
      };
      switch (e) {
        case '\n':
          advance();
          break;  // line continuation inside the literal
        case '\\':
          out += '\\';
          advance();
          break;
        case '\'':
          out += '\'';
          advance();
          break;
        case '"':
          out += '"';
          advance();
          break;
        case 'a':
          out += '\a';
          advance();
          break;
        case 'b':
          out += '\b';
          advance();
          break;
        case 'f':
          out += '\f';
          advance();
          break;
        case 'n':
          out += '\n';
          advance();
          break;
        case 'r':
          out += '\r';
          advance();
          break;
        case 't':
          out += '\t';
          advance();
          break;
        case 'v':
          out += '\v';
          advance();
          break;
        case 'x':
          advance();
          append_utf8(out, take_hex(2, "\\xXX"));
          break;
        case 'u':
          advance();
          append_utf8(out, take_hex(4, "\\uXXXX"));
          break;
        case 'U': {
          advance();
          uint32_t v = take_hex(8, "\\UXXXXXXXX");
          if (v > 0x10FFFF) escape_error("illegal Unicode character");
          append_utf8(out, v);
          break;
        }
        case 'N':
          escape_error("\\N{...} escapes are not supported");
          break;
        default:
          if (e >= '0' && e <= '7') {
            uint32_t v = 0;
            for (int k = 0; k < 3 && cur() >= '0' && cur() <= '7'; ++k) {
              v = v * 8 + (cur() - '0');
              advance();
            }
            append_utf8(out, v);
          } else {
            // Unknown escapes keep their backslash, as in Python.
            out += '\\';
          }
      }
    }
    if (fstr) {
      if (!out.empty()) fparts.push_back({false, std::move(out), p});
      emit(TokenKind::FStr, "", p);
      tokens_.back().fparts = std::move(fparts);
      return;
    }
    emit(TokenKind::Str, std::move(out), p);
  }

  void lex_op(Pos p) {
    for (const char* op : kOps3) {
      if (s_.compare(i_, 3, op) == 0) return take_op(p, op, 3);
    }
    for (const char* op : kOps2) {
      if (s_.compare(i_, 2, op) == 0) return take_op(p, op, 2);
    }
    const char c = s_[i_];
    if (std::strchr(kOps1, c) != nullptr) {
      if (c == '(' || c == '[' || c == '{') {
        if (static_cast<int>(brackets_.size()) >= limits_.max_depth) {
          fail(p, "too many nested parentheses (the limit is " +
                      std::to_string(limits_.max_depth) + ")");
        }
        brackets_.push_back({c, p});
      } else if (c == ')' || c == ']' || c == '}') {
        if (brackets_.empty()) fail(p, std::string("unmatched '") + c + "'");
        const Open& open = brackets_.back();
        char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
        if (c != want) {
          std::string msg = std::string("closing parenthesis '") + c +
                            "' does not match opening parenthesis '" + open.ch +
                            "'";
          if (open.pos.line != p.line) {
            msg += " on line " + std::to_string(open.pos.line);
          }
          fail(p, msg);
        }
        brackets_.pop_back();
      }
      return take_op(p, std::string(1, c).c_str(), 1);
    }
    uint32_t cp;
    utf8_length(s_, i_, &cp);
    if (!is_printable(cp)) {
      fail(p, "invalid non-printable character " + hex_code(cp));
    }
    uint32_t len = utf8_length(s_, i_, &cp);
    fail(p, "invalid character '" + s_.substr(i_, len) + "' (" + hex_code(cp) +
                ")");
  }

  void take_op(Pos p, const char* op, int len) {
    for (int k = 0; k < len; ++k) advance();
    emit(TokenKind::Op, op, p);
  }

  const ParseLimits& limits_;
  std::string s_;
  size_t i_ = 0;
  int line_ = 1;
  int col_ = 1;
  std::vector<Open> brackets_;
  std::vector<Token> tokens_;
};

}  // namespace

bool is_keyword(const std::string& word) {
  for (const char* k : kKeywords) {
    if (word == k) return true;
  }
  return false;
}

std::vector<Token> tokenize(const std::string& source,
                            const ParseLimits& limits) {
  return Lexer(source, limits).run();
}

}  // namespace tl::lang
