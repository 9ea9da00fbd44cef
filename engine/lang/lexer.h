// Tokenizer for the script language, following CPython's tokenizer rules:
// INDENT/DEDENT from leading whitespace (tabs or spaces, mixed consistently),
// NEWLINE only at the end of a logical line (none inside brackets, after a
// backslash continuation, or for blank/comment-only lines), implicit joining
// inside (), [] and {}.
//
// Differences from Python, all reported as positioned SyntaxErrors:
// identifiers are ASCII only; f-strings, bytes literals, imaginary numbers and
// \N{...} escapes are not supported; integers must fit in int64.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/lang/ast.h"

namespace tl::lang {

enum class TokenKind {
  Name,     // identifier
  Keyword,  // reserved word, including True/False/None
  Int,
  Float,
  Str,      // one literal; adjacent literals are joined by the parser
  FStr,     // one f-string literal: its parts are in Token::fparts
  Op,       // operator or delimiter, including "..."
  Newline,  // placed at the line's comment if any, else at its end
  Indent,   // placed at the first token of the indented line
  Dedent,   // ditto
  End,
};

// A part of an f-string: literal text (decoded) or a replacement field `{expr!c:spec}` whose
// expression source is parsed by the parser (positions point into the script).
struct FPart {
  bool is_expr = false;
  std::string text;        // literal text, or the expression's source
  Pos pos;                 // where `text` starts in the script
  char conversion = 0;     // 'r', 's', 'a' or 0
  bool self_doc = false;   // `{x=}`: text also holds the "x=" to print
  std::string self_doc_text;
  std::vector<FPart> spec;  // the format spec: literal parts and nested fields
};

struct Token {
  TokenKind kind = TokenKind::End;
  // Name/Keyword/Op: the spelling; Str: the decoded value (UTF-8).
  std::string text;
  int64_t int_value = 0;
  double float_value = 0;
  Span span;
  std::vector<FPart> fparts;  // FStr

  bool is_op(const char* s) const { return kind == TokenKind::Op && text == s; }
  bool is_keyword(const char* s) const {
    return kind == TokenKind::Keyword && text == s;
  }
};

// Tokenizes the whole source, ending with a single End token. Throws
// SyntaxError on the first lexical error. "\r\n" and "\r" count as newlines
// and a leading UTF-8 byte order mark is ignored.
std::vector<Token> tokenize(const std::string& source,
                            const ParseLimits& limits = ParseLimits());

bool is_keyword(const std::string& word);

}  // namespace tl::lang
