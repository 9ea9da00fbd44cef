// A tiny JSON writer and Python-style number formatting, shared by the interpreter (print/repr),
// the CLI/wasm JSON results and the graph export.
//
// Numbers: finite values are written as the shortest decimal that reads back to the same value
// (of the float32 when `is_f32`), in Python's repr style (0.1, 1.0, 1e-05, 1e+16), which is
// also valid JSON. JSON has no NaN/Inf, so json_number writes them as the strings "nan", "inf",
// "-inf" (a documented contract of the CLI and graph JSON).
#pragma once
#include <cstdint>
#include <string>

namespace tl::lang {

// Python's repr(float): "0.1", "1.0", "1e-05", "nan", "inf", "-inf".
std::string py_float_repr(double v, bool is_f32 = false);
// A JSON value for a number: py_float_repr for finite values, "\"nan\"" etc. otherwise.
std::string json_number(double v, bool is_f32 = false);
// A JSON string literal (with quotes). Control characters are escaped; invalid UTF-8 bytes
// become U+FFFD so the output is always valid JSON text.
std::string json_quote(const std::string& s);
// Appends json_quote(s) to out (no temporary).
void json_append_quoted(std::string& out, const std::string& s);

}  // namespace tl::lang
