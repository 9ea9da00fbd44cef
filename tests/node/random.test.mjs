// The wasm build's random normals against PyTorch's (tests/node/goldens/random_normal.json, made by
// gen_random_goldens.py with Debian's python3-torch). float32 normals must match bit for bit.
// float64 normals go through log/sin/cos in double: PyTorch calls glibc's, the wasm build correctly
// rounded ones (engine/core/cr_math.cpp), which round differently from glibc's in ~0.1% of calls
// — and glibc itself answers differently on CPUs with and without FMA. So float64 values must be
// within 2 ulp, and at most 0.5% of them may differ at all (~0.16% expected; musl's functions,
// used before, gave ~3%).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { init } from '../../dist/index.js';

const tl = await init();
const goldens = JSON.parse(readFileSync(new URL('./goldens/random_normal.json', import.meta.url), 'utf8'));

function decode(c) {
  const bytes = Buffer.from(c.values, 'base64');
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return c.dtype === 'float64' ? new Float64Array(buf) : new Float32Array(buf);
}

function draw(c) {
  tl.manualSeed(c.seed);
  const parts = c.sizes.map((n) => tl.randn([n], { dtype: c.dtype }).data());
  const out = new (c.dtype === 'float64' ? Float64Array : Float32Array)(parts.reduce((s, p) => s + p.length, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}

// Distance in ulps between two float64 values of the same sign (Infinity when the signs differ).
function ulps64(a, b) {
  const ia = new BigInt64Array(new Float64Array([a]).buffer)[0];
  const ib = new BigInt64Array(new Float64Array([b]).buffer)[0];
  if ((ia < 0n) !== (ib < 0n)) return a === b ? 0 : Infinity;
  const d = ia > ib ? ia - ib : ib - ia;
  return Number(d);
}

for (const c of goldens.cases) {
  test(`randn ${c.name} (seed ${c.seed}, sizes ${c.sizes.length > 8 ? `${c.sizes.length} x ${c.sizes[0]}` : c.sizes.join(',')}) matches PyTorch`, () => {
    const want = decode(c);
    const got = draw(c);
    assert.equal(got.length, want.length);
    if (c.dtype === 'float32') {
      for (let i = 0; i < want.length; ++i) {
        if (!Object.is(got[i], want[i])) assert.fail(`value ${i}: got ${got[i]}, PyTorch ${want[i]}`);
      }
      return;
    }
    let differ = 0;
    for (let i = 0; i < want.length; ++i) {
      if (got[i] === want[i]) continue;
      ++differ;
      const u = ulps64(got[i], want[i]);
      if (u > 2) assert.fail(`value ${i}: got ${got[i]}, PyTorch ${want[i]} (${u} ulp apart)`);
    }
    assert.ok(differ <= want.length * 0.005, `${differ} of ${want.length} float64 values differ from PyTorch's in the last bits (allowed 0.5%)`);
    console.log(`# ${c.name}: ${differ} of ${want.length} float64 values differ from PyTorch's by 1-2 ulp`);
  });
}
