#include "engine/lang/parser.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "engine/lang/lexer.h"

namespace tl::lang {

const char* op_str(BinOpKind op) {
  switch (op) {
    case BinOpKind::Add:
      return "+";
    case BinOpKind::Sub:
      return "-";
    case BinOpKind::Mul:
      return "*";
    case BinOpKind::Div:
      return "/";
    case BinOpKind::FloorDiv:
      return "//";
    case BinOpKind::Mod:
      return "%";
    case BinOpKind::MatMul:
      return "@";
    case BinOpKind::Pow:
      return "**";
    case BinOpKind::LShift:
      return "<<";
    case BinOpKind::RShift:
      return ">>";
    case BinOpKind::BitOr:
      return "|";
    case BinOpKind::BitXor:
      return "^";
    case BinOpKind::BitAnd:
      return "&";
  }
  return "?";
}

const char* op_str(UnaryOpKind op) {
  switch (op) {
    case UnaryOpKind::Neg:
      return "-";
    case UnaryOpKind::Pos:
      return "+";
    case UnaryOpKind::Invert:
      return "~";
    case UnaryOpKind::Not:
      return "not";
  }
  return "?";
}

const char* op_str(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Lt:
      return "<";
    case CmpOpKind::Le:
      return "<=";
    case CmpOpKind::Gt:
      return ">";
    case CmpOpKind::Ge:
      return ">=";
    case CmpOpKind::Eq:
      return "==";
    case CmpOpKind::Ne:
      return "!=";
    case CmpOpKind::Is:
      return "is";
    case CmpOpKind::IsNot:
      return "is not";
    case CmpOpKind::In:
      return "in";
    case CmpOpKind::NotIn:
      return "not in";
  }
  return "?";
}

const char* op_str(BoolOpKind op) {
  return op == BoolOpKind::And ? "and" : "or";
}

const char* kind_name(ExprKind kind) {
  switch (kind) {
    case ExprKind::Name:
      return "name";
    case ExprKind::Int:
    case ExprKind::Float:
    case ExprKind::Str:
      return "literal";
    case ExprKind::Bool:
      return "bool";
    case ExprKind::None:
      return "None";
    case ExprKind::Ellipsis:
      return "ellipsis";
    case ExprKind::List:
      return "list";
    case ExprKind::Tuple:
      return "tuple";
    case ExprKind::Dict:
      return "dict literal";
    case ExprKind::ListComp:
      return "list comprehension";
    case ExprKind::Attribute:
      return "attribute";
    case ExprKind::Call:
      return "function call";
    case ExprKind::Subscript:
      return "subscript";
    case ExprKind::Slice:
      return "slice";
    case ExprKind::Starred:
      return "starred";
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
    case ExprKind::BoolOp:
      return "expression";
    case ExprKind::Compare:
      return "comparison";
    case ExprKind::IfExp:
      return "conditional expression";
    case ExprKind::FString:
    case ExprKind::FormattedValue:
      return "f-string expression";
    case ExprKind::Lambda:
      return "lambda";
    case ExprKind::Set:
      return "set display";
    case ExprKind::SetComp:
      return "set comprehension";
    case ExprKind::DictComp:
      return "dict comprehension";
    case ExprKind::GenExp:
      return "generator expression";
    case ExprKind::CompFor:
      return "comprehension";
    case ExprKind::Yield:
      return "yield expression";
  }
  return "expression";
}

namespace {

// What a Nest level is, only to word the error when the limit is hit.
enum class NestKind { Bracket, Block, Expression };

class Parser {
 public:
  Parser(std::vector<Token> tokens, const ParseLimits& limits, Program& prog)
      : toks_(std::move(tokens)), limits_(limits), prog_(prog) {}

  void parse_file() {
    while (tok().kind != TokenKind::End) {
      if (tok().kind == TokenKind::Indent) fail(start(), "unexpected indent");
      parse_statement(prog_.body);
    }
  }

 private:
  // Counts one level of syntactic nesting for as long as it is in scope.
  // Every recursive path of the parser passes through one of these, which is
  // what bounds the recursion depth by limits.max_depth.
  class Nest {
   public:
    Nest(Parser& p, Pos at, NestKind kind) : p_(p) {
      if (++p_.depth_ > p_.limits_.max_depth) {
        std::string limit =
            " (the limit is " + std::to_string(p_.limits_.max_depth) + ")";
        switch (kind) {
          case NestKind::Bracket:
            p_.fail(at, "too many nested parentheses" + limit);
          case NestKind::Block:
            p_.fail(at, "too many levels of indentation" + limit);
          case NestKind::Expression:
            p_.fail(at, "expression is too deeply nested" + limit);
        }
      }
    }
    ~Nest() { --p_.depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;

   private:
    Parser& p_;
  };

  // ---- token access ----

  const Token& tok() const { return toks_[pos_]; }
  const Token& peek() const {
    return toks_[pos_ + 1 < toks_.size() ? pos_ + 1 : pos_];
  }
  Pos start() const { return tok().span.start(); }
  void next() {
    const Token& t = tok();
    if (t.kind != TokenKind::Newline && t.kind != TokenKind::Indent &&
        t.kind != TokenKind::Dedent && t.kind != TokenKind::End) {
      last_end_ = t.span.end();
    }
    if (pos_ + 1 < toks_.size()) ++pos_;  // End is sticky
  }
  bool at_op(const char* s) const { return tok().is_op(s); }
  bool at_kw(const char* s) const { return tok().is_keyword(s); }
  bool accept_op(const char* s) {
    if (!at_op(s)) return false;
    next();
    return true;
  }
  bool accept_kw(const char* s) {
    if (!at_kw(s)) return false;
    next();
    return true;
  }
  void expect_op(const char* s) {
    if (!accept_op(s)) fail_syntax();
  }
  void expect_colon() {
    if (!accept_op(":")) fail(start(), "expected ':'");
  }

  [[noreturn]] void fail(Pos p, const std::string& msg) const {
    throw SyntaxError(p.line, p.col, msg);
  }
  [[noreturn]] void fail_syntax() const { fail(start(), "invalid syntax"); }

  // ---- node construction ----

