// Pipe tables as text: find them, split their rows into cells, and lay them out with aligned columns. Widths are
// display columns as a monospace editor draws them (wide East-Asian characters take two, combining marks none), so a
// Vietnamese table written with combining diacritics lines up as well as a precomposed one.
import stringWidth from 'string-width';
import { headerRoles } from './parse';
import type { TextEdit } from './model';
import type { LineIndex } from './text';

/** One cell of a table line: offsets into the line, trimmed content and the cell between its pipes. */
export interface RowCell {
  /** The trimmed source text (escaped pipes, `<br>`, links kept as written). */
  readonly raw: string;
  /** Offset of the trimmed content (an empty cell: just after its opening pipe, or the cell's start). */
  readonly start: number;
  readonly end: number;
  /** Offset of the pipe that opens the cell (or of the line's first character when there is no leading pipe). */
  readonly outerStart: number;
  /** Offset of the pipe that closes the cell (or the end of the line). */
  readonly outerEnd: number;
}

export interface SplitRow {
  /** Leading spaces before the table (0–3: more would make it code). */
  readonly indent: string;
  readonly cells: readonly RowCell[];
  readonly leadingPipe: boolean;
  readonly trailingPipe: boolean;
}

/** Splits a table line into cells on unescaped pipes (a backslash escapes the character after it, as in GFM). */
export function splitRow(line: string): SplitRow {
  const indent = /^[ \t]*/.exec(line)![0];
  const pipes: number[] = [];
  for (let i = indent.length; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') i++;
    else if (ch === '|') pipes.push(i);
  }
  const contentEnd = line.trimEnd().length;
  const leadingPipe = pipes[0] === indent.length;
  const trailingPipe = pipes.length > 0 && pipes[pipes.length - 1] === contentEnd - 1 && !(leadingPipe && pipes.length === 1);
  // Cell boundaries: each pipe, plus the line's edges where there is no pipe.
  const bounds = [...pipes];
  if (!leadingPipe) bounds.unshift(indent.length - 1);
  if (!trailingPipe) bounds.push(contentEnd);
  const cells: RowCell[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k] + 1;
    const to = bounds[k + 1];
    const slice = line.slice(from, to);
    const lead = slice.length - slice.trimStart().length;
    const raw = slice.trim();
    const start = raw.length === 0 ? Math.min(from + 1, to) : from + lead;
    cells.push({ raw, start, end: start + raw.length, outerStart: k === 0 && !leadingPipe ? indent.length : bounds[k], outerEnd: to });
  }
  return { indent, cells, leadingPipe, trailingPipe };
}

/** The index of the cell a cursor at `character` is in: after a cell's opening pipe, up to its closing pipe. */
export function cellIndexAt(row: SplitRow, character: number): number | undefined {
  for (let k = 0; k < row.cells.length; k++) {
    const c = row.cells[k];
    const opens = k === 0 && !row.leadingPipe ? c.outerStart : c.outerStart + 1;
    if (character >= opens && character <= c.outerEnd) {
      // Right before the closing pipe belongs to this cell; right after it, to the next one.
      return k;
    }
  }
  return undefined;
}

export type Alignment = 'none' | 'left' | 'center' | 'right';

const DELIMITER_CELL = /^:?-+:?$/;

function alignmentOf(cell: string): Alignment {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : 'none';
}

/** Display width in a monospace editor. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

function pad(text: string, width: number, align: Alignment): string {
  const gap = Math.max(0, width - displayWidth(text));
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + text + ' '.repeat(gap - Math.floor(gap / 2));
  return text + ' '.repeat(gap);
}

function delimiterCell(width: number, align: Alignment): string {
  switch (align) {
    case 'center': return ':' + '-'.repeat(Math.max(1, width - 2)) + ':';
    case 'left': return ':' + '-'.repeat(Math.max(2, width - 1));
    case 'right': return '-'.repeat(Math.max(2, width - 1)) + ':';
    default: return '-'.repeat(Math.max(3, width));
  }
}

/**
 * The lines of a pipe table (header, delimiter row, body rows) laid out with aligned columns: every cell padded to
 * its column's display width (by the column's alignment), alignment markers kept, missing cells added empty, cell
 * content kept exactly. Cells beyond the header's count (which Markdown drops) are kept after the table's columns.
 * Undefined when the lines are not a table (no delimiter row, or header and delimiter disagree on the cell count).
 */
