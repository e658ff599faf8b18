// The Weeks sidebar's model: worklogs → weeks → objectives and tasks, built from a summary of each page (OutlinePage:
// plain data taken from a parsed and analysed worklog, or kept from an earlier session). Pure and cheap (no parsing):
// the tree adapter rebuilds it whenever the workspace changes and its getChildren only reads it.
import { plainCellText, writeDate } from './dates';
import { t } from './l10n';
import type { Finding, Language, Severity, TaskRow, WorklogPage } from './model';
import { twinKey, type Worklog, type WorklogEntry } from './workspace';

/** The worst severity among a node's findings, or `clean`; `unknown` when the findings are not known. */
export type OutlineState = Severity | 'clean' | 'unknown';

interface NodeBase {
  /** Stable across rebuilds (the tree keeps expansion and selection by it); unique in the outline. */
  readonly id: string;
  readonly label: string;
  /** The page to open (a worklog: its index page, when it has one). */
  readonly path?: string;
  /** The 0-based line to open the page at. */
  readonly line: number;
}

export interface WorklogNode extends NodeBase {
  readonly kind: 'worklog';
  /** The worklog's folder. */
  readonly dir: string;
  readonly description: string;
  readonly state: OutlineState;
  readonly count: number;
  readonly children: readonly WeekNode[];
}

export interface PageRef {
  readonly path: string;
  readonly language: string | undefined;
}

export interface WeekNode extends NodeBase {
  readonly kind: 'week';
  readonly path: string;
  readonly week: number | undefined;
  readonly language: string | undefined;
  /** The page's title (front matter), if it has one. */
  readonly title: string | undefined;
  /** The same week in the other languages. */
  readonly twins: readonly PageRef[];
  /** The week's dates, written in the page's format (`06/10 – 12/10/2025`); empty when unknown. */
  readonly range: string;
  /** The range and the problem count, as the tree shows them next to the label. */
  readonly description: string;
  /** Worst finding over the page and its twins. */
  readonly state: OutlineState;
  /** Number of findings over the page and its twins. */
  readonly count: number;
  readonly children: readonly (ObjectiveNode | TaskNode)[];
}

export interface ObjectiveNode extends NodeBase {
  readonly kind: 'objective';
  readonly path: string;
}

export interface TaskNode extends NodeBase {
  readonly kind: 'task';
  readonly path: string;
}

export type OutlineNode = WorklogNode | WeekNode | ObjectiveNode | TaskNode;

export interface OutlinePreference {
  /** Languages in order of preference (settings.languages): a week shows the page of the first one it has. */
  readonly languages: readonly string[];
  /** The page the user has open: its week shows this page, whatever the language. */
  readonly activePath?: string;
}

const RANK: Record<OutlineState, number> = { unknown: 0, clean: 1, info: 2, warning: 3, error: 4 };

/** What the outline needs of a page: cheap, plain data (kept between sessions, so the tree shows without parsing). */
export interface OutlinePage {
  readonly path: string;
  readonly language: Language | undefined;
  readonly week: number | undefined;
  /** The page's title (front matter), if it has one. */
  readonly title: string | undefined;
  /** The week's dates in the page's format (see rangeOf); empty when unknown. */
  readonly range: string;
  readonly objectives: readonly { readonly text: string; readonly line: number }[];
  /** Task rows with a label (see taskLabel), with their table and row index (a stable id). */
  readonly tasks: readonly { readonly label: string; readonly line: number; readonly at: string }[];
}

/** A worklog as the outline sees it. */
export interface OutlineWorklog {
  readonly dir: string;
  readonly weeks: readonly OutlinePage[];
  readonly indexes: readonly OutlinePage[];
}

/** The outline's data for a page of a built worklog. */
export function summarizeEntry(entry: WorklogEntry): OutlinePage {
  const page = entry.page;
  const tasks: { label: string; line: number; at: string }[] = [];
  page.tables.forEach((table, ti) => {
    table.rows.forEach((row, ri) => {
      const label = taskLabel(row);
      if (label) tasks.push({ label, line: row.line, at: `${ti}.${ri}` });
    });
  });
  return {
    path: page.path,
    language: entry.language,
    week: entry.week,
    title: titleOf(page),
    range: rangeOf(entry),
    objectives: page.objectives.map((o) => ({ text: o.text, line: o.span.start.line })),
    tasks,
  };
}

/** The outline's data for a built worklog. */
export function summarizeWorklog(worklog: Worklog): OutlineWorklog {
  return { dir: worklog.dir, weeks: worklog.weeks.map(summarizeEntry), indexes: worklog.indexes.map(summarizeEntry) };
}

