// Results kept between sessions: what the editor shows of a worklog (its pages, findings and outline), keyed by a
// hash of everything they depend on. Pure: the host hashes (`snapshotHashInput` gives the bytes' text), stores and
// loads; this module says what a snapshot is and checks what comes back, since a stored file can be stale, cut short
// or edited by hand.
import type { Finding, Fix, Position, Span, TextEdit } from './model';
import type { OutlinePage, OutlineWorklog } from './outline';

/** Bumped whenever the shape of a snapshot (or of what it holds) changes. */
export const SNAPSHOT_FORMAT = 1;

/** A worklog's results, for exactly the texts they were computed from. */
export interface WorklogResults {
  /** The worklog's pages (week and index pages) by path. */
  readonly pages: Readonly<Record<string, 'week' | 'index'>>;
  /** The outline's data (undefined: the worklog shows nothing). */
  readonly outline: OutlineWorklog | undefined;
  /** Findings by page path. */
  readonly findings: Readonly<Record<string, readonly Finding[]>>;
}

/** One worklog's entry in a snapshot: the hash of its files and settings, and its results. */
export interface SnapshotEntry {
  readonly hash: string;
  /** For a group of files none of which is a worklog page: no pages (nothing to show, nothing to parse). */
  readonly results: WorklogResults;
}

export interface Snapshot {
  readonly format: number;
  /** The engine's build and the display language: results from another build or language are not used. */
  readonly tool: string;
  readonly worklogs: Readonly<Record<string, SnapshotEntry>>;
}

/**
 * The text whose hash keys a worklog's results: the tool, the settings of each file, and each file's path and text
 * (files sorted by path; each distinct settings text written once and referred to by number; lengths written out, so
 * no two different inputs give the same text).
 */
export function snapshotHashInput(tool: string, files: readonly { path: string; text: string; settings: string }[]): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const settings = [...new Set(sorted.map((f) => f.settings))];
  const number = new Map(settings.map((text, i) => [text, i]));
  const parts = [`${SNAPSHOT_FORMAT}\u0000${tool.length}:${tool}\u0000${settings.length}`];
  for (const text of settings) parts.push(`${text.length}:${text}`);
  for (const f of sorted) parts.push(`${f.path.length}:${f.path}\u0000${number.get(f.settings)}\u0000${f.text.length}:${f.text}`);
  return parts.join('\u0000');
}

function isObject(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

function isPosition(p: unknown): p is Position {
  return isObject(p) && isCount(p.line) && isCount(p.character);
}

function isSpan(s: unknown): s is Span {
  return isObject(s) && isPosition(s.start) && isPosition(s.end);
}

function isEdit(e: unknown): e is TextEdit {
  return isObject(e) && isSpan(e.span) && typeof e.newText === 'string';
}

function isFix(f: unknown): f is Fix {
  return isObject(f) && typeof f.title === 'string' && typeof f.preferred === 'boolean' && Array.isArray(f.edits) && f.edits.every(isEdit);
}

/** True when `f` has a finding's shape (read back from JSON: a cache or a snapshot). */
export function isFinding(f: unknown): f is Finding {
  return isObject(f) && typeof f.rule === 'string' && typeof f.message === 'string'
    && (f.severity === 'error' || f.severity === 'warning' || f.severity === 'info')
    && isSpan(f.span) && Array.isArray(f.fixes) && f.fixes.every(isFix);
}

function isOptionalString(x: unknown): boolean {
  return x === undefined || typeof x === 'string';
}

function isOutlinePage(p: unknown): p is OutlinePage {
  return isObject(p) && typeof p.path === 'string' && (p.language === undefined || p.language === 'en' || p.language === 'vi')
    && (p.week === undefined || isCount(p.week)) && isOptionalString(p.title) && typeof p.range === 'string'
    && Array.isArray(p.objectives) && p.objectives.every((o) => isObject(o) && typeof o.text === 'string' && isCount(o.line))
    && Array.isArray(p.tasks) && p.tasks.every((t) => isObject(t) && typeof t.label === 'string' && isCount(t.line) && typeof t.at === 'string');
}

function isOutlineWorklog(w: unknown): w is OutlineWorklog {
  return isObject(w) && typeof w.dir === 'string' && Array.isArray(w.weeks) && w.weeks.every(isOutlinePage)
    && Array.isArray(w.indexes) && w.indexes.every(isOutlinePage);
}

function isResults(r: unknown): r is WorklogResults {
  if (!isObject(r) || !isObject(r.pages) || !isObject(r.findings)) return false;
  if (!Object.values(r.pages).every((k) => k === 'week' || k === 'index')) return false;
  if (!Object.entries(r.findings).every(([path, list]) => Object.hasOwn(r.pages as object, path) && Array.isArray(list) && list.every(isFinding))) return false;
  return r.outline === undefined || isOutlineWorklog(r.outline);
}

/**
 * The worklogs of a stored snapshot (parsed from JSON) that can be trusted: empty for another format or tool, and
 * an entry that is malformed in any way is left out (its worklog is simply parsed).
 */
export function readSnapshot(data: unknown, tool: string): Map<string, SnapshotEntry> {
  const out = new Map<string, SnapshotEntry>();
  if (!isObject(data) || data.format !== SNAPSHOT_FORMAT || data.tool !== tool || !isObject(data.worklogs)) return out;
  for (const [key, entry] of Object.entries(data.worklogs)) {
    if (!isObject(entry) || typeof entry.hash !== 'string') continue;
    if (!isResults(entry.results)) continue;
    out.set(key, { hash: entry.hash, results: entry.results });
  }
  return out;
}
