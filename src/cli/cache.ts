// The findings cache (--cache): cross-week rules read every page of a worklog, so findings are cached per group of
// pages checked together, keyed by a hash of the tool version, the locale, the settings and every page's path and
// content. A hit skips parsing and checking. Each page's content hash is kept with the file's stamp (size, inode,
// modification and change times in nanoseconds): a file whose stamp is unchanged is not read again — unless it was
// modified less than RACY_MS before it was read, when a later write could have left the same stamp behind on a file
// system with coarse times (git's "racy" rule); such a file is not recorded, so it is read every time until it is
// older. One JSON file, written atomically; an unreadable or malformed cache is ignored. A file's record is one string,
// `stamp|sha|bom`: a warm run looks up thousands of them, and strings are what JSON.parse makes cheapest.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/model';
import { isFinding } from '../core/snapshot';
import type { FileStamp } from './textFile';

const FORMAT = 3;
/** A file modified this close (ms) to when it was read is never trusted by its stamp (2 s: FAT's time resolution). */
export const RACY_MS = 2000;
/** More file records than this and only the current run's are kept. */
const MAX_FILES = 100_000;

/** A page's content hash and BOM, as of its stamp. */
export interface KnownFile {
  readonly sha: string;
  readonly bom: boolean;
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
  /** By real path: `stamp key|sha|0 or 1 (BOM)`. */
  readonly files?: Record<string, string>;
}

/** A file record: the stamp's key, then `|`, the content hash and `|0` or `|1` (BOM). */
const RECORD = /^\d+:\d+:\d+:\d+\|[0-9a-f]{64}\|[01]$/;
const TAIL = /^[0-9a-f]{64}\|[01]$/;

function isRecord(r: unknown): r is string {
  return typeof r === 'string' && RECORD.test(r);
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
    const key = stamp.key;
    if (typeof r !== 'string' || !r.startsWith(key) || r.charCodeAt(key.length) !== 0x7c) return undefined;
    const tail = r.slice(key.length + 1);
    if (!TAIL.test(tail)) return undefined;
    this.seen.add(real);
    return { sha: tail.slice(0, 64), bom: tail.endsWith('1') };
  }

  /**
   * Records what was read from `real` (its stamp taken before the read, `readAt` the time of reading) — unless the
   * file was modified too close to its reading for the stamp to vouch for the content (racy): then it is forgotten.
   */
  noteFile(real: string, stamp: FileStamp, known: KnownFile, readAt: number): void {
    this.seen.add(real);
    const r = own(this.files, real);
    const record = stamp.changedMs >= readAt - RACY_MS ? undefined : `${stamp.key}|${known.sha}|${known.bom ? 1 : 0}`;
    if (r === record) return;
    if (record === undefined) delete this.files[real];
    else this.files[real] = record;
    this.dirty = true;
  }

  /** Loads the cache; anything unreadable, malformed or from another tool version gives an empty cache. */
  static load(file: string, tool: string): FindingsCache {
    try {
      // Synchronous: nothing else is under way, and one read beats the promise API's chunks through a decoder.
      const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheData> | null;
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
    const files = Object.fromEntries(Object.entries(this.files).filter(([real, r]) => isRecord(r) && (!many || this.seen.has(real)))) as Record<string, string>;
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