  void count_node(Pos at) {
    if (prog_.node_count() >= limits_.max_nodes) {
      fail(at, "program is too large: more than " +
                   std::to_string(limits_.max_nodes) + " syntax nodes");
    }
  }
  // The span's end is filled in by finish() once the node's last token has
  // been consumed.
  Expr* new_expr(ExprKind kind, Pos begin) {
    count_node(begin);
    Expr& e = prog_.exprs.emplace_back();
    e.kind = kind;
    e.span = {begin.line, begin.col, begin.line, begin.col};
    e.op_pos = begin;
    return &e;
  }
  Stmt* new_stmt(StmtKind kind, Pos begin) {
    count_node(begin);
    Stmt& s = prog_.stmts.emplace_back();
    s.kind = kind;
    s.span = {begin.line, begin.col, begin.line, begin.col};
    s.op_pos = begin;
    return &s;
  }
  template <class N>
  N* finish(N* n) {
    n->span.end_line = last_end_.line;
    n->span.end_col = last_end_.col;
    return n;
  }

  // ---- statements ----

  void parse_statement(std::vector<Stmt*>& out) {
    const Token& t = tok();
    if (t.kind == TokenKind::Keyword) {
      if (t.text == "if") return out.push_back(parse_if());
      if (t.text == "for") return out.push_back(parse_for());
      if (t.text == "while") return out.push_back(parse_while());
      if (t.text == "with") return out.push_back(parse_with());
      if (t.text == "def") return out.push_back(parse_def());
      if (t.text == "class") return out.push_back(parse_class());
      if (t.text == "try") return out.push_back(parse_try());
    }
    if (t.is_op("@")) return out.push_back(parse_decorated());
    parse_simple_line(out);
  }

  // simple_stmt (';' simple_stmt)* [';'] NEWLINE
  void parse_simple_line(std::vector<Stmt*>& out) {
    while (true) {
      out.push_back(parse_simple());
      if (!accept_op(";")) break;
      if (tok().kind == TokenKind::Newline) break;
    }
    if (tok().kind != TokenKind::Newline) fail_syntax();
    next();
  }

  Stmt* parse_simple() {
    const Token& t = tok();
    const Pos begin = start();
    if (t.kind == TokenKind::Keyword) {
      const std::string& k = t.text;
      if (k == "pass") {
        next();
        return finish(new_stmt(StmtKind::Pass, begin));
      }
      if (k == "break" || k == "continue") {
        if (loop_depth_ == 0) {
          fail(begin, k == "break" ? "'break' outside loop"
                                   : "'continue' not properly in loop");
        }
        next();
        return finish(new_stmt(
            k == "break" ? StmtKind::Break : StmtKind::Continue, begin));
      }
      if (k == "return") {
        if (func_depth_ == 0) fail(begin, "'return' outside function");
        next();
        Stmt* s = new_stmt(StmtKind::Return, begin);
        if (tok().kind != TokenKind::Newline && !at_op(";")) {
          s->value = parse_star_exprs();
        }
        return finish(s);
      }
      if (k == "import") return parse_import();
      if (k == "from") return parse_from_import();
      if (k == "raise") {
        next();
        Stmt* s = new_stmt(StmtKind::Raise, begin);
        if (tok().kind != TokenKind::Newline && !at_op(";")) {
          s->value = parse_expr();
          if (accept_kw("from")) s->target = parse_expr();
        }
        return finish(s);
      }
      if (k == "assert") {
        next();
        Stmt* s = new_stmt(StmtKind::Assert, begin);
        s->test = parse_expr();
        if (accept_op(",")) s->value = parse_expr();
        return finish(s);
      }
      if (k == "del") {
        next();
        Stmt* s = new_stmt(StmtKind::Delete, begin);
        while (true) {
          Expr* t = parse_binary(0);
          if (t->kind != ExprKind::Name && t->kind != ExprKind::Attribute && t->kind != ExprKind::Subscript &&
              t->kind != ExprKind::Tuple && t->kind != ExprKind::List)
            fail(t->span.start(), "cannot delete " + describe(t));
          s->targets.push_back(t);
          if (!accept_op(",")) break;
          if (tok().kind == TokenKind::Newline || at_op(";")) break;
        }
        return finish(s);
      }
      if (k == "global" || k == "nonlocal") {
        if (k == "nonlocal" && func_depth_ == 0) fail(begin, "nonlocal declaration not allowed at module level");
        next();
        Stmt* s = new_stmt(k == "global" ? StmtKind::Global : StmtKind::Nonlocal, begin);
        while (true) {
          if (tok().kind != TokenKind::Name) fail_syntax();
          Alias a;
          a.name = tok().text;
          a.span = tok().span;
          s->names.push_back(std::move(a));
          next();
          if (!accept_op(",")) break;
        }
        return finish(s);
      }
      if (k == "yield") {
        Stmt* s = new_stmt(StmtKind::Expr, begin);
        s->value = parse_yield();
        return finish(s);
      }
      if (k == "except" || k == "finally") fail(begin, "'" + k + "' without a matching 'try'");
      if (k == "async" || k == "await") fail(begin, "'" + k + "' (asynchronous code) is not supported");
    }

    Expr* first = parse_star_exprs();
    if (at_op("=")) {
      Stmt* s = new_stmt(StmtKind::Assign, begin);
      s->op_pos = start();
      Expr* e = first;
      while (accept_op("=")) {
        check_target(e, false);
        s->targets.push_back(e);
        e = at_kw("yield") ? parse_yield() : parse_star_exprs();
      }
      s->value = e;
      return finish(s);
    }
    BinOpKind aug;
    if (tok().kind == TokenKind::Op && aug_op(tok().text, &aug)) {
      check_target(first, true);
      Stmt* s = new_stmt(StmtKind::AugAssign, begin);
      s->op_pos = start();
      s->aug_op = aug;
      s->target = first;
      next();
      s->value = parse_star_exprs();
      return finish(s);
    }
    Stmt* s = new_stmt(StmtKind::Expr, begin);
    s->value = first;
    return finish(s);
  }

  static bool aug_op(const std::string& t, BinOpKind* op) {
    static const std::pair<const char*, BinOpKind> kOps[] = {
        {"+=", BinOpKind::Add},       {"-=", BinOpKind::Sub},
        {"*=", BinOpKind::Mul},       {"/=", BinOpKind::Div},
        {"//=", BinOpKind::FloorDiv}, {"%=", BinOpKind::Mod},
        {"@=", BinOpKind::MatMul},    {"**=", BinOpKind::Pow},
        {"<<=", BinOpKind::LShift},   {">>=", BinOpKind::RShift},
        {"|=", BinOpKind::BitOr},     {"^=", BinOpKind::BitXor},
        {"&=", BinOpKind::BitAnd}};
    for (const auto& [s, k] : kOps) {
      if (t == s) {
        *op = k;
        return true;
      }
    }
    return false;
  }

