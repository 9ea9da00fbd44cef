// Iteration over Python iterables.
#include "engine/lang/interp.h"
#include "engine/lang/numpy.h"

namespace tl::lang::detail {

namespace {
// Iteration protocol of script objects: __next__ until StopIteration.
struct NextIter : Iter {
  Interp* in;
  Value it;
  Pos at;
  bool next(Value& out) override {
    try {
      if (!in->call_dunder(it, "__next__", {}, out, at))
        throw ScriptError(at.line, at.col, "TypeError: iter() returned non-iterator of type '" + it.type_name() + "'");
      return true;
    } catch (const LimitError&) {
      throw;
    } catch (const ScriptError& e) {
      Value exc = in->exception_value(e);
      if (Interp::class_of(exc)->name == "StopIteration") return false;
      throw;
    }
  }
};
// The old sequence protocol: __getitem__(0), (1), ... until IndexError (Datasets rely on it).
struct GetItemIter : Iter {
  Interp* in;
  Value obj;
  Pos at;
  int64_t i = 0;
  bool next(Value& out) override {
    try {
      in->call_dunder(obj, "__getitem__", {Value::integer(i++)}, out, at);
      return true;
    } catch (const LimitError&) {
      throw;
    } catch (const ScriptError& e) {
      Value exc = in->exception_value(e);
      const std::string n = Interp::class_of(exc)->name;
      if (n == "IndexError" || n == "StopIteration") return false;
      throw;
    }
  }
};
// A generator: consumed as it is walked (shared position, as in Python).
struct GenIter : Iter {
  std::shared_ptr<GeneratorObj> g;
  Pos at;
  bool next(Value& out) override {
    if (g->pos >= g->items->size() && !current_interp()->gen_resume(*g, at)) return false;
    out = (*g->items)[g->pos++];
    return true;
  }
};
}  // namespace

// Python's "is it iterable" check without starting an iteration (which may run __iter__).
void Interp::check_iterable(const Value& v, Pos at) {
  if (auto cls = class_of(v)) {
    if (cls->lookup("__iter__") || cls->lookup("__next__") || cls->lookup("__getitem__")) return;
    fail(at, "TypeError: '" + v.type_name() + "' object is not iterable");
  }
  make_iter(v, at);
}

std::unique_ptr<Iter> Interp::make_iter(const Value& v, Pos at) {
  if (is_nd(v)) {
    auto it = std::make_unique<SeqIter>();
    it->items = std::make_shared<std::vector<Value>>(np_items(*this, v, at));
    return it;
  }
  if (auto cls = class_of(v)) {
    if (cls->lookup("__iter__")) {
      Value it;
      call_dunder(v, "__iter__", {}, it, at);
      if (class_of(it)) {
        if (!class_of(it)->lookup("__next__"))
          fail(at, "TypeError: iter() returned non-iterator of type '" + it.type_name() + "'");
        auto r = std::make_unique<NextIter>();
        r->in = this, r->it = it, r->at = at;
        return r;
      }
      return make_iter(it, at);
    }
    if (cls->lookup("__next__")) {
      auto r = std::make_unique<NextIter>();
      r->in = this, r->it = v, r->at = at;
      return r;
    }
    if (cls->lookup("__getitem__")) {
      auto r = std::make_unique<GetItemIter>();
      r->in = this, r->obj = v, r->at = at;
      return r;
    }
  }
  if (auto g = as<GeneratorObj>(v, Tag::Generator)) {
    (void)g;
    auto r = std::make_unique<GenIter>();
    r->g = std::static_pointer_cast<GeneratorObj>(v.obj);
    r->at = at;
    return r;
  }
  if (auto st = as<SetObj>(v, Tag::Set)) {
    auto it = std::make_unique<SeqIter>();
    it->items = std::make_shared<std::vector<Value>>(set_iteration_order(*st));
    return it;
  }
  if (auto m = as<NNModuleObj>(v, Tag::NNModule)) {
    if (auto cm = std::dynamic_pointer_cast<ContainerModule>(m->m)) {
      auto it = std::make_unique<SeqIter>();
      it->items = std::make_shared<std::vector<Value>>();
      for (const auto& c : cm->children())
        it->items->push_back(cm->is_dict ? Value::str(c.first) : make_obj<NNModuleObj>(c.second));
      return it;
    }
  }
  if (v.is_seq()) {
    auto it = std::make_unique<SeqIter>();
    it->items = v.items;
    return it;
  }
  if (v.kind == K::Str) {
    auto it = std::make_unique<StrIter>();
    it->chars = utf8_chars(v.s);
    return it;
  }
  if (v.kind == K::Tensor) {
    if (v.t.dim() == 0) fail(at, "TypeError: iteration over a 0-d tensor");
    auto it = std::make_unique<TensorIter>();
    it->in = this, it->t = v.t, it->at = at;
    return it;
  }
  if (auto r = as<RangeObj>(v, Tag::Range)) {
    auto it = std::make_unique<RangeIter>();
    it->cur = r->start, it->left = r->len(), it->step = r->step;
    return it;
  }
  if (auto d = as<DictObj>(v, Tag::Dict)) {
    auto it = std::make_unique<SeqIter>();
    it->items = std::make_shared<std::vector<Value>>();
    for (const auto& kv : d->items) it->items->push_back(kv.first);
    return it;
  }
  if (auto m = as<NNModuleObj>(v, Tag::NNModule)) {
    if (std::dynamic_pointer_cast<nn::Sequential>(m->m)) {
      auto it = std::make_unique<SeqIter>();
      it->items = std::make_shared<std::vector<Value>>();
      for (const auto& c : m->m->children()) it->items->push_back(make_obj<NNModuleObj>(c.second));
      return it;
    }
  }
  if (auto e = as<EnumerateObj>(v, Tag::Enumerate)) {
    auto it = std::make_unique<EnumIter>();
    it->inner = make_iter(e->inner, at);
    it->n = e->start;
    return it;
  }
  if (auto z = as<ZipObj>(v, Tag::Zip)) {
    auto it = std::make_unique<ZipIter>();
    for (const Value& x : z->inner) it->inner.push_back(make_iter(x, at));
    return it;
  }
  fail(at, "TypeError: '" + v.type_name() + "' object is not iterable");
}

std::vector<Value> Interp::to_vector(const Value& v, Pos at) {
  if (v.is_seq()) return *v.items;
  std::vector<Value> out;
  std::unique_ptr<Iter> it = make_iter(v, at);
  Value x;
  while (it->next(x)) {
    out.push_back(std::move(x));
    check_len(int64_t(out.size()), at);
  }
  return out;
}

}  // namespace tl::lang::detail
