// Library modules written in the script language, each run once per interpreter when a script
// first reads one of its names: torch.nn.utils (PyTorch 1.13's clip_grad.py and
// convert_parameters.py), and small sandboxed stand-ins for Python's os, os.path, sys and time.
// There is no file system and no environment in a tensorlens session: os.path works on strings,
// os.path.exists() is False, os.environ is empty, os.makedirs() does nothing; anything that would
// need the real machine (open files, processes) is absent and reading it is an AttributeError
// that lists what the module has.
#include <chrono>
#include <map>
#include <memory>
#include <mutex>

#include "engine/lang/interp.h"

namespace tl::lang::detail {

namespace {

const char* const kPreludeNNUtils = R"tlprelude(
# torch/nn/utils/clip_grad.py and convert_parameters.py of PyTorch 1.13 (CPU only).
import math
import torch


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    grads = [p.grad for p in parameters if p.grad is not None]
    max_norm = float(max_norm)
    norm_type = float(norm_type)
    if len(grads) == 0:
        return torch.tensor(0.)
    if norm_type == math.inf:
        norms = [g.detach().abs().max() for g in grads]
        total_norm = norms[0] if len(norms) == 1 else torch.max(torch.stack(norms))
    else:
        total_norm = torch.norm(torch.stack([torch.norm(g.detach(), norm_type) for g in grads]), norm_type)
    if error_if_nonfinite and not math.isfinite(total_norm.item()):
        raise RuntimeError(
            f'The total norm of order {norm_type} for gradients from '
            '`parameters` is non-finite, so it cannot be clipped. To disable '
            'this error and scale the gradients by the non-finite norm anyway, '
            'set `error_if_nonfinite=False`')
    clip_coef = max_norm / (total_norm + 1e-6)
    clip_coef_clamped = torch.clamp(clip_coef, max=1.0)
    for g in grads:
        g.detach().mul_(clip_coef_clamped)
    return total_norm


def clip_grad_norm(parameters, max_norm, norm_type=2., error_if_nonfinite=False):
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite)


def clip_grad_value_(parameters, clip_value):
    if isinstance(parameters, torch.Tensor):
        parameters = [parameters]
    clip_value = float(clip_value)
    for p in filter(lambda p: p.grad is not None, parameters):
        p.grad.data.clamp_(min=-clip_value, max=clip_value)


def parameters_to_vector(parameters):
    vec = []
    for param in parameters:
        vec.append(param.view(-1))
    return torch.cat(vec)


def vector_to_parameters(vec, parameters):
    if not isinstance(vec, torch.Tensor):
        raise TypeError('expected torch.Tensor, but got: {}'.format(type(vec).__name__))
    pointer = 0
    for param in parameters:
        num_param = param.numel()
        with torch.no_grad():  # PyTorch: param.data = vec[...].view_as(param).data (a view of vec)
            param.copy_(vec[pointer:pointer + num_param].view_as(param))
        pointer += num_param
)tlprelude";

const char* const kPreludeOs = R"tlprelude(
# os in a sandbox: no file system, an empty environment.
sep = '/'
curdir = '.'
pardir = '..'
linesep = '\n'
name = 'posix'
environ = {}


def getcwd():
    return '/'


def getenv(key, default=None):
    return environ.get(key, default)


def makedirs(name, mode=0o777, exist_ok=False):
    return None


def mkdir(path, mode=0o777):
    return None


def cpu_count():
    return 1
)tlprelude";

const char* const kPreludeOsPath = R"tlprelude(
# posixpath, on strings (there is no file system: exists/isfile/isdir are False).
sep = '/'


def join(a, *p):
    path = a
    for b in p:
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def basename(p):
    return p[p.rfind('/') + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def isabs(s):
    return s.startswith('/')


def exists(path):
    return False


def isfile(path):
    return False


def isdir(path):
    return False


def expanduser(path):
    return path


def abspath(path):
    if not isabs(path):
        path = join('/', path)
    return normpath(path)


def normpath(path):
    if path == '':
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    new_comps = []
    for comp in path.split('/'):
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'
)tlprelude";

