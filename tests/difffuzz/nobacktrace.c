/* LD_PRELOAD shim for the PyTorch oracle: PyTorch 1.13 collects and symbolises a C++ backtrace
 * for every error it raises (c10::Error -> c10::get_backtrace -> backtrace()), about 20 ms each
 * on this machine; generated programs raise thousands of errors. With no frames the message is
 * the same and an error costs ~30 us. Built by lib.mjs into build/difffuzz/. */
int backtrace(void **buffer, int size) {
  (void)buffer;
  (void)size;
  return 0;
}
