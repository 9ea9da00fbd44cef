// Every input the fuzzer ever crashed on (tests/fuzz/regressions/) is replayed here: it must end
// in a clean result or a positioned error, never a crash (this suite also runs under ASan+UBSan).
#include <catch2/catch.hpp>
#include <dirent.h>

#include <fstream>
#include <sstream>

#include "engine/lang/interpreter.h"

TEST_CASE("fuzzer regressions replay cleanly", "[lang][fuzz]") {
  std::string dir = std::string(TL_SOURCE_DIR) + "/tests/fuzz/regressions";
  DIR* d = opendir(dir.c_str());
  REQUIRE(d != nullptr);
  int count = 0;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name[0] == '.') continue;
    std::ifstream f(dir + "/" + name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    tl::lang::RunOptions opt;
    opt.max_statements = 20000;
    tl::lang::RunResult r;
    tl::lang::ScriptFailure err;
    INFO("regression input " << name);
    bool ok = tl::lang::try_run_script(ss.str(), opt, r, err);
    CHECK((ok || err.line >= 0));
    if (!ok) CHECK_FALSE(err.message.empty());
    ++count;
  }
  closedir(d);
  CHECK(count > 0);
}
