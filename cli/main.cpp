// The `tensorlens` command line:
//   tensorlens run FILE.py [--json]
//   tensorlens graph FILE.py [--var NAME] [--format json|dot]
//   tensorlens ops                       (the op table's schemas as JSON)
//   tensorlens batch < PROGRAMS           (many scripts, one JSON line each; tests/difffuzz)
// Exit status: 0 on success, 1 when the script fails (FILE:LINE:COL: error: TYPE: MESSAGE on stderr,
// then the source line and a caret), 2 for usage errors. Every failure is caught: the CLI never
// aborts.
#include <cctype>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <string>

#include "engine/lang/graph.h"
#include "engine/lang/interpreter.h"
#include "engine/lang/json.h"
#include "engine/lang/parser.h"
#include "engine/tensorlens.h"

namespace {

const char* kUsage =
    "usage: tensorlens run FILE.py [--json]\n"
    "       tensorlens graph FILE.py [--var NAME] [--format json|dot]\n"
    "       tensorlens ops\n"
    "       tensorlens batch < PROGRAMS\n"
    "\n"
    "  run     run a script (a subset of PyTorch's Python API); print what it prints and a\n"
    "          summary of its tensor variables (--json: the result as one JSON object)\n"
    "  graph   print the computation graph of a tensor (default: the one backward() was last\n"
    "          called on, else the last assigned) as JSON (default) or Graphviz DOT\n"
    "  ops     print the op table as a JSON array of {key, schema, expose} rows\n"
    "  batch   run many scripts read from stdin, each ended by a line '#%%END', each in a\n"
    "          fresh interpreter; print one JSON line per script: the run's JSON plus\n"
    "          \"ok\": true, \"leaf\" (is_leaf per tensor) and \"grad_fn\" (its node's name or\n"
    "          null per tensor), or {\"ok\": false, \"type\",\n"
    "          \"message\", \"line\"} (the differential fuzzer's fast path)\n";

int usage(const std::string& msg) {
  if (!msg.empty()) std::cerr << "tensorlens: " << msg << "\n";
  std::cerr << kUsage;
  return 2;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return !f.bad();
}

// The readable summary of `run` without --json: each tensor variable as PyTorch prints it.
void print_summary(const tl::lang::RunResult& r) {
  if (r.tensors.empty()) return;
  std::cout << "---- tensors ----\n";
  for (const auto& [name, t] : r.tensors) {
    std::cout << name << ": shape " << tl::shape_str(t.shape()) << ", " << tl::dtype_name(t.dtype()) << "\n";
    std::cout << "  " << name << " = ";
    std::string rep = tl::lang::tensor_repr(t);
    // Indent continuation lines under the value.
    const std::string pad(name.size() + 5, ' ');
    for (char c : rep) {
      std::cout << c;
      if (c == '\n') std::cout << pad;
    }
    std::cout << "\n";
    if (t.grad().defined()) {
      std::cout << "  " << name << ".grad = ";
      std::string g = tl::lang::tensor_repr(t.grad());
      const std::string gpad(name.size() + 10, ' ');
      for (char c : g) {
        std::cout << c;
        if (c == '\n') std::cout << gpad;
      }
      std::cout << "\n";
    }
  }
}

int ops_main() {
  std::string o = "[";
  for (const tl::OpDef& op : tl::op_table()) {
    o += o.size() > 1 ? ",\n{\"key\": " : "{\"key\": ";
    tl::lang::json_append_quoted(o, op.key);
    o += ", \"schema\": ";
    tl::lang::json_append_quoted(o, op.schema);
    o += ", \"expose\": " + std::to_string(op.expose) + "}";
  }
  std::cout << o << "]\n";
  return 0;
}

// Scripts separated by lines "#%%END"; one JSON line each, flushed, so that a caller can tell
// which script a crash or a hang happened in.
int batch_main() {
  std::string line, source;
  while (std::getline(std::cin, line)) {
    if (line != "#%%END") {
      source += line + "\n";
      continue;
    }
    tl::lang::RunResult result;
    tl::lang::ScriptFailure err;
    tl::lang::RunOptions options;
    options.max_statements = 100000;
    options.max_live_bytes = int64_t(1) << 28;
    std::string out;
    if (tl::lang::try_run_script(source, options, result, err)) {
      out = tl::lang::result_to_json(result, true);
      out.pop_back();  // the closing brace
      out += ", \"ok\": true, \"leaf\": {";
      for (size_t i = 0; i < result.tensors.size(); ++i) {
        if (i) out += ", ";
        tl::lang::json_append_quoted(out, result.tensors[i].first);
        out += result.tensors[i].second.is_leaf() ? ": true" : ": false";
      }
      out += "}, \"grad_fn\": {";
      for (size_t i = 0; i < result.tensors.size(); ++i) {
        if (i) out += ", ";
        tl::lang::json_append_quoted(out, result.tensors[i].first);
        out += ": ";
        const auto fn = result.tensors[i].second.grad_fn();
        if (fn) tl::lang::json_append_quoted(out, fn->name());
        else out += "null";
      }
      out += "}}";
    } else {
      out = "{\"ok\": false, \"type\": ";
      tl::lang::json_append_quoted(out, tl::lang::exception_type(err.message));
      out += ", \"message\": ";
      tl::lang::json_append_quoted(out, err.message);
      out += ", \"line\": " + std::to_string(err.line) + ", \"stdout\": ";
      tl::lang::json_append_quoted(out, result.stdout_text);
      out += "}";
    }
    std::cout << out << "\n" << std::flush;
    source.clear();
  }
  return 0;
}

int run_main(int argc, char** argv) {
  if (argc < 2) return usage("");
  const std::string cmd = argv[1];
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (cmd == "ops") return ops_main();
  if (cmd == "batch") return batch_main();
  if (cmd != "run" && cmd != "graph") return usage("unknown command '" + cmd + "'");
  std::string file, var, format = "json";
  bool json = false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (cmd == "run" && a == "--json") json = true;
    else if (cmd == "graph" && (a == "--var" || a == "--format")) {
      if (i + 1 >= argc) return usage("option " + a + " needs a value");
      (a == "--var" ? var : format) = argv[++i];
    } else if (cmd == "graph" && a.rfind("--var=", 0) == 0) var = a.substr(6);
    else if (cmd == "graph" && a.rfind("--format=", 0) == 0) format = a.substr(9);
    else if (!a.empty() && a[0] == '-' && a != "-") return usage("unknown option '" + a + "'");
    else if (file.empty()) file = a;
    else return usage("unexpected argument '" + a + "'");
  }
  if (file.empty()) return usage("missing FILE");
  if (format != "json" && format != "dot") return usage("--format must be json or dot");
  std::string source;
  if (file == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    source = ss.str();
  } else if (!read_file(file, source)) {
    return usage("cannot read '" + file + "'");
  }