  static std::string describe(const Expr* e) {
    if (e->kind == ExprKind::Bool) return e->bool_value ? "True" : "False";
    return kind_name(e->kind);
  }

  // Python's rules for assignment targets. Iterative: a target can be a
  // tuple nested as deeply as the depth limit allows.
  void check_target(Expr* e, bool augmented) {
    if (augmented) {
      if (e->kind != ExprKind::Name && e->kind != ExprKind::Attribute &&
          e->kind != ExprKind::Subscript) {
        fail(e->span.start(), "'" + describe(e) +
                                  "' is an illegal expression for augmented "
                                  "assignment");
      }
      return;
    }
    std::vector<Expr*> stack{e};
    while (!stack.empty()) {
      Expr* x = stack.back();
      stack.pop_back();
      switch (x->kind) {
        case ExprKind::Name:
        case ExprKind::Attribute:
        case ExprKind::Subscript:
          break;
        case ExprKind::Tuple:
        case ExprKind::List:
          stack.insert(stack.end(), x->elts.rbegin(), x->elts.rend());
          break;
        case ExprKind::Starred:
          stack.push_back(x->value);
          break;
        default:
          fail(x->span.start(), "cannot assign to " + describe(x));
      }
    }
  }

  // `a`, `a.b[0]`, `a, (b, c)`: targets of for loops, comprehensions and
  // `with ... as`. Elements are parsed above the comparison level so that
  // the `in` of a for loop is not taken as an operator.
  Expr* parse_target_item() {
    if (!at_op("*")) return parse_binary(0);
    const Pos begin = start();
    next();
    Expr* star = new_expr(ExprKind::Starred, begin);
    star->value = parse_binary(0);
    return finish(star);
  }
  Expr* parse_target_list() {
    const Pos begin = start();
    Expr* first = parse_target_item();
    Expr* result = first;
    if (at_op(",")) {
      result = new_expr(ExprKind::Tuple, begin);
      result->elts.push_back(first);
      while (accept_op(",")) {
        if (!starts_expr() && !at_op("*")) break;
        result->elts.push_back(parse_target_item());
      }
      finish(result);
    }
    check_target(result, false);
    return result;
  }

  std::string parse_dotted_name() {
    if (tok().kind != TokenKind::Name) fail_syntax();
    std::string name = tok().text;
    next();
    while (at_op(".")) {
      next();
      if (tok().kind != TokenKind::Name) fail_syntax();
      name += "." + tok().text;
      next();
    }
    return name;
  }

  std::string parse_as_name() {
    if (!accept_kw("as")) return "";
    if (tok().kind != TokenKind::Name) fail_syntax();
    std::string name = tok().text;
    next();
    return name;
  }

  Stmt* parse_import() {
    Stmt* s = new_stmt(StmtKind::Import, start());
    next();
    while (true) {
      Alias a;
      const Pos begin = start();
      a.name = parse_dotted_name();
      a.asname = parse_as_name();
      a.span = {begin.line, begin.col, last_end_.line, last_end_.col};
      s->names.push_back(std::move(a));
      if (!accept_op(",")) break;
    }
    return finish(s);
  }

  Stmt* parse_from_import() {
    Stmt* s = new_stmt(StmtKind::Import, start());
    s->is_from = true;
    next();
    if (at_op(".") || at_op("..."))
      fail(start(), "relative imports are not supported");
    s->module = parse_dotted_name();
    if (!accept_kw("import")) fail_syntax();
    if (at_op("*")) {
      Alias a;
      a.name = "*";
      a.span = tok().span;
      next();
      s->names.push_back(std::move(a));
      return finish(s);
    }
    const bool paren = accept_op("(");
    while (true) {
      Alias a;
      const Pos begin = start();
      if (tok().kind != TokenKind::Name) fail_syntax();
      a.name = tok().text;
      next();
      a.asname = parse_as_name();
      a.span = {begin.line, begin.col, last_end_.line, last_end_.col};
      s->names.push_back(std::move(a));
      if (!accept_op(",")) break;
      if (paren && at_op(")")) break;
      if (!paren && tok().kind == TokenKind::Newline) fail_syntax();
    }
    if (paren) expect_op(")");
    return finish(s);
  }

  // ':' followed by simple statements on the same line, or NEWLINE INDENT
  // statements DEDENT. `what` names the header for the missing-block error.
  std::vector<Stmt*> parse_block(const std::string& what, int header_line) {
    expect_colon();
    std::vector<Stmt*> body;
    if (tok().kind != TokenKind::Newline) {
      parse_simple_line(body);
      return body;
    }
    const Pos newline_pos = start();
    next();
    if (tok().kind != TokenKind::Indent) {
      // At the end of input Python points at the end of the header line.
      fail(tok().kind == TokenKind::End ? newline_pos : start(),
           "expected an indented block after " + what + " on line " +
               std::to_string(header_line));
    }
    Nest nest(*this, start(), NestKind::Block);
    next();
    while (tok().kind != TokenKind::Dedent && tok().kind != TokenKind::End) {
      if (tok().kind == TokenKind::Indent) fail(start(), "unexpected indent");
      parse_statement(body);
    }
    next();
    return body;
  }

  Stmt* parse_if() {
    const int line = start().line;
    Stmt* top = new_stmt(StmtKind::If, start());
    next();
    top->test = parse_expr();
    top->body = parse_block("'if' statement", line);
    std::vector<Stmt*> chain{top};
    while (at_kw("elif")) {
      const int elif_line = start().line;
      Stmt* s = new_stmt(StmtKind::If, start());
      next();
      s->test = parse_expr();
      s->body = parse_block("'elif' statement", elif_line);
      chain.back()->orelse.push_back(s);
      chain.push_back(s);
    }
    if (at_kw("else")) {
      const int else_line = start().line;
      next();
      chain.back()->orelse = parse_block("'else' statement", else_line);
    }
    for (Stmt* s : chain) finish(s);
    return top;
  }

  void parse_loop_else(Stmt* s) {
    if (!at_kw("else")) return;
    const int line = start().line;
    next();
    s->orelse = parse_block("'else' statement", line);
  }

  Stmt* parse_for() {
    const int line = start().line;
    Stmt* s = new_stmt(StmtKind::For, start());
    next();
    s->target = parse_target_list();
    if (!accept_kw("in")) fail_syntax();
    s->iter = parse_star_exprs();
    ++loop_depth_;
    s->body = parse_block("'for' statement", line);
    --loop_depth_;
    parse_loop_else(s);
    return finish(s);
  }

