// Offsets and positions over one text, and applying edits to it.
import type { Position, Span, TextEdit } from './model';

/**
 * Maps offsets to positions and back for one text. Lines end at \n, \r\n or a lone \r — as in VS Code and in
 * Markdown, so positions from remark and for the editor agree.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const n = text.length;
    let i = 0;
    // The next \r is looked for again only once passed: a page without one is not searched to its end per line.
    let cr = text.indexOf('\r');
    while (i < n) {
      const nl = text.indexOf('\n', i);
      if (cr !== -1 && cr < i) cr = text.indexOf('\r', i);
      if (nl === -1 && cr === -1) break;
      if (cr !== -1 && (nl === -1 || cr < nl)) {
        // \r\n is one break; a lone \r is a break of its own.
        i = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      } else {
        i = nl + 1;
      }
      starts.push(i);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset just past the last character of `line` (before its \r\n, \n or \r). */
  lineEnd(line: number): number {
    if (line >= this.starts.length - 1) return this.text.length;
    const next = this.starts[line + 1];
    return this.text.charCodeAt(next - 1) === 10 && next - 2 >= this.starts[line] && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  /** The line break that ends `line` (\r\n, \n or a lone \r; '' for the last line). */
  lineBreak(line: number): string {
    return line >= this.starts.length - 1 ? '' : this.text.slice(this.lineEnd(line), this.starts[line + 1]);
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(o, this.lineEnd(lo)) - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  span(startOffset: number, endOffset: number): Span {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function span(startLine: number, startChar: number, endLine: number, endChar: number): Span {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function spanContains(outer: Span, inner: Span): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** Applies non-overlapping edits (in any order) and returns the new text; throws when two edits overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[], index: LineIndex = new LineIndex(text)): string {
  const resolved = edits
    .map((e) => ({ start: index.offsetAt(e.span.start), end: index.offsetAt(e.span.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of resolved) {
    if (e.start < at) throw new Error('overlapping edits');
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** True when two edit lists touch a common range (so they cannot be applied together). */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const xBeforeY = comparePositions(x.span.end, y.span.start) <= 0;
      const yBeforeX = comparePositions(y.span.end, x.span.start) <= 0;
      // Two insertions at the same point conflict too: their order would be arbitrary.
      const samePoint = comparePositions(x.span.start, y.span.start) === 0;
      if ((!xBeforeY && !yBeforeX) || samePoint) return true;
    }
  }
  return false;
}
