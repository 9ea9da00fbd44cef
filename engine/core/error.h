// Errors: every user-facing failure is a tl::Error (never an abort).
// TL_CHECK(cond, parts...) throws tl::Error with the parts streamed together, e.g.
//   TL_CHECK(a.dim() == 2, "mm: expected 2-D tensors, got ", a.shape_str());
#pragma once
#include <sstream>
#include <stdexcept>
#include <string>

namespace tl {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& msg) : std::runtime_error(msg) {}
};

namespace detail {
inline void stream_all(std::ostringstream&) {}
template <class T, class... R>
void stream_all(std::ostringstream& os, const T& v, const R&... rest) {
  os << v;
  stream_all(os, rest...);
}
template <class... A>
[[noreturn]] void throw_error(const A&... parts) {
  std::ostringstream os;
  stream_all(os, parts...);
  throw Error(os.str());
}
}  // namespace detail

}  // namespace tl

#define TL_CHECK(cond, ...)                          \
  do {                                               \
    if (!(cond)) ::tl::detail::throw_error(__VA_ARGS__); \
  } while (0)

#define TL_FAIL(...) ::tl::detail::throw_error(__VA_ARGS__)