/**
 * The sidebar's outline: one node per week (the preferred page, its twins folded in), weeks in numeric order, each
 * with its objectives and task rows. Several worklogs: one node per worklog at the root; one: its weeks at the root.
 */
export function outline(
  worklogs: ReadonlyMap<string, OutlineWorklog>,
  findingsOf: (path: string) => readonly Finding[] | undefined,
  preference: OutlinePreference,
): OutlineNode[] {
  const nodes = [...worklogs.entries()]
    .map(([key, worklog]) => worklogNode(key, worklog, findingsOf, preference))
    .filter((n) => n.children.length > 0)
    .sort((a, b) => a.dir.localeCompare(b.dir));
  const roots = nodes.length === 1 ? [...nodes[0].children] : nodes;
  uniqueIds(roots);
  return roots;
}

/** A tree item id must be unique: a page that duplicates another's week and twin key gets a suffix. */
function uniqueIds(roots: OutlineNode[]): void {
  const seen = new Set<string>();
  const visit = (nodes: OutlineNode[]): void => {
    nodes.forEach((node, i) => {
      let id = node.id;
      for (let n = 2; seen.has(id); n++) id = `${node.id}#${n}`;
      seen.add(id);
      const children = node.kind === 'worklog' || node.kind === 'week' ? [...node.children] : undefined;
      if (children) visit(children);
      if (id !== node.id || children) nodes[i] = Object.assign({}, node, { id }, children ? { children } : {}) as OutlineNode;
    });
  };
  visit(roots);
}

function worklogNode(key: string, worklog: OutlineWorklog, findingsOf: (path: string) => readonly Finding[] | undefined, preference: OutlinePreference): WorklogNode {
  const weeks = groupWeeks(worklog.weeks, preference).map((group) => weekNode(key, group, findingsOf));
  const index = pick(worklog.indexes, preference);
  const title = index?.title;
  const count = weeks.reduce((n, w) => n + w.count, 0);
  return {
    kind: 'worklog',
    id: `worklog:${key}`,
    label: title ?? (worklog.dir.split('/').filter(Boolean).pop() || worklog.dir || t('Worklog')),
    dir: worklog.dir,
    path: index?.path,
    line: 0,
    description: [worklog.dir, problems(count)].filter(Boolean).join(' · '),
    state: weeks.reduce<OutlineState>((s, w) => worse(s, w.state), 'unknown'),
    count,
    children: weeks,
  };
}

/**
 * Groups week pages into one list a week: pages of one week in different languages fold together (the ones whose
 * paths make them twins first); a second page of the same week in the same language is a node of its own.
 */
function groupWeeks(entries: readonly OutlinePage[], preference: OutlinePreference): OutlinePage[][] {
  const byWeek = new Map<string, OutlinePage[]>();
  for (const e of entries) {
    const key = e.week === undefined ? `path:${e.path}` : `week:${e.week}`;
    byWeek.set(key, [...(byWeek.get(key) ?? []), e]);
  }
  const groups: OutlinePage[][] = [];
  for (const members of byWeek.values()) {
    const byTwin = new Map<string, OutlinePage[]>();
    for (const e of members) byTwin.set(twinKey(e.path), [...(byTwin.get(twinKey(e.path)) ?? []), e]);
    const folded: OutlinePage[][] = [];
    for (const cluster of byTwin.values()) {
      // Split a cluster that holds one language twice (content/en/… next to a .en.md file): one node each.
      const parts: OutlinePage[][] = [];
      for (const e of cluster) {
        const part = parts.find((p) => !p.some((x) => x.language === e.language));
        if (part) part.push(e);
        else parts.push([e]);
      }
      for (const part of parts) {
        const into = folded.find((g) => !g.some((x) => part.some((y) => y.language === x.language)));
        if (into) into.push(...part);
        else folded.push(part);
      }
    }
    groups.push(...folded);
  }
  const first = (g: OutlinePage[]): OutlinePage => pick(g, preference)!;
  return groups
    .map((g) => { const p = first(g); return [p, ...g.filter((e) => e !== p)]; })
    .sort((a, b) => (a[0].week ?? Infinity) - (b[0].week ?? Infinity) || a[0].path.localeCompare(b[0].path, undefined, { numeric: true }));
}

/** The page to show: the open page, else the first preferred language, else the first page. */
function pick(entries: readonly OutlinePage[], preference: OutlinePreference): OutlinePage | undefined {
  const open = entries.find((e) => e.path === preference.activePath);
  if (open) return open;
  for (const language of preference.languages) {
    const e = entries.find((x) => x.language === language);
    if (e) return e;
  }
  return entries[0];
}