  Stmt* parse_while() {
    const int line = start().line;
    Stmt* s = new_stmt(StmtKind::While, start());
    next();
    s->test = parse_expr();
    ++loop_depth_;
    s->body = parse_block("'while' statement", line);
    --loop_depth_;
    parse_loop_else(s);
    return finish(s);
  }

  Stmt* parse_with() {
    const int line = start().line;
    Stmt* s = new_stmt(StmtKind::With, start());
    next();
    // `with a as x, b as y:` is `with a as x:` holding `with b as y:`.
    Stmt* inner = s;
    while (true) {
      inner->value = parse_expr();
      if (accept_kw("as")) inner->target = parse_target_list();
      if (!at_op(",")) break;
      next();
      Stmt* w = new_stmt(StmtKind::With, start());
      inner->body.push_back(w);
      inner = w;
    }
    inner->body = parse_block("'with' statement", line);
    for (Stmt* w = s; w != inner; w = w->body[0]) finish(w->body[0]);
    return finish(s);
  }

  Stmt* parse_def() {
    const int line = start().line;
    Stmt* s = new_stmt(StmtKind::Def, start());
    next();
    if (tok().kind != TokenKind::Name) fail_syntax();
    s->name = tok().text;
    next();
    expect_op("(");
    parse_params(s, ")");
    expect_op(")");
    if (accept_op("->")) parse_expr();  // return annotation: evaluated by Python, ignored here
    // A function body starts outside any loop.
    const int saved_loops = loop_depth_;
    loop_depth_ = 0;
    ++func_depth_;
    Stmt* saved_def = cur_def_;
    cur_def_ = s;
    s->body = parse_block("function definition", line);
    cur_def_ = saved_def;
    --func_depth_;
    loop_depth_ = saved_loops;
    return finish(s);
  }

  // Parameters up to `close` (")" for def, ":" for lambda): positional ones with defaults,
  // *args or a bare *, keyword-only ones, **kwargs. Annotations are parsed and ignored.
  void parse_params(Stmt* s, const char* close) {
    std::unordered_set<std::string> seen;
    bool seen_default = false, seen_star = false, seen_kwargs = false;
    while (!at_op(close)) {
      Param p;
      const Pos begin = start();
      if (seen_kwargs) fail(begin, "arguments cannot follow var-keyword argument");
      if (at_op("/")) {  // positional-only marker: accepted, not enforced
        next();
        if (!accept_op(",")) break;
        continue;
      }
      if (accept_op("**")) {
        p.kind = Param::Kind::VarKw;
        seen_kwargs = true;
      } else if (accept_op("*")) {
        if (seen_star) fail(begin, "* argument may appear only once");
        seen_star = true;
        if (at_op(",")) {  // bare *: the rest is keyword-only
          next();
          if (at_op(close)) fail(begin, "named arguments must follow bare *");
          continue;
        }
        p.kind = Param::Kind::VarArgs;
      } else if (seen_star) {
        p.kind = Param::Kind::KwOnly;
      }
      if (tok().kind != TokenKind::Name) fail_syntax();
      p.name = tok().text;
      if (!seen.insert(p.name).second) {
        fail(start(), "duplicate argument '" + p.name + "' in function definition");
      }
      next();
      if (std::string(close) == ")" && accept_op(":")) parse_expr();  // annotation, ignored
      if (at_op("=")) {
        if (p.kind == Param::Kind::VarArgs || p.kind == Param::Kind::VarKw) fail_syntax();
        next();
        p.default_value = parse_expr();
        if (p.kind == Param::Kind::Normal) seen_default = true;
      } else if (seen_default && p.kind == Param::Kind::Normal) {
        fail(begin, "non-default argument follows default argument");
      }
      p.span = {begin.line, begin.col, last_end_.line, last_end_.col};
      s->params.push_back(std::move(p));
      if (!accept_op(",")) break;
    }
  }

  // `@expr NEWLINE`... then a def or a class.
  Stmt* parse_decorated() {
    std::vector<Expr*> decorators;
    while (accept_op("@")) {
      decorators.push_back(parse_expr());
      if (tok().kind != TokenKind::Newline) fail_syntax();
      next();
    }
    Stmt* s = nullptr;
    if (at_kw("def")) s = parse_def();
    else if (at_kw("class")) s = parse_class();
    else fail(start(), "a decorator must be followed by 'def' or 'class'");
    s->decorators = std::move(decorators);
    return s;
  }

  Stmt* parse_class() {
    const int line = start().line;
    Stmt* s = new_stmt(StmtKind::ClassDef, start());
    next();
    if (tok().kind != TokenKind::Name) fail_syntax();
    s->name = tok().text;
    next();
    if (accept_op("(")) {
      Nest nest(*this, start(), NestKind::Bracket);
      while (!at_op(")")) {
        if (tok().kind == TokenKind::Name && peek().is_op("=")) {
          fail(start(), "class keyword arguments (metaclass=...) are not supported");
        }
        s->targets.push_back(parse_expr());
        if (!accept_op(",")) break;
      }
      expect_op(")");
    }
    const int saved_loops = loop_depth_, saved_funcs = func_depth_;
    Stmt* saved_def = cur_def_;
    loop_depth_ = 0, func_depth_ = 0, cur_def_ = nullptr;
    s->body = parse_block("class definition", line);
    loop_depth_ = saved_loops, func_depth_ = saved_funcs, cur_def_ = saved_def;
    return finish(s);
  }

  Stmt* parse_try() {
    const int line = start().line;
    Stmt* s = new_stmt(StmtKind::Try, start());
    next();
    s->body = parse_block("'try' statement", line);
    while (at_kw("except")) {
      ExceptHandler h;
      const Pos begin = start();
      const int hline = begin.line;
      next();
      if (at_op("*")) fail(start(), "'except*' (exception groups) is not supported");
      if (!at_op(":")) {
        h.type = parse_expr();
        if (accept_kw("as")) {
          if (tok().kind != TokenKind::Name) fail_syntax();
          h.name = tok().text;
          next();
        } else if (at_op(",")) {
          fail(start(), "multiple exception types must be parenthesized");
        }
      } else if (!s->handlers.empty() && !s->handlers.back().type) {
        fail(begin, "default 'except:' must be last");
      }
      h.body = parse_block("'except' statement", hline);
      h.span = {begin.line, begin.col, last_end_.line, last_end_.col};
      s->handlers.push_back(std::move(h));
    }
    if (at_kw("else")) {
      if (s->handlers.empty()) fail(start(), "expected 'except' or 'finally' block");
      const int eline = start().line;
      next();
      s->orelse = parse_block("'else' statement", eline);
    }
    if (at_kw("finally")) {
      const int fline = start().line;
      next();
      s->finalbody = parse_block("'finally' statement", fline);
    }
    if (s->handlers.empty() && s->finalbody.empty()) fail(start(), "expected 'except' or 'finally' block");
    return finish(s);
  }

