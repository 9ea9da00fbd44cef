// libFuzzer target: arbitrary bytes through the lexer, parser and interpreter. Any crash, abort,
// sanitizer report, leak or timeout is a bug; a tl::Error (syntax or runtime) is the expected
// outcome for bad input. Limits are lowered so each input runs in well under a millisecond on
// average (small tensors reach the same code paths; throughput is what finds bugs here).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/lang/interpreter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string source(reinterpret_cast<const char*>(data), size);
  tl::lang::RunOptions opt;
  opt.max_statements = 2000;
  opt.max_tensor_elements = 1 << 12;
  opt.max_live_bytes = 1 << 22;
  opt.max_container_len = 1 << 10;
  opt.max_stdout_bytes = 1 << 12;
  tl::lang::RunResult result;
  tl::lang::ScriptFailure failure;
  try {
    tl::lang::try_run_script(source, opt, result, failure);
  } catch (const tl::Error&) {
    // try_run_script reports script errors as values; any tl::Error escaping is still a clean,
    // positioned failure at the boundary, not a crash.
  }
  return 0;
}
