// Number and tensor formatting shared by the views.

/** Engine numbers are numbers, or the strings "nan", "inf", "-inf" (JSON has no non-finite). */
export const num = (v) => (typeof v === 'string' ? Number(v.replace('inf', 'Infinity')) : Number(v));

export function fmt(v) {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  const x = num(v);
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e7) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(3);
  return String(Number(x.toPrecision(5)));
}

export const shapeStr = (shape) => (shape && shape.length ? `[${shape.join(', ')}]` : 'scalar');

/** "[1, 2, 3, …]" for a short preview list. */
export function preview(values, total) {
  if (!values) return '—';
  const parts = values.slice(0, 6).map(fmt);
  const more = (total ?? values.length) > parts.length;
  return `[${parts.join(', ')}${more ? ', …' : ''}]`;
}

export function stats(values) {
  let min = Infinity, max = -Infinity, sum = 0, sq = 0, n = 0, nan = 0;
  for (const v of values) {
    const x = num(v);
    if (Number.isNaN(x)) { nan++; continue; }
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
    sq += x * x;
    n++;
  }
  return { min, max, mean: n ? sum / n : NaN, norm: Math.sqrt(sq), count: values.length, nan };
}
