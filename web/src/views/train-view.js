// Training views: the data and the decision boundary (canvas: a heatmap of P(class 1) under the
// points, or the regression curve over the points) and the loss curve (SVG). Render only.
import { s, clear } from '../dom.js';

const tick = (v) => (v >= 0.01 ? String(Number(v.toPrecision(2))) : v.toExponential(0));
const C0 = [37, 99, 235], C1 = [234, 88, 12]; // class 0 blue, class 1 orange

export function createBoundaryView(canvas) {
  let data = null; // {task, bounds, X, y, Xtest, ytest, res}
  let grid = null;
  const ctx = canvas.getContext('2d');
  const heat = document.createElement('canvas');

  function size() {
    const r = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(r.width * dpr)), h = Math.max(1, Math.round(r.height * dpr));
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    return { w, h, dpr };
  }

  function draw() {
    const { w, h, dpr } = size();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    if (!data) return;
    const b = data.bounds;
    const side = data.task === 'classification' ? Math.min(w, h) : null;
    const ox = side ? (w - side) / 2 : 0, oy = side ? (h - side) / 2 : 0;
    const pw = side || w, ph = side || h;
    const px = (x) => ox + ((x - b.x0) / (b.x1 - b.x0)) * pw;
    const py = (y) => oy + ((b.y1 - y) / (b.y1 - b.y0)) * ph;
    if (data.task === 'classification') {
      if (grid && grid.length === data.res * data.res) {
        heat.width = data.res;
        heat.height = data.res;
        const hc = heat.getContext('2d');
        const img = hc.createImageData(data.res, data.res);
        for (let i = 0; i < grid.length; i++) {
          const p = grid[i], t = Math.abs(p - 0.5) * 2, c = p >= 0.5 ? C1 : C0;
          const a = 0.1 + 0.45 * t;
          img.data[i * 4] = Math.round(255 * (1 - a) + c[0] * a);
          img.data[i * 4 + 1] = Math.round(255 * (1 - a) + c[1] * a);
          img.data[i * 4 + 2] = Math.round(255 * (1 - a) + c[2] * a);
          img.data[i * 4 + 3] = 255;
        }
        hc.putImageData(img, 0, 0);
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(heat, ox, oy, pw, ph);
      }
      const dots = (X, y, test) => {
        if (!X) return;
        for (let i = 0; i < y.length; i++) {
          const c = y[i] ? C1 : C0;
          ctx.beginPath();
          ctx.arc(px(X[2 * i]), py(X[2 * i + 1]), 3.6 * dpr, 0, 2 * Math.PI);
          ctx.fillStyle = test ? '#ffffff' : `rgb(${c.join(',')})`;
          ctx.fill();
          ctx.lineWidth = (test ? 1.8 : 1) * dpr;
          ctx.strokeStyle = test ? `rgb(${c.join(',')})` : '#ffffff';
          ctx.stroke();
        }
      };
      dots(data.X, data.y, false);
      dots(data.Xtest, data.ytest, true);
    } else {
      ctx.strokeStyle = '#e2e8f0';
      ctx.lineWidth = dpr;
      ctx.beginPath();
      ctx.moveTo(0, py(0)); ctx.lineTo(w, py(0));
      ctx.moveTo(px(0), 0); ctx.lineTo(px(0), h);
      ctx.stroke();
      const dots = (X, y, test) => {
        if (!X) return;
        for (let i = 0; i < y.length; i++) {
          ctx.beginPath();
          ctx.arc(px(X[i]), py(y[i]), 3.4 * dpr, 0, 2 * Math.PI);
          ctx.fillStyle = test ? '#ffffff' : 'rgb(37,99,235)';
          ctx.fill();
          ctx.lineWidth = (test ? 1.8 : 1) * dpr;
          ctx.strokeStyle = test ? 'rgb(234,88,12)' : '#ffffff';
          ctx.stroke();
        }
      };
      dots(data.X, data.y, false);
      dots(data.Xtest, data.ytest, true);
      if (grid && grid.length === data.res) {
        ctx.beginPath();
        for (let i = 0; i < grid.length; i++) {
          const x = b.x0 + ((b.x1 - b.x0) * i) / (grid.length - 1);
          const yy = Math.min(b.y1 + 10, Math.max(b.y0 - 10, grid[i]));
          if (i) ctx.lineTo(px(x), py(yy)); else ctx.moveTo(px(x), py(yy));
        }
        ctx.strokeStyle = '#dc2626';
        ctx.lineWidth = 2.5 * dpr;
        ctx.stroke();
      }
    }
    canvas.dataset.frames = String(Number(canvas.dataset.frames || 0) + 1);
  }

  new ResizeObserver(() => draw()).observe(canvas);
  return {
    setData(d) { data = d; grid = null; draw(); },
    setGrid(g) { grid = g; draw(); },
    clear() { data = null; grid = null; draw(); },
  };
}