  Expr* parse_yield() {
    const Pos begin = start();
    if (!cur_def_) fail(begin, "'yield' outside function");
    cur_def_->is_generator = true;
    next();
    Expr* e = new_expr(ExprKind::Yield, begin);
    if (accept_kw("from")) {
      e->bool_value = true;
      e->value = parse_expr();
    } else if (tok().kind != TokenKind::Newline && !at_op(";") && !at_op(")")) {
      e->value = parse_star_exprs();
    }
    return finish(e);
  }

  Expr* parse_lambda() {
    const Pos begin = start();
    Nest nest(*this, begin, NestKind::Expression);
    next();
    Stmt* def = new_stmt(StmtKind::Def, begin);
    def->name = "<lambda>";
    parse_params(def, ":");
    expect_colon();
    Stmt* ret = new_stmt(StmtKind::Return, start());
    ret->value = parse_expr();
    finish(ret);
    def->body.push_back(ret);
    finish(def);
    Expr* e = new_expr(ExprKind::Lambda, begin);
    e->lambda_def = def;
    return finish(e);
  }

  // One or more `for target in iter (if cond)*` clauses, after the element.
  void parse_comp_clauses(Expr* c) {
    while (at_kw("for")) {
      Expr* f = new_expr(ExprKind::CompFor, start());
      next();
      f->target = parse_target_list();
      if (!accept_kw("in")) fail_syntax();
      f->iter = parse_or();
      while (accept_kw("if")) f->values.push_back(parse_or());
      c->elts.push_back(finish(f));
    }
  }
  Expr* make_comp(ExprKind kind, Expr* element, Pos begin) {
    Expr* c = new_expr(kind, begin);
    c->op_pos = start();
    c->value = element;
    parse_comp_clauses(c);
    return c;
  }

  // ---- expressions ----

  bool starts_expr() const {
    const Token& t = tok();
    switch (t.kind) {
      case TokenKind::Name:
      case TokenKind::Int:
      case TokenKind::Float:
      case TokenKind::Str:
      case TokenKind::FStr:
        return true;
      case TokenKind::Keyword:
        return t.text == "True" || t.text == "False" || t.text == "None" ||
               t.text == "not" || t.text == "lambda";
      case TokenKind::Op:
        return t.text == "(" || t.text == "[" || t.text == "{" ||
               t.text == "-" || t.text == "+" || t.text == "~" ||
               t.text == "...";
      default:
        return false;
    }
  }

  // expression (',' expression)* [','] -- a bare tuple when there is a comma.
  Expr* parse_star_exprs() {
    const Pos begin = start();
    Expr* first = parse_expr_or_star();
    if (!at_op(",")) {
      if (first->kind == ExprKind::Starred) fail(begin, "can't use starred expression here");
      return first;
    }
    Expr* t = new_expr(ExprKind::Tuple, begin);
    t->elts.push_back(first);
    while (accept_op(",")) {
      if (!starts_expr() && !at_op("*")) break;
      t->elts.push_back(parse_expr_or_star());
    }
    return finish(t);
  }

  // An element of a tuple/list display: expression or *iterable.
  Expr* parse_expr_or_star() {
    if (!at_op("*")) return parse_expr();
    const Pos begin = start();
    next();
    Expr* star = new_expr(ExprKind::Starred, begin);
    star->value = parse_or();
    return finish(star);
  }

  // disjunction ['if' disjunction 'else' expression]
  Expr* parse_expr() {
    const Pos begin = start();
    if (at_kw("lambda")) return parse_lambda();
    Expr* body = parse_or();
    if (!at_kw("if")) return body;
    Expr* e = new_expr(ExprKind::IfExp, begin);
    e->op_pos = start();
    next();
    e->body = body;
    e->test = parse_or();
    if (!accept_kw("else")) {
      fail(begin, "expected 'else' after 'if' expression");
    }
    Nest nest(*this, start(), NestKind::Expression);
    e->orelse = parse_expr();
    return finish(e);
  }

  Expr* parse_or() {
    const Pos begin = start();
    Expr* first = parse_and();
    if (!at_kw("or")) return first;
    Expr* e = new_expr(ExprKind::BoolOp, begin);
    e->bool_op = BoolOpKind::Or;
    e->op_pos = start();
    e->elts.push_back(first);
    while (accept_kw("or")) e->elts.push_back(parse_and());
    return finish(e);
  }

  Expr* parse_and() {
    const Pos begin = start();
    Expr* first = parse_not();
    if (!at_kw("and")) return first;
    Expr* e = new_expr(ExprKind::BoolOp, begin);
    e->bool_op = BoolOpKind::And;
    e->op_pos = start();
    e->elts.push_back(first);
    while (accept_kw("and")) e->elts.push_back(parse_not());
    return finish(e);
  }

  Expr* parse_not() {
    if (!at_kw("not")) return parse_comparison();
    const Pos begin = start();
    Nest nest(*this, begin, NestKind::Expression);
    next();
    Expr* operand = parse_not();
    Expr* e = new_expr(ExprKind::UnaryOp, begin);
    e->unary_op = UnaryOpKind::Not;
    e->value = operand;
    return finish(e);
  }

  // Recognizes a comparison operator at the current token without consuming
  // it; `not in` and `is not` take two tokens.
  bool cmp_op(CmpOpKind* op, int* ntokens) const {
    const Token& t = tok();
    *ntokens = 1;
    if (t.kind == TokenKind::Op) {
      static const std::pair<const char*, CmpOpKind> kOps[] = {
          {"<", CmpOpKind::Lt},  {"<=", CmpOpKind::Le}, {">", CmpOpKind::Gt},
          {">=", CmpOpKind::Ge}, {"==", CmpOpKind::Eq}, {"!=", CmpOpKind::Ne}};
      for (const auto& [s, k] : kOps) {
        if (t.text == s) {
          *op = k;
          return true;
        }
      }
      return false;
    }
    if (t.kind != TokenKind::Keyword) return false;
    if (t.text == "in") {
      *op = CmpOpKind::In;
      return true;
    }
    if (t.text == "not" && peek().is_keyword("in")) {
      *op = CmpOpKind::NotIn;
      *ntokens = 2;
      return true;
    }
    if (t.text == "is") {
      *op = CmpOpKind::Is;
      if (peek().is_keyword("not")) {
        *op = CmpOpKind::IsNot;
        *ntokens = 2;
      }
      return true;
    }
    return false;
  }

