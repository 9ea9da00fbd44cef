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

export async function encodeSource(source) {
  const bytes = new TextEncoder().encode(source);
  try {
    const out = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return 'z.' + toB64url(new Uint8Array(await new Response(out).arrayBuffer()));
  } catch {
    return 'b.' + toB64url(bytes);
  }
}

// A shared script is at most this many bytes of UTF-8 once decompressed (the editor is not meant for
// more; a deflate "bomb" of ~27 KB would otherwise inflate to 20 MB and freeze the tab), and the
// link's code part at most this many characters before anything is decoded.
export const MAX_SOURCE_BYTES = 256 * 1024;
export const MAX_LINK_CHARS = 400 * 1024;

/** Raised for a link that is well-formed but too large; its message is shown as is. */
export class ShareLinkTooLarge extends Error {
  constructor(message) {
    super(message);
    this.name = 'ShareLinkTooLarge';
  }
}

/**
 * Inflates deflate-raw bytes chunk by chunk, counting the output: past `limit` bytes the stream is
 * cancelled at once (the rest is never inflated), so the time spent is bounded by the limit, not
 * by what the link would inflate to.
 */
export async function inflateCapped(bytes, limit = MAX_SOURCE_BYTES) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw new ShareLinkTooLarge(`This share link holds more than ${limit / 1024} KB of script once decompressed; it was not opened (the limit keeps a crafted link from freezing the page).`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.byteLength; }
  return out;
}

export async function decodeSource(code) {
  if (code.length > MAX_LINK_CHARS) throw new ShareLinkTooLarge(`This share link is ${Math.round(code.length / 1024)} KB long (the limit is ${MAX_LINK_CHARS / 1024} KB); it was not opened.`);
  const [kind, data] = [code.slice(0, 2), code.slice(2)];
  let bytes;
  if (kind === 'z.') bytes = await inflateCapped(fromB64url(data));
  else if (kind === 'b.') {
    bytes = fromB64url(data);
    if (bytes.length > MAX_SOURCE_BYTES) throw new ShareLinkTooLarge(`This share link holds more than ${MAX_SOURCE_BYTES / 1024} KB of script; it was not opened.`);
  } else throw new Error('unknown share-link format');
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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
