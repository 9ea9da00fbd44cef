#include "engine/autograd/engine.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "engine/ops/op_table.h"
#include "engine/ops/ops.h"

namespace tl::autograd {

namespace {

std::vector<std::weak_ptr<Node>>& last_order() {
  static thread_local std::vector<std::weak_ptr<Node>> v;
  return v;
}

std::vector<TraceStep>& trace() {
  static thread_local std::vector<TraceStep> v;
  return v;
}
thread_local bool t_trace = false;

// The dims sum_to removes when reducing `from` to `to` (in `from`'s numbering).
std::vector<int64_t> summed_dims(const Shape& from, const Shape& to) {
  std::vector<int64_t> r;
  const int lead = from.n - to.n;
  for (int i = 0; i < from.n; ++i)
    if (i < lead || (to[i - lead] == 1 && from[i] != 1)) r.push_back(i);
  return r;
}

// The nodes a grad() call runs and the edges it follows (backward(): all of them).
struct TaskFilter {
  std::unordered_map<const Node*, bool> needed, runs;
  std::unordered_set<const Node*> forced, forced_from;
  bool follows(const Node* from, const Node* to) const {
    auto it = needed.find(to);
    return (it != needed.end() && it->second) || (forced.count(to) && forced_from.count(from));
  }
};
thread_local const TaskFilter* t_filter = nullptr;  // the running grad() call's (null: none)
thread_local uint64_t t_pass = 0;  // backward_pass_id()

struct ReadyCmp {  // max-heap on seq
  bool operator()(const Node* a, const Node* b) const { return a->seq < b->seq; }
};

// Fills deps (number of edges into each node from the reachable graph) with an explicit stack.
std::vector<Node*> collect(const std::vector<std::shared_ptr<Node>>& roots) {
  std::vector<Node*> all, stack;
  for (const auto& r : roots) {
    if (!r || r->deps < 0) continue;
    if (r->deps == 0 && std::find(all.begin(), all.end(), r.get()) == all.end()) {
      r->deps = -1;  // visited marker while collecting
      all.push_back(r.get());
      stack.push_back(r.get());
    }
  }
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    for (Edge& e : n->next) {
      if (!e.fn) continue;
      Node* c = e.fn.get();
      if (c->deps == 0) {
        c->deps = -1;
        all.push_back(c);
        stack.push_back(c);
      }
    }
  }
  for (Node* n : all) n->deps = 0;
  for (Node* n : all)
    for (Edge& e : n->next)
      if (e.fn) e.fn->deps++;
  return all;
}

// Runs `visit` on each node in backward order. Roots must have deps == 0 afterwards.
template <class Visit>
void schedule(const std::vector<std::shared_ptr<Node>>& roots, Visit visit) {
  std::vector<Node*> all = collect(roots);
  std::priority_queue<Node*, std::vector<Node*>, ReadyCmp> ready;
  for (const auto& r : roots)
    if (r && r->deps == 0) {
      r->deps = -1;  // queued
      ready.push(r.get());
    }
  try {
    while (!ready.empty()) {
      Node* n = ready.top();
      ready.pop();
      visit(n);
      for (Edge& e : n->next)
        if (e.fn && --e.fn->deps == 0) {
          e.fn->deps = -1;
          ready.push(e.fn.get());
        }
    }
  } catch (...) {
    for (Node* n : all) n->deps = 0, n->grad_buffer = Tensor();
    throw;
  }
  for (Node* n : all) n->deps = 0;
}

Tensor accumulate(const Tensor& buf, const Tensor& g) { return buf.defined() ? add(buf, g) : g; }

std::vector<std::weak_ptr<TensorImpl>>& graph_grads() {
  static thread_local std::vector<std::weak_ptr<TensorImpl>> v;
  return v;
}

// Adds g into a leaf's (or retained tensor's) .grad, as PyTorch's AccumulateGrad.
// retained: a retain_grad() tensor, whose g still flows on (its node's backward may return views of
// it), so PyTorch's retain_grad hook always stores a clone.
// held: grad() also captured g itself (PyTorch's captured variable is one more reference: no steal).
void accumulate_into(const std::shared_ptr<TensorImpl>& owner, const Tensor& g, bool create_graph,
                     bool retained = false, bool held = false) {
  TensorImpl* t = owner.get();
  if (create_graph) graph_grads().push_back(owner);
  if (!t->grad) {
    // Keep the incoming tensor if nobody else holds it; otherwise own a copy. As PyTorch, which
    // counts the tensor's references, not its storage's: a fresh view of the root gradient (a
    // ViewBackward0's reshape, made under no_grad: its own flags, not its base's) is kept, and
    // .grad, a detached alias, shares that gradient's memory.
    const TensorImpl* gi = g.impl();
    bool steal = !create_graph && !retained && !held && g.impl_ptr().use_count() <= 2 && g.is_contiguous() &&
                 !gi->requires_grad && !gi->grad_fn;
    // create_graph: PyTorch stores a recorded copy (clone_obey_contract: empty_strided + copy_,
    // CopyBackwards), never the incoming tensor itself, which grad() may also return (an in-place
    // change of it must not reach .grad).
    Tensor copy = create_graph ? clone(g) : Tensor();
    if (create_graph) label_node(copy, TL_ROW("copy_"), {&g});
    t->grad = steal ? g.detach().impl_ptr() : (create_graph ? copy.impl_ptr() : clone(g.detach()).impl_ptr());
  } else if (create_graph) {
    t->grad = add(Tensor(t->grad), g).impl_ptr();
  } else {
    Tensor cur(t->grad);
    NoGradGuard ng;
    // A graph-carrying grad, or a retained one (the hook's `grad = grad + g`): rebind.
    if (retained || cur.requires_grad()) t->grad = add(cur, g).impl_ptr();
    else add_(cur, g);
  }
}

// A tensor hook's result replaces the gradient (undefined: keep it), as PyTorch checks it.
Tensor run_hook(const GradHook& h, const Tensor& g) {
  Tensor r = h.fn(g);
  if (!r.defined()) return g;
  TL_CHECK(r.shape() == g.shape(), "hook 'hook' has changed the size of value");
  return r;
}


}  // namespace

