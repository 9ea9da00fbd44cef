// Parser for the tensorlens script language: a strict subset of Python 3
// (see ast.h for the tree it builds).
//
//   tl::lang::Program prog = tl::lang::parse(source);  // throws SyntaxError
//   for (const tl::lang::Stmt* s : prog.body) ...
//
// Supported: imports (`import a.b as c`, `from a import b as c`), assignment
// (chained, tuple/list unpacking, attribute and subscript targets), `+= -= *=
// /=` and the other augmented operators, expression statements, if/elif/else,
// for/while (with optional else), `with expr [as target]:`, def with
// positional parameters and defaults, return, pass, break, continue, `;`
// between simple statements. Expressions follow Python's grammar and
// precedence (conditional expressions, and/or/not, chained comparisons,
// | ^ & << >> + - * / // % @, unary - + ~, **, calls with keyword and
// */** arguments, subscripts with slices and `...`, list comprehensions with
// one `for` and an optional `if`, list/tuple/dict displays).
//
// Errors carry the 1-based line and column of the offending token and
// CPython's wording where it has one ("invalid syntax", "expected ':'",
// "unexpected indent", "'(' was never closed", ...). Resource use is bounded
// by ParseLimits: in particular the parser's recursion depth never exceeds
// limits.max_depth nesting levels, whatever the input.
#pragma once

#include <string>

#include "engine/lang/ast.h"

namespace tl::lang {

Program parse(const std::string& source,
              const ParseLimits& limits = ParseLimits());

// Renders a diagnostic the way compilers do:
//   FILE:LINE:COL: error: MSG
//   <the source line>
//   <indentation>^
// The caret line copies the tabs of the source line so that it lines up.
// A line or column past the end of the source is clamped, never an error.
std::string format_error(const std::string& filename, const std::string& source,
                         int line, int col, const std::string& msg);

}  // namespace tl::lang
