// Parsed pages kept between sessions: the extension's workspace index stores each page's model (everything parsePage
// returns but the text and its line index, which are rebuilt from the text) under the SHA-256 of the text, so a page
// whose text is unchanged — in the next session, or after a branch switch brings an old text back — is never parsed
// again. Pure data in, pure data out: the adapter reads and writes the file, and computes the hashes.
import type { FrontMatter, FrontMatterEntry, WorklogPage } from './model';
import { LineIndex } from './text';

/** Bump when the page model changes shape: an older cache is then ignored. */
export const PAGE_CACHE_FORMAT = 1;

/** What makes a cached model valid besides the text: the engine build, the message language and the size limit. */
export interface PageCacheKey {
  readonly build: string;
  readonly locale: string;
  readonly maxSize: number;
}

interface Entry {
  /** SHA-256 of the page's text (hex). */
  readonly h: string;
  /** The page model, encoded as JSON text: a string costs the extension host far less memory than the objects. */
  readonly p: string;
}

interface CacheFile {
  readonly format: number;
  readonly key: PageCacheKey;
  /** The last few texts of each page, newest first. */
  readonly pages: Record<string, Entry[]>;
}

/** How many texts of one page are kept: switching between two branches (or undoing a change on disk) hits. */
export const VERSIONS_PER_PAGE = 3;

// Compact and exact JSON: numbers JSON cannot hold (a YAML `.nan` weight) are tagged so they come back as they were;
// positions and spans — most of a page model — are written as short tagged strings ("\u0001S3:4-3:14"). A string of
// the page's own that starts with the tag character gets one more in front, so nothing is ever mistaken for a tag.
const NUMBER_TAG = '\u0000number';
const TAG = '\u0001';

function isPosition(v: unknown): v is { line: number; character: number } {
  const p = v as { line?: unknown; character?: unknown };
  return typeof p.line === 'number' && typeof p.character === 'number' && Object.keys(v as object).length === 2;
}

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { [NUMBER_TAG]: String(value) };
  if (typeof value === 'string') return value.startsWith(TAG) ? TAG + value : value;
  if (typeof value === 'bigint') throw new TypeError('a bigint value cannot be cached');
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as { start?: unknown; end?: unknown };
    if (isPosition(value)) return `${TAG}P${value.line}:${value.character}`;
    if (v.start && v.end && isPosition(v.start) && isPosition(v.end) && Object.keys(value).length === 2) {
      return `${TAG}S${v.start.line}:${v.start.character}-${v.end.line}:${v.end.character}`;
    }
  }
  return value;
}

// Matched after the tag character and the letter that says which.
const POSITION = /^(\d+):(\d+)$/;
const SPAN = /^(\d+):(\d+)-(\d+):(\d+)$/;

/** The data back from its JSON form (a walk over plain JSON.parse output: much faster than a JSON.parse reviver). */
function untag(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.charCodeAt(0) !== 1) return value;
    if (value.charCodeAt(1) === 1) return value.slice(1);
    const kind = value[1];
    const s = kind === 'S' ? SPAN.exec(value.slice(2)) : null;
    if (s) return { start: { line: +s[1], character: +s[2] }, end: { line: +s[3], character: +s[4] } };
    const p = kind === 'P' ? POSITION.exec(value.slice(2)) : null;
    if (p) return { line: +p[1], character: +p[2] };
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(untag);
  const o = value as Record<string, unknown>;
  const tagged = o[NUMBER_TAG];
  if (typeof tagged === 'string' && Object.keys(o).length === 1) return Number(tagged);
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = untag(o[k]);
  return out;
}

/** The page as JSON text, or undefined when it holds something JSON cannot (then it is simply not cached). */
export function encodePage(page: WorklogPage): string | undefined {
  const { text: _text, lineIndex: _lines, frontMatter, ...rest } = page;
  const data = { ...rest, frontMatter: frontMatter && { ...frontMatter, entries: [...frontMatter.entries] } };
  try {
    return JSON.stringify(data, replacer);
  } catch {
    return undefined;
  }
}

