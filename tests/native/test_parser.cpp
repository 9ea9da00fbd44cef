// Lexer/parser tests for the script language (engine/lang).
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/lang/lexer.h"
#include "engine/lang/parser.h"

using namespace tl::lang;

namespace {

std::string fmt_double(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Compact s-expression rendering of a tree, so that expectations read like
// the source they check. Recursive, which is fine for the small trees here.
std::string dump(const Expr* e) {
  if (e == nullptr) return "_";
  auto list = [](const std::vector<Expr*>& v) {
    std::string s;
    for (const Expr* x : v) s += " " + dump(x);
    return s;
  };
  switch (e->kind) {
    case ExprKind::Name:
      return e->name;
    case ExprKind::Int:
      return std::to_string(e->int_value);
    case ExprKind::Float:
      return fmt_double(e->float_value);
    case ExprKind::Str:
      return "'" + e->str_value + "'";
    case ExprKind::Bool:
      return e->bool_value ? "True" : "False";
    case ExprKind::None:
      return "None";
    case ExprKind::Ellipsis:
      return "...";
    case ExprKind::List:
      return "(list" + list(e->elts) + ")";
    case ExprKind::Tuple:
      return "(tuple" + list(e->elts) + ")";
    case ExprKind::Dict: {
      std::string s = "(dict";
      for (size_t i = 0; i < e->elts.size(); ++i) {
        s += " " + dump(e->elts[i]) + ":" + dump(e->values[i]);
      }
      return s + ")";
    }
    case ExprKind::ListComp: {
      std::string s = "(listcomp " + dump(e->value);
      for (const Expr* c : e->elts) {
        s += " " + dump(c->target) + " " + dump(c->iter);
        if (c->values.empty()) s += " " + dump(nullptr);
        for (const Expr* cond : c->values) s += " " + dump(cond);
      }
      return s + ")";
    }
    case ExprKind::Attribute:
      return "(. " + dump(e->value) + " " + e->name + ")";
    case ExprKind::Call: {
      std::string s = "(call " + dump(e->value) + list(e->elts);
      for (const Keyword& k : e->keywords) {
        s += " " + (k.name.empty() ? "**" : k.name + "=") + dump(k.value);
      }
      return s + ")";
    }
    case ExprKind::Subscript:
      return std::string(e->index_is_tuple ? "(idx, " : "(idx ") +
             dump(e->value) + list(e->elts) + ")";
    case ExprKind::Slice:
      return "(slice " + dump(e->lower) + " " + dump(e->upper) + " " +
             dump(e->step) + ")";
    case ExprKind::Starred:
      return "*" + dump(e->value);
    case ExprKind::BinOp:
      return std::string("(") + op_str(e->bin_op) + " " + dump(e->left) + " " +
             dump(e->right) + ")";
    case ExprKind::UnaryOp:
      return std::string("(") + op_str(e->unary_op) + " " + dump(e->value) +
             ")";
    case ExprKind::Compare: {
      std::string s = "(cmp " + dump(e->left);
      for (size_t i = 0; i < e->elts.size(); ++i) {
        s += std::string(" ") + op_str(e->cmp_ops[i]) + " " + dump(e->elts[i]);
      }
      return s + ")";
    }
    case ExprKind::BoolOp:
      return std::string("(") + op_str(e->bool_op) + list(e->elts) + ")";
    case ExprKind::IfExp:
      return "(if " + dump(e->test) + " " + dump(e->body) + " " +
             dump(e->orelse) + ")";
  }
  return "?";
}

std::string dump(const std::vector<Stmt*>& body);

std::string dump(const Stmt* s) {
  auto block = [](const std::vector<Stmt*>& b) { return "[" + dump(b) + "]"; };
  switch (s->kind) {
    case StmtKind::Expr:
      return dump(s->value);
    case StmtKind::Assign: {
      std::string r = "(=";
      for (const Expr* t : s->targets) r += " " + dump(t);
      return r + " " + dump(s->value) + ")";
    }
    case StmtKind::AugAssign:
      return std::string("(") + op_str(s->aug_op) + "= " + dump(s->target) +
             " " + dump(s->value) + ")";
    case StmtKind::For:
      return "(for " + dump(s->target) + " " + dump(s->iter) + " " +
             block(s->body) +
             (s->orelse.empty() ? "" : " " + block(s->orelse)) + ")";
    case StmtKind::While:
      return "(while " + dump(s->test) + " " + block(s->body) +
             (s->orelse.empty() ? "" : " " + block(s->orelse)) + ")";
    case StmtKind::If:
      return "(if " + dump(s->test) + " " + block(s->body) +
             (s->orelse.empty() ? "" : " " + block(s->orelse)) + ")";
    case StmtKind::With:
      return "(with " + dump(s->value) + " " + dump(s->target) + " " +
             block(s->body) + ")";
    case StmtKind::Def: {
      std::string r = "(def " + s->name + " (";
      for (size_t i = 0; i < s->params.size(); ++i) {
        if (i) r += " ";
        r += s->params[i].name;
        if (s->params[i].default_value) {
          r += "=" + dump(s->params[i].default_value);
        }
      }
      return r + ") " + block(s->body) + ")";
    }
    case StmtKind::Return:
      return "(return " + dump(s->value) + ")";
    case StmtKind::Pass:
      return "pass";
    case StmtKind::Break:
      return "break";
    case StmtKind::Continue:
      return "continue";
    case StmtKind::Import: {
      std::string r =
          s->is_from ? "(from " + s->module : std::string("(import");
      for (const Alias& a : s->names) {
        r += " " + a.name + (a.asname.empty() ? "" : " as " + a.asname);
      }
      return r + ")";
    }
  }
  return "?";
}

std::string dump(const std::vector<Stmt*>& body) {
  std::string r;
  for (size_t i = 0; i < body.size(); ++i) {
    if (i) r += "; ";
    r += dump(body[i]);
  }
  return r;
}

std::string parse_dump(const std::string& src) { return dump(parse(src).body); }

// Parses a single expression statement and dumps the expression.
std::string expr(const std::string& src) {
  Program p = parse(src);
  REQUIRE(p.body.size() == 1);
  REQUIRE(p.body[0]->kind == StmtKind::Expr);
  return dump(p.body[0]->value);
}

struct ErrorInfo {
  int line = 0;
  int col = 0;
  std::string msg;
};

ErrorInfo parse_error(const std::string& src,
                      const ParseLimits& limits = ParseLimits()) {
  try {
    parse(src, limits);
  } catch (const SyntaxError& e) {
    return {e.line, e.col, e.message()};
  }
  return {0, 0, "<no error>"};
}

void check_error(const std::string& src, int line, int col,
                 const std::string& msg) {
  INFO("source: " << src);
  ErrorInfo e = parse_error(src);
  CHECK(e.msg == msg);
  CHECK(e.line == line);
  CHECK(e.col == col);
}

std::string repeat(const std::string& s, size_t n) {
  std::string r;
  r.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) r += s;
  return r;
}

}  // namespace