function weekNode(key: string, [entry, ...twins]: OutlinePage[], findingsOf: (path: string) => readonly Finding[] | undefined): WeekNode {
  let state: OutlineState = 'unknown';
  let count = 0;
  for (const e of [entry, ...twins]) {
    const findings = findingsOf(e.path);
    if (!findings) continue;
    count += findings.length;
    state = worse(state, findings.reduce<OutlineState>((s, f) => worse(s, f.severity), 'clean'));
  }
  const title = entry.title;
  // One id for the week whichever language is shown, so expansion and selection survive a switch of language.
  const id = `week:${key}:${entry.week ?? twinKey(entry.path)}:${[entry, ...twins].map((e) => twinKey(e.path)).sort()[0]}`;
  const children: (ObjectiveNode | TaskNode)[] = [];
  entry.objectives.forEach((o, i) => {
    children.push({ kind: 'objective', id: `${id}/o${i}`, label: o.text, path: entry.path, line: o.line });
  });
  for (const task of entry.tasks) children.push({ kind: 'task', id: `${id}/t${task.at}`, label: task.label, path: entry.path, line: task.line });
  return {
    kind: 'week',
    id,
    label: entry.week !== undefined ? t('Week {0}', entry.week) : title ?? fileLabel(entry.path),
    path: entry.path,
    line: 0,
    week: entry.week,
    language: entry.language,
    title,
    twins: twins.map((e) => ({ path: e.path, language: e.language })),
    range: entry.range,
    description: [entry.range, problems(count)].filter(Boolean).join(' · '),
    state,
    count,
    children,
  };
}

/** A task row as one line: `day · first line of the task · start–end`; undefined for an empty row. */
export function taskLabel(row: TaskRow): string | undefined {
  const day = row.day?.cell.text.trim() ?? '';
  const firstLine = (row.task?.raw ?? '').split(/<br\s*\/?>/i).map((s) => plainCellText(s).replace(/^[-*+•]\s+/, '').trim()).find((s) => s.length > 0) ?? '';
  const start = row.start?.text.trim() ?? '';
  const end = row.end?.text.trim() ?? '';
  const dates = start && end && start !== end ? `${start}–${end}` : start || end;
  if (!day && !firstLine && !dates) return undefined;
  return [day, firstLine || t('(no task)'), dates].filter(Boolean).join(' · ');
}

/** The week's dates in the page's own format: `06/10 – 12/10/2025` (the year once when both ends share it). */
export function rangeOf(entry: WorklogEntry): string {
  const window = entry.analysis.window;
  if (!window) return '';
  const format = entry.analysis.format && /Y/.test(entry.analysis.format)
    ? entry.analysis.format
    : entry.analysis.order === 'mdy' ? 'MM/DD/YYYY' : 'DD/MM/YYYY';
  const { start, end } = window;
  if (start.year !== end.year) return `${writeDate(start, format)} – ${writeDate(end, format)}`;
  const yearFirst = /^Y/.test(format);
  const noYear = format.replace(/^Y+[^DMY]?|[^DMY]?Y+$/, '');
  return yearFirst ? `${writeDate(start, format)} – ${writeDate(end, noYear)}` : `${writeDate(start, noYear)} – ${writeDate(end, format)}`;
}

function titleOf(page: WorklogPage): string | undefined {
  const value = page.frontMatter?.entries.get('title')?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function fileLabel(path: string): string {
  const parts = path.split('/');
  const file = parts.pop() ?? path;
  return /^_?index\./i.test(file) && parts.length ? parts[parts.length - 1] : file;
}

function problems(count: number): string {
  if (count === 0) return '';
  return count === 1 ? t('1 problem') : t('{0} problems', count);
}

function worse(a: OutlineState, b: OutlineState): OutlineState {
  return RANK[b] > RANK[a] ? b : a;
}

/** Every node of the outline, depth first, with its parent (for the tree's getParent and reveal). */
export function* walk(nodes: readonly OutlineNode[], parent?: OutlineNode): Generator<{ node: OutlineNode; parent: OutlineNode | undefined }> {
  for (const node of nodes) {
    yield { node, parent };
    if (node.kind === 'worklog' || node.kind === 'week') yield* walk(node.children, node);
  }
}

/** The week node that shows or folds in `path`, if any. */
export function weekOf(nodes: readonly OutlineNode[], path: string): WeekNode | undefined {
  for (const { node } of walk(nodes)) {
    if (node.kind === 'week' && (node.path === path || node.twins.some((tw) => tw.path === path))) return node;
  }
  return undefined;
}
