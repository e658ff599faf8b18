// New Week: plans week N+1 of a worklog the way the worklog already writes its weeks — the last week's folder and
// file naming and every language twin it has, its front matter (key order, quoting), its headings, its task table's
// header with one row per working day in the page's date format and day-label convention, and the index lines that
// list the weeks. Pure: the command adapter checks the disk, applies the plan as one WorkspaceEdit and opens the page.
import { addDays, CalendarDate, daysBetween, isoWeekday, mondayOf, parseIsoDate, toIso } from './calendar';
import { formatOf, readDate, scanDates, writeDate, writeLike } from './dates';
import { t } from './l10n';
import type { Cell, DayMonthOrder, Language, Position, Span, TaskTable, WorklogPage } from './model';
import { weightOf } from './rules/weightOrder';
import type { WorklogSettings } from './settings';
import { pathFacts, weekInPre, weekInText } from './weeks';
import { twinKey, type Worklog, type WorklogEntry } from './workspace';

/** A page the plan creates. */
export interface PlannedFile {
  readonly path: string;
  readonly text: string;
  readonly language: Language | undefined;
  readonly kind: 'week' | 'index';
  /** Where the cursor goes when the page is opened: the empty first objective, else the first task cell. */
  readonly cursor: Position;
}

/** Text inserted into an existing index page (an insertion: `span` is empty). */
export interface IndexEdit {
  readonly path: string;
  readonly span: Span;
  readonly newText: string;
}

export interface NewWeekPlan {
  readonly ok: true;
  /** The new week's number. */
  readonly week: number;
  /** The worklog's folder (created with its index when the workspace had no worklog). */
  readonly dir: string;
  /** First day of the new week. */
  readonly start: CalendarDate;
  /** The new pages: the week's pages (the page to open first), then any index page. */
  readonly files: readonly PlannedFile[];
  readonly indexEdits: readonly IndexEdit[];
  /** The page to open and where to put the cursor. */
  readonly cursor: { readonly path: string; readonly line: number; readonly character: number };
}

export interface NewWeekRefusal {
  readonly ok: false;
  readonly reason: 'no-week-number' | 'naming';
  readonly message: string;
}

export type NewWeekResult = NewWeekPlan | NewWeekRefusal;

/** Where a new workspace's worklog goes (Hugo's Learn/Relearn layout the programme's template uses). */
export const DEFAULT_WORKLOG_DIR = 'content/1-Worklog';

const OBJECTIVES = /objective|mục tiêu|muc tieu|\bgoals?\b/iu;
const TASKS_HEADING = /\btasks?\b|công việc|nhiệm vụ|activities|hoạt động/iu;
const WEEK_NUMBER = /(^|[^\p{L}])((?:week|wk|tuần|tuan)[\s_.#:-]*)(\d{1,3})(?!\d)/iu;
const WEEK_NUMBER_ALL = new RegExp(WEEK_NUMBER.source, 'giu');
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(\s{0,3})([-*+]|\d{1,3}[.)])(\s+)/;

const EN_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EN_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const VI_WORDS = ['Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy'];

/**
 * Plans week N+1 of `worklog` (or a first worklog with its week 1 when `worklog` is undefined): the pages to create
 * with their full text, the lines to insert into the index pages, and where the cursor goes. `today` places week 1
 * of a new worklog (or a week whose predecessors carry no dates) when `settings.programStart` is not set.
 */
export function planNewWeek(worklog: Worklog | undefined, settings: WorklogSettings, today: CalendarDate): NewWeekResult {
  const programStart = settings.programStart ? parseIsoDate(settings.programStart) : undefined;
  if (!worklog) return planFirstWeek(DEFAULT_WORKLOG_DIR, settings, programStart ?? mondayOf(today), true);
  const numbered = worklog.weeks.filter((e) => e.week !== undefined);
  if (numbered.length === 0) {
    if (worklog.weeks.length > 0) {
      return { ok: false, reason: 'no-week-number', message: t('Worklog: cannot tell which week {0} is at: none of its pages says a week number.', worklog.dir) };
    }
    return planFirstWeek(worklog.dir, settings, programStart ?? mondayOf(today), false, worklog);
  }
  const last = Math.max(...numbered.map((e) => e.week!));
  const week = last + 1;
  const twins = lastWeekTwins(numbered.filter((e) => e.week === last), settings);
  const start = programStart ? addDays(programStart, 7 * last) : nextStart(numbered, last, today);
  const days = workingDates(start, settings.workingDays);

  const files: PlannedFile[] = [];
  for (const entry of twins) {
    const path = nextPath(entry.page.path, week);
    if (!path || path === entry.page.path) {
      return { ok: false, reason: 'naming', message: t('Worklog: cannot tell how to name week {0} after {1}.', week, entry.page.path) };
    }
    const sameLanguage = worklog.weeks.filter((e) => e.language === entry.language && e.week !== undefined);
    files.push(planWeekPage(entry, path, { week, start, days, settings, sameLanguage }));
  }
  const indexEdits = planIndexEdits(worklog, week, last, files);
  return { ok: true, week, dir: worklog.dir, start, files, indexEdits, cursor: { path: files[0].path, ...files[0].cursor } };
}

// ---------------------------------------------------------------------------------------------------------------
// Which pages, which dates

/** The last week's pages: one twin group (the same page in each language), the first language first. */
function lastWeekTwins(entries: readonly WorklogEntry[], settings: WorklogSettings): WorklogEntry[] {
  const groups = new Map<string, WorklogEntry[]>();
  for (const e of entries) groups.set(twinKey(e.page.path), [...(groups.get(twinKey(e.page.path)) ?? []), e]);
  // Two pages of one language claiming the week (a duplicate): the group with the most languages is the real one.
  const group = [...groups.values()].sort((a, b) => b.length - a.length || a[0].page.path.localeCompare(b[0].page.path))[0];
  const rank = (e: WorklogEntry): number => {
    const i = e.language ? settings.languages.indexOf(e.language) : -1;
    return i < 0 ? settings.languages.length : i;
  };
  const seen = new Set<string>();
  return [...group]
    .sort((a, b) => rank(a) - rank(b) || Number(hasLanguageSuffix(a.page.path)) - Number(hasLanguageSuffix(b.page.path)) || a.page.path.localeCompare(b.page.path))
    .filter((e) => !seen.has(e.page.path) && seen.add(e.page.path));
}

function hasLanguageSuffix(path: string): boolean {
  return /\.(en|vi)\.(md|markdown)$/i.test(path);
}

/** The Monday after the latest dated week's window, that many weeks on; else the Monday of today's week. */
function nextStart(weeks: readonly WorklogEntry[], last: number, today: CalendarDate): CalendarDate {
  const dated = weeks.filter((e) => e.analysis.window).sort((a, b) => b.week! - a.week!);
  if (dated.length === 0) return mondayOf(today);
  const latest = dated[0].week!;
  // Twins may disagree: start after the later of their windows, so the new week overlaps neither.
  let end = dated[0].analysis.window!.end;
  for (const e of dated) if (e.week === latest && e.analysis.window!.end.compare(end) > 0) end = e.analysis.window!.end;
  const monday = addDays(end, 8 - isoWeekday(end));
  return addDays(monday, 7 * (last - latest));
}

function workingDates(start: CalendarDate, workingDays: readonly number[]): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (let d = 0; d < 7; d++) {
    const date = addDays(start, d);
    if (workingDays.includes(isoWeekday(date))) out.push(date);
  }
  return out.length > 0 ? out : [start];
}