void check_grad_output(const Tensor& out, const Tensor& g, size_t i) {
  TL_CHECK(g.shape() == out.shape(), "Mismatch in shape: grad_output[", i, "] has a shape of torch.Size(",
           sizes_str(g.shape()), ") and output[", i, "] has a shape of torch.Size(", sizes_str(out.shape()), ").");
}

Tensor piecewise_constant(const Tensor& v, const std::vector<Tensor>& from, const char* name, bool no_grad) {
  Tensor linked(data_alias(v));  // v may be a tensor other code holds (the incoming gradient)
  Node* m = record(TL_ROW("piecewise_backward"), from, linked);
  if (!m) return v;
  m->display = name;
  // PyTorch's node there saves tensors (its other input's formula reads them): once freed by a
  // backward without retain_graph, running it again fails, as an empty or unused saved tensor's.
  m->had_saved = true;
  if (no_grad) m->attrs().b0 = true;
  return linked;
}

namespace {

// PyTorch's generated backward functions unpack every saved tensor before computing any gradient,
// so an in-place change of any of them fails, also one that only the formula of an input needing no
// gradient uses (pow's result when only the base requires grad). A freed graph is still reported
// lazily (by saved_tensor): composites here (flip = index_select) save tensors PyTorch does not.
void unpack_saved(Node& n) {
  if (!n.had_saved) return;
  // A freed node whose state is no saved tensor (CopySlices' function), or whose saved tensors are
  // PyTorch's own (Node::torch_saves), fails here.
  if (n.released && (n.saved.empty() || n.torch_saves)) (void)n.saved_tensor(0);
  if (n.released) return;
  for (size_t k = 0; k < n.saved.size(); ++k)
    if (n.saved[k].impl) (void)n.saved_tensor(k);
}

// PyTorch's validate_outputs: a gradient into an integer tensor (one that requires grad through
// 1.13's index_put_ / fill_ on an integer tensor, x[mask] = v) trips its internal assert, at the
// root or wherever backward reaches that tensor.
void check_differentiable(DType t) {
  TL_CHECK(is_floating(t), "isDifferentiableType(grad.scalar_type()) INTERNAL ASSERT FAILED at "
           "\"./torch/csrc/autograd/engine.cpp\":805, please report a bug to PyTorch. ");
}

// PyTorch's gradient_edge: the grad_fn, else the AccumulateGrad of a tensor whose own flag is set. A
// view made before (or under no_grad while) its base required grad requires grad through the base
// but has neither.
void check_output(const Tensor& o, size_t i) {
  TL_CHECK(o.defined() && (o.grad_fn() || o.impl()->requires_grad),
           "element ", i, " of tensors does not require grad and does not have a grad_fn");
}

// The shared core of backward() and grad().
void run(const std::vector<Tensor>& outputs, const std::vector<Tensor>& grad_outputs, bool retain_graph,
         bool create_graph, const std::vector<Node*>* capture_nodes, std::vector<Tensor>* captured) {
  // PyTorch pairs them with zip(): extra gradients are ignored, missing ones are an error.
  TL_CHECK(grad_outputs.empty() || grad_outputs.size() >= outputs.size(), "got ", outputs.size(), " tensors and ",
           grad_outputs.size(), " gradients");
  std::vector<std::shared_ptr<Node>> roots;
  std::vector<Tensor> root_grads;
  for (size_t i = 0; i < outputs.size(); ++i) {
    const Tensor& o = outputs[i];
    check_output(o, i);
    Tensor g;
    if (i < grad_outputs.size() && grad_outputs[i].defined()) {
      g = grad_outputs[i];
      check_grad_output(o, g, i);
      if (g.dtype() != o.dtype()) g = to_dtype(g, o.dtype());
    } else {
      TL_CHECK(o.numel() == 1, "grad can be implicitly created only for scalar outputs");
      g = ones(o.shape(), o.dtype());
    }
    check_differentiable(o.dtype());
    roots.push_back(o.grad_fn() ? o.grad_fn() : grad_accumulator(o));
    root_grads.push_back(g);
  }
  // Seed the root buffers (the same root twice accumulates).
  for (size_t i = 0; i < roots.size(); ++i) roots[i]->grad_buffer = accumulate(roots[i]->grad_buffer, root_grads[i]);

  // grad(): only run nodes from which a requested input is reachable. needed: the node is a
  // requested input or leads to one; runs: its backward must run (it leads to one). A requested
  // input's own node only runs when another requested input lies behind it (PyTorch: its
  // gradient is captured as it arrives, so its saved tensors and hooks are not used).
  TaskFilter filter;
  auto &needed = filter.needed, &runs = filter.runs;
  auto &forced = filter.forced, &forced_from = filter.forced_from;
  if (capture_nodes) {
    std::vector<std::shared_ptr<Node>> order = backward_order(roots);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      Node* n = it->get();
      bool run = false;
      for (Edge& e : n->next)
        if (e.fn && needed[e.fn.get()]) run = true;
      runs[n] = run;
      needed[n] = run || std::find(capture_nodes->begin(), capture_nodes->end(), n) != capture_nodes->end();
    }
    // PyTorch 1.13 quirk: a CopySlices that runs also runs the AccumulateGrad nodes its wrapped op
    // points at directly (requested or not), so grad() adds into those leaves' .grad: a requested one
    // gets its whole gradient, another only what the wrapped op gives it. Here the wrapped op is the
    // node of CopySlices' second input (views.cpp), or the node itself when indexing.cpp recorded
    // a write into a view of x as one node on x (its edges are the wrapped op's), or, for a copy_ /
    // fill_ into a view, which records no node of its own (views.cpp: attrs().b0), the source's
    // edge of CopySlices itself (CopyBackwards' edge to the source).
    for (const auto& np : order) {
      if (!runs[np.get()]) continue;
      Node* op = nullptr;
      if (np->row == &TL_ROW("copy_slices") && np->next.size() >= 2) {
        if (np->has_attrs() && np->attrs().b0) {
          Node* src = np->next[1].fn.get();
          if (src && src->is_accumulate()) forced.insert(src), forced_from.insert(np.get());
          continue;
        }
        op = np->next[1].fn.get();
      } else if (np->row == &TL_ROW("index_put_") && np->name() == "CopySlices") {
        op = np.get();
      }
      if (!op) continue;
      for (Edge& e : op->next)
        if (e.fn && e.fn->is_accumulate()) forced.insert(e.fn.get()), forced_from.insert(op);
      if (forced_from.count(op)) runs[op] = needed[op] = true;
    }
  }

