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
  Op,       // operator or delimiter, including "..."
  Newline,  // placed at the line's comment if any, else at its end
  Indent,   // placed at the first token of the indented line
  Dedent,   // ditto
  End,
};

struct Token {
  TokenKind kind = TokenKind::End;
  // Name/Keyword/Op: the spelling; Str: the decoded value (UTF-8).
  std::string text;
  int64_t int_value = 0;
  double float_value = 0;
  Span span;

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