// ---------------------------------------------------------------------------------------------------------------
// Names

function padLike(n: number, like: string): string {
  return like.length > 1 && like.startsWith('0') ? String(n).padStart(like.length, '0') : String(n);
}

/**
 * A folder or file name with its week number set to `week` (`1.5-Week5` → `1.6-Week6`, `week-09` → `week-10`,
 * `5` → `6`); a description after the number belonged to the old week and is dropped (`tuan-05-iam` → `tuan-06`).
 */
export function renameWeek(name: string, week: number): string | undefined {
  let out = name;
  let end = -1;
  const chapter = /^(\d{1,2})\.(\d{1,3})(?=$|[-_. ])/.exec(out);
  if (chapter) {
    const n = padLike(week, chapter[2]);
    out = `${chapter[1]}.${n}${out.slice(chapter[0].length)}`;
    end = chapter[1].length + 1 + n.length;
  }
  const m = WEEK_NUMBER.exec(out);
  if (m) {
    const at = m.index + m[1].length + m[2].length;
    const n = padLike(week, m[3]);
    out = out.slice(0, at) + n + out.slice(at + m[3].length);
    end = Math.max(end, at + n.length);
  }
  if (end < 0 && /^\d{1,3}$/.test(out)) {
    out = padLike(week, out);
    end = out.length;
  }
  if (end < 0) return undefined;
  if (/^[-_ ]+\p{L}/u.test(out.slice(end))) out = out.slice(0, end);
  return out;
}

/** The path of week `week`'s page, named like `path` (the segment that carries the week number is renamed). */
export function nextPath(path: string, week: number): string | undefined {
  const parts = path.split('/');
  const file = parts[parts.length - 1];
  const m = /^(.*?)((?:\.(?:en|vi))?\.(?:md|markdown))$/i.exec(file);
  if (!m) return undefined;
  const facts = pathFacts(path);
  if (facts.fileWeek !== undefined) {
    const stem = renameWeek(m[1], week);
    return stem === undefined ? undefined : [...parts.slice(0, -1), stem + m[2]].join('/');
  }
  if (facts.folderWeek !== undefined && parts.length >= 2) {
    const folder = renameWeek(parts[parts.length - 2], week);
    return folder === undefined ? undefined : [...parts.slice(0, -2), folder, file].join('/');
  }
  return undefined;
}

