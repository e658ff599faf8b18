// The one parser: text → WorklogPage. Front matter through gray-matter + yaml/smol-toml; tables and lists through
// unified + remark-parse with the GFM table extension. Only the parts a worklog check needs are handed to remark
// (each table block, the objectives section, links of an index page): most prose needs no parser, and a line scan
// that knows fences and headings finds those parts cheaply.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { List, Root, Table, TableRow as MdTableRow, ListItem as MdListItem, PhrasingContent } from 'mdast';
import { readFrontMatter } from './frontMatter';
import { plainCellText, readDayLabel, scanDates } from './dates';
import type {
  BrokenTable, Cell, Position, ColumnRole, FrontMatter, Heading, ListItem, Span, TableRow, TaskRow, TaskTable,
  WeekNumberSource, WorklogPage,
} from './model';
import { LineIndex } from './text';
import { guessLanguage, pathFacts, weekInPre, weekInText } from './weeks';

const INLINE_CONSTRUCTS = ['attention', 'autolink', 'characterReference', 'codeText', 'htmlText', 'labelStartImage', 'labelStartLink', 'labelEnd', 'hardBreakEscape'];

/**
 * Remark with only the GFM table extension: autolinks, footnotes and the rest of GFM are not needed here. Inline
 * constructs are turned off too: cells are read from their exact source (the table's structure — rows, cells,
 * escaped pipes — is decided by the table tokenizer before any inline parsing, so it does not change), and inline
 * parsing is most of remark's cost on a task table.
 */
function tableOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable(), { disable: { null: INLINE_CONSTRUCTS } });
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

let processor: Processor<Root> | undefined;
function remark(): Processor<Root> {
  processor ??= unified().use(remarkParse).use(tableOnly).freeze() as unknown as Processor<Root>;
  return processor;
}

