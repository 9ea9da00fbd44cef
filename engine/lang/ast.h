// Syntax tree of the tensorlens script language (a strict subset of Python).
//
// Ownership: every node lives in the arena of the Program that the parser
// returned (two std::deque's, so node addresses never change while the arena
// grows and destroying a Program is a flat loop, never a recursive walk).
// Children are plain non-owning pointers into that arena; they stay valid for
// as long as the Program is alive, including after it has been moved.
//
// Positions: lines and columns are 1-based; a column counts characters
// (UTF-8 code points) of its line, a tab counts as one character. A Span is
// half-open: (end_line, end_col) is the position just past the last character,
// so the name `x` at the start of a line spans 1:1 .. 1:2.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "engine/core/error.h"

namespace tl::lang {

struct Pos {
  int line = 0;
  int col = 0;
};

struct Span {
  int line = 0;
  int col = 0;
  int end_line = 0;
  int end_col = 0;

  Pos start() const { return {line, col}; }
  Pos end() const { return {end_line, end_col}; }
};

// Every lexer/parser failure. what() is "LINE:COL: MSG"; message() is MSG
// alone, worded like CPython's message for the same mistake where one exists.
class SyntaxError : public tl::Error {
 public:
  SyntaxError(int line, int col, const std::string& msg)
      : tl::Error(std::to_string(line) + ":" + std::to_string(col) + ": " +
                  msg),
        line(line),
        col(col),
        msg_(msg) {}

  const std::string& message() const { return msg_; }

  int line;
  int col;

 private:
  std::string msg_;
};

// Resource limits. Each is enforced with a positioned SyntaxError; the
// defaults are what parse(source) uses, tests may lower them.
struct ParseLimits {
  // Checked before anything else; the error is reported at 1:1.
  std::size_t max_source_bytes = 65536;
  // Bounds brackets (in the lexer) and, in the parser, the combined depth of
  // brackets, nested blocks, prefix operators, `**` right operands and
  // `... else ...` chains, which is also the parser's recursion depth.
  int max_depth = 256;
  // Expr + Stmt nodes in one Program.
  std::size_t max_nodes = 100000;
};

enum class ExprKind {
  Name,
  Int,
  Float,
  Str,
  Bool,
  None,
  Ellipsis,
  List,
  Tuple,
  Dict,
  ListComp,
  Attribute,
  Call,
  Subscript,
  Slice,    // only as an index item of a Subscript
  Starred,  // only as a call argument: f(*args)
  BinOp,
  UnaryOp,
  Compare,
  BoolOp,
  IfExp,
  Lambda,   // lambda_def: a Def statement whose body returns the expression
  Set,      // {a, b}: elts
  SetComp,
  DictComp,
  GenExp,
  CompFor,  // one `for target in iter if c1 if c2` clause of a comprehension: target, iter, values
  Yield,    // yield [value]; yield from value (bool_value)
  FString,         // f"...": elts are Str and FormattedValue parts, concatenated
  FormattedValue,  // `{value!conversion:format_spec}` inside an f-string
};

enum class BinOpKind {
  Add,
  Sub,
  Mul,
  Div,
  FloorDiv,
  Mod,
  MatMul,
  Pow,
  LShift,
  RShift,
  BitOr,
  BitXor,
  BitAnd,
};
enum class UnaryOpKind { Neg, Pos, Invert, Not };
enum class CmpOpKind { Lt, Le, Gt, Ge, Eq, Ne, Is, IsNot, In, NotIn };
enum class BoolOpKind { And, Or };

// Python spelling of an operator ("+", "not in", "and", ...) and a short
// name of a node kind ("function call", "tuple", ...), for messages.
const char* op_str(BinOpKind op);
const char* op_str(UnaryOpKind op);
const char* op_str(CmpOpKind op);
const char* op_str(BoolOpKind op);
const char* kind_name(ExprKind kind);

struct Expr;

// A keyword argument `name=value`; an empty name means `**value`.
struct Keyword {
  std::string name;
  Expr* value = nullptr;
  Span span;
};

// One struct for all expression kinds; only the fields listed for the node's
// kind are meaningful, the rest keep their defaults.
struct Expr {
  ExprKind kind = ExprKind::None;
  // Whole expression, e.g. `a + b * c` or `f(x)` from the callee to ')'.
  Span span;
  // Where to point at the operation itself: the operator for BinOp/UnaryOp,
  // the first operator for BoolOp/Compare, '(' for Call, '[' for Subscript,
  // '.' for Attribute, `if` for IfExp, `for` for ListComp, ':' for Slice;
  // otherwise the start of span.
  Pos op_pos;

  std::string name;       // Name: identifier; Attribute: attribute name
  std::string str_value;  // Str: decoded UTF-8 (adjacent literals joined)
  int64_t int_value = 0;  // Int
  double float_value = 0;
  bool bool_value = false;

  BinOpKind bin_op = BinOpKind::Add;
  UnaryOpKind unary_op = UnaryOpKind::Neg;
  BoolOpKind bool_op = BoolOpKind::And;
  std::vector<CmpOpKind> cmp_ops;  // Compare: one per comparator
  std::vector<Pos> cmp_op_pos;     // Compare: position of each operator

