// Training mode's controller: owns the run (step count, loss history, learning-rate segments) and
// drives the worker's session one chunk of steps per animation frame. The views only render.
import { datasetSource, normalizeDataOptions, taskOf } from './datasets.js';
import { IMPORTS, findOptimizer, withLearningRate, trainingScript } from './program.js';

export const GRID_RES = { classification: 64, regression: 200 };
export const STEPS_PER_FRAME = [1, 2, 5, 10, 20, 50];

/** Snapshots kept for the time-travel scrubber (each ~20 KB: the boundary grid and the parameters). */
export const HISTORY_MAX = 240;

/** Appends a snapshot; past HISTORY_MAX every other one is dropped (step 0 and the latest stay). */
function remember(run, snap) {
  run.history.push(snap);
  if (run.history.length > HISTORY_MAX) run.history = run.history.filter((_, i, a) => i % 2 === 0 || i === a.length - 1);
}

export function createTrainer({ client, boundary, chart, onUpdate, onError, onReady, onInspect }) {
  let run = null; // {data, code, step, train: [[step, loss]], test: [[step, loss]], segments, loss, acc, ...}
  let playing = false;
  let token = 0; // bumps on every reset: stale responses are dropped
  let busy = false;

  const emit = () => onUpdate(status());
  function status() {
    return {
      phase: !run ? 'idle' : playing ? 'training' : 'paused',
      step: run ? run.step : 0,
      loss: run ? run.loss : null,
      testLoss: run ? run.testLoss : null,
      acc: run ? run.acc : null,
      testAcc: run ? run.testAcc : null,
      task: run ? run.task : null,
      busy,
    };
  }

  /** Builds a fresh session from the data options and the model code: step 0. */
  async function reset(dataOptions, code) {
    playing = false;
    const my = ++token;
    const data = normalizeDataOptions(dataOptions);
    const task = taskOf(data.dataset);
    run = null;
    busy = true;
    emit();
    try {
      const r = await client.request('trainSetup', { prelude: IMPORTS + datasetSource(data), code, task, split: data.split, res: GRID_RES[task] });
      if (my !== token) return;
      run = {
        data, code, initialCode: code, task, step: 0, loss: r.loss, testLoss: r.testLoss, acc: r.acc, testAcc: r.testAcc,
        train: [[0, r.loss]], test: r.testLoss === null ? [] : [[0, r.testLoss]], segments: [{ steps: 0 }],
        history: [{ step: 0, loss: r.loss, testLoss: r.testLoss, acc: r.acc, testAcc: r.testAcc, grid: r.grid, tensors: r.tensors }],
      };
      boundary.setData({ task, bounds: r.bounds, X: r.X, y: r.y, Xtest: r.Xtest, ytest: r.ytest, res: GRID_RES[task] });
      boundary.setGrid(r.grid);
      chart.render(run.train, run.test);
      busy = false;
      onReady(r);
      emit();
    } catch (err) {
      if (my !== token) return;
      busy = false;
      boundary.clear();
      chart.render([], []);
      onError(err);
      emit();
    }
  }

  /** k steps in the worker; updates the history and the views. */
  async function steps(k) {
    if (!run || busy) return false;
    const my = token;
    busy = true;
    try {
      const r = await client.request('trainSteps', { k });
      if (my !== token) return false;
      r.losses.forEach((l, i) => run.train.push([run.step + i + 1, l]));
      // losses[i] is the loss *before* step i's update, as in a PyTorch loop; the curve puts it at i+1.
      run.step += r.losses.length;
      run.segments[run.segments.length - 1].steps += r.losses.length;
      run.loss = r.losses[r.losses.length - 1];
      run.testLoss = r.testLoss;
      run.acc = r.acc;
      run.testAcc = r.testAcc;
      if (r.testLoss !== null) run.test.push([run.step, r.testLoss]);
      remember(run, { step: run.step, loss: run.loss, testLoss: r.testLoss, acc: r.acc, testAcc: r.testAcc, grid: r.grid, tensors: r.tensors });
      boundary.setGrid(r.grid);
      chart.render(run.train, run.test);
      return true;
    } catch (err) {
      if (my !== token) return false;
      playing = false;
      onError(err);
      return false;
    } finally {
      if (my === token) busy = false;
      emit();
    }
  }

  let spf = 10;
  async function loop() {
    while (playing) {
      const ok = await steps(spf);
      if (!ok) break;
      await new Promise((r) => requestAnimationFrame(r)); // the page renders between chunks
    }
    if (playing) { playing = false; emit(); }
    onInspect();
  }

  return {
    status,
    reset,
    setStepsPerFrame(k) { spf = k; },
    play() {
      if (!run || playing) return;
      playing = true;
      emit();
      loop();
    },
    pause() {
      if (!playing) return;
      playing = false;
      emit();
    },
    async step() {
      if (!run || playing) return;
      await steps(1);
      onInspect();
    },
    /** Stops training and forgets the run (leaving training mode, or the worker was restarted). */
    stop() {
      playing = false;
      token++;
      run = null;
      busy = false;
      client.request('trainDispose').catch(() => {});
      emit();
    },
    /** A new learning rate: rewrites the optimizer line of `code` and re-creates opt in the session. */
    async setLearningRate(code, lr) {
      const next = withLearningRate(code, lr);
      if (!next) return null;
      if (run && next.line !== findOptimizer(run.code)?.line) {
        await client.request('trainExec', { source: next.line.trim() + '\n' });
        run.code = next.code;
        run.segments.push({ steps: 0, optLine: next.line.trim() });
      }
      return next.code;
    },
    /** The run so far as a PyTorch script (or the set-up only, before any step). */
    script(dataOptions, code) {
      if (run) return trainingScript({ data: run.data, code: run.initialCode, segments: run.segments });
      return trainingScript({ data: normalizeDataOptions(dataOptions), code, segments: [{ steps: 0 }] });
    },
    get run() { return run; },
    /** The snapshots so far: [{step, loss, testLoss, acc, testAcc, grid, tensors}], oldest first. */
    history: () => (run ? run.history : []),
  };
}

