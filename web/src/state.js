// All of the playground's state that matters to a user, and its URL form.
// The hash is "#code=z.<base64url(deflate-raw(utf8))>" (or "b.<base64url(utf8)>" where the
// browser lacks CompressionStream) plus "&var=<name>" and "&node=<name>" when set. Training mode adds
// "&mode=train&data=moons&n=200&noise=0.1&seed=0&split=0&spf=10"; its code is the model code.

export function createState() {
  return {
    source: '',
    var: '', // the variable whose graph is drawn ('' = the engine's default)
    selected: null, // selected node id of the current graph
    selectedName: '', // its variable name, kept across runs
    result: null, // {run, graph, graphError, features} of the last successful run
    error: null, // {message, line, col} of the last failed run
    running: false,
    mode: 'script', // 'script' | 'train'
    scriptSource: '', // the script of script mode while training mode is shown, and vice versa
    trainSource: '',
    train: { dataset: 'moons', n: 200, noise: 0.1, seed: 0, split: 0, spf: 10 },
  };
}

const toB64url = (bytes) => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromB64url = (text) => {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeSource(source) {
  const bytes = new TextEncoder().encode(source);
  try {
    return 'z.' + toB64url(await pipe(bytes, new CompressionStream('deflate-raw')));
  } catch {
    return 'b.' + toB64url(bytes);
  }
}

export async function decodeSource(code) {
  const [kind, data] = [code.slice(0, 2), code.slice(2)];
  if (kind === 'z.') return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromB64url(data), new DecompressionStream('deflate-raw')));
  if (kind === 'b.') return new TextDecoder('utf-8', { fatal: true }).decode(fromB64url(data));
  throw new Error('unknown share-link format');
}

export async function stateToHash(state) {
  const params = new URLSearchParams();
  params.set('code', await encodeSource(state.source));
  if (state.mode === 'train') {
    params.set('mode', 'train');
    const t = state.train;
    for (const [k, v] of [['data', t.dataset], ['n', t.n], ['noise', t.noise], ['seed', t.seed], ['split', t.split], ['spf', t.spf]]) params.set(k, String(v));
  }
  if (state.var) params.set('var', state.var);
  if (state.selectedName) params.set('node', state.selectedName);
  return '#' + params.toString();
}

/** {source, var, node} from a location hash, or null when it holds no script. Throws on a corrupt link. */
export async function hashToState(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code');
  if (!code) return null;
  const mode = params.get('mode') === 'train' ? 'train' : 'script';
  const train = mode === 'train'
    ? { dataset: params.get('data') || '', n: params.get('n'), noise: params.get('noise'), seed: params.get('seed'), split: params.get('split'), spf: params.get('spf') }
    : null;
  return { source: await decodeSource(code), var: params.get('var') || '', node: params.get('node') || '', mode, train };
}