/** The page back from `encodePage`'s data and the text it was parsed from; undefined when the data does not fit. */
export function decodePage(encoded: unknown, path: string, text: string): WorklogPage | undefined {
  if (typeof encoded !== 'string') return undefined;
  let data: unknown;
  try {
    data = untag(JSON.parse(encoded));
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown> & { frontMatter?: Omit<FrontMatter, 'entries'> & { entries: unknown } };
  if (d.path !== path || typeof d.lineCount !== 'number' || d.skipped !== undefined) return undefined;
  const lineIndex = new LineIndex(text);
  // A model of another text (a hash collision, a hand-edited cache) would give ranges outside this one.
  if (lineIndex.lineCount !== d.lineCount) return undefined;
  let frontMatter: FrontMatter | undefined;
  if (d.frontMatter) {
    if (!Array.isArray(d.frontMatter.entries)) return undefined;
    frontMatter = { ...d.frontMatter, entries: new Map(d.frontMatter.entries as [string, FrontMatterEntry][]) };
  }
  return { ...d, text, lineIndex, frontMatter } as unknown as WorklogPage;
}

/** The cached pages of one workspace, by the caller's id for each page (the adapter uses the file's URI). */
export class PageCache {
  private pages: Record<string, Entry[]>;
  private changed = false;

  private constructor(readonly key: PageCacheKey, pages: Record<string, Entry[]>) {
    this.pages = pages;
  }

  /** An empty cache for `key`. */
  static empty(key: PageCacheKey): PageCache {
    return new PageCache(key, Object.create(null) as Record<string, Entry[]>);
  }

  /** The cache stored in `json`; an empty one when it is malformed or was written for another key or format. */
  static fromJSON(json: string | undefined, key: PageCacheKey): PageCache {
    if (json === undefined) return PageCache.empty(key);
    try {
      const data = JSON.parse(json) as Partial<CacheFile> | null;
      const k = data?.key;
      if (data && data.format === PAGE_CACHE_FORMAT && k && k.build === key.build && k.locale === key.locale && k.maxSize === key.maxSize
        && data.pages && typeof data.pages === 'object' && !Array.isArray(data.pages)) {
        const pages = Object.create(null) as Record<string, Entry[]>;
        for (const [id, list] of Object.entries(data.pages)) {
          if (!Array.isArray(list)) continue;
          const entries = list.filter((e: Partial<Entry> | null) => e && typeof e === 'object' && typeof e.h === 'string' && typeof e.p === 'string').slice(0, VERSIONS_PER_PAGE);
          if (entries.length > 0) pages[id] = entries;
        }
        return new PageCache(key, pages);
      }
    } catch {
      // A corrupt cache is an empty one.
    }
    return PageCache.empty(key);
  }

  /** The page `id` parsed from a text whose hash is `hash`, if the cache has it. */
  get(id: string, hash: string, path: string, text: string): WorklogPage | undefined {
    const e = this.pages[id]?.find((x) => x.h === hash);
    return e && decodePage(e.p, path, text);
  }

  set(id: string, hash: string, page: WorklogPage): void {
    // A skipped page (too large, binary) costs nothing to read again, and its model is not that of its text.
    const p = page.skipped === undefined ? encodePage(page) : undefined;
    // The newest text again (a save, a touch): nothing to change.
    if (this.pages[id]?.[0]?.h === hash && page.skipped === undefined) return;
    const others = (this.pages[id] ?? []).filter((x) => x.h !== hash);
    if (p === undefined) {
      if (others.length > 0) this.pages[id] = others;
      else delete this.pages[id];
    } else {
      this.pages[id] = [{ h: hash, p }, ...others].slice(0, VERSIONS_PER_PAGE);
    }
    this.changed = true;
  }

  delete(id: string): void {
    if (!(id in this.pages)) return;
    delete this.pages[id];
    this.changed = true;
  }

  get size(): number {
    return Object.keys(this.pages).length;
  }

  /** True when something changed since the last `toJSON`. */
  get dirty(): boolean {
    return this.changed;
  }

  /** Only the pages in `keep` stay (the others were deleted or are no longer pages). */
  retain(keep: ReadonlySet<string>): void {
    for (const id of Object.keys(this.pages)) if (!keep.has(id)) this.delete(id);
  }

  toJSON(): string {
    this.changed = false;
    const data: CacheFile = { format: PAGE_CACHE_FORMAT, key: this.key, pages: this.pages };
    // The entries are already JSON text (encodePage): no replacer.
    return JSON.stringify(data);
  }
}