  Expr* parse_comparison() {
    const Pos begin = start();
    Expr* left = parse_binary(0);
    CmpOpKind op;
    int ntokens;
    if (!cmp_op(&op, &ntokens)) return left;
    Expr* e = new_expr(ExprKind::Compare, begin);
    e->op_pos = start();
    e->left = left;
    while (cmp_op(&op, &ntokens)) {
      e->cmp_ops.push_back(op);
      e->cmp_op_pos.push_back(start());
      for (int k = 0; k < ntokens; ++k) next();
      e->elts.push_back(parse_binary(0));
    }
    return finish(e);
  }

  // Binary operator levels from loosest to tightest; kLevels is the level
  // of unary operators.
  static constexpr int kLevels = 6;
  static bool binop_at(const Token& t, int level, BinOpKind* op) {
    if (t.kind != TokenKind::Op) return false;
    static const std::pair<const char*, BinOpKind> kTable[kLevels][5] = {
        {{"|", BinOpKind::BitOr}},
        {{"^", BinOpKind::BitXor}},
        {{"&", BinOpKind::BitAnd}},
        {{"<<", BinOpKind::LShift}, {">>", BinOpKind::RShift}},
        {{"+", BinOpKind::Add}, {"-", BinOpKind::Sub}},
        {{"*", BinOpKind::Mul},
         {"/", BinOpKind::Div},
         {"//", BinOpKind::FloorDiv},
         {"%", BinOpKind::Mod},
         {"@", BinOpKind::MatMul}},
    };
    for (const auto& [s, k] : kTable[level]) {
      if (s != nullptr && t.text == s) {
        *op = k;
        return true;
      }
    }
    return false;
  }

  // Left-associative levels loop instead of recursing, so a chain like
  // `a+a+...+a` costs no stack; recursion here only climbs the fixed number
  // of precedence levels.
  Expr* parse_binary(int level) {
    if (level == kLevels) return parse_factor();
    const Pos begin = start();
    Expr* left = parse_binary(level + 1);
    BinOpKind op;
    while (binop_at(tok(), level, &op)) {
      const Pos op_pos = start();
      next();
      Expr* right = parse_binary(level + 1);
      Expr* e = new_expr(ExprKind::BinOp, begin);
      e->bin_op = op;
      e->op_pos = op_pos;
      e->left = left;
      e->right = right;
      left = finish(e);
    }
    return left;
  }

  // ('-' | '+' | '~') factor | power
  Expr* parse_factor() {
    UnaryOpKind op;
    if (at_op("-")) {
      op = UnaryOpKind::Neg;
    } else if (at_op("+")) {
      op = UnaryOpKind::Pos;
    } else if (at_op("~")) {
      op = UnaryOpKind::Invert;
    } else {
      return parse_power();
    }
    const Pos begin = start();
    Nest nest(*this, begin, NestKind::Expression);
    next();
    Expr* operand = parse_factor();
    Expr* e = new_expr(ExprKind::UnaryOp, begin);
    e->unary_op = op;
    e->value = operand;
    return finish(e);
  }

  // primary ['**' factor]: right-associative, and tighter than a unary
  // operator on its left (-2**2 == -(2**2)) but not on its right (2**-1).
  Expr* parse_power() {
    const Pos begin = start();
    Expr* base = parse_primary();
    if (!at_op("**")) return base;
    const Pos op_pos = start();
    Nest nest(*this, op_pos, NestKind::Expression);
    next();
    Expr* exponent = parse_factor();
    Expr* e = new_expr(ExprKind::BinOp, begin);
    e->bin_op = BinOpKind::Pow;
    e->op_pos = op_pos;
    e->left = base;
    e->right = exponent;
    return finish(e);
  }

  Expr* parse_primary() {
    const Pos begin = start();
    Expr* e = parse_atom();
    while (true) {
      if (at_op(".")) {
        Expr* a = new_expr(ExprKind::Attribute, begin);
        a->op_pos = start();
        next();
        if (tok().kind != TokenKind::Name) fail_syntax();
        a->name = tok().text;
        next();
        a->value = e;
        e = finish(a);
      } else if (at_op("(")) {
        e = parse_call(e, begin);
      } else if (at_op("[")) {
        e = parse_subscript(e, begin);
      } else {
        return e;
      }
    }
  }


  Expr* parse_call(Expr* func, Pos begin) {
    Nest nest(*this, start(), NestKind::Bracket);
    Expr* call = new_expr(ExprKind::Call, begin);
    call->op_pos = start();
    call->value = func;
    next();
    std::unordered_set<std::string> names;
    bool seen_keyword = false, seen_kw_unpack = false;
    while (!at_op(")")) {
      const Pos arg_begin = start();
      if (at_op("*")) {
        if (seen_kw_unpack) {
          fail(arg_begin,
               "iterable argument unpacking follows keyword argument "
               "unpacking");
        }
        next();
        Expr* operand = parse_expr();
        Expr* star = new_expr(ExprKind::Starred, arg_begin);
        star->value = operand;
        call->elts.push_back(finish(star));
      } else if (at_op("**")) {
        next();
        Keyword k;
        k.value = parse_expr();
        k.span = {arg_begin.line, arg_begin.col, last_end_.line, last_end_.col};
        call->keywords.push_back(std::move(k));
        seen_kw_unpack = true;
      } else {
        Expr* v = parse_expr();
        if (at_op("=")) {
          if (v->kind != ExprKind::Name) {
            fail(v->span.start(),
                 "expression cannot contain assignment, perhaps you meant "
                 "\"==\"?");
          }
          if (!names.insert(v->name).second) {
            fail(arg_begin, "keyword argument repeated: " + v->name);
          }
          next();
          Keyword k;
          k.name = v->name;
          k.value = parse_expr();
          k.span = {arg_begin.line, arg_begin.col, last_end_.line,
                    last_end_.col};
          call->keywords.push_back(std::move(k));
          seen_keyword = true;
        } else {
          if (at_kw("for")) {
            if (!call->elts.empty() || !call->keywords.empty())
              fail(v->span.start(), "Generator expression must be parenthesized");
            call->elts.push_back(finish(make_comp(ExprKind::GenExp, v, v->span.start())));
            if (at_op(",") && !peek().is_op(")")) fail(v->span.start(), "Generator expression must be parenthesized");
            accept_op(",");
            break;
          }
          if (seen_kw_unpack) {
            fail(arg_begin,
                 "positional argument follows keyword argument unpacking");
          }
          if (seen_keyword) {
            fail(arg_begin, "positional argument follows keyword argument");
          }
          call->elts.push_back(v);
        }
      }
      if (!accept_op(",")) break;
    }
    expect_op(")");
    return finish(call);
  }

