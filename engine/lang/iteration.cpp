// Iteration over Python iterables.
#include "engine/lang/interp.h"

namespace tl::lang::detail {

std::unique_ptr<Iter> Interp::make_iter(const Value& v, Pos at) {
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
