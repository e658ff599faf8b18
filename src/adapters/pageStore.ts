// The workspace index's page cache on disk: one JSON file in the extension's workspace storage (never in the user's
// folders), read once when the first scan starts and written a moment after the pages read from disk change. A page
// whose text hashes to what was stored is revived instead of parsed: the next session's start-up scan, or a branch
// switch that brings an old text back, parses nothing it has parsed before.
import * as vscode from 'vscode';
import type { WorklogPage } from '../core/model';
import { PageCache, type PageCacheKey } from '../core/pageCache';

declare const __WORKLOG_BUILD__: string | undefined;
/** A hash of the engine's sources, set by the bundler: a cache never outlives a change to the parser. */
const BUILD_ID = typeof __WORKLOG_BUILD__ === 'string' ? __WORKLOG_BUILD__ : 'dev';

const FILE_NAME = 'page-cache.json';
const SAVE_DELAY_MS = 2000;

export interface PageStoreStats {
  /** Pages revived from the cache instead of parsed. */
  fromCache: number;
  /** Pages parsed and put into the cache. */
  stored: number;
}

export class PageStore implements vscode.Disposable {
  readonly stats: PageStoreStats = { fromCache: 0, stored: 0 };
  private cache: PageCache | undefined;
  private loading: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly key: PageCacheKey;

  /** `dir` is the extension's workspace storage; without one (no folder open) nothing is cached. */
  constructor(private readonly dir: vscode.Uri | undefined, maxSize: number) {
    this.key = { build: BUILD_ID, locale: vscode.env.language, maxSize };
  }

  get file(): vscode.Uri | undefined {
    return this.dir && vscode.Uri.joinPath(this.dir, FILE_NAME);
  }

  /** Reads the stored cache (once). A missing, unreadable or stale file gives an empty cache. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const file = this.file;
      if (!file) return;
      let json: string | undefined;
      try {
        json = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        json = undefined;
      }
      this.cache = PageCache.fromJSON(json, this.key);
    })();
    return this.loading;
  }

  /** The SHA-256 of a text (Web Crypto: the same in the Node and the browser extension hosts). */
  async hash(text: string): Promise<string> {
    const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** The cached page for this file and text, if there is one for the same size limit. */
  page(uri: vscode.Uri, hash: string, path: string, text: string, maxSize: number): WorklogPage | undefined {
    if (!this.cache || maxSize !== this.key.maxSize) return undefined;
    const page = this.cache.get(uri.toString(), hash, path, text);
    if (page) this.stats.fromCache++;
    return page;
  }

  remember(uri: vscode.Uri, hash: string, page: WorklogPage, maxSize: number): void {
    if (!this.cache || maxSize !== this.key.maxSize) return;
    this.cache.set(uri.toString(), hash, page);
    this.stats.stored++;
    this.scheduleSave();
  }

  forget(uri: vscode.Uri): void {
    if (!this.cache) return;
    this.cache.delete(uri.toString());
    this.scheduleSave();
  }

  /** After a full scan: pages that are no longer there leave the cache. */
  retain(uris: Iterable<vscode.Uri>): void {
    if (!this.cache) return;
    this.cache.retain(new Set(Array.from(uris, (u) => u.toString())));
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (!this.cache?.dirty || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, SAVE_DELAY_MS);
  }

  /** Writes the cache now if it changed (one write at a time). Failures only cost the next session a parse. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      const file = this.file;
      if (!file || !this.cache?.dirty) return;
      try {
        await vscode.workspace.fs.createDirectory(this.dir!);
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(this.cache.toJSON()));
      } catch {
        // The cache is an optimisation: without it the next session parses again.
      }
    });
    return this.writing;
  }

  dispose(): void {
    void this.flush();
  }
}
