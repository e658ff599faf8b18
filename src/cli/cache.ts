// The findings cache (--cache): cross-week rules read every page of a worklog, so findings are cached per group of
// pages checked together, keyed by a hash of the tool version, the locale, the settings and every page's path and
// content. Pages are still read (to hash them); a hit skips parsing and checking. One JSON file, written atomically;
// an unreadable or malformed cache is ignored.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../core/model';

const FORMAT = 1;
export const CACHE_FILE_NAME = 'cache.json';

interface CacheEntry {
  readonly hash: string;
  readonly findings: Record<string, Finding[]>;
}

interface CacheData {
  readonly format: number;
  readonly tool: string;
  readonly groups: Record<string, CacheEntry>;
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

function isEntry(e: unknown): e is CacheEntry {
  const x = e as Partial<CacheEntry> | null;
  if (!x || typeof x.hash !== 'string' || !x.findings || typeof x.findings !== 'object') return false;
  return Object.values(x.findings).every((list) => Array.isArray(list) && list.every(isFinding));
}

export class FindingsCache {
  private dirty = false;

  private constructor(readonly file: string, private readonly tool: string, private readonly groups: Record<string, CacheEntry>) {}

  /** Loads the cache; anything unreadable, malformed or from another tool version gives an empty cache. */
  static async load(file: string, tool: string): Promise<FindingsCache> {
    try {
      const data = JSON.parse(await fsp.readFile(file, 'utf8')) as Partial<CacheData> | null;
      if (data && data.format === FORMAT && data.tool === tool && data.groups && typeof data.groups === 'object' && !Array.isArray(data.groups)) {
        const groups: Record<string, CacheEntry> = Object.create(null) as Record<string, CacheEntry>;
        for (const [id, entry] of Object.entries(data.groups)) if (isEntry(entry)) groups[id] = entry;
        return new FindingsCache(file, tool, groups);
      }
    } catch {
      // A missing or corrupt cache is an empty one.
    }
    return new FindingsCache(file, tool, Object.create(null) as Record<string, CacheEntry>);
  }

  /** The findings of a group whose pages hash to `hash`, or undefined. */
  get(group: string, hash: string): Map<string, Finding[]> | undefined {
    const entry = this.groups[group];
    if (!entry || entry.hash !== hash) return undefined;
    return new Map(Object.entries(entry.findings));
  }

  set(group: string, hash: string, findings: ReadonlyMap<string, readonly Finding[]>): void {
    this.groups[group] = { hash, findings: Object.fromEntries([...findings].map(([k, v]) => [k, [...v]])) };
    this.dirty = true;
  }

  /** Writes the cache (temporary file + rename) when something changed. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    const data: CacheData = { format: FORMAT, tool: this.tool, groups: this.groups };
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
