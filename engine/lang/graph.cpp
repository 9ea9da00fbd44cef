#include "engine/lang/graph.h"

#include <cctype>
#include <cmath>
#include <unordered_map>

#include "engine/autograd/engine.h"
#include "engine/lang/json.h"
#include "engine/ops/op_table.h"

namespace tl::lang {

namespace {

constexpr int64_t kPreview = 6;

struct GNode {
  bool is_op = false;
  std::string name, op, grad_fn, derivative;
  Shape shape;
  DType dtype = DType::Float32;
  bool requires_grad = false, is_leaf = false;
  bool constant = false;  // an input that needs no gradient (InputMeta::constant)
  Tensor value;  // undefined when not alive
  int line = 0, col = 0;
  int order = -1;
  const ModuleScope* module = nullptr;  // the module call that made it
  uint64_t composite = 0;               // Node::composite
  const char* composite_op = nullptr;   // set on a composite's output op
};

struct Graph {
  std::string var;
  int root = -1;
  std::vector<GNode> nodes;
  std::vector<std::pair<int, int>> edges;
  std::vector<int> order;  // node ids in backward order
  std::unordered_map<const Node*, int> main_id;  // autograd node -> its op (or leaf tensor) node id
  std::vector<std::shared_ptr<const ModuleScope>> scopes;  // keeps the nodes' scopes alive
};

Tensor pick_root(const RunResult& r, const std::string& var, std::string& name) {
  if (!var.empty()) {
    const Tensor* t = r.find(var);
    TL_CHECK(t != nullptr, "graph: no tensor variable named '", var, "' at the end of the script");
    name = var;
    return *t;
  }
  Tensor t = r.backward_root.defined() ? r.backward_root : r.last_assigned_tensor;
  TL_CHECK(t.defined(), "graph: the script made no tensor to draw");
  name = t.impl()->name;
  return t;
}

Graph build(const RunResult& r, const std::string& var) {
  Graph g;
  Tensor root = pick_root(r, var, g.var);

  // Variable bindings by node and by tensor (later bindings win).
  std::unordered_map<const Node*, const RunResult::Binding*> by_node;
  std::unordered_map<const TensorImpl*, const RunResult::Binding*> by_tensor;
  for (const RunResult::Binding& b : r.bindings) {
    if (auto n = b.node.lock()) by_node[n.get()] = &b;
    if (auto t = b.tensor.lock()) by_tensor[t.get()] = &b;
  }

  // Final variables name tensors first (`y = x` then rebinding y leaves x's name on x).
  std::unordered_map<const TensorImpl*, const std::string*> final_name;
  for (const auto& [name, t] : r.tensors) final_name.emplace(t.impl(), &name);

  auto tensor_node = [&](const Tensor& t, const std::string& name) {
    GNode n;
    auto fn = final_name.find(t.impl());
    n.name = fn != final_name.end() ? *fn->second : name;
    n.shape = t.shape();
    n.dtype = t.dtype();
    n.requires_grad = t.requires_grad();
    n.is_leaf = t.is_leaf();
    n.value = t;
    auto it = by_tensor.find(t.impl());
    if (it != by_tensor.end()) n.line = it->second->line, n.col = it->second->col;
    g.nodes.push_back(std::move(n));
    return int(g.nodes.size()) - 1;
  };

  std::shared_ptr<Node> root_fn = root.grad_fn();
  if (!root_fn) {  // a leaf: nothing but itself
    g.root = tensor_node(root, root.impl()->name);
    if (root.requires_grad()) {
      g.nodes[size_t(g.root)].order = 0;
      g.order.push_back(g.root);
    }
    return g;
  }

  // Per autograd node: its op node id and the id its consumers connect from.
  struct Ids {
    int op = -1, out = -1;
  };
  std::unordered_map<const Node*, Ids> ids;
  auto visit = [&](const std::shared_ptr<Node>& n) -> Ids {
    auto it = ids.find(n.get());
    if (it != ids.end()) return it->second;
    Ids id;
    if (n->is_accumulate()) {
      Tensor leaf = n->leaf_tensor();
      id.out = tensor_node(leaf, leaf.impl()->name);
    } else {
      GNode o;
      o.is_op = true;
      o.op = n->op();
      o.grad_fn = n->name();
      o.derivative = n->derivative();
      o.shape = n->out_shape;
      o.dtype = n->out_dtype;
      o.requires_grad = true;
      o.line = n->src_line, o.col = n->src_col;
      o.module = n->module.get();
      if (n->module) g.scopes.push_back(n->module);
      o.composite = n->composite;
      o.composite_op = n->composite_op;
      if (n->out_view) o.value = Tensor(n->out_view);  // the output as it was made (unnamed too)
      g.nodes.push_back(std::move(o));
      id.op = id.out = int(g.nodes.size()) - 1;
      auto b = by_node.find(n.get());
      const bool is_root = n == root_fn;
      if (b != by_node.end() || is_root) {
        Tensor t = is_root ? root : Tensor(b->second->tensor.lock());
        GNode tn;
        tn.name = b != by_node.end() ? b->second->name : root.impl()->name;
        tn.shape = n->out_shape;
        tn.dtype = n->out_dtype;
        tn.requires_grad = true;
        tn.is_leaf = false;
        if (t.defined() && t.grad_fn() == n) tn.value = t;  // still this op's output
        if (tn.value.defined()) g.nodes[size_t(id.op)].value = tn.value;
        tn.grad_fn = n->name();  // what print(t.grad_fn) shows
        // Where the variable was bound (`y = net(x)` is outside net even though its op is in fc2).
        tn.module = b != by_node.end() ? b->second->module.get() : n->module.get();
        if (b != by_node.end() && b->second->module) g.scopes.push_back(b->second->module);
        tn.line = n->src_line, tn.col = n->src_col;
        g.nodes.push_back(std::move(tn));
        id.out = int(g.nodes.size()) - 1;
        g.edges.emplace_back(id.op, id.out);
      }
    }
    ids[n.get()] = id;
    return id;
  };

  // Inputs that need no gradient: one "constant" node per tensor (alive: named and previewed),
  // per input slot once it is gone. Unnamed 0-d ones (`y * 3`'s wrapped 3) are left out: a loop
  // of scalar steps would double its node count.
  std::unordered_map<const TensorImpl*, int> constant_id;
  auto add_constant = [&](const InputMeta& m, int op) {
    const std::weak_ptr<TensorImpl>& w = m.constant;
    const bool assigned = w.owner_before(std::weak_ptr<TensorImpl>{}) || std::weak_ptr<TensorImpl>{}.owner_before(w);
    if (!assigned) return;  // an undefined input (bias=None)
    Tensor t = w.expired() ? Tensor() : Tensor(w.lock());
    if (t.defined()) {
      auto it = constant_id.find(t.impl());
      if (it != constant_id.end()) {
        g.edges.emplace_back(it->second, op);
        return;
      }
    }
    if (m.shape.n == 0 && (!t.defined() || !final_name.count(t.impl()))) return;  // a wrapped scalar
    GNode c;
    c.constant = true;
    c.is_leaf = true;
    c.shape = m.shape;
    c.dtype = m.dtype;
    if (t.defined()) {
      auto fn = final_name.find(t.impl());
      c.name = fn != final_name.end() ? *fn->second : t.impl()->name;
      c.value = t;
      c.requires_grad = t.requires_grad();
      c.is_leaf = t.is_leaf();
      auto b = by_tensor.find(t.impl());
      if (b != by_tensor.end()) c.line = b->second->line, c.col = b->second->col;
    }
    g.nodes.push_back(std::move(c));
    const int id = int(g.nodes.size()) - 1;
    if (t.defined()) constant_id[t.impl()] = id;
    g.edges.emplace_back(id, op);
  };

  // Iterative DFS from the root; each node's input edges are added when it is first expanded.
  std::vector<std::shared_ptr<Node>> stack{root_fn};
  visit(root_fn);
  std::unordered_map<const Node*, bool> expanded;
  while (!stack.empty()) {
    std::shared_ptr<Node> n = std::move(stack.back());
    stack.pop_back();
    if (expanded[n.get()]) continue;
    expanded[n.get()] = true;
    const Ids me = ids[n.get()];
    for (size_t i = 0; i < n->next.size(); ++i) {
      const Edge& e = n->next[i];
      if (!e.fn && me.op >= 0 && i < n->inputs.size()) add_constant(n->inputs[i], me.op);
      if (!e.fn) continue;
      const bool seen = ids.count(e.fn.get()) != 0;
      const Ids in = visit(e.fn);
      if (me.op >= 0) g.edges.emplace_back(in.out, me.op);
      if (!seen) stack.push_back(e.fn);
    }
  }
  g.root = ids[root_fn.get()].out;

  std::vector<std::shared_ptr<Node>> order = autograd::backward_order({root_fn});
  for (size_t k = 0; k < order.size(); ++k) {
    auto it = ids.find(order[k].get());
    if (it == ids.end()) continue;
    const Ids& id = it->second;
    const int main = id.op >= 0 ? id.op : id.out;
    g.main_id[order[k].get()] = main;
    g.nodes[size_t(main)].order = int(k);
    g.order.push_back(main);
    if (id.out != main) g.nodes[size_t(id.out)].order = int(k);
  }
  return g;
}

// The first <= kPreview values of t, row-major, read through its strides.
void append_preview(std::string& out, const Tensor& t) {
  if (!t.defined()) {
    out += "null";
    return;
  }
  out += '[';
  const int64_t n = std::min<int64_t>(kPreview, t.numel());
  const int nd = t.dim();
  std::vector<int64_t> idx(size_t(nd), 0);
  TL_DISPATCH(t.dtype(), T, [&] {
    const T* p = t.data_ptr<T>();
    for (int64_t k = 0; k < n; ++k) {
      int64_t off = 0;
      for (int d = 0; d < nd; ++d) off += idx[size_t(d)] * t.strides()[d];
      const double v = double(p[off]);
      if (k) out += ", ";
      if (t.dtype() == DType::Bool) out += v != 0 ? "true" : "false";
      else if (is_int(t.dtype())) out += std::to_string(cast_value<int64_t>(v));
      else out += json_number(v, t.dtype() == DType::Float32);
      for (int d = nd - 1; d >= 0; --d) {
        if (++idx[size_t(d)] < t.shape()[d]) break;
        idx[size_t(d)] = 0;
      }
    }
  });
  out += ']';
}

// Whether any element of t is NaN or +-Inf (all of them, read through the strides); "null" when
// t is not alive.
std::string nonfinite_json(const Tensor& t) {
  if (!t.defined()) return "null";
  if (t.dtype() != DType::Float32 && t.dtype() != DType::Float64) return "false";
  bool bad = false;
  const int64_t n = t.numel();
  const int nd = t.dim();
  std::vector<int64_t> idx(size_t(nd), 0);
  TL_DISPATCH(t.dtype(), T, [&] {
    const T* p = t.data_ptr<T>();
    for (int64_t k = 0; k < n && !bad; ++k) {
      int64_t off = 0;
      for (int d = 0; d < nd; ++d) off += idx[size_t(d)] * t.strides()[d];
      bad = !std::isfinite(double(p[off]));
      for (int d = nd - 1; d >= 0; --d) {
        if (++idx[size_t(d)] < t.shape()[d]) break;
        idx[size_t(d)] = 0;
      }
    }
  });
  return bad ? "true" : "false";
}

// A composite's op name from PyTorch's grad_fn name when the call gave none (nn modules label
// their output only): "MseLossBackward0" -> "mse_loss", "AddmmBackward0" -> "addmm".
std::string op_of_grad_fn(const std::string& g) {
  std::string base = g.substr(0, g.find("Backward"));
  std::string r;
  for (size_t i = 0; i < base.size(); ++i) {
    const char c = base[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (i) r += '_';
      r += char(std::tolower(static_cast<unsigned char>(c)));
    } else {
      r += c;
    }
  }
  return r;
}


// A Graphviz double-quoted string body. JSON's escaping fits: quotes and backslashes are
// escaped (so a name can never form Graphviz's \N, \G, \l sequences), a newline becomes "\n"
// (Graphviz's centred line break), and the bytes are made valid UTF-8.
std::string dot_escape(const std::string& s) {
  std::string q = json_quote(s);
  return q.substr(1, q.size() - 2);
}

}  // namespace

std::string graph_json(const RunResult& result, const std::string& var) {
  Graph g = build(result, var);
  // Dense ids (from 1, in node order) for the module calls (with their enclosing calls) and the
  // composite groups of this graph; 0 in a node means none.
  std::unordered_map<const ModuleScope*, int> module_id;
  std::vector<const ModuleScope*> modules;
  std::unordered_map<uint64_t, int> composite_id;
  std::vector<uint64_t> composites;
  std::unordered_map<uint64_t, int> composite_head;  // composite -> its output op's node id
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const GNode& n = g.nodes[i];
    std::vector<const ModuleScope*> chain;  // innermost first
    for (const ModuleScope* m = n.module; m && !module_id.count(m); m = m->parent.get()) chain.push_back(m);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      module_id[*it] = int(modules.size()) + 1;
      modules.push_back(*it);
    }
    if (n.composite && !composite_id.count(n.composite)) {
      composite_id[n.composite] = int(composites.size()) + 1;
      composites.push_back(n.composite);
    }
    if (n.composite && n.composite_op) composite_head[n.composite] = int(i);
  }
  std::string out = "{\"var\": ";
  json_append_quoted(out, g.var);
  out += ", \"root\": " + std::to_string(g.root) + ", \"nodes\": [";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const GNode& n = g.nodes[i];
    if (i) out += ", ";
    out += "{\"id\": " + std::to_string(i) + ", \"kind\": \"" + (n.is_op ? "op" : "tensor") + "\", \"name\": ";
    json_append_quoted(out, n.name);
    out += ", \"op\": ";
    json_append_quoted(out, n.op);
    out += ", \"grad_fn\": ";
    json_append_quoted(out, n.grad_fn);
    out += ", \"shape\": " + sizes_str(n.shape) + ", \"dtype\": \"" + dtype_name(n.dtype) + "\"";
    out += std::string(", \"requires_grad\": ") + (n.requires_grad ? "true" : "false");
    out += std::string(", \"is_leaf\": ") + (n.is_leaf ? "true" : "false");
    out += ", \"value\": ";
    append_preview(out, n.value);
    out += ", \"grad\": ";
    if (!n.is_op && n.value.defined() && n.value.grad().defined()) append_preview(out, n.value.grad());
    else out += "null";
    out += ", \"numel\": " + std::to_string(n.shape.numel());
    out += ", \"span\": ";
    out += n.line > 0 ? "{\"line\": " + std::to_string(n.line) + ", \"col\": " + std::to_string(n.col) + "}" : "null";
    out += ", \"backward_order\": " + std::to_string(n.order) + ", \"derivative\": ";
    json_append_quoted(out, n.derivative);
    // Optional fields, written only when set (a 10,000-node graph stays ~4 MB of JSON).
    if (n.constant) out += ", \"constant\": true";
    if (n.module) out += ", \"module\": " + std::to_string(module_id[n.module]);
    if (n.composite) out += ", \"composite\": " + std::to_string(composite_id[n.composite]);
    const std::string bad_value = nonfinite_json(n.value);
    const std::string bad_grad = !n.is_op && n.value.defined() ? nonfinite_json(n.value.grad()) : "null";
    if (bad_value == "true" || bad_grad == "true")
      out += ", \"nonfinite\": {\"value\": " + bad_value + ", \"grad\": " + bad_grad + "}";
    out += "}";
  }
  out += "], \"modules\": [";
  for (size_t i = 0; i < modules.size(); ++i) {
    const ModuleScope& m = *modules[i];
    out += (i ? ", " : "") + std::string("{\"id\": ") + std::to_string(i + 1) +
           ", \"parent\": " + std::to_string(m.parent ? module_id[m.parent.get()] : 0) + ", \"name\": ";
    json_append_quoted(out, m.name);
    out += ", \"type\": ";
    json_append_quoted(out, m.type);
    out += ", \"extra\": ";
    json_append_quoted(out, m.extra);
    out += "}";
  }
  out += "], \"composites\": [";
  for (size_t i = 0; i < composites.size(); ++i) {
    auto h = composite_head.find(composites[i]);
    const GNode* head = h == composite_head.end() ? nullptr : &g.nodes[size_t(h->second)];
    out += (i ? ", " : "") + std::string("{\"id\": ") + std::to_string(i + 1) +
           ", \"head\": " + std::to_string(head ? h->second : -1) + ", \"op\": ";
    json_append_quoted(out, !head ? "" : *head->composite_op ? std::string(head->composite_op) : op_of_grad_fn(head->grad_fn));
    out += ", \"grad_fn\": ";
    json_append_quoted(out, head ? head->grad_fn : "");
    out += "}";
  }
  out += "], \"edges\": [";
  for (size_t i = 0; i < g.edges.size(); ++i)
    out += (i ? ", " : "") + std::string("{\"from\": ") + std::to_string(g.edges[i].first) +
           ", \"to\": " + std::to_string(g.edges[i].second) + "}";
  out += "], \"backward_order\": [";
  for (size_t i = 0; i < g.order.size(); ++i) out += (i ? ", " : "") + std::to_string(g.order[i]);
  out += "], \"steps\": [";
  // The last backward() of the run, step by step (RunOptions::trace_backward), restricted to
  // the nodes of this graph.
  bool first = true;
  for (const autograd::TraceStep& st : result.backward_trace) {
    auto node = st.node.lock();
    auto it = node ? g.main_id.find(node.get()) : g.main_id.end();
    if (it == g.main_id.end()) continue;
    out += first ? "{" : ", {";
    first = false;
    out += "\"node\": " + std::to_string(it->second) + ", \"grad\": ";
    append_preview(out, st.grad_out);
    out += ", \"grad_shape\": " + (st.grad_out.defined() ? sizes_str(st.grad_out.shape()) : std::string("null"));
    if (nonfinite_json(st.grad_out) == "true") out += ", \"grad_nonfinite\": true";
    out += ", \"inputs\": [";
    bool first_in = true;
    for (const autograd::TraceInput& in : st.inputs) {
      auto to = in.to.lock();
      auto jt = to ? g.main_id.find(to.get()) : g.main_id.end();
      if (jt == g.main_id.end()) continue;
      out += first_in ? "{" : ", {";
      first_in = false;
      out += "\"to\": " + std::to_string(jt->second) + ", \"index\": " + std::to_string(in.index) + ", \"grad\": ";
      append_preview(out, in.grad);
      out += ", \"shape\": " + sizes_str(in.grad.shape()) + ", \"produced_shape\": " + sizes_str(in.produced_shape);
      if (in.produced_grad.defined()) {  // the contribution before the unbroadcast
        out += ", \"produced_grad\": ";
        append_preview(out, in.produced_grad);
      }
      if (nonfinite_json(in.grad) == "true") out += ", \"nonfinite\": true";
      out += ", \"summed_dims\": [";
      for (size_t k = 0; k < in.summed_dims.size(); ++k) out += (k ? ", " : "") + std::to_string(in.summed_dims[k]);
      out += std::string("], \"accumulated\": ") + (in.accumulated ? "true" : "false") + "}";
    }
    out += "]}";
  }
  return out + "]}";
}

