// DOM helpers. User text only ever becomes text nodes (textContent); there is no innerHTML here.
const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.setAttribute('class', v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** h('div', {class: 'x', onclick: f}, 'text', child) */
export const h = (tag, attrs, ...children) => apply(document.createElement(tag), attrs, children);
/** The same for SVG elements (createElementNS). */
export const s = (tag, attrs, ...children) => apply(document.createElementNS(SVG_NS, tag), attrs, children);

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export const $ = (id) => document.getElementById(id);
