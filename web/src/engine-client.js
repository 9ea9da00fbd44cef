// The engine runs in a Web Worker. A request that takes too long, or a Stop, terminates the worker
// and starts a fresh one: the page never freezes, whatever the script does.

export class EngineClient {
  constructor({ timeoutMs = 10000, onBusy = () => {}, onReady = () => {} } = {}) {
    this.timeoutMs = timeoutMs;
    this.onBusy = onBusy;
    this.onReady = onReady;
    this.nextId = 1;
    this.pending = new Map(); // id -> {resolve, reject, timer}
    this.features = {};
    this.#start();
  }

  #start() {
    // The first worker may have been started by boot.js already (with its early messages kept).
    const early = globalThis.__tlEarlyWorker;
    globalThis.__tlEarlyWorker = null;
    this.worker = early ? early.worker : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    // A new worker waits for the engine's compiled wasm (boot.js), or null: it loads it itself.
    if (!early) {
      if (globalThis.__tlSendWasm) globalThis.__tlSendWasm(this.worker);
      else this.worker.postMessage({ type: 'wasm', module: null });
    }
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = (e) => {
        const msg = e.data;
        if (msg.type === 'ready') {
          this.features = msg.features;
          this.onReady(msg);
          resolve();
          return;
        }
        if (msg.type === 'init-error') {
          reject(new Error(msg.message));
          return;
        }
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.#settle(msg.id);
        if (msg.ok) p.resolve(msg.result);
        else p.reject(Object.assign(new Error(msg.error.message), msg.error));
      };
      this.worker.onerror = (e) => {
        e.preventDefault?.();
        const err = new Error(`engine worker failed: ${e.message || 'could not start'}`);
        reject(err);
        this.#failAll(err);
      };
      if (early) {
        for (const e of early.errors) this.worker.onerror(e);
        for (const e of early.messages) this.worker.onmessage(e);
      }
    });
    this.ready.catch(() => {});
  }

  #settle(id) {
    const p = this.pending.get(id);
    if (p) clearTimeout(p.timer);
    this.pending.delete(id);
    if (!this.pending.size) this.onBusy(false);
  }

  #failAll(err) {
    for (const [id, p] of [...this.pending]) {
      this.#settle(id);
      p.reject(err);
    }
  }

  /** Whether a request is waiting for the worker. */
  get busy() {
    return this.pending.size > 0;
  }

  /**
   * Sends {type, ...payload}; resolves with the worker's result or rejects with {message, line, col}.
   * supersede: whatever the worker is still doing is cancelled first (terminate and restart; the old
   * requests reject with kind 'superseded'), so the new request starts at once and its watchdog
   * counts only its own time — a Run during a run replaces the old run instead of queueing behind it.
   */
  request(type, payload = {}, { supersede = false } = {}) {
    if (supersede && this.pending.size) {
      this.restart(Object.assign(new Error('Cancelled: a newer run replaced this one.'), { kind: 'superseded' }));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.restart(Object.assign(new Error(`Stopped: the script ran for more than ${this.timeoutMs / 1000} s (the engine was restarted).`), { kind: 'timeout' }));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.onBusy(true);
      this.ready.then(
        () => this.worker.postMessage({ id, type, ...payload }),
        (err) => { this.#settle(id); reject(err); },
      );
    });
  }

  /** Terminates the worker (cancelling whatever runs) and starts a new one. */
  restart(reason = Object.assign(new Error('Stopped by the user (the engine was restarted).'), { kind: 'stopped' })) {
    this.worker.terminate();
    this.#failAll(reason);
    this.#start();
  }
}