  Expr* parse_subscript(Expr* value, Pos begin) {
    Nest nest(*this, start(), NestKind::Bracket);
    Expr* sub = new_expr(ExprKind::Subscript, begin);
    sub->op_pos = start();
    sub->value = value;
    next();
    if (at_op("]")) fail_syntax();
    while (true) {
      sub->elts.push_back(parse_slice_item());
      if (!accept_op(",")) break;
      sub->index_is_tuple = true;
      if (at_op("]")) break;
    }
    expect_op("]");
    return finish(sub);
  }

  // expression | [expression] ':' [expression] [':' [expression]]
  Expr* parse_slice_item() {
    const Pos begin = start();
    Expr* lower = nullptr;
    if (!at_op(":")) {
      lower = parse_expr();
      if (!at_op(":")) return lower;
    }
    Expr* s = new_expr(ExprKind::Slice, begin);
    s->op_pos = start();
    s->lower = lower;
    next();
    auto item_ends = [&] { return at_op(":") || at_op(",") || at_op("]"); };
    if (!item_ends()) s->upper = parse_expr();
    if (accept_op(":")) {
      if (!at_op(",") && !at_op("]")) s->step = parse_expr();
    }
    return finish(s);
  }

  Expr* parse_atom() {
    const Token& t = tok();
    const Pos begin = start();
    switch (t.kind) {
      case TokenKind::Name: {
        Expr* e = new_expr(ExprKind::Name, begin);
        e->name = t.text;
        next();
        return finish(e);
      }
      case TokenKind::Int: {
        Expr* e = new_expr(ExprKind::Int, begin);
        e->int_value = t.int_value;
        next();
        return finish(e);
      }
      case TokenKind::Float: {
        Expr* e = new_expr(ExprKind::Float, begin);
        e->float_value = t.float_value;
        next();
        return finish(e);
      }
      case TokenKind::FStr:
        return parse_fstring(begin);
      case TokenKind::Str: {
        for (size_t k = pos_; toks_[k].kind == TokenKind::Str || toks_[k].kind == TokenKind::FStr; ++k)
          if (toks_[k].kind == TokenKind::FStr) return parse_fstring(begin);
        Expr* e = new_expr(ExprKind::Str, begin);
        while (tok().kind == TokenKind::Str) {
          e->str_value += tok().text;
          next();
        }
        return finish(e);
      }
      case TokenKind::Keyword: {
        if (t.text == "True" || t.text == "False") {
          Expr* e = new_expr(ExprKind::Bool, begin);
          e->bool_value = t.text == "True";
          next();
          return finish(e);
        }
        if (t.text == "None") {
          Expr* e = new_expr(ExprKind::None, begin);
          next();
          return finish(e);
        }
        if (t.text == "lambda") return parse_lambda();
        if (t.text == "yield") fail(begin, "'yield' is only supported as a statement or the value of an assignment");
        if (t.text == "await") fail(begin, "'await' (asynchronous code) is not supported");
        fail_syntax();
      }
      case TokenKind::Op:
        if (t.text == "(") return parse_paren();
        if (t.text == "[") return parse_list();
        if (t.text == "{") return parse_dict();
        if (t.text == "...") {
          Expr* e = new_expr(ExprKind::Ellipsis, begin);
          next();
          return finish(e);
        }
        fail_syntax();
      default:
        fail_syntax();
    }
  }

  // Adjacent string literals of which at least one is an f-string: an FString of Str parts and
  // FormattedValue fields, whose expressions are parsed from their source text.
  Expr* parse_fstring(Pos begin) {
    Expr* e = new_expr(ExprKind::FString, begin);
    std::string lit;
    Pos lit_pos = begin;
    auto flush = [&] {
      if (lit.empty()) return;
      Expr* s = new_expr(ExprKind::Str, lit_pos);
      s->str_value = std::move(lit);
      lit.clear();
      e->elts.push_back(s);
    };
    while (tok().kind == TokenKind::Str || tok().kind == TokenKind::FStr) {
      if (tok().kind == TokenKind::Str) {
        if (lit.empty()) lit_pos = start();
        lit += tok().text;
      } else {
        for (const FPart& f : tok().fparts) {
          if (!f.is_expr) {
            if (lit.empty()) lit_pos = f.pos;
            lit += f.text;
            continue;
          }
          if (f.self_doc) {
            if (lit.empty()) lit_pos = f.pos;
            lit += f.self_doc_text;
          }
          flush();
          e->elts.push_back(parse_fstring_field(f));
        }
      }
      next();
    }
    flush();
    return finish(e);
  }

  Expr* parse_fstring_field(const FPart& f) {
    Expr* fv = new_expr(ExprKind::FormattedValue, f.pos);
    fv->value = parse_source_expr(f.text, f.pos);
    fv->conversion = f.conversion;
    // `{x=}` shows repr(x) unless a conversion or a format spec is given.
    if (f.self_doc && !f.conversion && f.spec.empty()) fv->conversion = 'r';
    if (!f.spec.empty()) {
      Expr* spec = new_expr(ExprKind::FString, f.pos);
      for (const FPart& p : f.spec) {
        if (p.is_expr) {
          spec->elts.push_back(parse_fstring_field(p));
        } else {
          Expr* s = new_expr(ExprKind::Str, p.pos);
          s->str_value = p.text;
          spec->elts.push_back(s);
        }
      }
      fv->format_spec = spec;
    }
    fv->span = fv->value->span;
    return fv;
  }

