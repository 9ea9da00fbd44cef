// Value: the dynamically typed argument/result of an op-table call (also the script
// interpreter's value type). Kinds mirror Python: None, bool, int, float, str, Tensor, list,
// tuple, dtype, and opaque objects (modules, functions) owned by the interpreter.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/core/tensor.h"

namespace tl {

struct Object {
  virtual ~Object() = default;
  virtual std::string type_name() const = 0;
};

struct Value {
  enum class Kind : uint8_t { None, Bool, Int, Float, Str, Tensor, List, Tuple, DType, Object };
  Kind kind = Kind::None;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string s;
  Tensor t;
  std::shared_ptr<std::vector<Value>> items;
  std::shared_ptr<Object> obj;

  Value() = default;
  static Value none() { return Value(); }
  static Value boolean(bool v) { Value r; r.kind = Kind::Bool; r.b = v; return r; }
  static Value integer(int64_t v) { Value r; r.kind = Kind::Int; r.i = v; return r; }
  static Value number(double v) { Value r; r.kind = Kind::Float; r.f = v; return r; }
  static Value str(std::string v) { Value r; r.kind = Kind::Str; r.s = std::move(v); return r; }
  static Value tensor(Tensor v) { Value r; r.kind = Kind::Tensor; r.t = std::move(v); return r; }
  static Value dtype(DType d) { Value r; r.kind = Kind::DType; r.i = int64_t(d); return r; }
  static Value list(std::vector<Value> v) {
    Value r; r.kind = Kind::List; r.items = std::make_shared<std::vector<Value>>(std::move(v)); return r;
  }
  static Value tuple(std::vector<Value> v) {
    Value r; r.kind = Kind::Tuple; r.items = std::make_shared<std::vector<Value>>(std::move(v)); return r;
  }
  static Value object(std::shared_ptr<Object> o) { Value r; r.kind = Kind::Object; r.obj = std::move(o); return r; }

  bool is_none() const { return kind == Kind::None; }
  bool is_number() const { return kind == Kind::Int || kind == Kind::Float || kind == Kind::Bool; }
  bool is_seq() const { return kind == Kind::List || kind == Kind::Tuple; }
  double as_double() const { return kind == Kind::Float ? f : kind == Kind::Int ? double(i) : double(b); }
  std::string type_name() const {
    switch (kind) {
      case Kind::None: return "NoneType";
      case Kind::Bool: return "bool";
      case Kind::Int: return "int";
      case Kind::Float: return "float";
      case Kind::Str: return "str";
      case Kind::Tensor: return "Tensor";
      case Kind::List: return "list";
      case Kind::Tuple: return "tuple";
      case Kind::DType: return "torch.dtype";
      case Kind::Object: return obj ? obj->type_name() : "object";
    }
    return "?";
  }
};

}  // namespace tl
