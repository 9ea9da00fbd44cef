// The `tensorlens` command line:
//   tensorlens run FILE.py [--json]
//   tensorlens graph FILE.py [--var NAME] [--format json|dot]
// Exit status: 0 on success, 1 when the script fails (FILE:LINE:COL: error: MESSAGE on stderr,
// then the source line and a caret), 2 for usage errors. Every failure is caught: the CLI never
// aborts.
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>
#include <string>

#include "engine/lang/graph.h"
#include "engine/lang/interpreter.h"
#include "engine/lang/parser.h"
#include "engine/tensorlens.h"

namespace {

const char* kUsage =
    "usage: tensorlens run FILE.py [--json]\n"
    "       tensorlens graph FILE.py [--var NAME] [--format json|dot]\n"
    "\n"
    "  run     run a script (a subset of PyTorch's Python API); print what it prints and a\n"
    "          summary of its tensor variables (--json: the result as one JSON object)\n"
    "  graph   print the computation graph of a tensor (default: the one backward() was last\n"
    "          called on, else the last assigned) as JSON (default) or Graphviz DOT\n";

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

int run_main(int argc, char** argv) {
  if (argc < 2) return usage("");
  const std::string cmd = argv[1];
  if (cmd == "-h" || cmd == "--help" || cmd == "help") {
    std::cout << kUsage;
    return 0;
  }
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
    std::cerr << tl::lang::format_error(file, source, err.line, err.col, err.message);
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