/** A link target to a week (`1.5-week5/`, `./week-05`, `week_5.md`) pointed at week `week` instead. */
function nextTarget(target: string, week: number): string | undefined {
  const m = /^(.*?)([^/]+?)((?:\.(?:en|vi))?\.(?:md|markdown))?(\/?)([#?].*)?$/i.exec(target);
  if (!m) return undefined;
  const name = renameWeek(m[2], week);
  return name === undefined ? undefined : `${m[1]}${name}${m[3] ?? ''}${m[4]}`;
}

function weekOfTarget(target: string): number | undefined {
  const last = target.replace(/[#?].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
  const stem = last.replace(/(\.(en|vi))?\.(md|markdown)$/i, '');
  const word = weekInText(stem);
  if (word) return word.week;
  const chapter = /^\d{1,2}\.(\d{1,3})(?=$|[-_. ])/.exec(stem);
  if (chapter) return Number(chapter[1]);
  return /^\d{1,3}$/.test(stem) ? Number(stem) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Text that names the week: titles, headings, link texts

interface Refresh {
  /** Days from the old week's dates to the new week's. */
  readonly shift: number;
  readonly order: DayMonthOrder;
  readonly year?: number;
}

/** Week numbers one on ("Week 5" → "Week 6", "Plan for week 6" → "Plan for week 7"), dates moved to the new week. */
function refreshText(text: string, r: Refresh): string {
  const shifted = text.replace(WEEK_NUMBER_ALL, (_whole, lead: string, word: string, digits: string) => lead + word + padLike(Number(digits) + 1, digits));
  const cell: Cell = { raw: shifted, text: shifted, span: { start: { line: 0, character: 0 }, end: { line: 0, character: shifted.length } }, outer: { start: { line: 0, character: 0 }, end: { line: 0, character: shifted.length } } };
  let out = shifted;
  for (const token of scanDates(cell).reverse()) {
    const reading = readDate(token, r.order, r.year);
    if (!reading.date) continue;
    const moved = writeLike(addDays(reading.date, r.shift), token, r.order);
    out = out.slice(0, token.span.start.character) + moved + out.slice(token.span.end.character);
  }
  return out;
}

/** The text up to its week number when a description follows ("Week 6 - IAM" → "Week 6"), else undefined. */
function withoutDescription(text: string): string | undefined {
  const w = weekInText(text);
  if (!w) return undefined;
  const end = w.index + w.length;
  return /^\s*[-–—:|]\s*\S/u.test(text.slice(end)) ? text.slice(0, end) : undefined;
}

/** What stays the same from week to week: the text with its numbers blanked. */
function shape(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * A text naming the old week, for the new week: numbers and dates moved on, and a description cut off unless the
 * other weeks share it (a fixed "Week 5 - Worklog" pattern stays; "Week 5 - IAM" becomes "Week 6").
 */
function nextWeekText(text: string, others: readonly string[], r: Refresh): string {
  const full = refreshText(text, r);
  const cut = withoutDescription(full);
  if (cut === undefined || others.some((o) => shape(o) === shape(text))) return full;
  return cut;
}

/** Same as nextWeekText, for a front-matter value written with its quotes (the closing quote is kept). */
function nextWeekSource(source: string, others: readonly string[], r: Refresh): string {
  const quote = /^["']/.test(source) && source.length >= 2 && source.endsWith(source[0]) ? source[0] : '';
  const inner = quote ? source.slice(1, -1) : source;
  const otherInner = others.map((o) => (/^["']/.test(o) ? o.slice(1, -1) : o));
  return quote + nextWeekText(inner, otherInner, r) + quote;
}

function quoteLike(value: string, source: string | undefined): string {
  if (source?.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Week page

interface WeekContext {
  readonly week: number;
  readonly start: CalendarDate;
  readonly days: readonly CalendarDate[];
  readonly settings: WorklogSettings;
  /** Week pages of the entry's language (the worklog's scheme for weights, titles, formats). */
  readonly sameLanguage: readonly WorklogEntry[];
}

function planWeekPage(entry: WorklogEntry, path: string, ctx: WeekContext): PlannedFile {
  const page = entry.page;
  const eol = page.eol;
  const language = entry.language ?? page.language;
  const refresh: Refresh = {
    shift: entry.analysis.window ? daysBetween(entry.analysis.window.start, ctx.start) : 7,
    order: entry.analysis.order,
    year: entry.analysis.year,
  };
  const frontMatter = nextFrontMatter(entry, ctx, refresh);
  const body = nextBody(entry, ctx, refresh);
  const lines = [...frontMatter, ...body.lines];
  const cursor = { line: frontMatter.length + body.cursor.line, character: body.cursor.character };
  return { path, text: (page.bom ? '\uFEFF' : '') + lines.join(eol) + eol, language, kind: 'week', cursor };
}

/** The front matter: the last week's lines in their order and quoting, with title, date, weight and pre moved on. */
function nextFrontMatter(entry: WorklogEntry, ctx: WeekContext, refresh: Refresh): string[] {
  const page = entry.page;
  const fm = page.frontMatter;
  const language = entry.language ?? page.language;
  const weight = nextWeight(ctx.sameLanguage, ctx.week);
  if (!fm) {
    return ['---', ...defaultKeys('yaml', language, ctx, weight, new Set()).map((k) => k.line), '---'];
  }
  const index = page.lineIndex;
  const delim = fm.format === 'toml' ? '+++' : '---';
  const firstLine = index.lineText(0).slice(page.bom ? 1 : 0);
  const openLine = /^(---|\+\+\+)/.test(firstLine) ? 0 : -1;
  const closeLine = fm.span.end.line;
  const from = openLine < 0 ? (page.bom ? 1 : 0) : index.starts[openLine + 1] ?? page.text.length;
  const to = closeLine < index.lineCount ? index.starts[closeLine] : page.text.length;
  const edits: { start: number; end: number; text: string }[] = [];
  const replace = (key: string, text: string): void => {
    const e = fm.entries.get(key);
    if (!e) return;
    edits.push({ start: index.offsetAt(e.valueSpan.start), end: index.offsetAt(e.valueSpan.end), text });
  };
  const othersOf = (key: string): string[] => ctx.sameLanguage
    .filter((o) => o !== entry && o.week !== entry.week)
    .map((o) => o.page.frontMatter?.entries.get(key)?.source)
    .filter((s): s is string => s !== undefined);
  for (const key of ['title', 'linkTitle', 'menuTitle']) {
    const e = fm.entries.get(key);
    if (!e || typeof e.value !== 'string') continue;
    replace(key, weekInText(e.source)
      ? nextWeekSource(e.source, othersOf(key), refresh)
      : key === 'title' ? quoteLike(defaultTitle(language, ctx.week), e.source) : e.source);
  }
  const date = fm.entries.get('date');
  if (date) {
    const iso = toIso(ctx.start);
    replace('date', /\d{4}-\d{2}-\d{2}/.test(date.source) ? date.source.replace(/\d{4}-\d{2}-\d{2}/, iso) : date.quoted ? quoteLike(iso, date.source) : iso);
  }
  const weightEntry = fm.entries.get('weight');
  if (weightEntry && weight !== undefined) {
    replace('weight', /-?\d+/.test(weightEntry.source) ? weightEntry.source.replace(/-?\d+/, String(weight)) : String(weight));
  }
  const pre = fm.entries.get('pre');
  const preWeek = pre && typeof pre.value === 'string' ? weekInPre(pre.source) : undefined;
  if (pre && preWeek) replace('pre', pre.source.slice(0, preWeek.index) + padLike(ctx.week, pre.source.slice(preWeek.index, preWeek.index + preWeek.length)) + pre.source.slice(preWeek.index + preWeek.length));
  let content = page.text.slice(from, Math.max(from, to));
  for (const e of edits.sort((a, b) => b.start - a.start)) content = content.slice(0, e.start - from) + e.text + content.slice(e.end - from);
  const lines = content === '' ? [] : content.replace(/\r?\n$/, '').split(/\r?\n/);
  // Required keys the last week lacked: the new page should not start with a warning.
  const missing = defaultKeys(fm.format, language, ctx, weight, new Set(fm.entries.keys()))
    .filter((k) => ctx.settings.requiredKeys.includes(k.key))
    .map((k) => k.line);
  return [delim, ...lines, ...missing, delim];
}

/** `title`, `date` and `weight` lines (weight only when the worklog has a scheme) for the keys not in `present`. */
function defaultKeys(format: 'yaml' | 'toml', language: Language | undefined, ctx: WeekContext, weight: number | undefined, present: ReadonlySet<string>): { key: string; line: string }[] {
  const line = (key: string, value: string): { key: string; line: string } => ({ key, line: format === 'toml' ? `${key} = ${value}` : `${key}: ${value}` });
  const out = [line('title', JSON.stringify(defaultTitle(language, ctx.week))), line('date', toIso(ctx.start))];
  if (weight !== undefined) out.push(line('weight', String(weight)));
  return out.filter((l) => !present.has(l.key));
}

function defaultTitle(language: Language | undefined, week: number): string {
  return language === 'vi' ? `Worklog Tuần ${week}` : `Week ${week} Worklog`;
}

/**
 * The weight of the new week: week + the offset most weeks have (101, 102 … → offset 100), else the highest weight
 * + 1; raised when needed so the new week sorts after every other week in Hugo's menu (weight ascending, 0 last).
 * Undefined when no week has a weight (adding one would list the new week first); 0 when every week has weight 0.
 */
export function nextWeight(weeks: readonly WorklogEntry[], week: number): number | undefined {
  const weighted = weeks.filter((e) => e.week !== undefined && e.page.frontMatter?.entries.has('weight'));
  if (weighted.length === 0) return undefined;
  const nonZero = weighted.filter((e) => weightOf(e) !== 0);
  if (nonZero.length === 0) return 0;
  const offsets = new Map<number, number>();
  for (const e of nonZero) offsets.set(weightOf(e) - e.week!, (offsets.get(weightOf(e) - e.week!) ?? 0) + 1);
  const [best, count] = [...offsets.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const max = Math.max(...nonZero.map(weightOf));
  // No scheme most weeks follow (1 for weeks 1–9, 2 for 10–12): the next weight after the highest.
  if (nonZero.length > 1 && (count < 2 || count * 2 <= nonZero.length)) return max + 1;
  const proposed = week + best;
  return proposed > max ? proposed : max + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Body

interface Item {
  readonly at: number;
  readonly lines: readonly string[];
  /** The cursor inside this item (line within `lines`). */
  readonly cursor?: Position;
}

/** The body: the last week's section headings (content emptied), an empty objective, and a fresh task table. */
function nextBody(entry: WorklogEntry, ctx: WeekContext, refresh: Refresh): { lines: string[]; cursor: Position } {
  const page = entry.page;
  const index = page.lineIndex;
  const bodyStart = page.frontMatter ? page.frontMatter.span.end.line + 1 : 0;
  let lead = 0;
  while (bodyStart + lead < page.lineCount && index.lineText(bodyStart + lead).trim() === '') lead++;
  if (bodyStart + lead >= page.lineCount) lead = 1;

  const table = page.tables[0];
  const headings = page.headings.filter((h) => h.span.start.line >= bodyStart);
  const objectives = headings.find((h) => OBJECTIVES.test(h.text));
  const tableHeading = table ? [...headings].reverse().find((h) => h.span.start.line < table.span.start.line) : undefined;
  // Headings that recur from week to week are the page's structure; the others were this week's content.
  const previous = ctx.sameLanguage.find((e) => e.week === entry.week! - 1 && twinKey(e.page.path) !== twinKey(page.path))
    ?? ctx.sameLanguage.find((e) => e.week === entry.week! - 1);
  const shapes = previous ? new Set(previous.page.headings.map((h) => shape(h.text))) : undefined;
  const cutShapes = previous ? new Set(previous.page.headings.map((h) => shape(withoutDescription(h.text) ?? h.text))) : undefined;
  const structural = Math.max(objectives?.depth ?? 0, tableHeading?.depth ?? 0) || 6;

  const items: Item[] = [];
  const kept = new Set<number>();
  for (const h of headings) {
    const line = h.span.start.line;
    const lt = index.lineText(line);
    const special = h === objectives || h === tableHeading;
    let text: string | undefined;
    if (shapes && cutShapes) {
      if (shapes.has(shape(h.text))) text = refreshText(lt, refresh);
      else if (cutShapes.has(shape(withoutDescription(h.text) ?? h.text))) text = withoutDescription(refreshText(lt, refresh)) ?? refreshText(lt, refresh);
      else if (special) text = nextWeekText(lt, [], refresh);
    } else if (special || h.depth <= structural) {
      text = refreshText(lt, refresh);
    }
    if (text === undefined) continue;
    kept.add(line);
    items.push({ at: line, lines: [text] });
  }
  if (objectives) {
    const first = page.objectives[0] ? LIST_MARKER.exec(index.lineText(page.objectives[0].span.start.line)) : null;
    const marker = first ? first[2].replace(/^\d+/, '1') : '*';
    items.push({ at: objectives.span.start.line + 0.5, lines: [`${marker} `], cursor: { line: 0, character: marker.length + 1 } });
  }
  const rows = taskTable(entry, ctx);
  let tableAt: number;
  if (table) tableAt = table.span.start.line;
  else {
    const tasks = headings.find((h) => kept.has(h.span.start.line) && TASKS_HEADING.test(h.text) && h !== objectives);
    tableAt = tasks ? tasks.span.start.line + 0.5 : objectives ? objectives.span.start.line + 0.75 : Number.MAX_SAFE_INTEGER;
  }
  items.push({ at: tableAt, lines: rows.lines, cursor: objectives ? undefined : rows.cursor });
  for (const line of thematicBreaks(page, bodyStart)) {
    let next = line + 1;
    while (next < page.lineCount && index.lineText(next).trim() === '') next++;
    if (kept.has(next)) items.push({ at: line, lines: [index.lineText(line).trim()] });
  }
  items.sort((a, b) => a.at - b.at);
  // A break before the first item or after another break separates nothing.
  const cleaned = items.filter((item, i) => !(THEMATIC_BREAK.test(item.lines[0]) && (i === 0 || THEMATIC_BREAK.test(items[i - 1].lines[0]))));

  const lines: string[] = new Array<string>(lead).fill('');
  let cursor: Position | undefined;
  cleaned.forEach((item, i) => {
    if (i > 0) lines.push('');
    if (item.cursor && !cursor) cursor = { line: lines.length + item.cursor.line, character: item.cursor.character };
    lines.push(...item.lines);
  });
  return { lines, cursor: cursor ?? { line: lead, character: 0 } };
}

function thematicBreaks(page: WorklogPage, from: number): number[] {
  const out: number[] = [];
  let fence: string | undefined;
  for (let line = from; line < page.lineCount; line++) {
    const lt = page.lineIndex.lineText(line);
    if (fence) {
      if (lt.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    const f = FENCE.exec(lt);
    if (f) fence = f[1];
    else if (THEMATIC_BREAK.test(lt)) out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Task table

interface TableShape {
  readonly header: string;
  readonly delimiter: string;
  readonly width: number;
  readonly columns: TaskTable['columns'];
  readonly leadingPipe: boolean;
  readonly closingPipe: boolean;
}

const DEFAULT_HEADERS: Record<Language, string> = {
  en: '| Day | Task | Start Date | Completion Date | Reference Material |',
  vi: '| Thứ | Công việc | Ngày bắt đầu | Ngày hoàn thành | Tài liệu tham khảo |',
};

function defaultShape(language: Language | undefined): TableShape {
  return {
    header: DEFAULT_HEADERS[language ?? 'en'],
    delimiter: '| --- | --- | --- | --- | --- |',
    width: 5,
    columns: { day: 0, task: 1, start: 2, end: 3, reference: 4 },
    leadingPipe: true,
    closingPipe: true,
  };
}

function shapeOf(page: WorklogPage): TableShape {
  const table = page.tables[0];
  if (!table) return defaultShape(page.language);
  const header = page.lineIndex.lineText(table.header.line);
  return {
    header,
    delimiter: page.lineIndex.lineText(table.delimiter.line),
    width: table.header.cells.length,
    columns: table.columns,
    leadingPipe: header.trimStart().startsWith('|'),
    closingPipe: table.header.closed,
  };
}

/** The task table: the last week's header and delimiter rows, and one row per working day of the new week. */
function taskTable(entry: WorklogEntry, ctx: WeekContext): { lines: string[]; cursor: Position } {
  const shape = shapeOf(entry.page);
  const write = dateWriter(entry, ctx);
  const label = dayLabeler(entry, ctx.settings);
  return buildTable(shape, ctx.days, write, label);
}

function buildTable(shape: TableShape, days: readonly CalendarDate[], write: (d: CalendarDate) => string, label: (d: CalendarDate, i: number) => string): { lines: string[]; cursor: Position } {
  const roles = new Map<number, string>();
  for (const [role, i] of Object.entries(shape.columns)) if (i !== undefined && !roles.has(i)) roles.set(i, role);
  let cursor: Position = { line: 2, character: 0 };
  const rows = days.map((date, r) => {
    const cells: string[] = [];
    for (let i = 0; i < shape.width; i++) {
      const role = roles.get(i);
      cells.push(role === 'day' ? label(date, r) : role === 'start' || role === 'end' || role === 'date' ? write(date) : '');
    }
    const parts = cells.map((c) => (c === '' ? ' ' : ` ${c} `));
    let line = parts.join('|');
    let offset = 0;
    if (shape.leadingPipe) {
      line = '|' + line;
      offset = 1;
    }
    if (shape.closingPipe) line += '|';
    if (r === 0) {
      const task = shape.columns.task ?? 0;
      for (let i = 0; i < task; i++) offset += parts[i].length + 1;
      cursor = { line: 2, character: offset + 1 };
    }
    return shape.leadingPipe ? line : line.trim();
  });
  return { lines: [shape.header, shape.delimiter, ...rows], cursor };
}

/** Writes dates as the page does: the date-format setting, else the page's (or its language's earlier weeks') format. */
function dateWriter(entry: WorklogEntry, ctx: WeekContext): (d: CalendarDate) => string {
  if (ctx.settings.dateFormat !== 'auto') {
    const format = ctx.settings.dateFormat;
    return (d) => writeDate(d, format);
  }
  const candidates = [entry, ...[...ctx.sameLanguage].filter((e) => e !== entry).sort((a, b) => b.week! - a.week!)];
  for (const e of candidates) {
    const format = formatFor(e);
    if (format) return (d) => writeDate(d, format);
  }
  return (d) => writeDate(d, 'DD/MM/YYYY');
}

/** The format most of a page's dates are written in, with unpadded days or months kept unpadded (7/12/2025). */
function formatFor(entry: WorklogEntry): string | undefined {
  const a = entry.analysis;
  let format = a.format;
  if (!format) {
    // A page that writes every date without a year (12/10) is consistent: keep writing them so.
    const short = a.dates.filter((d) => d.token.shape === 'xx' && d.reading.problem !== 'no-such-day');
    if (short.length === 0) return undefined;
    format = formatOf(short[0].token, a.order);
  }
  const tokens = a.dates.filter((d) => formatOf(d.token, a.order) === format && d.reading.date);
  let dayPadded = 0;
  let dayBare = 0;
  let monthPadded = 0;
  let monthBare = 0;
  for (const d of tokens) {
    const ymd = d.token.shape === 'ymd';
    const dayPart = ymd ? d.token.parts[2] : a.order === 'dmy' ? d.token.parts[0] : d.token.parts[1];
    const monthPart = ymd ? d.token.parts[1] : a.order === 'dmy' ? d.token.parts[1] : d.token.parts[0];
    if (dayPart && dayPart.value < 10) {
      if (dayPart.text.length === 1) dayBare++;
      else dayPadded++;
    }
    if (monthPart && monthPart.value < 10) {
      if (monthPart.text.length === 1) monthBare++;
      else monthPadded++;
    }
  }
  if (dayBare > dayPadded) format = format.replace('DD', 'D');
  if (monthBare > monthPadded) format = format.replace('MM', 'M');
  return format;
}

type Labeler = (date: CalendarDate, index: number) => string;

/** Day labels in the page's convention: its weekday-name style, or numbers as it counts them. */
function dayLabeler(entry: WorklogEntry, settings: WorklogSettings): Labeler {
  const page = entry.page;
  const language = entry.language ?? page.language;
  const labels = (page.tables[0]?.rows ?? []).map((r) => r.day).filter((d) => d !== undefined);
  const weekdays = labels.filter((l) => l.kind === 'weekday' && l.weekdays?.length === 1);
  const numbers = labels.filter((l) => l.kind === 'number' && l.numbers?.length === 1);
  const wantNames = settings.dayLabels === 'weekday' || (settings.dayLabels === 'auto' && weekdays.length > 0 && weekdays.length >= numbers.length);
  if (wantNames) {
    for (const sample of weekdays) {
      const style = weekdayStyle(sample.cell);
      if (style) return (date) => style(isoWeekday(date));
    }
    return (date) => defaultWeekdayName(isoWeekday(date), language);
  }
  const sample = numbers[0];
  const template = sample && /\d+/.test(sample.cell.raw) ? sample.cell.raw.replace(/\d+/, '{n}') : '{n}';
  const fill = (n: number | string): string => template.replace('{n}', String(n));
  let convention: 'thu' | 'iso' | 'index' | 'continue';
  const written = numbers.map((l) => l.numbers![0]);
  if (settings.dayLabels === 'thu' || settings.dayLabels === 'iso' || settings.dayLabels === 'index') convention = settings.dayLabels;
  else if (entry.analysis.numericConvention) convention = entry.analysis.numericConvention;
  else if (written.length > 1 && written[0] >= 3 && written.every((n, i) => i === 0 || n === written[i - 1] + 1)) convention = 'continue';
  else if (written[0] === 1) convention = 'iso';
  else if (written[0] === 2 || language === 'vi') convention = 'thu';
  else convention = 'iso';
  const lastWritten = written[written.length - 1] ?? 0;
  return (date, i) => {
    const weekday = isoWeekday(date);
    switch (convention) {
      case 'thu':
        return weekday === 7 ? (template === '{n}' ? 'CN' : fill(8)) : fill(weekday + 1);
      case 'iso':
        return fill(weekday);
      case 'index':
        return fill(i + 1);
      default:
        return fill(lastWritten + 1 + i);
    }
  };
}

function defaultWeekdayName(weekday: number, language: Language | undefined): string {
  if (language === 'vi') return weekday === 7 ? 'Chủ nhật' : `Thứ ${weekday + 1}`;
  return EN_LONG[weekday - 1];
}

/** The way a weekday label is written (`Mon`, `MONDAY`, `**Thứ 2**`, `T2`, `Thứ Hai`), as a function of the weekday. */
function weekdayStyle(cell: Cell): ((weekday: number) => string) | undefined {
  const text = cell.text.normalize('NFC').trim();
  const at = cell.raw.indexOf(cell.text.trim());
  const wrap = (s: string): string => (at >= 0 ? cell.raw.slice(0, at) + s + cell.raw.slice(at + cell.text.trim().length) : s);
  const cased = (s: string): string => (text === text.toUpperCase() ? s.toUpperCase() : text === text.toLowerCase() ? s.toLowerCase() : s);
  const lower = text.toLowerCase();
  if (EN_LONG.some((n) => n.toLowerCase() === lower)) return (w) => wrap(cased(EN_LONG[w - 1]));
  if (/^[a-z]{3,5}$/.test(lower)) return (w) => wrap(cased(EN_SHORT[w - 1]));
  let m = /^(thứ|Thứ|THỨ)(\s*)[2-7]$/u.exec(text);
  if (m) {
    const [, word, space] = m;
    return (w) => wrap(w === 7 ? (word === 'thứ' ? 'chủ nhật' : 'Chủ nhật') : `${word}${space}${w + 1}`);
  }
  m = /^([Tt])[2-7]$/.exec(text);
  if (m) {
    const letter = m[1];
    return (w) => wrap(w === 7 ? 'CN' : `${letter}${w + 1}`);
  }
  m = /^(thứ|Thứ|THỨ)\s+\p{L}+$/u.exec(text);
  if (m) {
    const word = m[1];
    return (w) => wrap(w === 7 ? 'Chủ nhật' : `${word} ${VI_WORDS[w - 1]}`);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Index pages

/** The line for the new week in each index page that lists the weeks, after the line of the latest week listed. */
function planIndexEdits(worklog: Worklog, week: number, last: number, files: readonly PlannedFile[]): IndexEdit[] {
  const edits: IndexEdit[] = [];
  for (const entry of worklog.indexes) {
    const page = entry.page;
    const links = page.links.map((link) => ({ link, week: weekOfTarget(link.target) })).filter((l) => l.week !== undefined);
    if (links.length === 0 || links.some((l) => l.week === week)) continue;
    const listed = links.filter((l) => l.week! <= last).sort((a, b) => b.week! - a.week! || b.link.span.start.line - a.link.span.start.line);
    if (listed.length === 0) continue;
    // Only an index of this language lists this language's week (the new page exists in it).
    if (entry.language && files.every((f) => f.language !== entry.language)) continue;
    const anchor = listed[0];
    const edit = indexLine(page, anchor.link, anchor.week!, week, links.filter((l) => l !== anchor).map((l) => l.link));
    if (edit) edits.push({ path: page.path, ...edit });
  }
  return edits;
}

function indexLine(
  page: WorklogPage,
  link: { readonly target: string; readonly span: Span },
  from: number,
  week: number,
  others: readonly { readonly target: string; readonly span: Span }[],
): { span: Span; newText: string } | undefined {
  const index = page.lineIndex;
  const line = link.span.start.line;
  const lt = index.lineText(line);
  const close = lt.lastIndexOf('](', link.span.start.character);
  const open = close >= 0 ? lt.lastIndexOf('[', close) : -1;
  const end = lt.indexOf(')', link.span.end.character);
  const target = nextTarget(link.target, week);
  if (open < 0 || end < 0 || target === undefined) return undefined;
  const shiftLabel = (s: string): string => s.replace(WEEK_NUMBER_ALL, (whole, lead: string, word: string, digits: string) => (Number(digits) === from ? lead + word + padLike(week, digits) : whole));
  const linkText = lt.slice(open + 1, close);
  const othersText = others.map((o) => {
    const l = index.lineText(o.span.start.line);
    const c = l.lastIndexOf('](', o.span.start.character);
    const b = c >= 0 ? l.lastIndexOf('[', c) : -1;
    return b >= 0 ? l.slice(b + 1, c) : '';
  });
  const newLinkText = weekInText(linkText) ? nextLinkText(linkText, othersText, from, week) : '';
  const newLink = `[${newLinkText}](${target}${lt.slice(link.span.end.character, end)})`;

  let before = lt.slice(0, open);
  let after = lt.slice(end + 1);
  const tableRow = /^\s*\|/.test(lt);
  if (tableRow) {
    // A row of a table of weeks: the other cells described the old week.
    const cellsBefore = before.split('|');
    const lastCell = cellsBefore.pop() ?? '';
    before = cellsBefore.map((c) => (weekInText(c) ? shiftLabel(c) : c.trim() === '' ? c : ' ')).join('|') + '|' + lastCell.replace(/^\|?/, '');
    const cellsAfter = after.split('|');
    after = cellsAfter.map((c, i) => (i === 0 || i === cellsAfter.length - 1 ? c : ' ')).join('|');
  } else {
    before = shiftLabel(before).replace(/^(\s{0,3})(\d{1,3})([.)]\s)/, (_w, s: string, n: string, d: string) => `${s}${Number(n) + 1}${d}`);
    // A description after the link belonged to the old week; trailing spaces (a hard line break) stay.
    if (/[\p{L}\d]/u.test(after)) after = /\s{2,}$/.test(after) ? after.match(/\s{2,}$/)![0] : '';
  }
  const entry: string[] = [];
  let start = line;
  if (!weekInText(before) && line > 0 && !tableRow) {
    const above = index.lineText(line - 1);
    if (above.trim() !== '' && weekInText(above) && !above.includes('](')) {
      start = line - 1;
      entry.push(shiftLabel(above));
    }
  }
  entry.push(before + newLink + after);
  // The old entry's continuation lines (sub-bullets, a description line) end at a blank line or the next entry.
  let last = line;
  while (last + 1 < index.lineCount) {
    const next = index.lineText(last + 1);
    if (next.trim() === '' || next.includes('](') || /^\s{0,3}(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\s*(?:week|tuần|tuan)\s*\d/iu.test(next)) break;
    last++;
  }
  const separated = !tableRow && !LIST_MARKER.test(index.lineText(start));
  const blankBetween = separated && (start === 0 || index.lineText(start - 1).trim() === '' || last + 1 >= index.lineCount || index.lineText(last + 1).trim() === '');
  const at = { line: last, character: index.lineText(last).length };
  return { span: { start: at, end: at }, newText: page.eol + (blankBetween ? page.eol : '') + entry.join(page.eol) };
}

/** A link text that names the week ("Week 5: IAM", "**Week 5**") for the new week, without the old description. */
function nextLinkText(text: string, others: readonly string[], from: number, week: number): string {
  const m = /^(\*\*|__|\*|_)?(.*?)(\*\*|__|\*|_)?$/s.exec(text)!;
  const [, open = '', inner, closing = ''] = m;
  const shifted = inner.replace(WEEK_NUMBER_ALL, (whole, lead: string, word: string, digits: string) => (Number(digits) === from ? lead + word + padLike(week, digits) : whole));
  const cut = withoutDescription(shifted);
  const keep = cut === undefined || others.some((o) => shape(o) === shape(text));
  return open + (keep ? shifted : cut) + closing;
}

// ---------------------------------------------------------------------------------------------------------------
// A first week

/**
 * Week 1 (and, for a new worklog, its index page) in each language: the languages of the worklog's index pages,
 * named and placed like them, else the configured languages (the first one unsuffixed, as Hugo's default language).
 */
function planFirstWeek(dir: string, settings: WorklogSettings, start: CalendarDate, withIndex: boolean, worklog?: Worklog): NewWeekPlan {
  const chapter = /(?:^|\/)(\d{1,2})[-.][^/]*$/.exec(dir)?.[1] ?? '1';
  const folder = `${chapter}.1-Week1`;
  const pages: { language: Language; dir: string; suffix: string }[] = [];
  for (const index of worklog?.indexes ?? []) {
    const language = index.language ?? 'en';
    if (pages.some((p) => p.language === language)) continue;
    const suffix = /(\.(?:en|vi))\.(?:md|markdown)$/i.exec(index.page.path)?.[1] ?? '';
    pages.push({ language, dir: index.page.path.split('/').slice(0, -1).join('/'), suffix });
  }
  if (pages.length === 0) {
    const configured = settings.languages.filter((l): l is Language => l === 'en' || l === 'vi');
    const languages: Language[] = configured.length > 0 ? configured : ['en'];
    for (const language of languages) pages.push({ language, dir, suffix: language === languages[0] ? '' : `.${language}` });
  }
  const days = workingDates(start, settings.workingDays);
  const files: PlannedFile[] = [];
  for (const p of pages) files.push(firstWeekPage(`${p.dir}/${folder}/_index${p.suffix}.md`, p.language, chapter, start, days, settings));
  if (withIndex) {
    for (const p of pages) {
      const title = p.language === 'vi' ? 'Nhật ký công việc' : 'Worklog';
      const label = p.language === 'vi' ? 'Tuần' : 'Week';
      const text = ['---', `title: "${title}"`, 'weight: 1', 'chapter: false', `pre: "<b>${chapter}. </b>"`, '---', '', `**${label} 1:** [](${folder.toLowerCase()}/)`, ''].join('\n');
      files.push({ path: `${p.dir}/_index${p.suffix}.md`, text, language: p.language, kind: 'index', cursor: { line: 7, character: 0 } });
    }
  }
  return { ok: true, week: 1, dir, start, files, indexEdits: [], cursor: { path: files[0].path, ...files[0].cursor } };
}

function firstWeekPage(path: string, language: Language, chapter: string, start: CalendarDate, days: readonly CalendarDate[], settings: WorklogSettings): PlannedFile {
  const vi = language === 'vi';
  const format = settings.dateFormat === 'auto' ? 'DD/MM/YYYY' : settings.dateFormat;
  const numbered = settings.dayLabels !== 'weekday';
  const convention = settings.dayLabels === 'thu' || settings.dayLabels === 'iso' || settings.dayLabels === 'index' ? settings.dayLabels : vi ? 'thu' : 'iso';
  const label: Labeler = (date, i) => {
    const w = isoWeekday(date);
    if (!numbered) return defaultWeekdayName(w, language);
    if (convention === 'index') return String(i + 1);
    if (convention === 'iso') return String(w);
    return w === 7 ? 'CN' : String(w + 1);
  };
  const table = buildTable(defaultShape(language), days, (d) => writeDate(d, format), label);
  const head = [
    '---',
    `title: "${defaultTitle(language, 1)}"`,
    `date: ${toIso(start)}`,
    'weight: 1',
    'chapter: false',
    `pre: " <b> ${chapter}.1. </b> "`,
    '---',
    '',
    vi ? '### Mục tiêu tuần 1:' : '### Week 1 Objectives:',
    '',
  ];
  const cursor = { line: head.length, character: 2 };
  const lines = [
    ...head,
    '* ',
    '',
    '---',
    '',
    vi ? '### Công việc trong tuần:' : '### Tasks Performed During the Week:',
    '',
    ...table.lines,
    '',
    '---',
    '',
    vi ? '### Kết quả đạt được:' : '### Weekly Achievements:',
    '',
    '---',
    '',
    vi ? '### Tổng kết tuần 1:' : '### Week 1 Summary:',
  ];
  return { path, text: lines.join('\n') + '\n', language, kind: 'week', cursor };
}