TEST_CASE("operator precedence follows Python", "[parser]") {
  CHECK(expr("-2**2") == "(- (** 2 2))");
  CHECK(expr("2**-1") == "(** 2 (- 1))");
  CHECK(expr("a**b**c") == "(** a (** b c))");
  CHECK(expr("a+b*c@d") == "(+ a (@ (* b c) d))");
  CHECK(expr("a - b - c") == "(- (- a b) c)");
  CHECK(expr("a / b // c % d") == "(% (// (/ a b) c) d)");
  CHECK(expr("a | b ^ c & d << e + f") == "(| a (^ b (& c (<< d (+ e f)))))");
  CHECK(expr("-a.b[0]**2") == "(- (** (idx (. a b) 0) 2))");
  CHECK(expr("~x + +y") == "(+ (~ x) (+ y))");
  CHECK(expr("not a == b") == "(not (cmp a == b))");
  CHECK(expr("a or b and not c") == "(or a (and b (not c)))");
  CHECK(expr("a or b or c") == "(or a b c)");
  CHECK(expr("a if b else c if d else e") == "(if b a (if d c e))");
  CHECK(expr("x if a or b else y") == "(if (or a b) x y)");
  CHECK(expr("(a + b) * c") == "(* (+ a b) c)");
}

TEST_CASE("comparisons chain", "[parser]") {
  CHECK(expr("a < b < c") == "(cmp a < b < c)");
  CHECK(expr("a <= b != c >= d") == "(cmp a <= b != c >= d)");
  CHECK(expr("a is not b") == "(cmp a is not b)");
  CHECK(expr("a not in b") == "(cmp a not in b)");
  CHECK(expr("x is not y not in z") == "(cmp x is not y not in z)");
  CHECK(expr("a in b == c") == "(cmp a in b == c)");
  CHECK(expr("a + 1 > b * 2") == "(cmp (+ a 1) > (* b 2))");
}

TEST_CASE("literals", "[parser]") {
  CHECK(expr("1_000") == "1000");
  CHECK(expr("0x1F") == "31");
  CHECK(expr("0o17") == "15");
  CHECK(expr("0b101") == "5");
  CHECK(expr("0") == "0");
  CHECK(expr("00") == "0");
  CHECK(expr("9223372036854775807") == "9223372036854775807");
  CHECK(expr("1e-3") == "0.001");
  CHECK(expr(".5") == "0.5");
  CHECK(expr("2.") == "2");
  CHECK(expr("1_0.2_5e1") == "102.5");
  CHECK(parse("1.5").body[0]->value->kind == ExprKind::Float);
  CHECK(parse("2.").body[0]->value->kind == ExprKind::Float);
  CHECK(expr("1e999") == "inf");
  CHECK(expr("'a\\tb\\n\\x41\\u00e9\\\\\\'\"'") == "'a\tb\nA\xC3\xA9\\'\"'");
  CHECK(expr("\"it's\"") == "'it's'");
  CHECK(expr("r'a\\n'") == "'a\\n'");
  CHECK(expr("'\\q'") == "'\\q'");
  CHECK(expr("'''a\nb'''") == "'a\nb'");
  CHECK(expr("'a' \"b\"\n") == "'ab'");
  CHECK(expr("('a'\n 'b')") == "'ab'");
  CHECK(expr("True") == "True");
  CHECK(expr("False") == "False");
  CHECK(expr("None") == "None");
  CHECK(expr("...") == "...");
}