  EnableGradGuard mode(create_graph);
  // Backward formulas skip the gradients of inputs the call does not need (a nested backward in a
  // hook has its own filter).
  struct FilterGuard {
    const TaskFilter* prev = t_filter;
    explicit FilterGuard(const TaskFilter* f) { t_filter = f; }
    ~FilterGuard() { t_filter = prev; }
  } filter_guard(capture_nodes ? &filter : nullptr);
  auto& order = last_order();
  order.clear();
  ++t_pass;
  if (t_trace) trace().clear();
  std::vector<Tensor> grads;
  schedule(roots, [&](Node* n) {
    Tensor g = std::move(n->grad_buffer);
    n->grad_buffer = Tensor();
    order.push_back(n->weak_from_this());
    if (capture_nodes) {
      for (size_t k = 0; k < capture_nodes->size(); ++k)
        if ((*capture_nodes)[k] == n) (*captured)[k] = g;
      if (!g.defined() || (n->is_accumulate() ? !forced.count(n) : !runs[n])) return;  // grad() leaves .grad alone
    }
    if (!g.defined()) return;  // every incoming gradient was None
    // Tensor hooks, in registration order; retain_grad() sits among them (Node::retain_at).
    auto r = n->retained.lock();
    if (n->pre_hooks) {
      const auto hooks = n->pre_hooks;  // a hook may register or remove hooks
      for (size_t k = 0; k < hooks->size(); ++k) {
        if (r && k == n->retain_at) accumulate_into(r, g, create_graph, true), r.reset();
        g = run_hook((*hooks)[k], g);
      }
    }
    if (r) accumulate_into(r, g, create_graph, true);
    if (n->is_accumulate()) {
      auto leaf = n->leaf.lock();
      if (leaf && leaf->hooks) {  // leaf hooks run before accumulation into .grad
        const auto hooks = leaf->hooks;
        for (const GradHook& h : *hooks) g = run_hook(h, g);
      }
      if (t_trace) trace().push_back(TraceStep{n->weak_from_this(), g.detach(), {}});
      // PyTorch's AccumulateGrad skips a leaf that no longer requires grad (requires_grad_(False)
      // after the graph was built); its hooks above still ran.
      // (a requested leaf that a CopySlices also runs, see forced: its gradient is captured too)
      bool held = false;
      if (capture_nodes)
        for (const Tensor& c : *captured) held = held || (c.defined() && c.impl() == g.impl());
      if (leaf && leaf->requires_grad) accumulate_into(leaf, g, create_graph, false, held);
      return;
    }
    unpack_saved(*n);
    grads.assign(n->next.size(), Tensor());
    n->row->backward(*n, g, grads);
    if (n->view_edge >= 0 && size_t(n->view_edge) < grads.size()) {  // see Node::view_edge
      Tensor& gv = grads[size_t(n->view_edge)];
      if (gv.defined() && gv.impl()->is_zero) gv = zeros(gv.shape(), gv.dtype());
    }
    TraceStep* step = nullptr;
    if (t_trace) {
      trace().push_back(TraceStep{n->weak_from_this(), g.detach(), {}});
      step = &trace().back();
    }
    if (!retain_graph && n->had_saved) {
      for (SavedTensor& s : n->saved)
        if (s.impl) defer_release(std::move(s.impl));
      n->released = true;
    }
    for (size_t i = 0; i < n->next.size(); ++i) {
      Node* c = n->next[i].fn.get();
      if (!c || !grads[i].defined()) continue;
      if (capture_nodes && !filter.follows(n, c)) continue;
      Tensor gi = grads[i];
      const InputMeta& m = n->inputs[i];
      Tensor produced;  // traced: the contribution before the unbroadcast (the playground shows it)
      // The one place where broadcast gradients are reduced back to the input's shape.
      if (gi.shape() != m.shape) {
        if (step) produced = gi.detach();
        try {
          gi = sum_to(gi, m.shape);
        } catch (const Error&) {
          TL_FAIL("Function ", n->name(), " returned an invalid gradient at index ", i, " - got ", gi.shape_str(),
                  " but expected shape compatible with ", shape_str(m.shape));
        }
      }
      check_differentiable(m.dtype);
      if (gi.dtype() != m.dtype) gi = to_dtype(gi, m.dtype);
      if (step)
        step->inputs.push_back(TraceInput{int(i), c->weak_from_this(), gi.detach(), grads[i].shape(),
                                          summed_dims(grads[i].shape(), m.shape), c->grad_buffer.defined(),
                                          produced});
      c->grad_buffer = accumulate(c->grad_buffer, gi);
    }
  });
}

}  // namespace

