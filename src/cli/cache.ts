// The findings cache (--cache): cross-week rules read every page of a worklog, so findings are cached per group of
// pages checked together, keyed by a hash of the tool version, the locale, the settings and every page's path and
// content. A hit skips parsing and checking. Each page's content hash is kept with the file's stamp (size, inode,
// modification and change times in nanoseconds): a file whose stamp is unchanged is not read again — unless it was
// modified less than RACY_MS before it was read, when a later write could have left the same stamp behind on a file
// system with coarse times (git's "racy" rule); such a file is read every time until it is older. One JSON file,
// written atomically; an unreadable or malformed cache is ignored.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/model';
import type { FileStamp } from './textFile';

const FORMAT = 2;
/** A file modified this close (ms) to when it was read is never trusted by its stamp (2 s: FAT's time resolution). */
export const RACY_MS = 2000;
/** More file records than this and only the current run's are kept. */
const MAX_FILES = 100_000;

/** A page's content hash and BOM, as of its stamp. */
export interface KnownFile {
  readonly sha: string;
  readonly bom: boolean;
}

interface FileRecord extends KnownFile {
  readonly stamp: FileStamp;
  /** When the file was read (ms since the epoch). */
  readonly readAt: number;
}
export const CACHE_FILE_NAME = 'cache.json';

interface CacheEntry {
  readonly hash: string;
  readonly findings: Record<string, Finding[]>;
}

interface CacheData {
  readonly format: number;
  readonly tool: string;
  readonly groups: Record<string, CacheEntry>;
  readonly files?: Record<string, FileRecord>;
}

function isRecord(r: unknown): r is FileRecord {
  const x = r as Partial<FileRecord> | null;
  const st = x?.stamp as Partial<FileStamp> | undefined;
  return !!x && typeof x.sha === 'string' && typeof x.bom === 'boolean' && typeof x.readAt === 'number' && !!st
    && typeof st.size === 'number' && typeof st.mtimeNs === 'string' && typeof st.ctimeNs === 'string' && typeof st.ino === 'string';
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino;
}

/** A record whose file was modified too close to when it was read for its stamp to vouch for the content. */
function racy(r: FileRecord): boolean {
  // Nanoseconds as text; the milliseconds' digits are enough to tell a file safely older than its read.
  const ms = (ns: string): number => (ns.length > 6 ? Number(ns.slice(0, -6)) : 0);
  return Math.max(ms(r.stamp.mtimeNs), ms(r.stamp.ctimeNs)) >= r.readAt - RACY_MS;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The cache file: --cache-location (a folder when it ends with a separator or is one), else node_modules/.cache. */
export async function resolveCacheFile(cwd: string, location: string | undefined): Promise<string> {
  if (location === undefined) return path.join(cwd, 'node_modules', '.cache', 'worklog-lint', CACHE_FILE_NAME);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(abs, CACHE_FILE_NAME);
  try {
    if ((await fsp.stat(abs)).isDirectory()) return path.join(abs, CACHE_FILE_NAME);
  } catch {
    // Not there yet: a file name.
  }
  return abs;
}

function isPosition(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && typeof q.line === 'number' && typeof q.character === 'number';
}

function isFinding(f: unknown): f is Finding {
  const x = f as Partial<Finding> | null;
  return !!x && typeof x.rule === 'string' && typeof x.message === 'string'
    && (x.severity === 'error' || x.severity === 'warning' || x.severity === 'info')
    && !!x.span && isPosition(x.span.start) && isPosition(x.span.end) && Array.isArray(x.fixes);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

function isEntry(e: unknown): e is CacheEntry {
  const x = e as Partial<CacheEntry> | null;
  if (!x || typeof x.hash !== 'string' || !x.findings || typeof x.findings !== 'object') return false;
  return Object.values(x.findings).every((list) => Array.isArray(list) && list.every(isFinding));
}

/** An own property of a record read from JSON (never one of Object.prototype's). */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The findings cache. Its records are checked when they are looked up, not when the file is loaded: a run looks up
 * each at most once, and a malformed one is simply not used (nor written back).
 */
export class FindingsCache {
  private dirty = false;

  private readonly seen = new Set<string>();

  private constructor(readonly file: string, private readonly tool: string, private readonly groups: Record<string, unknown>, private readonly files: Record<string, unknown>) {}

  /** The content hash of `real` when its stamp is the one recorded and was not racy when read; else undefined. */
  knownFile(real: string, stamp: FileStamp): KnownFile | undefined {
    const r = own(this.files, real);
    if (!isRecord(r) || !sameStamp(r.stamp, stamp) || racy(r)) return undefined;
    this.seen.add(real);
    return { sha: r.sha, bom: r.bom };
  }

  /** Records what was read from `real` (its stamp taken before the read, `readAt` the time of reading). */
  noteFile(real: string, stamp: FileStamp, known: KnownFile, readAt: number): void {
    this.seen.add(real);
    const r = own(this.files, real);
    if (isRecord(r) && sameStamp(r.stamp, stamp) && r.sha === known.sha && r.bom === known.bom && r.readAt === readAt) return;
    this.files[real] = { stamp, readAt, sha: known.sha, bom: known.bom };
    this.dirty = true;
  }

  /** Loads the cache; anything unreadable, malformed or from another tool version gives an empty cache. */
  static async load(file: string, tool: string): Promise<FindingsCache> {
    try {
      const data = JSON.parse(await fsp.readFile(file, 'utf8')) as Partial<CacheData> | null;
      if (data && data.format === FORMAT && data.tool === tool && isObject(data.groups)) {
        return new FindingsCache(file, tool, data.groups, isObject(data.files) ? data.files : {});
      }
    } catch {
      // A missing or corrupt cache is an empty one.
    }
    return new FindingsCache(file, tool, {}, {});
  }

  /** The findings of a group whose pages hash to `hash` (a page it does not name has none), or undefined. */
  get(group: string, hash: string): Map<string, Finding[]> | undefined {
    const entry = own(this.groups, group);
    if (!isEntry(entry) || entry.hash !== hash) return undefined;
    return new Map(Object.entries(entry.findings));
  }

  /** Keeps the findings of a group whose pages hash to `hash` (pages without findings are left out: none is none). */
  set(group: string, hash: string, findings: ReadonlyMap<string, readonly Finding[]>): void {
    this.groups[group] = { hash, findings: Object.fromEntries([...findings].filter(([, v]) => v.length > 0).map(([k, v]) => [k, [...v]])) };
    this.dirty = true;
  }

  /** Writes the cache (temporary file + rename) when something changed. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const many = Object.keys(this.files).length > MAX_FILES;
    const files = Object.fromEntries(Object.entries(this.files).filter(([real, r]) => isRecord(r) && (!many || this.seen.has(real)))) as Record<string, FileRecord>;
    const groups = Object.fromEntries(Object.entries(this.groups).filter(([, e]) => isEntry(e))) as Record<string, CacheEntry>;
    const data: CacheData = { format: FORMAT, tool: this.tool, groups, files };
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fsp.writeFile(tmp, JSON.stringify(data));
      await fsp.rename(tmp, this.file);
    } finally {
      await fsp.rm(tmp, { force: true }).catch(() => undefined);
    }
    this.dirty = false;
  }
}