const char* const kPreludeSys = R"tlprelude(
# sys, as far as a sandboxed script can use it.
version = '3.11.2 (tensorlens)'
platform = 'tensorlens'
argv = ['']
maxsize = 9223372036854775807
byteorder = 'little'


class _Stdout:
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        print(s, end='')
        return len(s)

    def flush(self):
        return None


stdout = _Stdout()
stderr = _Stdout()


def exit(status=None):
    raise SystemExit(status)
)tlprelude";

// time.time() / perf_counter() / monotonic() call _clock (seconds, a double) bound below.
const char* const kPreludeTime = R"tlprelude(
def time():
    return _clock()


def perf_counter():
    return _clock()


def monotonic():
    return _clock()


def process_time():
    return _clock()


def sleep(secs):
    return None
)tlprelude";

const char* prelude_source(Mod m) {
  switch (m) {
    case Mod::NNUtils: return kPreludeNNUtils;
    case Mod::Os: return kPreludeOs;
    case Mod::OsPath: return kPreludeOsPath;
    case Mod::Sys: return kPreludeSys;
    case Mod::Time: return kPreludeTime;
    default: return torch_prelude_source(m);
  }
}

}  // namespace

const Program& prelude_program(const char* source) {
  static std::mutex mu;
  static std::map<const char*, std::unique_ptr<Program>> parsed;  // keyed by the source's address
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = parsed[source];
  if (!slot) slot = std::make_unique<Program>(parse(source));
  return *slot;
}

double Interp::wall_clock() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

Value Interp::call_library(const UserFnObj& f, std::vector<Value>& pos, Kw& kw, Pos at) {
  try {
    return call_user(f, pos, kw, at);
  } catch (ScriptError& e) {
    e.line = at.line, e.col = at.col;
    throw;
  }
}

bool Interp::py_module_find(Mod mod, const std::string& name, Value& out) {
  const char* src = prelude_source(mod);
  if (!src) return false;
  auto& slot = py_modules_[int(mod)];
  if (!slot.ns) {
    auto ns = std::make_shared<Scope>();
    if (mod == Mod::Time) ns->vars["_clock"] = make_obj<BuiltinObj>(Bi::TimeClock, "time");
    ScopeSwap swap(*this, ns);
    captured_.push_back(ns);
    exec_block(prelude_program(src).body);
    slot.ns = ns;
  }
  auto it = slot.ns->vars.find(name);
  if (it == slot.ns->vars.end() || name.empty() || name[0] == '_' || as<ModuleObj>(it->second, Tag::Module)) return false;
  out = it->second;
  return true;
}

Value Interp::py_module_attr(const ModuleObj& m, const std::string& name, Pos at) {
  if (m.mod == Mod::Os && name == "path") return make_obj<ModuleObj>(Mod::OsPath);
  if (m.mod == Mod::NNUtils && name == "clip_grad") return make_obj<ModuleObj>(Mod::NNUtils);
  if (Value v; py_module_find(m.mod, name, v)) return v;
  auto& slot = py_modules_[int(m.mod)];
  std::vector<std::string> have;
  for (const auto& [n, v] : slot.ns->vars)
    if (n[0] != '_' && !as<ModuleObj>(v, Tag::Module)) have.push_back(n);
  if (m.mod == Mod::Os) have.push_back("path");
  std::sort(have.begin(), have.end());
  std::string list;
  for (const auto& n : have) list += (list.empty() ? "" : ", ") + n;
  fail(at, std::string("AttributeError: module '") + m.qualname() + "' has no attribute '" + name +
               "' (tensorlens's sandboxed " + m.qualname() + " has " + list + ")");
}

}  // namespace tl::lang::detail