TEST_CASE("displays and comprehensions", "[parser]") {
  CHECK(expr("()") == "(tuple)");
  CHECK(expr("(a,)") == "(tuple a)");
  CHECK(expr("(a, b)") == "(tuple a b)");
  CHECK(expr("a, b,") == "(tuple a b)");
  CHECK(expr("[]") == "(list)");
  CHECK(expr("[a, b,]") == "(list a b)");
  CHECK(expr("{}") == "(dict)");
  CHECK(expr("{'a': 1, b: [2],}") == "(dict 'a':1 b:(list 2))");
  CHECK(expr("[x * 2 for x in range(3)]") ==
        "(listcomp (* x 2) x (call range 3) _)");
  CHECK(expr("[i for i in xs if i % 2]") == "(listcomp i i xs (% i 2))");
  CHECK(expr("[a + b for a, b in zip(x, y)]") ==
        "(listcomp (+ a b) (tuple a b) (call zip x y) _)");
  CHECK(expr("[x if c else y for x in z]") == "(listcomp (if c x y) x z _)");
}

TEST_CASE("calls, attributes and subscripts", "[parser]") {
  CHECK(expr("f()") == "(call f)");
  CHECK(expr("f(a, b, k=v, *args, **kw)") == "(call f a b *args k=v **kw)");
  CHECK(expr("f(a,)") == "(call f a)");
  CHECK(expr("torch.nn.functional.relu(x)") ==
        "(call (. (. (. torch nn) functional) relu) x)");
  CHECK(expr("f(x)(y)[0].z") == "(. (idx (call (call f x) y) 0) z)");
  CHECK(expr("x[i]") == "(idx x i)");
  CHECK(expr("x[-1]") == "(idx x (- 1))");
  CHECK(expr("x[1:3]") == "(idx x (slice 1 3 _))");
  CHECK(expr("x[::2]") == "(idx x (slice _ _ 2))");
  CHECK(expr("x[1:]") == "(idx x (slice 1 _ _))");
  CHECK(expr("x[:]") == "(idx x (slice _ _ _))");
  CHECK(expr("x[::]") == "(idx x (slice _ _ _))");
  CHECK(expr("x[a:b:c]") == "(idx x (slice a b c))");
  CHECK(expr("x[:, 0]") == "(idx, x (slice _ _ _) 0)");
  CHECK(expr("x[None, ...]") == "(idx, x None ...)");
  CHECK(expr("x[1,]") == "(idx, x 1)");
  CHECK(expr("x[(1, 2)]") == "(idx x (tuple 1 2))");
  CHECK(expr("x[..., 1:-1, None]") == "(idx, x ... (slice 1 (- 1) _) None)");
}

TEST_CASE("assignment targets and unpacking", "[parser]") {
  CHECK(parse_dump("x = 1") == "(= x 1)");
  CHECK(parse_dump("a, b = f()") == "(= (tuple a b) (call f))");
  CHECK(parse_dump("(a, b) = 1, 2") == "(= (tuple a b) (tuple 1 2))");
  CHECK(parse_dump("[a, b] = t") == "(= (list a b) t)");
  CHECK(parse_dump("a, (b, c) = t") == "(= (tuple a (tuple b c)) t)");
  CHECK(parse_dump("a, = t") == "(= (tuple a) t)");
  CHECK(parse_dump("m.w = 0") == "(= (. m w) 0)");
  CHECK(parse_dump("x[0] = y[1:]") == "(= (idx x 0) (idx y (slice 1 _ _)))");
  CHECK(parse_dump("a = b = 0") == "(= a b 0)");
  CHECK(parse_dump("x += 1") == "(+= x 1)");
  CHECK(parse_dump("m.w -= lr * g") == "(-= (. m w) (* lr g))");
  CHECK(parse_dump("x[0] *= 2") == "(*= (idx x 0) 2)");
  CHECK(parse_dump("x /= 2") == "(/= x 2)");
  CHECK(parse_dump("x //= 2; y **= 2; z @= w") ==
        "(//= x 2); (**= y 2); (@= z w)");
  CHECK(parse_dump("x = yield_ = 1") == "(= x yield_ 1)");
}