std::vector<std::shared_ptr<Node>> backward_order(const std::vector<std::shared_ptr<Node>>& roots) {
  std::vector<std::shared_ptr<Node>> order;
  schedule(roots, [&](Node* n) { order.push_back(n->shared_from_this()); });
  return order;
}

void backward(const std::vector<Tensor>& outputs, const std::vector<Tensor>& grad_outputs, bool retain_graph,
              bool create_graph) {
  run(outputs, grad_outputs, retain_graph || create_graph, create_graph, nullptr, nullptr);
}

std::vector<Tensor> grad(const std::vector<Tensor>& outputs, const std::vector<Tensor>& inputs,
                         const std::vector<Tensor>& grad_outputs, std::optional<bool> retain_graph,
                         bool create_graph, bool allow_unused) {
  // PyTorch checks the outputs first, then that there are inputs, then each input.
  for (size_t i = 0; i < outputs.size(); ++i) check_output(outputs[i], i);
  TL_CHECK(!inputs.empty(), "ValueError: grad requires non-empty inputs.");
  std::vector<Node*> nodes;
  std::vector<std::shared_ptr<Node>> keep;  // accumulators made here must outlive the run
  for (size_t i = 0; i < inputs.size(); ++i) {
    const Tensor& x = inputs[i];
    TL_CHECK(x.defined() && x.requires_grad(), "One of the differentiated Tensors does not require grad");
    keep.push_back(x.grad_fn() ? x.grad_fn() : grad_accumulator(x));
    nodes.push_back(keep.back().get());
  }
  std::vector<Tensor> result(inputs.size());
  run(outputs, grad_outputs, retain_graph ? *retain_graph : create_graph, create_graph, &nodes, &result);
  for (size_t i = 0; i < result.size(); ++i) {
    TL_CHECK(result[i].defined() || allow_unused,
             "One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True "
             "if this is the desired behavior.");
    if (result[i].defined() && !create_graph) {
      // Detached, but still the view backward made (sum's expand of the seed, made under no_grad):
      // PyTorch refuses a recorded in-place op on it.
      Tensor d = result[i].detach();
      const TensorImpl* s = result[i].impl();
      d.impl()->view_base = s->view_base, d.impl()->view_version = s->view_version, d.impl()->view_meta = s->view_meta;
      result[i] = d;
    }
  }
  return result;
}

const std::vector<std::weak_ptr<Node>>& last_backward_order() { return last_order(); }
uint64_t backward_pass_id() { return t_pass; }
void release_grad_graphs() {
  auto& v = graph_grads();
  std::vector<std::weak_ptr<TensorImpl>> todo;
  todo.swap(v);
  // A detached alias keeps the values (and storage) but no grad_fn and no .grad of its own.
  for (auto& w : todo)
    if (auto t = w.lock())
      if (t->grad && (t->grad->grad_fn || t->grad->grad || t->grad == t))
        t->grad = Tensor(t->grad).detach().impl_ptr();
}

void note_assigned_grad(const std::shared_ptr<TensorImpl>& owner) { graph_grads().push_back(owner); }

void set_trace_enabled(bool on) {
  t_trace = on;
  trace().clear();  // never show a previous run's steps
}
const std::vector<TraceStep>& last_backward_trace() { return trace(); }

}  // namespace tl::autograd

bool tl::Node::needs_input_grad(size_t i) const {
  const auto* f = autograd::t_filter;
  return i < next.size() && next[i].fn != nullptr && (!f || f->follows(this, next[i].fn.get()));
}