export interface ParseOptions {
  /** Pages larger than this many characters are not parsed (a note is kept instead). */
  readonly maxSize?: number;
  /**
   * Hand every table and objectives list to remark, even those the plain reader below reads the same (tests compare
   * both readings; the result must not differ).
   */
  readonly reference?: boolean;
  /** Called when remark parses part of the page (the benchmark and calibration count the pages that need it). */
  readonly onRemark?: () => void;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

/**
 * An ATX heading: its depth and text (the closing #s dropped), or undefined. Read without a backtracking regular
 * expression: a line of any length is read in one pass.
 */
function atxHeading(line: string): [string, string, string | undefined] | undefined {
  const open = HEADING_OPEN.exec(line);
  if (!open) return undefined;
  let rest = line.slice(open[0].length).replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
  // A closing sequence of #s counts only after a space (or when it is all there is).
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  if (end === 0) rest = '';
  else if (end < rest.length && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) rest = rest.slice(0, end).replace(/[ \t]+$/, '');
  return [line, open[1], rest === '' ? undefined : rest];
}
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const MAX_OBJECTIVE_LINES = 400;
const OTHER_WEEK = /\b(?:plan|plans|planned|next|upcoming|previous|last|following)\b|kế hoạch|tiếp theo|sắp tới|tuần trước|tuần tới|tuần sau/iu;
const OBJECTIVES = /objective|mục tiêu|muc tieu|\bgoals?\b/iu;

/** Why a text is not checked: larger than the size limit, or binary (a NUL byte early on); undefined: it is. */
export function skipReason(text: string, maxSize = Infinity): 'binary' | 'too-large' | undefined {
  if (text.length > maxSize) return 'too-large';
  const nul = text.indexOf('\u0000');
  return nul !== -1 && nul < 8000 ? 'binary' : undefined;
}

/** Parses a page. `path` (POSIX separators) gives the week number and language the file name carries. */
export function parsePage(path: string, text: string, options: ParseOptions = {}): WorklogPage {
  const facts = pathFacts(path);
  const bom = text.charCodeAt(0) === 0xfeff;
  const nl = text.indexOf('\n');
  const eol: '\n' | '\r\n' = nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
  const base = {
    path, text, bom, eol,
    headings: [] as Heading[], objectives: [] as ListItem[], tables: [] as TaskTable[], brokenTables: [] as BrokenTable[],
    links: [] as { target: string; span: Span }[],
  };
  const skipped = skipReason(text, options.maxSize);
  if (skipped) {
    const small = new LineIndex(skipped === 'too-large' ? '' : text);
    return Object.assign({}, base, {
      lineIndex: small, lineCount: 1 + countNewlines(text), language: facts.language, languageSource: facts.language ? 'file' as const : 'none' as const,
      frontMatter: undefined, frontMatterProblem: undefined, weekSources: [], isIndex: false,
      skipped,
    });
  }

  const index = new LineIndex(text);
  const fm = readFrontMatter(index, bom);
  const weekSources: WeekNumberSource[] = [];
  collectFrontMatterWeeks(fm.frontMatter, weekSources);
  if (facts.folderWeek !== undefined) weekSources.push({ kind: 'folder', week: facts.folderWeek });
  if (facts.fileWeek !== undefined) weekSources.push({ kind: 'file', week: facts.fileWeek });

  // One pass over the body: fences, headings, table blocks and the objectives section.
  const tableBlocks: { from: number; to: number }[] = [];
  let objectivesBlock: { from: number; to: number } | undefined;
  let fence: string | undefined;
  let objectivesFrom = -1;
  let objectivesDepth = 0;
  let inComment = false;
  for (let line = fm.bodyLine; line < index.lineCount; line++) {
    const lt = index.lineText(line);
    if (fence) {
      if (lt.trimStart().startsWith(fence) && lt.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    if (inComment) {
      if (lt.includes('-->')) inComment = false;
      continue;
    }
    const f = FENCE.exec(lt);
    if (f) {
      fence = f[1][0].repeat(f[1].length);
      continue;
    }
    if (/^ {0,3}<!--/.test(lt) && !lt.includes('-->')) {
      inComment = true;
      continue;
    }
    const h = atxHeading(lt);
    if (h) {
      const depth = h[1].length;
      const headingText = plainCellText(h[2] ?? '');
      const start = lt.indexOf(h[1]);
      base.headings.push({ depth, text: headingText, span: { start: { line, character: start }, end: { line, character: lt.trimEnd().length } } });
      if (objectivesFrom >= 0 && depth <= objectivesDepth) {
        objectivesBlock ??= { from: objectivesFrom, to: line };
        objectivesFrom = -1;
      }
      if (objectivesFrom < 0 && !objectivesBlock && OBJECTIVES.test(headingText)) {
        objectivesFrom = line + 1;
        objectivesDepth = depth;
      }
      // "Plan for Week 4" on week 3's page is about another week: only headings naming this page's week count.
      const w = OTHER_WEEK.test(headingText) ? undefined : weekInText(h[2] ?? '');
      if (w) {
        const textStart = lt.indexOf(h[2] ?? '', start + depth);
        const numberSpan = { start: { line, character: textStart + w.index }, end: { line, character: textStart + w.index + w.length } };
        weekSources.push({ kind: 'heading', week: w.week, span: base.headings[base.headings.length - 1].span, numberSpan, numberText: (h[2] ?? '').slice(w.index, w.index + w.length) });
      }
      continue;
    }
    if (lt.includes('|') && line + 1 < index.lineCount && DELIMITER_ROW.test(index.lineText(line + 1)) && index.lineText(line + 1).includes('-')) {
      let end = line + 2;
      while (end < index.lineCount) {
        const next = index.lineText(end);
        if (next.trim() === '' || HEADING_OPEN.test(next) || FENCE.test(next)) break;
        end++;
      }
      tableBlocks.push({ from: line, to: end });
      line = end - 1;
    }
  }
  if (objectivesFrom >= 0 && !objectivesBlock) objectivesBlock = { from: objectivesFrom, to: index.lineCount };

  readBody(index, tableBlocks, objectivesBlock, base.tables, base.brokenTables, base.objectives, options);

  let language = facts.language;
  let languageSource: WorklogPage['languageSource'] = language ? 'file' : 'none';
  if (!language) {
    language = guessLanguage(text.slice(index.starts[Math.min(fm.bodyLine, index.lineCount - 1)]) || text);
    languageSource = 'text';
  }
  const isWeek = weekSources.some((s) => s.kind === 'folder' || s.kind === 'file' || s.kind === 'title') || (base.tables.length > 0 && !facts.isSectionFile);
  const isIndex = facts.isSectionFile && facts.folderWeek === undefined && !facts.isDayPage && !isWeek;
  if (isIndex) base.links.push(...readLinks(index, fm.bodyLine));
  // The fields are listed, not spread from `base`: `{ ...base, more }` is slow in V8 11 (see analysis.ts).
  return {
    path, text, bom, eol,
    headings: base.headings, objectives: base.objectives, tables: base.tables, brokenTables: base.brokenTables, links: base.links,
    lineIndex: index,
    lineCount: index.lineCount,
    language,
    languageSource,
    frontMatter: fm.frontMatter,
    frontMatterProblem: fm.problem,
    weekSources,
    isIndex,
  };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function collectFrontMatterWeeks(fm: FrontMatter | undefined, out: WeekNumberSource[]): void {
  if (!fm) return;
  const title = fm.entries.get('title');
  if (title && typeof title.value === 'string') {
    const w = weekInText(title.source);
    if (w) out.push({ kind: 'title', week: w.week, span: title.valueSpan, numberSpan: offsetSpan(title.valueSpan, w.index, w.length), numberText: title.source.slice(w.index, w.index + w.length) });
  }
  const pre = fm.entries.get('pre');
  if (pre && typeof pre.value === 'string') {
    const w = weekInPre(pre.source);
    if (w) out.push({ kind: 'pre', week: w.week, span: pre.valueSpan, numberSpan: offsetSpan(pre.valueSpan, w.index, w.length), numberText: pre.source.slice(w.index, w.index + w.length) });
  }
}

/** A span `length` long starting `offset` characters into a single-line span. */
function offsetSpan(s: Span, offset: number, length: number): Span | undefined {
  if (s.start.line !== s.end.line) return undefined;
  return { start: { line: s.start.line, character: s.start.character + offset }, end: { line: s.start.line, character: s.start.character + offset + length } };
}

// -----------------------------------------------------------------------------------------------------------------
// Tables

const ROLE_ALIASES: readonly [ColumnRole, RegExp][] = [
  ['start', /^(?:start(?:ing)?(?: date)?|from|begin|ngày (?:bắt đầu|bđ)|bắt đầu|ngày bat dau)$/u],
  ['end', /^(?:(?:completion|complete|completed|end|finish|finished|due)(?: date)?|to|ngày (?:hoàn thành|ht|kết thúc)|hoàn thành|kết thúc)$/u],
  ['day', /^(?:days?|no\.?|#|workday|weekday|thứ|ngày làm việc|stt|buổi|day of week)$/u],
  ['task', /^(?:tasks?|công việc(?: dự kiến| đã làm)?|nhiệm vụ|nội dung(?: công việc| thực hiện)?|work(?: content| completed)?|activities|activity|description|mô tả)$/u],
  ['reference', /^(?:references?(?: materials?| sources?)?(?: and .*)?|resources?|sources?|nguồn tài liệu.*|tài liệu(?: tham khảo)?|links?)$/u],
  ['date', /^(?:date|ngày thực hiện|ngày thực tế)$/u],
];

function normaliseHeader(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[*_`]/g, '').replace(/:$/, '').replace(/\s+/g, ' ').trim();
}

/** Which role each header cell names (a Vietnamese "Ngày" is the day label unless a day column exists already). */
export function headerRoles(headers: readonly string[]): Partial<Record<ColumnRole, number>> {
  const roles: Partial<Record<ColumnRole, number>> = {};
  headers.forEach((raw, i) => {
    const h = normaliseHeader(raw);
    if (h === 'ngày') {
      if (roles.day === undefined) roles.day = i;
      else roles.date ??= i;
      return;
    }
    for (const [role, re] of ROLE_ALIASES) {
      if (re.test(h)) {
        if (roles[role] === undefined) roles[role] = i;
        return;
      }
    }
  });
  // "Ngày" first and "Thứ" later: the Thứ column is the day label, "Ngày" holds dates.
  return roles;
}

/** Where a text ends once Markdown's white space (spaces and tabs only: a no-break space is text) is trimmed. */
function mdEnd(s: string): number {
  let b = s.length;
  while (b > 0 && (s.charCodeAt(b - 1) === 32 || s.charCodeAt(b - 1) === 9)) b--;
  return b;
}

/** Markdown's white space is spaces and tabs only (a no-break space is text). */
export function trimEndMd(s: string): string {
  return s.slice(0, mdEnd(s));
}

/** True when a row line ends with a closing pipe: an unescaped `|` that is not also the opening one. */
export function closedRow(lt: string): boolean {
  // Read by index, without trimmed copies of the line.
  const b = mdEnd(lt);
  let a = 0;
  while (a < b && (lt.charCodeAt(a) === 32 || lt.charCodeAt(a) === 9)) a++;
  return b - a > 1 && lt.charCodeAt(b - 1) === 124 /* | */ && lt.charCodeAt(b - 2) !== 92 /* \ */;
}

function splitCells(index: LineIndex, line: number): TableRow {
  // Used only for a header/delimiter pair remark does not see as a table: split on unescaped pipes.
  const lt = index.lineText(line);
  const cells: Cell[] = [];
  const leading = /^[ \t]*\|/.test(lt);
  let start = leading ? lt.indexOf('|') + 1 : 0;
  let outerStart = leading ? lt.indexOf('|') : 0;
  const trimmedEnd = mdEnd(lt);
  const closed = closedRow(lt);
  // A cell's outer span ends where the next one's starts: the same position object serves both.
  let outerStartAt: Position | undefined;
  for (let i = start; i <= trimmedEnd; i++) {
    const atEnd = i === trimmedEnd;
    if (atEnd || (lt.charCodeAt(i) === 124 /* | */ && lt.charCodeAt(i - 1) !== 92 /* \\ */)) {
      if (atEnd && closed) break;
      const cell = makeCell(lt, line, outerStart, start, i, outerStartAt);
      cells.push(cell);
      outerStartAt = cell.outer.end;
      outerStart = i;
      start = i + 1;
    }
  }
  return { line, span: { start: { line, character: 0 }, end: { line, character: lt.length } }, cells, closed };
}

function makeCell(lt: string, line: number, outerStart: number, from: number, to: number, outerStartAt: Position = { line, character: outerStart }): Cell {
  // The cell's text without Markdown white space (spaces and tabs) at either end, found by index: no copies.
  let a = from;
  let b = to;
  while (a < b && (lt.charCodeAt(a) === 32 || lt.charCodeAt(a) === 9)) a++;
  while (b > a && (lt.charCodeAt(b - 1) === 32 || lt.charCodeAt(b - 1) === 9)) b--;
  const raw = lt.slice(a, b);
  const start = raw.length === 0 ? from + Math.min(1, Math.max(0, to - from)) : a;
  return {
    raw,
    text: plainCellText(raw),
    span: { start: { line, character: start }, end: { line, character: start + raw.length } },
    outer: { start: outerStartAt, end: { line, character: to } },
  };
}

/**
 * One remark parse per page, over the parts that need a parser: the task tables and the objectives section. Every
 * other line is handed over empty, so line numbers and columns are those of the page (and blank lines keep the parts
 * apart, as they are in the page). A header and delimiter row of different widths is not a table for Markdown: it
 * is kept aside for table-columns.
 */
function readBody(index: LineIndex, blocks: readonly { from: number; to: number }[], objectives: { from: number; to: number } | undefined, tables: TaskTable[], broken: BrokenTable[], items: ListItem[], options: ParseOptions): void {
  const keep = new Uint8Array(index.lineCount);
  const tableBlocks: { from: number; to: number }[] = [];
  for (const b of blocks) {
    const header = splitCells(index, b.from);
    const delimiter = splitCells(index, b.from + 1);
    if (header.cells.length !== delimiter.cells.length) {
      broken.push({ header, delimiter });
      continue;
    }
    tableBlocks.push(b);
    keep.fill(1, b.from, b.to);
  }
  // The objectives list is the first list of its section, before any table.
  let list: { from: number; to: number } | undefined;
  if (objectives) {
    let end = objectives.to;
    for (const t of blocks) if (t.from >= objectives.from && t.from < end) end = t.from;
    // A worklog's objectives are a few bullets: a section of thousands of lines is not read as one list.
    end = Math.min(end, objectives.from + MAX_OBJECTIVE_LINES);
    if (end > objectives.from) list = { from: objectives.from, to: end };
  }
  // A list running straight into a table (no blank line) would read differently in one parse: parse it on its own.
  const alone = list !== undefined && list.to < index.lineCount && keep[list.to] === 1 && index.lineText(list.to - 1).trim() !== '';
  if (list && !alone) keep.fill(1, list.from, list.to);
  // The common page — tables of plain `| … |` rows, a list of one-line bullets — reads the same without remark (see
  // plainTableRows and plainListItems for what is plain; the fuzz suite and core-parse tests compare both readings).
  if (!options.reference) {
    const plainItems = list ? plainListItems(index, list.from, list.to) : [];
    const plainTables = plainItems ? tableBlocks.map((b) => plainTableRows(index, b)) : [];
    if (plainItems && plainTables.every((rows) => rows !== undefined)) {
      for (const rows of plainTables) readTableRows(index, rows!, tables);
      items.push(...plainItems);
      return;
    }
  }
  if (tableBlocks.length > 0 || list) options.onRemark?.();
  if (tableBlocks.length === 0 && (!list || alone)) {
    if (list) items.push(...readObjectives(index, list.from, list.to));
    return;
  }
  const lines: string[] = new Array(index.lineCount);
  for (let i = 0; i < index.lineCount; i++) lines[i] = keep[i] ? index.lineText(i) : '';
  const tree = remark().parse(lines.join('\n'));
  let foundList = false;
  for (const node of tree.children) {
    const line = (node.position?.start.line ?? 1) - 1;
    if (node.type === 'table') readTable(index, node, tables);
    else if (node.type === 'list' && list && !alone && !foundList && line >= list.from && line < list.to) {
      foundList = true;
      items.push(...listItems(index, node, 0));
    }
  }
  if (list && alone) items.push(...readObjectives(index, list.from, list.to));
}

function readTable(index: LineIndex, table: Table, tables: TaskTable[]): void {
  readTableRows(index, table.children.map((r) => rowFromMd(index, r, 0)), tables);
}

function readTableRows(index: LineIndex, rows: readonly TableRow[], tables: TaskTable[]): void {
  if (rows.length === 0) return;
  const headerRow = rows[0];
  const columns = headerRoles(headerRow.cells.map((c) => c.raw));
  if (columns.start === undefined && columns.end === undefined && columns.date === undefined) {
    // No header names a date ("Ngày | Thời gian | Nội dung"): a column whose cells are mostly dates holds them — in a
    // table of tasks (a day or task column), not in an index's table of weeks.
    const body = columns.task === undefined && columns.day === undefined ? [] : rows.slice(1);
    for (let i = 0; i < headerRow.cells.length && body.length >= 2; i++) {
      if (i === columns.task) continue;
      const dated = body.filter((r) => r.cells[i] && scanDates(r.cells[i]).length > 0).length;
      if (dated * 5 >= body.length * 3) {
        if (i === columns.day) columns.day = undefined;
        columns.date = i;
        break;
      }
    }
    if (columns.date === undefined) return;
    if (columns.day === undefined && columns.date !== 0) columns.day = 0;
  }
  const taskRows: TaskRow[] = rows.slice(1).map((row) => {
    const cell = (role: ColumnRole): Cell | undefined => (columns[role] !== undefined ? row.cells[columns[role]] : undefined);
    const start = cell('start') ?? cell('date');
    const end = cell('end');
    const dayCell = cell('day');
    return {
      line: row.line,
      span: row.span,
      cells: row.cells,
      closed: row.closed,
      day: dayCell ? readDayLabel(dayCell) : undefined,
      task: cell('task'),
      start,
      end,
      startDates: start ? scanDates(start) : [],
      endDates: end ? scanDates(end) : [],
    };
  });
  const last = taskRows.length > 0 ? taskRows[taskRows.length - 1].span.end : headerRow.span.end;
  tables.push({
    span: { start: headerRow.span.start, end: last },
    header: headerRow,
    delimiter: { ...splitCells(index, headerRow.line + 1) },
    rows: taskRows,
    columns,
  });
}

function rowFromMd(index: LineIndex, row: MdTableRow, lineBase: number): TableRow {
  const line = lineBase + (row.position?.start.line ?? 1) - 1;
  const lt = index.lineText(line);
  const trimmedEnd = mdEnd(lt);
  const cells: Cell[] = row.children.map((cell) => {
    const from = (cell.position?.start.column ?? 1) - 1;
    const to = Math.min((cell.position?.end.column ?? 1) - 1, lt.length);
    // mdast cells start at their leading pipe (when there is one) and end after the closing pipe of the last cell.
    const innerFrom = lt[from] === '|' ? from + 1 : from;
    // The last cell runs on over white space after the closing pipe (`| x | y |␠␠`): the pipe closes it all the same.
    let innerTo = to;
    while (innerTo > innerFrom && (lt[innerTo - 1] === ' ' || lt[innerTo - 1] === '\t')) innerTo--;
    if (innerTo > innerFrom && lt[innerTo - 1] === '|' && lt[innerTo - 2] !== '\\') innerTo--;
    else innerTo = Math.min(to, trimmedEnd);
    return makeCell(lt, line, from, innerFrom, innerTo);
  });
  return { line, span: { start: { line, character: 0 }, end: { line, character: lt.length } }, cells, closed: closedRow(lt) };
}

/**
 * The rows of a table block whose every line starts with a pipe in the first column and holds no double backslash:
 * such a block is a GFM table row for row, with cells between its unescaped pipes, and remark reads it exactly so.
 * Anything else (indented rows, rows without a leading pipe, escapes, a line that could start another block) is
 * left to remark: undefined.
 */
function plainTableRows(index: LineIndex, block: { from: number; to: number }): TableRow[] | undefined {
  const rows: TableRow[] = [];
  for (let line = block.from; line < block.to; line++) {
    const lt = index.lineText(line);
    // `\\|` is an escaped backslash before a real pipe, which splitCells would read as an escaped pipe.
    if (lt.charCodeAt(0) !== 124 /* | */ || lt.includes('\\\\')) return undefined;
    if (line !== block.from + 1) rows.push(splitCells(index, line));
  }
  return rows;
}

const PLAIN_BULLET = /^(?:([-*+])|(\d{1,9})([.)]))( {1,4})(?=\S)/;
/** Characters that can start a block (or a line that is not paragraph text) when they open an item's text or a line. */
const BLOCK_START = /^(?:[#>`~<|=:\-*+_]|\d{1,9}[.)])/;
/** The same for the text right after an item's marker, where `**bold**` or `_x_` are text. */
const ITEM_BLOCK_START = /^(?:[#>~<|=]|`{3}|[-*+](?: |$)|\d{1,9}[.)](?: |$))/;
const LIST_MARKER = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ ]*){3,}|(?:\*[ ]*){3,}|(?:_[ ]*){3,})$/;

/**
 * The items of the first list of an objectives section when it is plain: before it only blank lines and plain
 * paragraph text; in it, blank lines, one-line items at the first column (same marker), lines indented under an item,
 * and plain text continuing the line above. An item's text is its first line as remark reads it (inline syntax is
 * off in this parser, so the text is the source). Anything else — escapes, tabs, an item opening with block syntax,
 * a line that could make an item's first line a setext heading or a table header, a hard break joining the first
 * line to the next — is left to remark: undefined.
 */
function plainListItems(index: LineIndex, from: number, to: number): ListItem[] | undefined {
  const items: ListItem[] = [];
  let marker = '';
  let indent = 0;
  let previous: 'blank' | 'text' = 'blank';
  // Still in the paragraph an item opens: a setext underline, a table or a hard break would change its first line.
  let firstParagraph = false;
  let hardBreak = false;
  for (let line = from; line < to; line++) {
    const lt = index.lineText(line);
    if (lt.includes('\\') || lt.includes('\t') || lt.includes('\0')) return undefined;
    const content = trimEndMd(lt);
    if (content === '') {
      previous = 'blank';
      firstParagraph = false;
      continue;
    }
    const m = PLAIN_BULLET.exec(content);
    if (m) {
      const mark = m[1] ?? m[3];
      if (marker !== '' && mark !== marker) return restIsPlain(index, line, to) ? items : undefined; // Another list: the first one ends here.
      // An ordered list interrupts a paragraph only when it starts at 1.
      if (marker === '' && previous === 'text' && m[2] !== undefined && m[2] !== '1') return undefined;
      const text = content.slice(m[0].length);
      if (ITEM_BLOCK_START.test(text) || THEMATIC_BREAK.test(content) || THEMATIC_BREAK.test(text)) return undefined;
      marker = mark;
      indent = m[0].length;
      items.push({ text: plainCellText(text), span: { start: { line, character: 0 }, end: { line, character: lt.trimEnd().length } } });
      previous = 'text';
      firstParagraph = true;
      hardBreak = lt.length - content.length >= 2;
      continue;
    }
    const lead = content.length - content.replace(/^ +/, '').length;
    // A list marker the pattern above does not take (an empty item, five spaces after the marker), other than one
    // nested under the item: left to remark.
    if ((marker === '' || lead < indent) && LIST_MARKER.test(content)) return undefined;
    if (marker === '') {
      // Paragraph text before the list.
      if (lead > 0 || BLOCK_START.test(content) || /^\d/.test(content) || content.includes('|')) return undefined;
      previous = 'text';
      continue;
    }
    if (firstParagraph && (hardBreak || /^ *(?:=+|-+) *$/.test(content) || content.includes('|'))) return undefined;
    if (lead >= indent) {
      // Under the item: a nested list or a paragraph of its own. Any other block there (code, a fence, HTML, a
      // quote, a heading, a thematic break) would end lazy continuation below it: left to remark.
      const inner = content.slice(lead);
      if (lead >= indent + 4 || /^(?:`{3}|~{3}|[<>#])/.test(inner) || THEMATIC_BREAK.test(inner)) return undefined;
      previous = 'text';
      continue;
    }
    if (lead === 0 && previous === 'text' && !BLOCK_START.test(content) && !/^\d/.test(content)) {
      // Lazy continuation of the paragraph above.
      continue;
    }
    if (lead === 0 && previous === 'blank') return restIsPlain(index, line, to) ? items : undefined; // Text after a blank line ends the list.
    return undefined;
  }
  return items;
}

/**
 * After the first list, remark reads the rest of the section too (a table there is a table, even where the line scan
 * saw a fence that an HTML block swallows): plain only when no line of it could be a table row or open a block.
 */
function restIsPlain(index: LineIndex, from: number, to: number): boolean {
  for (let line = from; line < to; line++) {
    const lt = index.lineText(line);
    // A table row, or a block that can stay open across blank lines and swallow what follows (an HTML block such as
    // <pre>, a fence the line scan closes where Markdown does not).
    if (lt.includes('|') || /^[ \t]*(?:<|`{3}|~{3})/.test(lt)) return false;
  }
  return true;
}

// -----------------------------------------------------------------------------------------------------------------
// Objectives and links

function readObjectives(index: LineIndex, from: number, to: number): ListItem[] {
  const source = index.text.slice(index.starts[from], index.lineEnd(to - 1));
  const tree = remark().parse(source) as Root;
  const list = tree.children.find((c) => c.type === 'list');
  return list && list.type === 'list' ? listItems(index, list, from) : [];
}

/** The items of a list: the first line of each, as plain text, with the item's line. */
function listItems(index: LineIndex, list: List, lineBase: number): ListItem[] {
  const out: ListItem[] = [];
  for (const item of list.children as MdListItem[]) {
    const para = item.children.find((c) => c.type === 'paragraph');
    const text = para && para.type === 'paragraph' ? plainCellText(inlineText(para.children).split('\n')[0]) : '';
    const line = lineBase + (item.position?.start.line ?? 1) - 1;
    const lt = index.lineText(line);
    out.push({ text, span: { start: { line, character: lt.length - lt.trimStart().length }, end: { line, character: lt.trimEnd().length } } });
  }
  return out;
}

function inlineText(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value;
    else if (n.type === 'break') out += ' ';
    else if ('children' in n) out += inlineText(n.children as PhrasingContent[]);
  }
  return out;
}

// The target may not hold brackets or parentheses: each match attempt stops at the next one (no quadratic scan).
const LINK = /\]\([ \t]*<?([^()[\]\s<>]+)>?(?:[ \t]+"[^"\n]*")?[ \t]*\)/g;

function readLinks(index: LineIndex, fromLine: number): { target: string; span: Span }[] {
  const out: { target: string; span: Span }[] = [];
  for (let line = fromLine; line < index.lineCount; line++) {
    const lt = index.lineText(line);
    if (!lt.includes('](')) continue;
    LINK.lastIndex = 0;
    for (let m = LINK.exec(lt); m; m = LINK.exec(lt)) {
      const target = m[1];
      if (/^[a-z][a-z0-9+.-]*:|^#|^\//i.test(target)) continue;
      const at = m.index + m[0].indexOf(target);
      out.push({ target, span: { start: { line, character: at }, end: { line, character: at + target.length } } });
    }
  }
  return out;
}
