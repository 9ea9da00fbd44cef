// Training mode's panel: the dataset and training controls, the decision boundary, the loss curve,
// the time-travel scrubber, and the graph/inspector of the model. The page controller (main.js)
// hands it what it shares (the engine client, the editor, the state, the failure path).
import { $, h, clear } from '../dom.js';
import { fmt } from '../format.js';
import { createBoundaryView, createLossChart } from '../views/train-view.js';
import { createTrainer, STEPS_PER_FRAME } from './controller.js';
import { DATASETS, SIZES, SPLITS, normalizeDataOptions } from './datasets.js';
import { templateFor, findOptimizer } from './program.js';

export function createTrainPanel({ client, editor, state, setStatus, showFailure, showStdout, finishRun, clearViews, updateHash, failureOf, renderGraph, fitGraph }) {
  const root = document.documentElement;
  const scrub = $('train-scrub');
  let scrubbing = null; // the time-travel snapshot shown, or null for the live state
  const trainPanel = $('train-panel');
  const graphPanel = document.querySelector('.graph-panel');
  const boundary = createBoundaryView($('train-canvas'));
  const lossChart = createLossChart($('train-chart'));
  let graphShown = false;
  let inspectTimer = 0;

  const pct = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
  const trainer = createTrainer({
    client,
    boundary,
    chart: lossChart,
    onUpdate(st) {
      if (scrubbing && (st.phase !== 'paused' || st.busy)) { scrubbing = null; root.dataset.trainScrub = ''; lossChart.mark(null); }
      $('train-play').textContent = st.phase === 'training' ? '❚❚ Pause' : '▶ Train';
      $('train-play').disabled = st.phase === 'idle';
      $('train-step').disabled = st.phase !== 'paused' || st.busy;
      $('train-step-count').textContent = `step ${st.step}`;
      const parts = st.loss === null ? [] : [`loss ${fmt(st.loss)}`];
      if (st.testLoss !== null && st.testLoss !== undefined) parts.push(`test loss ${fmt(st.testLoss)}`);
      if (st.acc !== null && st.acc !== undefined) parts.push(`acc ${pct(st.acc)}`);
      if (st.testAcc !== null && st.testAcc !== undefined) parts.push(`test acc ${pct(st.testAcc)}`);
      $('train-metrics').textContent = parts.join(' · ');
      Object.assign(root.dataset, {
        trainPhase: st.phase, trainStep: String(st.step), trainLoss: st.loss === null ? '' : String(st.loss),
        trainAcc: st.acc === null || st.acc === undefined ? '' : String(st.acc), trainBusy: st.busy ? '1' : '0',
      });
        syncScrub();
    // While training, the graph panel and the inspector follow at most once a second.
      if (st.phase === 'training' && graphShown && !inspectTimer) inspectTimer = setTimeout(() => { inspectTimer = 0; trainInspect(); }, 1000);
    },
    onReady(r) {
      showFailure(null);
      showStdout(r.stdout);
      setStatus('Ready to train', 'ok');
      finishRun('ok');
      trainInspect();
    },
    onError(err) {
      if (err.name === 'NoSession') { setStatus('The engine was restarted: press Reset', 'bad'); return; }
      state.error = failureOf(err);
      showFailure(state.error);
      state.result = null;
      clearViews('Fix the error to see the graph.');
      setStatus('Error', 'bad');
      finishRun('error');
    },
    onInspect: () => trainInspect(),
  });

  /** The model's graph (state.var, default the loss) and its parameters' values and grads. */
  async function trainInspect() {
    if (!trainer.run) return;
    try {
      const r = await client.request('trainInspect', { var: state.var });
      if (!trainer.run) return;
      // While the scrubber shows a past step, the parameters shown are that step's.
      state.result = { run: { tensors: scrubbing ? scrubbing.tensors : r.tensors, stdout: '' }, graph: r.graph, graphError: r.graphError };
      renderGraph();
    } catch {
      // The session is gone (reset or restart); the next reset inspects again.
    }
  }

  function trainReset() {
    state.trainSource = editor.getValue();
    state.source = state.trainSource;
    setStatus('Building the dataset and the model…', 'busy');
    syncLearningRate();
    updateHash();
    return trainer.reset(state.train, state.trainSource);
  }

  const LRS = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
  function syncLearningRate() {
    const sel = $('train-lr');
    const o = findOptimizer(editor.getValue());
    clear(sel);
    const lr = o && o.lr !== null ? o.lr : null;
    const values = lr === null || LRS.includes(lr) ? LRS : [...LRS, lr].sort((a, b) => a - b);
    for (const v of values) sel.append(h('option', { value: String(v) }, String(v)));
    sel.disabled = lr === null;
    sel.title = lr === null ? 'No `opt = torch.optim.X(..., lr=...)` line in the code' : sel.title;
    if (lr !== null) sel.value = String(lr);
  }

  function syncTrainControls() {
    const t = state.train;
    $('train-dataset').value = t.dataset;
    $('train-n').value = String(t.n);
    $('train-noise').value = String(t.noise);
    $('train-noise-out').textContent = String(t.noise);
    $('train-seed').value = String(t.seed);
    $('train-split').value = String(t.split);
    $('train-spf').value = String(t.spf);
    trainer.setStepsPerFrame(t.spf);
  }

  for (const [key, d] of Object.entries(DATASETS)) $('train-dataset').append(h('option', { value: key }, d.title));
  for (const n of SIZES) $('train-n').append(h('option', { value: String(n) }, String(n)));
  for (const f of SPLITS) $('train-split').append(h('option', { value: String(f) }, f ? `${Math.round(f * 100)}% test` : 'none'));
  for (const k of STEPS_PER_FRAME) $('train-spf').append(h('option', { value: String(k) }, String(k)));

  function changeData(patch) {
    const before = state.train.dataset;
    state.train = { ...normalizeDataOptions({ ...state.train, ...patch }), spf: state.train.spf };
    // A new task (classification <-> regression) brings its template, unless the code was edited.
    if (state.train.dataset !== before && editor.getValue() === templateFor(before)) editor.setValue(templateFor(state.train.dataset));
    if (patch.dataset && patch.noise === undefined) state.train.noise = DATASETS[state.train.dataset].noise;
    syncTrainControls();
    trainReset();
  }
  $('train-dataset').addEventListener('change', (e) => changeData({ dataset: e.target.value, noise: undefined }));
  $('train-n').addEventListener('change', (e) => changeData({ n: Number(e.target.value) }));
  $('train-noise').addEventListener('input', (e) => { $('train-noise-out').textContent = e.target.value; });
  $('train-noise').addEventListener('change', (e) => changeData({ noise: Number(e.target.value) }));
  $('train-seed').addEventListener('change', (e) => changeData({ seed: Number(e.target.value) }));
  $('train-split').addEventListener('change', (e) => changeData({ split: Number(e.target.value) }));
  $('train-spf').addEventListener('change', (e) => {
    state.train.spf = Number(e.target.value);
    trainer.setStepsPerFrame(state.train.spf);
    updateHash();
  });
  $('train-lr').addEventListener('change', async (e) => {
    try {
      const code = await trainer.setLearningRate(editor.getValue(), Number(e.target.value));
      if (code !== null) {
        editor.setValue(code);
        state.trainSource = code;
        state.source = code;
        updateHash();
      }
    } catch (err) {
      setStatus(`Could not change the learning rate: ${err.message}`, 'bad');
    }
  });
  $('train-play').addEventListener('click', () => (trainer.status().phase === 'training' ? trainer.pause() : trainer.play()));
  $('train-step').addEventListener('click', () => trainer.step());
  $('train-reset').addEventListener('click', () => trainReset());

  function showGraph(on) {
    graphShown = on;
    graphPanel.hidden = state.mode === 'train' && !on;
    trainPanel.hidden = state.mode !== 'train' || on;
    if (on) { trainInspect(); fitGraph(); }
  }
  $('train-show-graph').addEventListener('click', () => showGraph(true));
  $('graph-back').addEventListener('click', () => showGraph(false));

  // ---- time travel: any kept step's boundary, loss, metrics, parameter values and gradients ----
  function syncScrub() {
    const hist = trainer.history();
    scrub.max = String(Math.max(0, hist.length - 1));
    scrub.disabled = hist.length < 2;
    if (!scrubbing) scrub.value = scrub.max;
  }
  function showSnapshot(i) {
    const hist = trainer.history();
    const snap = hist[i];
    if (!snap) return;
    if (trainer.status().phase === 'training') trainer.pause();
    const live = i === hist.length - 1;
    scrubbing = live ? null : snap;
    root.dataset.trainScrub = live ? '' : String(snap.step);
    boundary.setGrid(snap.grid);
    lossChart.mark(live ? null : snap.step);
    $('train-step-count').textContent = live ? `step ${trainer.status().step}` : `step ${snap.step} of ${trainer.status().step}`;
    const parts = [`loss ${fmt(snap.loss)}`];
    if (snap.testLoss !== null && snap.testLoss !== undefined) parts.push(`test loss ${fmt(snap.testLoss)}`);
    if (snap.acc !== null && snap.acc !== undefined) parts.push(`acc ${pct(snap.acc)}`);
    if (snap.testAcc !== null && snap.testAcc !== undefined) parts.push(`test acc ${pct(snap.testAcc)}`);
    $('train-metrics').textContent = (live ? '' : `at step ${snap.step}: `) + parts.join(' · ');
    // The inspector reads parameter values and grads from the run's tensors: the snapshot's.
    if (state.result && snap.tensors) {
      state.result = { ...state.result, run: { ...state.result.run, tensors: snap.tensors } };
      renderGraph();
    }
  }
  scrub.addEventListener('input', () => showSnapshot(Number(scrub.value)));

  return {
    reset: trainReset,
    inspect: trainInspect,
    syncControls: syncTrainControls,
    showGraph,
    /** Leaves training mode (or the engine restarts): training stops, the run is forgotten. */
    stop() {
      trainer.stop();
      boundary.clear();
    },
    script: (code) => trainer.script(state.train, code),
  };
}