export function formatTableLines(lines: readonly string[]): string[] | undefined {
  if (lines.length < 2) return undefined;
  const header = splitRow(lines[0]);
  const delimiter = splitRow(lines[1]);
  const n = header.cells.length;
  if (n === 0 || delimiter.cells.length !== n || !delimiter.cells.every((c) => DELIMITER_CELL.test(c.raw))) return undefined;
  // A table without a leading pipe on a one-column header is ambiguous with prose: require a pipe somewhere.
  if (n === 1 && !header.leadingPipe && !header.trailingPipe) return undefined;
  const aligns = delimiter.cells.map((c) => alignmentOf(c.raw));
  const rows = [header, ...lines.slice(2).map(splitRow)].map((r) => r.cells.map((c) => c.raw));
  const widths = aligns.map((_, k) => Math.max(3, ...rows.map((r) => displayWidth(r[k] ?? ''))));
  const indent = header.indent.length <= 3 ? header.indent : '';
  const render = (cells: readonly string[]): string => {
    const own = widths.map((w, k) => ` ${pad(cells[k] ?? '', w, aligns[k])} `);
    const extra = cells.slice(n).map((c) => ` ${c} `);
    return `${indent}|${[...own, ...extra].join('|')}|`;
  };
  const out = [render(rows[0]), `${indent}|${widths.map((w, k) => ` ${delimiterCell(w, aligns[k])} `).join('|')}|`];
  for (const r of rows.slice(1)) out.push(render(r));
  return out;
}

/** A table's lines: [start, end), header first. */
export interface TableBlock {
  readonly start: number;
  readonly end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * Every pipe table of a Markdown text (front matter, fenced code and HTML comments skipped). A table is a header
 * line, a delimiter row with as many cells, and the lines after them up to a blank line, a heading, a fence or a
 * line without a pipe.
 */
export function findTables(index: LineIndex): TableBlock[] {
  const out: TableBlock[] = [];
  let line = 0;
  const first = index.lineText(0).replace(/^\uFEFF/, '');
  if (/^(-{3}|\+{3})\s*$/.test(first)) {
    const close = first.trim();
    for (line = 1; line < index.lineCount; line++) {
      const t = index.lineText(line).trim();
      if (t === close || (close === '---' && t === '...')) break;
    }
    line++;
  }
  let fence: string | undefined;
  let comment = false;
  for (; line < index.lineCount; line++) {
    const text = index.lineText(line);
    if (fence) {
      if (text.trimStart().startsWith(fence) && text.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    if (comment) {
      if (text.includes('-->')) comment = false;
      continue;
    }
    const f = FENCE.exec(text);
    if (f) {
      fence = f[1][0].repeat(f[1].length);
      continue;
    }
    if (/^ {0,3}<!--/.test(text) && !text.includes('-->')) {
      comment = true;
      continue;
    }
    if (line + 1 >= index.lineCount || !text.includes('|') || /^ {4}|^\t/.test(text) || HEADING.test(text)) continue;
    const next = index.lineText(line + 1);
    if (!DELIMITER_ROW.test(next) || !next.includes('-')) continue;
    if (splitRow(text).cells.length !== splitRow(next).cells.length) continue;
    let end = line + 2;
    while (end < index.lineCount) {
      const row = index.lineText(end);
      if (row.trim() === '' || HEADING.test(row) || FENCE.test(row) || !row.includes('|')) break;
      end++;
    }
    out.push({ start: line, end });
    line = end - 1;
  }
  return out;
}

/** The table whose lines include `line`, if any. */
export function tableAt(index: LineIndex, line: number): TableBlock | undefined {
  return findTables(index).find((t) => line >= t.start && line < t.end);
}

/** True when a table's header names a date column (Start Date, Ngày bắt đầu …): a worklog task table. */
export function isTaskTable(index: LineIndex, block: TableBlock): boolean {
  const roles = headerRoles(splitRow(index.lineText(block.start)).cells.map((c) => c.raw));
  return roles.start !== undefined || roles.end !== undefined || roles.date !== undefined;
}

/** Edits that lay out one table (one edit per changed line, each replacing that line's text); empty when it is laid out. */
export function formatTableEdits(index: LineIndex, block: TableBlock): TextEdit[] {
  const lines: string[] = [];
  for (let l = block.start; l < block.end; l++) lines.push(index.lineText(l));
  const formatted = formatTableLines(lines);
  if (!formatted) return [];
  const edits: TextEdit[] = [];
  formatted.forEach((text, i) => {
    if (text === lines[i]) return;
    const line = block.start + i;
    edits.push({ span: { start: { line, character: 0 }, end: { line, character: lines[i].length } }, newText: text });
  });
  return edits;
}

/** Edits that lay out every task table with a line in [fromLine, toLine] (other tables and text are left alone). */
export function formatTaskTablesInRange(index: LineIndex, fromLine: number, toLine: number): TextEdit[] {
  return findTables(index)
    .filter((t) => t.start <= toLine && t.end - 1 >= fromLine && isTaskTable(index, t))
    .flatMap((t) => formatTableEdits(index, t));
}