TEST_CASE("statements and blocks", "[parser]") {
  CHECK(parse_dump("import torch") == "(import torch)");
  CHECK(parse_dump("import torch.nn as nn") == "(import torch.nn as nn)");
  CHECK(parse_dump("import torch.nn.functional as F, numpy") ==
        "(import torch.nn.functional as F numpy)");
  CHECK(parse_dump("from torch import nn, optim as o") ==
        "(from torch nn optim as o)");
  CHECK(parse_dump("from torch import (nn,\n    optim,)") ==
        "(from torch nn optim)");
  CHECK(parse_dump("from torch.nn import *") == "(from torch.nn *)");
  CHECK(parse_dump("print(x)\n") == "(call print x)");
  CHECK(parse_dump("x = 1; y = 2;") == "(= x 1); (= y 2)");
  CHECK(parse_dump("for i in range(3):\n    x += i\n") ==
        "(for i (call range 3) [(+= x i)])");
  CHECK(parse_dump("for a, b in pairs: pass") ==
        "(for (tuple a b) pairs [pass])");
  CHECK(parse_dump("for (a, b) in x, y: pass") ==
        "(for (tuple a b) (tuple x y) [pass])");
  CHECK(parse_dump("for x in y:\n  break\nelse:\n  continue_ = 1") ==
        "(for x y [break] [(= continue_ 1)])");
  CHECK(parse_dump("while x < 3:\n  x += 1\n  if x: continue\n") ==
        "(while (cmp x < 3) [(+= x 1); (if x [continue])])");
  CHECK(parse_dump("with torch.no_grad():\n    w -= lr * w.grad\n"
                   "    w.grad.zero_()\n") ==
        "(with (call (. torch no_grad)) _ [(-= w (* lr (. w grad))); "
        "(call (. (. w grad) zero_))])");
  CHECK(parse_dump("with open(f) as g: pass") ==
        "(with (call open f) g [pass])");
  CHECK(parse_dump("if a:\n  x\nelif b:\n  y\nelif c:\n  z\nelse:\n  w\n") ==
        "(if a [x] [(if b [y] [(if c [z] [w])])])");
  CHECK(parse_dump("if a: x; y\nz") == "(if a [x; y]); z");
  CHECK(parse_dump("def f(a, b=2, c=None,):\n    return a + b\n") ==
        "(def f (a b=2 c=None) [(return (+ a b))])");
  CHECK(parse_dump("def g():\n  return\n") == "(def g () [(return _)])");
  CHECK(parse_dump("def g():\n  return 1, 2") ==
        "(def g () [(return (tuple 1 2))])");
  CHECK(parse_dump("def f():\n  for x in y:\n    def g():\n      return\n"
                   "    break") ==
        "(def f () [(for x y [(def g () [(return _)]); break])])");
}

TEST_CASE("indentation, comments and continuation lines", "[parser]") {
  const char* src =
      "# leading comment\n"
      "\n"
      "if a:\n"
      "    x = 1   # trailing\n"
      "\n"
      "        # odd comment indentation is ignored\n"
      "    if b:\n"
      "        y = [1,\n"
      "  2,\n"
      "         3]\n"
      "    z = 1 + \\\n"
      "  2\n"
      "w = (a\n"
      "     + b)\n";
  CHECK(parse_dump(src) ==
        "(if a [(= x 1); (if b [(= y (list 1 2 3))]); (= z (+ 1 2))]); "
        "(= w (+ a b))");
  // Tabs alone are fine, and so are CRLF and CR line endings.
  CHECK(parse_dump("if a:\n\tif b:\n\t\tx\n\ty\n") == "(if a [(if b [x]); y])");
  CHECK(parse_dump("if a:\r\n  x\r\ny\r\n") == "(if a [x]); y");
  CHECK(parse_dump("if a:\r  x\ry") == "(if a [x]); y");
  // No trailing newline, trailing blank lines, a BOM.
  CHECK(parse_dump("if a:\n  x") == "(if a [x])");
  CHECK(parse_dump("x\n\n   \n\t\n") == "x");
  CHECK(parse_dump("\xEF\xBB\xBFx") == "x");
  // A backslash continuation in the indentation fixes the indentation.
  CHECK(parse_dump("if a:\n  \\\n      x\n") == "(if a [x])");
  CHECK(parse_dump("\\\n ") == "");
  CHECK(parse_dump("") == "");
  CHECK(parse_dump("# only a comment") == "");
}

TEST_CASE("spans and operator positions", "[parser]") {
  Program p = parse("y = a + f(b,\n      c) * 2\n");
  const Stmt* s = p.body[0];
  CHECK(s->span.line == 1);
  CHECK(s->span.col == 1);
  CHECK(s->span.end_line == 2);
  CHECK(s->span.end_col == 13);
  CHECK(s->op_pos.line == 1);
  CHECK(s->op_pos.col == 3);
  const Expr* add = s->value;
  REQUIRE(add->kind == ExprKind::BinOp);
  CHECK(add->span.line == 1);
  CHECK(add->span.col == 5);
  CHECK(add->span.end_line == 2);
  CHECK(add->span.end_col == 13);
  CHECK(add->op_pos.line == 1);
  CHECK(add->op_pos.col == 7);
  const Expr* mul = add->right;
  CHECK(mul->op_pos.line == 2);
  CHECK(mul->op_pos.col == 10);
  const Expr* call = mul->left;
  REQUIRE(call->kind == ExprKind::Call);
  CHECK(call->span.col == 9);
  CHECK(call->op_pos.line == 1);
  CHECK(call->op_pos.col == 10);
  CHECK(call->span.end_line == 2);
  CHECK(call->span.end_col == 9);
  const Expr* name = call->elts[0];
  CHECK(name->span.line == 1);
  CHECK(name->span.col == 11);
  CHECK(name->span.end_col == 12);

  // Columns count characters, not bytes.
  Program q = parse("s = '\xC3\xA9\xE2\x82\xAC' + x");
  CHECK(q.body[0]->value->right->span.col == 12);
  CHECK(q.body[0]->value->op_pos.col == 10);

  // A compound statement spans its whole block, not the following dedent.
  Program r = parse("for i in x:\n  y = i\n\nz = 1\n");
  CHECK(r.body[0]->span.end_line == 2);
  CHECK(r.body[0]->span.end_col == 8);

  // Comparisons record each operator.
  Program c = parse("a < b  <= c");
  const Expr* cmp = c.body[0]->value;
  REQUIRE(cmp->cmp_op_pos.size() == 2);
  CHECK(cmp->cmp_op_pos[0].col == 3);
  CHECK(cmp->cmp_op_pos[1].col == 8);
}