  // Parses the expression of an f-string field from its source text, as Python does: wrapped
  // in parentheses; positions (and errors) are moved to where the text sits in the script.
  Expr* parse_source_expr(const std::string& text, Pos at) {
    auto shift = [&](int& line, int& col) {
      if (line == 1) col += at.col - 2;  // the added '(' is column 1, the text starts at 2
      line += at.line - 1;
    };
    auto prefixed = [](const std::string& m) { return m.rfind("f-string", 0) == 0 ? m : "f-string: " + m; };
    std::vector<Token> toks;
    try {
      toks = tokenize("(" + text + ")", limits_);
    } catch (const SyntaxError& err) {
      int line = err.line, col = std::max(err.col, 2);
      shift(line, col);
      throw SyntaxError(line, col, prefixed(err.message()));
    }
    for (Token& t : toks) shift(t.span.line, t.span.col), shift(t.span.end_line, t.span.end_col);
    try {
      Parser sub(std::move(toks), limits_, prog_);
      sub.depth_ = depth_;
      Expr* e = sub.parse_expr();
      if (sub.tok().kind != TokenKind::Newline) sub.fail_syntax();
      return e;
    } catch (const SyntaxError& err) {
      throw SyntaxError(err.line, err.col, prefixed(err.message()));
    }
  }

  // '(' ')' | '(' expression ')' | '(' expression ',' [expressions] ')'
  Expr* parse_paren() {
    const Pos begin = start();
    Nest nest(*this, begin, NestKind::Bracket);
    next();
    if (accept_op(")")) return finish(new_expr(ExprKind::Tuple, begin));
    if (at_kw("yield")) {
      Expr* y = parse_yield();
      expect_op(")");
      return y;
    }
    Expr* first = parse_expr_or_star();
    if (at_kw("for") && first->kind != ExprKind::Starred) {
      Expr* g = make_comp(ExprKind::GenExp, first, begin);
      expect_op(")");
      return finish(g);
    }
    // Like Python's ast, parentheses around a single expression leave no
    // trace (and no node) in the tree.
    if (first->kind != ExprKind::Starred && accept_op(")")) return first;
    if (!at_op(",")) fail_syntax();
    Expr* t = new_expr(ExprKind::Tuple, begin);
    t->elts.push_back(first);
    while (accept_op(",")) {
      if (at_op(")")) break;
      t->elts.push_back(parse_expr_or_star());
    }
    expect_op(")");
    return finish(t);
  }

  Expr* parse_list() {
    const Pos begin = start();
    Nest nest(*this, begin, NestKind::Bracket);
    next();
    if (accept_op("]")) return finish(new_expr(ExprKind::List, begin));
    Expr* first = parse_expr_or_star();
    if (at_kw("for") && first->kind != ExprKind::Starred) {
      Expr* c = make_comp(ExprKind::ListComp, first, begin);
      expect_op("]");
      return finish(c);
    }
    Expr* l = new_expr(ExprKind::List, begin);
    l->elts.push_back(first);
    while (accept_op(",")) {
      if (at_op("]")) break;
      l->elts.push_back(parse_expr_or_star());
    }
    expect_op("]");
    return finish(l);
  }

  Expr* parse_dict() {
    const Pos begin = start();
    Nest nest(*this, begin, NestKind::Bracket);
    next();
    Expr* d = new_expr(ExprKind::Dict, begin);
    if (at_op("}")) {
      next();
      return finish(d);
    }
    // The first item decides: `k: v` (dict), `**m` (dict), else a set.
    if (!at_op("**")) {
      Expr* first = parse_expr_or_star();
      if (!at_op(":")) {  // a set display or comprehension
        if (at_kw("for") && first->kind != ExprKind::Starred) {
          Expr* c = make_comp(ExprKind::SetComp, first, begin);
          expect_op("}");
          return finish(c);
        }
        d->kind = ExprKind::Set;
        d->elts.push_back(first);
        while (accept_op(",")) {
          if (at_op("}")) break;
          d->elts.push_back(parse_expr_or_star());
        }
        expect_op("}");
        return finish(d);
      }
      if (first->kind == ExprKind::Starred) fail_syntax();
      next();
      Expr* value = parse_expr();
      if (at_kw("for")) {
        Expr* c = make_comp(ExprKind::DictComp, first, begin);
        c->right = value;
        expect_op("}");
        return finish(c);
      }
      d->elts.push_back(first);
      d->values.push_back(value);
      if (!accept_op(",")) {
        expect_op("}");
        return finish(d);
      }
    }
    while (!at_op("}")) {
      if (accept_op("**")) {  // {**m}: a null key marks the unpacking
        d->elts.push_back(nullptr);
        d->values.push_back(parse_or());
        if (!accept_op(",")) break;
        continue;
      }
      Expr* key = parse_expr();
      if (!at_op(":")) {
        if (!at_op(",") && !at_op("}")) fail_syntax();
        fail(key->span.start(), "':' expected after dictionary key");
      }
      next();
      d->elts.push_back(key);
      d->values.push_back(parse_expr());
      if (!accept_op(",")) break;
    }
    expect_op("}");
    return finish(d);
  }

  std::vector<Token> toks_;
  size_t pos_ = 0;
  Pos last_end_{1, 1};
  const ParseLimits& limits_;
  Program& prog_;
  int depth_ = 0;
  int loop_depth_ = 0;
  int func_depth_ = 0;
  Stmt* cur_def_ = nullptr;  // the innermost def being parsed (for `yield`)
};

// Splits like the lexer: "\n", "\r\n" and "\r" all end a line.
std::string source_line(const std::string& source, int line) {
  size_t i = 0;
  if (source.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
  for (int l = 1; l < line; ++l) {
    size_t nl = source.find_first_of("\r\n", i);
    if (nl == std::string::npos) return "";
    i = nl + ((source[nl] == '\r' && nl + 1 < source.size() &&
               source[nl + 1] == '\n')
                  ? 2
                  : 1);
  }
  size_t end = source.find_first_of("\r\n", i);
  if (end == std::string::npos) end = source.size();
  return source.substr(i, end - i);
}

}  // namespace

Program parse(const std::string& source, const ParseLimits& limits) {
  Program prog;
  Parser(tokenize(source, limits), limits, prog).parse_file();
  return prog;
}

std::string format_error(const std::string& filename, const std::string& source,
                         int line, int col, const std::string& msg) {
  std::string out = filename + ":" + std::to_string(line) + ":" +
                    std::to_string(col) + ": error: " + msg + "\n";
  const std::string text = line >= 1 ? source_line(source, line) : "";
  out += text + "\n";
  // One caret-line character per source character before the column,
  // keeping tabs so that terminals expand both lines alike. A column past
  // the end of the line is clamped to just after its last character.
  int c = 1;
  for (size_t i = 0; i < text.size() && c < col; ++i) {
    unsigned char ch = static_cast<unsigned char>(text[i]);
    if ((ch & 0xC0) == 0x80) continue;
    out += ch == '\t' ? '\t' : ' ';
    ++c;
  }
  out += "^\n";
  return out;
}

}  // namespace tl::lang
