// The script editor: CodeMirror 6 with Python highlighting, Mod-Enter to run, engine errors as
// inline diagnostics, and a line highlight for "show me where this tensor was made".
import { EditorView, basicSetup } from 'codemirror';
import { keymap, Decoration } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import { indentUnit } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { setDiagnostics, lintGutter } from '@codemirror/lint';

const flashLine = StateEffect.define();
const flashField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(flashLine)) {
        deco = e.value === null ? Decoration.none : Decoration.set([Decoration.line({ class: 'cm-source-line' }).range(e.value)]);
      }
    }
    if (tr.docChanged) deco = Decoration.none;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// Lines linked to the graph node under the pointer (graph -> editor hover linking).
const hoverLines = StateEffect.define();
const hoverField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(hoverLines)) deco = Decoration.set(e.value.map((from) => Decoration.line({ class: 'cm-linked-line' }).range(from)), true);
    }
    if (tr.docChanged) deco = Decoration.none;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// The editor lives in a shadow root: CodeMirror then puts its styles in a constructed
// (adopted) stylesheet instead of a <style> element, which the page's CSP (style-src 'self',
// no 'unsafe-inline') would block.
const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13.5px', backgroundColor: '#ffffff' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace', lineHeight: '1.55' },
  // Gutter numbers dark enough for WCAG AA contrast (4.5:1) on the gutter background.
  '.cm-gutters': { backgroundColor: '#f8fafc', borderRight: '1px solid #e2e8f0', color: '#526075' },
  '.cm-linked-line': { backgroundColor: '#e0f2fe' },
  '.cm-activeLineGutter': { backgroundColor: '#eef2f7' },
  '.cm-source-line': { backgroundColor: '#fef9c3' },
  '.cm-tooltip-lint': { fontFamily: 'ui-sans-serif, system-ui, sans-serif', fontSize: '12.5px' },
});

export function createEditor(parent, { doc = '', onRun = () => {}, onChange = () => {}, onHoverLine = () => {} } = {}) {
  const shadow = parent.attachShadow({ mode: 'open' });
  const mount = document.createElement('div');
  mount.className = 'cm-host';
  mount.style.height = '100%';
  shadow.append(mount);
  const view = new EditorView({
    parent: mount,
    root: shadow,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        theme,
        EditorView.lineWrapping,
        python(),
        indentUnit.of('    '),
        lintGutter(),
        flashField,
        hoverField,
        // Tab indents (and Shift+Tab dedents) inside the editor; Escape then Tab leaves it, as
        // CodeMirror's accessibility guidance describes.
        keymap.of([indentWithTab]),
        Prec.highest(keymap.of([{ key: 'Mod-Enter', preventDefault: true, run: () => (onRun(), true) }])),
        EditorView.updateListener.of((u) => u.docChanged && onChange()),
        EditorView.contentAttributes.of({ 'aria-label': 'Script editor' }),
      ],
    }),
  });

  // Editor -> graph hover linking: the line under the pointer (0 when it leaves the text).
  let lastHover = 0;
  const hoverAt = (line) => { if (line !== lastHover) { lastHover = line; onHoverLine(line); } };
  view.contentDOM.addEventListener('mousemove', (e) => {
    const pos = view.posAtCoords({ x: e.clientX, y: e.clientY });
    hoverAt(pos === null ? 0 : view.state.doc.lineAt(pos).number);
  });
  view.contentDOM.addEventListener('mouseleave', () => hoverAt(0));

  const lineAt = (line) => view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));

  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    /** Shows an engine error ({message, line, col}, 1-based) inline, or clears it (null). */
    setError(err) {
      if (!err || !err.line) {
        view.dispatch(setDiagnostics(view.state, []));
        return;
      }
      const line = lineAt(err.line);
      const from = Math.min(line.from + Math.max(0, (err.col || 1) - 1), line.to);
      // Mark from the column to the end of the word (at least one character).
      const rest = view.state.doc.sliceString(from, line.to);
      const word = /^[\w.]+/.exec(rest);
      const to = Math.min(line.to, from + Math.max(1, word ? word[0].length : 1));
      view.dispatch(setDiagnostics(view.state, [{ from, to: Math.max(to, from), severity: 'error', message: err.message, source: 'tensorlens' }]));
    },
    /** Marks source lines (1-based) linked to the hovered graph node; [] clears. */
    markLines(lines) {
      const valid = [...new Set(lines)].filter((l) => l >= 1 && l <= view.state.doc.lines).sort((a, b) => a - b);
      view.dispatch({ effects: hoverLines.of(valid.map((l) => view.state.doc.line(l).from)) });
    },
    /** Highlights a source line (1-based) and moves the cursor there, or clears the highlight. */
    highlightLine(lineNo, col = 1) {
      if (!lineNo) {
        view.dispatch({ effects: flashLine.of(null) });
        return;
      }
      const line = lineAt(lineNo);
      const pos = Math.min(line.from + Math.max(0, col - 1), line.to);
      view.dispatch({
        selection: { anchor: pos },
        effects: [flashLine.of(line.from), EditorView.scrollIntoView(pos, { y: 'center' })],
      });
    },
  };
}