TEST_CASE("tokens", "[parser]") {
  std::vector<Token> t = tokenize("if x:  # c\n  y\n");
  std::vector<TokenKind> kinds;
  for (const Token& k : t) kinds.push_back(k.kind);
  CHECK(kinds == std::vector<TokenKind>{
                     TokenKind::Keyword, TokenKind::Name, TokenKind::Op,
                     TokenKind::Newline, TokenKind::Indent, TokenKind::Name,
                     TokenKind::Newline, TokenKind::Dedent, TokenKind::End});
  CHECK(t[3].span.col == 8);  // at the comment, as in CPython
  CHECK(t[4].span.line == 2);
  CHECK(t[4].span.col == 3);
  CHECK(tokenize("a**=b")[1].text == "**=");
  CHECK(tokenize("x[...]")[2].text == "...");
}

TEST_CASE("syntax errors are positioned like CPython's", "[parser]") {
  check_error("x = 1\n    y = 2\n", 2, 5, "unexpected indent");
  check_error("  x = 1", 1, 3, "unexpected indent");
  check_error("if x:\n  y\n    z\n", 3, 5, "unexpected indent");
  check_error("if x:\n        y=1\n    z=2\n", 3, 5,
              "unindent does not match any outer indentation level");
  check_error("if x:\n  pass\n else: pass", 3, 2,
              "unindent does not match any outer indentation level");
  check_error("if x:\n\ty=1\n        z=2\n", 3, 9,
              "inconsistent use of tabs and spaces in indentation");
  check_error("for i in range(3):\nx=1\n", 2, 1,
              "expected an indented block after 'for' statement on line 1");
  check_error("for i in x:", 1, 12,
              "expected an indented block after 'for' statement on line 1");
  check_error("if x:\n\n# c\ny", 4, 1,
              "expected an indented block after 'if' statement on line 1");
  check_error("if x: pass\nelif y:\nz", 3, 1,
              "expected an indented block after 'elif' statement on line 2");
  check_error("if x: pass\nelse:\nz", 3, 1,
              "expected an indented block after 'else' statement on line 2");
  check_error("while a:\nz", 2, 1,
              "expected an indented block after 'while' statement on line 1");
  check_error("with a:\nz", 2, 1,
              "expected an indented block after 'with' statement on line 1");
  check_error("def f():\nz", 2, 1,
              "expected an indented block after function definition on line 1");
  check_error("for i in range(3)\n  x=1", 1, 18, "expected ':'");
  check_error("for i in range(3)  # c\n  x=1", 1, 20, "expected ':'");
  check_error("for i in range(3)", 1, 18, "expected ':'");
  check_error("if x\n  pass", 1, 5, "expected ':'");
  check_error("def f(a)\n  pass", 1, 9, "expected ':'");
  check_error("x = 'abc\n", 1, 5,
              "unterminated string literal (detected at line 1)");
  check_error("x = 1\ny = \"abc", 2, 5,
              "unterminated string literal (detected at line 2)");
  check_error("x = '''abc\n\n", 1, 5,
              "unterminated triple-quoted string literal (detected at line 2)");
  check_error("x = (1,", 1, 5, "'(' was never closed");
  check_error("x = (1, [2", 1, 9, "'[' was never closed");
  check_error("x = {\n", 1, 5, "'{' was never closed");
  check_error("foo(a b", 1, 4, "'(' was never closed");
  check_error("x = 1)", 1, 6, "unmatched ')'");
  check_error("x = ]", 1, 5, "unmatched ']'");
  check_error("x = (1]", 1, 7,
              "closing parenthesis ']' does not match opening parenthesis "
              "'('");
  check_error("x = (1\n]", 2, 1,
              "closing parenthesis ']' does not match opening parenthesis "
              "'(' on line 1");
  check_error("x = $", 1, 5, "invalid character '$' (U+0024)");
  check_error("x = a ? b", 1, 7, "invalid character '?' (U+003F)");
  check_error("x = \xE2\x82\xAC", 1, 5,
              "invalid character '\xE2\x82\xAC' (U+20AC)");
  check_error("s = '\xC3\xA9'; $", 1, 10, "invalid character '$' (U+0024)");
  check_error(
      "x =\xC2\xA0"
      "1",
      1, 4, "invalid non-printable character U+00A0");
  check_error("f() = 1", 1, 1, "cannot assign to function call");
  check_error("x.y() = 3", 1, 1, "cannot assign to function call");
  check_error("a, f() = 1, 2", 1, 4, "cannot assign to function call");
  check_error("x = f() = 1", 1, 5, "cannot assign to function call");
  check_error("for f() in x: pass", 1, 5, "cannot assign to function call");
  check_error("1 = x", 1, 1, "cannot assign to literal");
  check_error("[a, 1] = x", 1, 5, "cannot assign to literal");
  check_error("a + b = 1", 1, 1, "cannot assign to expression");
  check_error("a < b = 3", 1, 1, "cannot assign to comparison");
  check_error("1 if 2 else 3 = 4", 1, 1,
              "cannot assign to conditional expression");
  check_error("True = 1", 1, 1, "cannot assign to True");
  check_error("None = 1", 1, 1, "cannot assign to None");
  check_error("with a as 1: pass", 1, 11, "cannot assign to literal");
  check_error("[y for 1 in x]", 1, 8, "cannot assign to literal");
  check_error("f() += 1", 1, 1,
              "'function call' is an illegal expression for augmented "
              "assignment");
  check_error("(a, b) += 1", 1, 1,
              "'tuple' is an illegal expression for augmented assignment");
  check_error("a, b += 1", 1, 1,
              "'tuple' is an illegal expression for augmented assignment");
  check_error("x = 1abc", 1, 5, "invalid decimal literal");
  check_error("x = 1_", 1, 5, "invalid decimal literal");
  check_error("x = 1__0", 1, 5, "invalid decimal literal");
  check_error("x = 1e", 1, 5, "invalid decimal literal");
  check_error("x = 1.5e+", 1, 5, "invalid decimal literal");
  check_error("x = 0x", 1, 5, "invalid hexadecimal literal");
  check_error("x = 0xg", 1, 5, "invalid hexadecimal literal");
  check_error("x = 0o8", 1, 5, "invalid digit '8' in octal literal");
  check_error("x = 0b12", 1, 5, "invalid digit '2' in binary literal");
  check_error("x = 01", 1, 5,
              "leading zeros in decimal integer literals are not permitted; "
              "use an 0o prefix for octal integers");
  check_error("x = 9223372036854775808", 1, 5, "integer literal too large");
  check_error("x = 0x8000000000000000", 1, 5, "integer literal too large");
  check_error("x = 1j", 1, 5, "imaginary literals are not supported");
  check_error("x = f'{a'", 1, 5, "f-string: expecting '}'");
  check_error("x = f'{}'", 1, 8, "f-string: empty expression not allowed");
  check_error("x = f'{a!z}'", 1, 10, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
  check_error("x = f'{a +}'", 1, 11, "f-string: invalid syntax");
  check_error("x = f'a}'", 1, 8, "f-string: single '}' is not allowed");
  check_error("x = f'{a\\n}'", 1, 9, "f-string expression part cannot include a backslash");
  check_error("x = b'a'", 1, 5, "bytes literals are not supported");
  check_error("x = '\\x1'", 1, 5, "(unicode error) truncated \\xXX escape");
  check_error("x = ", 1, 5, "invalid syntax");
  check_error("x = \n", 1, 5, "invalid syntax");
  check_error("x = 1 +", 1, 8, "invalid syntax");
  check_error("x = 1 2", 1, 7, "invalid syntax");
  check_error("x = not", 1, 8, "invalid syntax");
  check_error("x = 1 +* 2", 1, 8, "invalid syntax");
  check_error("x=1;;y", 1, 5, "invalid syntax");
  check_error("else", 1, 1, "invalid syntax");
  check_error("x = [1 for]", 1, 11, "invalid syntax");
  check_error("x = y[]", 1, 7, "invalid syntax");
  check_error("x[1:2:3:4]", 1, 8, "invalid syntax");
  check_error("import torch.", 1, 14, "invalid syntax");
  check_error("x = ()\nx = (,)", 2, 6, "invalid syntax");
  check_error("x = a if b", 1, 5, "expected 'else' after 'if' expression");
  check_error("x = \\ y", 1, 6,
              "unexpected character after line continuation character");
  check_error("x = 1 \\", 1, 8, "unexpected EOF while parsing");
  check_error("x = 1 \\\n", 1, 8, "unexpected EOF while parsing");
  check_error("x = 1\n\\\n", 2, 2, "unexpected EOF while parsing");
  check_error("def f(a=1, b):\n  pass", 1, 12,
              "non-default argument follows default argument");
  check_error("def f(a, a): pass", 1, 10,
              "duplicate argument 'a' in function definition");
  check_error("f(a=1, 2)", 1, 8,
              "positional argument follows keyword argument");
  check_error("f(**k, 2)", 1, 8,
              "positional argument follows keyword argument unpacking");
  check_error("f(**k, *a)", 1, 8,
              "iterable argument unpacking follows keyword argument unpacking");
  check_error("f(a=1, a=2)", 1, 8, "keyword argument repeated: a");
  check_error(
      "f(a.b=1)", 1, 3,
      "expression cannot contain assignment, perhaps you meant \"==\"?");
  check_error("x = {1: 2, 3}", 1, 12, "':' expected after dictionary key");
  check_error("x = {1: 2, **}", 1, 14, "invalid syntax");
  check_error("f(x for x in y, 1)", 1, 3, "Generator expression must be parenthesized");
  check_error("return 5", 1, 1, "'return' outside function");
  check_error("break", 1, 1, "'break' outside loop");
  check_error("if x:\n  continue", 2, 3, "'continue' not properly in loop");
  check_error("for i in x:\n  def f():\n    break", 3, 5,
              "'break' outside loop");
  check_error("for i in x:\n  pass\nelse:\n  break", 4, 3,
              "'break' outside loop");
  check_error("class A(metaclass=M): pass", 1, 9, "class keyword arguments (metaclass=...) are not supported");
  check_error("y = await f()", 1, 5, "'await' (asynchronous code) is not supported");
  check_error("try:\n  pass\nx = 1", 3, 1, "expected 'except' or 'finally' block");
  check_error("except: pass", 1, 1, "'except' without a matching 'try'");
  check_error("def f(*a, *b): pass", 1, 11, "* argument may appear only once");
  check_error("def f(**k, a): pass", 1, 12, "arguments cannot follow var-keyword argument");
  check_error("yield 1", 1, 1, "'yield' outside function");
  check_error("@dec\nx = 1", 2, 1, "a decorator must be followed by 'def' or 'class'");
  check_error(std::string("x = 1\0", 6), 1, 6,
              "source code cannot contain null bytes");
  check_error("x = 1\n\xFF", 2, 1, "invalid UTF-8 byte 0xFF in source");
  check_error("x = '\xC3'", 1, 6, "invalid UTF-8 byte 0xC3 in source");
}

TEST_CASE("nesting limit: 256 levels are fine, 257 are an error", "[parser]") {
  auto parens = [](size_t n) {
    return "x = " + repeat("(", n) + "1" + repeat(")", n);
  };
  CHECK_NOTHROW(parse(parens(256)));
  check_error(parens(257), 1, 261,
              "too many nested parentheses (the limit is 256)");

  auto calls = [](size_t n) { return repeat("f(", n) + repeat(")", n); };
  CHECK_NOTHROW(parse(calls(256)));
  check_error(calls(257), 1, 514,
              "too many nested parentheses (the limit is 256)");

  auto neg = [](size_t n) { return repeat("-", n) + "x"; };
  CHECK_NOTHROW(parse(neg(256)));
  check_error(neg(257), 1, 257,
              "expression is too deeply nested (the limit is 256)");

  auto nots = [](size_t n) { return repeat("not ", n) + "x"; };
  CHECK_NOTHROW(parse(nots(256)));
  check_error(nots(257), 1, 1025,
              "expression is too deeply nested (the limit is 256)");

  auto pow = [](size_t n) { return "x" + repeat("**x", n); };
  CHECK_NOTHROW(parse(pow(256)));
  check_error(pow(257), 1, 770,
              "expression is too deeply nested (the limit is 256)");

  auto ternary = [](size_t n) { return repeat("a if b else ", n) + "c"; };
  CHECK_NOTHROW(parse(ternary(256)));
  check_error(ternary(257), 1, 3085,
              "expression is too deeply nested (the limit is 256)");

  // Nested blocks: line k (0-based) is indented by k spaces.
  auto blocks = [](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += std::string(i, ' ') + "if x:\n";
    return s + std::string(n, ' ') + "pass\n";
  };
  CHECK_NOTHROW(parse(blocks(256)));
  check_error(blocks(257), 258, 258,
              "too many levels of indentation (the limit is 256)");

  // The limit is shared: 128 blocks leave room for 128 brackets only.
  std::string mixed;
  for (int i = 0; i < 128; ++i) mixed += std::string(i, ' ') + "if x:\n";
  CHECK_NOTHROW(parse(mixed + std::string(128, ' ') + parens(128)));
  check_error(mixed + std::string(128, ' ') + parens(129), 129, 133 + 128,
              "too many nested parentheses (the limit is 256)");
}

TEST_CASE("pathological inputs neither recurse deeply nor crash", "[parser]") {
  // Larger than the source limit: rejected up front.
  ErrorInfo e = parse_error(repeat("(", 100000));
  CHECK(e.msg == "source is too long (100000 bytes; the limit is 65536)");
  CHECK(e.line == 1);
  CHECK(e.col == 1);
  // Within it: stopped at the 257th level.
  check_error(repeat("(", 65000), 1, 257,
              "too many nested parentheses (the limit is 256)");
  check_error(repeat("[", 65000), 1, 257,
              "too many nested parentheses (the limit is 256)");
  check_error(repeat("-", 65000), 1, 257,
              "expression is too deeply nested (the limit is 256)");
  check_error("x" + repeat("**x", 20000), 1, 770,
              "expression is too deeply nested (the limit is 256)");
  check_error(repeat("x[", 30000), 1, 514,
              "too many nested parentheses (the limit is 256)");
  // Unterminated garbage in deep brackets.
  check_error("f(" + repeat("[", 200) + "1,", 1, 202, "'[' was never closed");

  // Long left-associative chains are loops, limited only by the node count.
  std::string chain = "a" + repeat("+a", 32767);  // 65535 bytes
  Program p = parse(chain);
  CHECK(p.node_count() == 65535 + 1);
  const Expr* x = p.body[0]->value;
  size_t depth = 0;
  while (x->kind == ExprKind::BinOp) {
    ++depth;
    x = x->left;
  }
  CHECK(depth == 32767);

  std::string attrs = "a" + repeat(".b", 32000);
  CHECK(parse(attrs).node_count() == 32002);
  CHECK_NOTHROW(parse("f" + repeat("(x)", 21000)));
  CHECK_NOTHROW(parse("x" + repeat("[0]", 21000)));
  CHECK_NOTHROW(parse("a" + repeat(" or a", 13000)));
  CHECK_NOTHROW(parse("a" + repeat("<a", 32000)));
  CHECK_NOTHROW(parse(repeat("a\n", 32000)));
  CHECK_NOTHROW(parse("x = [" + repeat("1,", 32000) + "]"));
}

TEST_CASE("source size limit: 65536 bytes ok, 65537 an error", "[parser]") {
  std::string ok = "x = 1  #";
  ok += std::string(65536 - ok.size(), 'c');
  REQUIRE(ok.size() == 65536);
  CHECK_NOTHROW(parse(ok));
  ErrorInfo e = parse_error(ok + "c");
  CHECK(e.msg == "source is too long (65537 bytes; the limit is 65536)");
  CHECK(e.line == 1);
  CHECK(e.col == 1);
}

TEST_CASE("node limit: at the limit ok, one over an error", "[parser]") {
  ParseLimits big;
  big.max_source_bytes = 1 << 20;
  // 50000 names + 49999 additions + 1 statement = 100000 nodes.
  std::string chain = "a" + repeat("+a", 49999);
  CHECK(parse(chain, big).node_count() == 100000);
  ErrorInfo e = parse_error("-" + chain, big);
  CHECK(e.msg == "program is too large: more than 100000 syntax nodes");
  CHECK(e.line == 1);

  ParseLimits small;
  small.max_nodes = 7;
  CHECK(parse("x = a + b", small).node_count() == 5);
  CHECK(parse("x = a + b; c", small).node_count() == 7);
  e = parse_error("x = a + b; c; d", small);
  CHECK(e.msg == "program is too large: more than 7 syntax nodes");
  CHECK(e.line == 1);
  CHECK(e.col == 15);
}

TEST_CASE("programs own their nodes and can be moved", "[parser]") {
  Program a = parse("x = [i * 2 for i in range(3)]\nprint(x)");
  const Stmt* first = a.body[0];
  Program b = std::move(a);
  CHECK(b.body[0] == first);
  CHECK(dump(b.body) ==
        "(= x (listcomp (* i 2) i (call range 3) _)); (call print x)");
}

TEST_CASE("format_error renders file, position and a caret", "[parser]") {
  CHECK(format_error("t.py", "x = 1\ny = $\n", 2, 5,
                     "invalid character '$' (U+0024)") ==
        "t.py:2:5: error: invalid character '$' (U+0024)\ny = $\n    ^\n");
  // Tabs are kept and characters, not bytes, are counted.
  CHECK(format_error("t.py", "if x:\n\t\xC3\xA9 = $\n", 2, 6, "m") ==
        "t.py:2:6: error: m\n\t\xC3\xA9 = $\n\t    ^\n");
  CHECK(format_error("t.py", "a\r\nbc\r\n", 2, 3, "m") ==
        "t.py:2:3: error: m\nbc\n  ^\n");
  // Out-of-range positions are clamped rather than trusted.
  CHECK(format_error("t.py", "ab", 5, 9, "m") == "t.py:5:9: error: m\n\n^\n");
  CHECK(format_error("t.py", "ab", 1, 99, "m") ==
        "t.py:1:99: error: m\nab\n  ^\n");

  try {
    parse("for i in range(3)\n  pass\n");
    FAIL("expected a SyntaxError");
  } catch (const SyntaxError& e) {
    CHECK(std::string(e.what()) == "1:18: expected ':'");
    CHECK(format_error("s.py", "for i in range(3)\n", e.line, e.col,
                       e.message()) ==
          "s.py:1:18: error: expected ':'\nfor i in range(3)\n"
          "                 ^\n");
  }
  // SyntaxError is a tl::Error.
  CHECK_THROWS_AS(parse("x = $"), tl::Error);
}