std::string graph_dot(const RunResult& result, const std::string& var) {
  Graph g = build(result, var);
  std::string out =
      "digraph tensorlens {\n"
      "  rankdir=TB;\n"
      "  node [fontname=\"Helvetica\", fontsize=11];\n"
      "  edge [color=\"#555555\"];\n";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const GNode& n = g.nodes[i];
    std::string label, style;
    if (n.is_op) {
      label = n.op + "\n" + n.grad_fn;
      style = "shape=ellipse, style=filled, fillcolor=\"#eeeeff\"";
    } else {
      label = (n.name.empty() ? std::string("(unnamed)") : n.name) + "\n" + sizes_str(n.shape) + " " + dtype_name(n.dtype);
      const char* fill = n.is_leaf ? (n.requires_grad ? "#cfe8ff" : "#e6e6e6") : "#fff3c4";
      style = std::string("shape=box, style=\"filled,rounded\", fillcolor=\"") + fill + "\"";
      if (int(i) == g.root) style += ", penwidth=2";
    }
    if (n.order >= 0) label += "\n#" + std::to_string(n.order);
    out += "  n" + std::to_string(i) + " [label=\"" + dot_escape(label) + "\", " + style + "];\n";
  }
  for (const auto& [a, b] : g.edges) out += "  n" + std::to_string(a) + " -> n" + std::to_string(b) + ";\n";
  return out + "}\n";
}

}  // namespace tl::lang