  // Attribute/Subscript: the object; Call: the callee; UnaryOp/Starred: the
  // operand; ListComp: the element expression.
  Expr* value = nullptr;
  Expr* left = nullptr;   // BinOp; Compare: the first operand
  Expr* right = nullptr;  // BinOp
  Expr* test = nullptr;   // IfExp: `body if test else orelse`
  Expr* body = nullptr;
  Expr* orelse = nullptr;
  Expr* lower = nullptr;  // Slice `lower:upper:step`, each may be null
  Expr* upper = nullptr;
  Expr* step = nullptr;
  // Comprehensions (ListComp/SetComp/GenExp: element in `value`; DictComp: key in `value`, value
  // in `right`) keep their clauses in `elts` (CompFor nodes). CompFor: `for target in iter`, its
  // `if` conditions in `values`.
  Expr* target = nullptr;
  Expr* iter = nullptr;

  // List/Tuple: elements; Dict: keys; Call: positional arguments (Starred for
  // *args) in source order; Subscript: index items (exprs or Slices);
  // Compare: comparators after `left`; BoolOp: operands (flattened, >= 2).
  std::vector<Expr*> elts;
  std::vector<Expr*> values;      // Dict: values, parallel to elts
  std::vector<Keyword> keywords;  // Call
  // Subscript: the index was written with a comma (`x[1,]`, `x[:, 0]`), i.e.
  // Python would pass a tuple even when elts has a single item.
  bool index_is_tuple = false;
  // FormattedValue: 'r', 's', 'a' or 0; the spec (an FString, or null); `{x=}` puts "x=" in
  // str_value.
  char conversion = 0;
  Expr* format_spec = nullptr;
  struct Stmt* lambda_def = nullptr;  // Lambda
};

enum class StmtKind {
  Expr,
  Assign,
  AugAssign,
  For,
  While,
  If,
  With,
  Def,
  Return,
  Pass,
  Break,
  Continue,
  Import,
  ClassDef,
  Try,
  Raise,
  Assert,
  Delete,
  Global,
  Nonlocal,
};

struct Param {
  // def f(a, b=1, *args, c, d=2, **kwargs): Normal, Normal, VarArgs, KwOnly, KwOnly, VarKw.
  enum class Kind { Normal, VarArgs, KwOnly, VarKw };
  Kind kind = Kind::Normal;
  std::string name;
  Expr* default_value = nullptr;  // null when there is none
  Span span;
};

// `import a.b as c` gives {name "a.b", asname "c"}; asname is empty when
// there is no `as`. `from m import *` gives a single alias named "*".
struct Alias {
  std::string name;
  std::string asname;
  Span span;
};

struct Stmt;

// `except [type [as name]]: body`; type is null for a bare except.
struct ExceptHandler {
  Expr* type = nullptr;
  std::string name;
  std::vector<Stmt*> body;
  Span span;
};

struct Stmt {
  StmtKind kind = StmtKind::Pass;
  Span span;  // compound statements: from the keyword to the end of the block
  // Assign/AugAssign: position of the (first) '=' or the operator.
  Pos op_pos;

  // Expr: the expression; Assign/AugAssign: right-hand side; Return: the
  // value or null; With: the context expression.
  Expr* value = nullptr;
  // Assign: `t1 = t2 = value` gives {t1, t2}. Each target is a Name,
  // Attribute, Subscript, or a Tuple/List of targets (`a, b = ...`).
  std::vector<Expr*> targets;
  // AugAssign: Name/Attribute/Subscript; For: Name or Tuple/List of targets;
  // With: the `as` target or null.
  Expr* target = nullptr;
  BinOpKind aug_op = BinOpKind::Add;  // AugAssign
  Expr* test = nullptr;               // If/While condition
  Expr* iter = nullptr;               // For
  std::vector<Stmt*> body;            // For/While/If/With/Def
  // If: the else block; `elif` is a single nested If here, as in Python's
  // ast. For/While: the optional else block.
  std::vector<Stmt*> orelse;

  std::string name;           // Def, ClassDef
  std::vector<Param> params;  // Def
  // Def/ClassDef: `@decorator` expressions, outermost first. ClassDef: bases in `targets`.
  std::vector<Expr*> decorators;
  bool is_generator = false;  // Def: the body contains `yield`
  // Try: handlers, `else` in orelse, `finally` here. Raise: exception in value, `from` in target.
  // Assert: test, message in value. Delete: targets. Global/Nonlocal: names in `names`.
  std::vector<ExceptHandler> handlers;
  std::vector<Stmt*> finalbody;

  // Import: `import a.b as c, d` has module "" and one alias per name;
  // `from m.n import x as y` has module "m.n".
  std::string module;
  std::vector<Alias> names;
  bool is_from = false;
};

// A parsed script. Move-only: nodes point into this object's arena.
struct Program {
  std::vector<Stmt*> body;

  Program() = default;
  Program(Program&&) = default;
  Program& operator=(Program&&) = default;
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  std::size_t node_count() const { return exprs.size() + stmts.size(); }

  // Arena. Only the parser should append here.
  std::deque<Expr> exprs;
  std::deque<Stmt> stmts;
};

}  // namespace tl::lang