/** The loss curve: train (and test) loss against the step, log-scaled y. */
export function createLossChart(container) {
  const svg = s('svg', { class: 'loss-svg', role: 'img', 'aria-label': 'Loss curve' });
  container.append(svg);
  let last = { train: [], test: [] };
  let marker = null; // a step marked by the time-travel scrubber

  function render(train = last.train, test = last.test) {
    last = { train, test };
    clear(svg);
    const r = container.getBoundingClientRect();
    const W = Math.max(120, r.width), H = Math.max(60, r.height);
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    const m = { l: 44, r: 10, t: 8, b: 20 };
    const all = [...train, ...test].map((p) => p[1]).filter((v) => Number.isFinite(v) && v > 0);
    svg.dataset.points = String(train.length);
    if (!all.length) {
      svg.append(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'chart-empty', text: 'The loss curve appears when training starts.' }));
      return;
    }
    let lo = Math.log10(Math.min(...all)), hi = Math.log10(Math.max(...all));
    if (hi - lo < 0.3) { lo -= 0.15; hi += 0.15; }
    lo = Math.floor(lo * 2) / 2; hi = Math.ceil(hi * 2) / 2;
    const maxStep = Math.max(1, ...train.map((p) => p[0]), ...test.map((p) => p[0]));
    const X = (st) => m.l + (st / maxStep) * (W - m.l - m.r);
    const Y = (v) => m.t + ((hi - Math.log10(Math.max(v, 1e-30))) / (hi - lo)) * (H - m.t - m.b);
    const axes = s('g', { class: 'chart-axes' });
    const step = hi - lo > 4 ? 1 : 0.5;
    for (let e = lo; e <= hi + 1e-9; e += step) {
      axes.append(s('line', { x1: m.l, x2: W - m.r, y1: Y(10 ** e), y2: Y(10 ** e), class: 'grid-line' }));
      axes.append(s('text', { x: m.l - 4, y: Y(10 ** e) + 3.5, 'text-anchor': 'end', text: tick(10 ** e) }));
    }
    axes.append(s('text', { x: m.l, y: H - 5, text: '0' }), s('text', { x: W - m.r, y: H - 5, 'text-anchor': 'end', text: `step ${maxStep}` }));
    svg.append(axes);
    const path = (pts, cls) => {
      const every = Math.max(1, Math.ceil(pts.length / 800));
      let d = '';
      pts.forEach((p, i) => {
        if (i % every && i !== pts.length - 1) return;
        if (!Number.isFinite(p[1])) return;
        d += `${d ? 'L' : 'M'}${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`;
      });
      if (d) svg.append(s('path', { d, class: cls, fill: 'none' }));
    };
    if (marker !== null) svg.append(s('line', { class: 'scrub-marker', x1: X(marker), x2: X(marker), y1: m.t, y2: H - m.b }));
    path(train, 'loss-train');
    path(test, 'loss-test');
    const legend = s('g', { class: 'chart-legend' }, s('text', { x: W - m.r, y: m.t + 10, 'text-anchor': 'end', class: 'lg-train', text: test.length ? 'train ── ' : 'train loss' }));
    if (test.length) legend.append(s('text', { x: W - m.r, y: m.t + 23, 'text-anchor': 'end', class: 'lg-test', text: 'test ── ' }));
    svg.append(legend);
  }
  new ResizeObserver(() => render()).observe(container);
  return { render, mark(step) { marker = step; render(); } };
}