  tl::lang::RunResult result;
  tl::lang::ScriptFailure err;
  tl::lang::RunOptions options;
  options.trace_backward = cmd == "graph";  // the graph JSON's "steps"
  if (!tl::lang::try_run_script(source, options, result, err)) {
    if (cmd == "run" && !json) std::cout << result.stdout_text << std::flush;  // what ran before the error
    // "TypeName: message" with PyTorch's exception type for the same failure.
    std::cerr << tl::lang::format_error(file, source, err.line, err.col, tl::lang::with_exception_type(err.message));
    return 1;
  }
  if (cmd == "run") {
    if (json) {
      std::cout << tl::lang::result_to_json(result) << "\n";
    } else {
      std::cout << result.stdout_text;
      print_summary(result);
    }
    return 0;
  }
  try {
    std::cout << (format == "dot" ? tl::lang::graph_dot(result, var) : tl::lang::graph_json(result, var) + "\n");
  } catch (const std::exception& e) {
    std::cerr << file << ": error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    int rc = run_main(argc, argv);
    std::cout.flush();
    return rc;
  } catch (const std::bad_alloc&) {
    std::cerr << "tensorlens: error: out of memory\n";
  } catch (const std::exception& e) {
    std::cerr << "tensorlens: error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "tensorlens: error: unknown failure\n";
  }
  return 1;
}
