// Keeps the core WorkspaceModel in step with the workspace: files on disk (read through workspace.fs, so virtual
// workspaces work), open documents with unsaved edits (one parse per document version, behind a short per-document
// delay), file events. Everything else reads pages, analyses and findings from here.
// Between sessions, each worklog's results (findings, outline) are kept in workspace storage under a hash of its
// files' texts and settings: at start-up a worklog whose files hash the same is restored, not parsed; its pages are
// parsed only when something needs them (a hover, a completion, an edit, a new week).
import * as vscode from 'vscode';
import { minimatch } from 'minimatch';
import { parsePage, skipReason } from '../core/parse';
import type { Finding, WorklogPage } from '../core/model';
import type { OutlineWorklog } from '../core/outline';
import type { WorklogSettings } from '../core/settings';
import type { SnapshotEntry, WorklogResults } from '../core/snapshot';
import { WorkspaceModel } from '../core/workspaceModel';
import { worklogKey, type Worklog, type WorklogEntry } from '../core/workspace';
import type { Config } from './config';
import type { SnapshotStore } from './snapshotStore';

const DEBOUNCE_MS = 150;
const READ_CONCURRENCY = 16;
/** Changes are written to the snapshot this long after the last one (a burst, such as a checkout, writes once). */
const SAVE_DELAY_MS = 2000;
const NO_RESULTS: WorklogResults = { pages: {}, outline: undefined, findings: {} };

/** What the index did, for tests and the benchmark: pages parsed, and pages restored without parsing. */
export interface IndexStats {
  parsed: number;
  restored: number;
}

export interface IndexChange {
  /** URIs (as strings) of the pages whose findings or model may have changed. */
  readonly uris: ReadonlySet<string>;
  /** URIs that are no longer pages (deleted, or no longer worklog pages). */
  readonly removed: ReadonlySet<string>;
  /**
   * The start-up scan's progress: the outline changed (pages listed, a batch parsed), but a worklog's results may
   * still lack pages not read yet. Findings are published when the scan ends (one event without this flag).
   */
  readonly outlineOnly?: boolean;
}

export class WorkspaceIndex implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<IndexChange>();
  /** Fires after pages changed, with the pages whose results changed. */
  readonly onDidChange = this.emitter.event;
  private readonly model: WorkspaceModel;
  private readonly uriByPath = new Map<string, vscode.Uri>();
  /** The document version each open page was parsed at: one parse per version. */
  private readonly parsedVersion = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly skippedNoted = new Set<string>();
  /** Pages deleted from disk (an editor may still hold them). */
  private readonly deleted = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private scanning: Promise<void> | undefined;
  /** The size limit each page was parsed with, by path (a new limit parses it again). */
  private readonly parsedLimit = new Map<string, number>();
  /**
   * When each path was last set or removed by anything (a counter, `tick`): the scan does not apply a text it read
   * before a newer event about the same file (a change on disk, a deletion) was handled.
   */
  private readonly touched = new Map<string, number>();
  private tick = 0;
  /** Bumped by every settings change: a restore that began under other settings is not applied. */
  private settingsEpoch = 0;
  private scanned = false;
  private markListed: () => void = () => undefined;
  /**
   * Resolves once the start-up scan has listed the files: every worklog page is then in the outline, provisional
   * (known by its path: week number, language) until its text is parsed. Resolves too if the scan fails.
   */
  readonly listed: Promise<void> = new Promise((resolve) => (this.markListed = resolve));
  readonly stats: IndexStats = { parsed: 0, restored: 0 };
  /** The text of every candidate file as last read or edited, by path (worklog pages and the files beside them). */
  private readonly texts = new Map<string, string>();
  /** The snapshot's worklogs: as loaded, then as kept up to date. */
  private kept = new Map<string, SnapshotEntry>();
  /** Worklogs (keys) whose files or results changed since the snapshot was last written. */
  private readonly stale = new Set<string>();
  private keptChanged = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly saved = new vscode.EventEmitter<number>();
  /** Fires after the snapshot was written, with the number of worklogs (groups of files) it holds. */
  readonly onDidSaveSnapshot = this.saved.event;
  private readonly settingsText = new WeakMap<WorklogSettings, string>();

  constructor(private readonly config: Config, private readonly store?: SnapshotStore) {
    this.model = new WorkspaceModel((path) => this.config.settingsFor(this.uriByPath.get(path)), (path, text) => this.parse(path, text));
    this.disposables.push(this.saved);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    // Folders: a deleted folder takes its pages with it; a created folder may arrive with pages already inside.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      folders,
      folders.onDidDelete((uri) => this.removeTree(uri)),
      folders.onDidCreate((uri) => void this.folderCreated(uri)),
      watcher.onDidCreate((uri) => void this.refreshFromDisk(uri)),
      watcher.onDidChange((uri) => void this.refreshFromDisk(uri)),
      watcher.onDidDelete((uri) => this.removeTree(uri)),
      vscode.workspace.onDidOpenTextDocument((doc) => this.updateDocument(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => void this.closed(doc)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.removeTree(uri))),
      // File events from the watcher can be dropped on a busy machine: edits made through VS Code are also followed.
      vscode.workspace.onDidCreateFiles((e) => e.files.forEach((uri) => void this.refreshFromDisk(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => {
        this.removeTree(oldUri);
        void this.refreshFromDisk(newUri);
      })),
      this.config.onDidChange(() => this.settingsChanged()),
    );
  }

  /** The path the core sees for a file: relative to its workspace folder (prefixed by the folder in multi-root). */
  pathOf(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return uri.path;
    const rel = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    return multi ? `${folder.name}/${rel}` : rel;
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.uriByPath.get(path);
  }

  private isCandidate(uri: vscode.Uri, settings: WorklogSettings): boolean {
    if (!/\.(md|markdown)$/i.test(uri.path)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const rel = folder ? uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1) : uri.path;
    const opts = { dot: true, nocase: true, matchBase: false };
    return settings.include.some((g) => minimatch(rel, g, opts)) && !settings.exclude.some((g) => minimatch(rel, g, opts));
  }

  /** Finds and parses every worklog page of the workspace (once; later calls wait for the same scan). */
  scan(token?: vscode.CancellationToken): Promise<void> {
    this.scanning ??= this.doScan(token).finally(() => {
      this.scanned = true;
      this.markListed();
      // What the scan found is kept for the next session (a little later: start-up has other work to do).
      this.scheduleSave();
    });
    return this.scanning;
  }

  get isScanned(): boolean {
    return this.scanned;
  }

  /** Re-reads everything (Refresh, Check All Weeks). */
  async rescan(token?: vscode.CancellationToken): Promise<void> {
    await this.scanning?.catch(() => undefined);
    this.scanning = undefined;
    await this.scan(token);
  }

  private async doScan(token?: vscode.CancellationToken): Promise<void> {
    const changed = new Set<string>();
    // Only the first scan can restore: later ones find every worklog already in the model.
    const first = !this.scanned && this.store?.enabled === true;
    if (first) this.kept = await this.store!.load();
    // The open pages first: what the user is looking at is refined before the rest.
    for (const doc of vscode.workspace.textDocuments) this.updateDocument(doc, changed);
    // Cheap data first: the file listing puts every worklog page in the outline, by its path, before any is read.
    const listing: { uri: vscode.Uri; settings: WorklogSettings }[] = [];
    try {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        if (token?.isCancellationRequested) break;
        const settings = this.config.settingsFor(folder.uri);
        const exclude = settings.exclude.length ? `{${settings.exclude.join(',')}}` : undefined;
        const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{md,markdown}'), exclude, undefined, token);
        const candidates = files.filter((uri) => this.isCandidate(uri, settings)).sort((a, b) => a.path.localeCompare(b.path));
        for (const uri of candidates) {
          listing.push({ uri, settings });
          const path = this.pathOf(uri);
          if (this.model.has(path) || this.model.isProvisional(path)) continue;
          this.uriByPath.set(path, uri);
          const key = this.model.setProvisional(parsePage(path, '', { maxSize: settings.maxFileSize }));
          if (key !== undefined) changed.add(uri.toString());
        }
      }
      this.fire(new Set(changed), new Set(), true);
      this.markListed();
      // A worklog is settled (restored, or its pages parsed) once all its files are read: the listing is sorted by
      // path, so its files come together.
      const size = new Map<string, number>();
      for (const { uri } of listing) {
        const key = worklogKey(this.pathOf(uri));
        size.set(key, (size.get(key) ?? 0) + 1);
      }
      if (first && !token?.isCancellationRequested) {
        // Worklogs that are gone from the workspace are dropped from the snapshot.
        for (const key of [...this.kept.keys()]) if (!size.has(key)) this.forget(key);
      }
      const pending = new Map<string, { uri: vscode.Uri; text: string | undefined; readAt: number }[]>();
      for (let i = 0; i < listing.length; i += READ_CONCURRENCY) {
        if (token?.isCancellationRequested) break;
        const batch = listing.slice(i, i + READ_CONCURRENCY).map((l) => l.uri);
        const readAt = this.tick;
        const texts = await Promise.all(batch.map((uri) => this.read(uri)));
        for (let j = 0; j < batch.length; j++) {
          const key = worklogKey(this.pathOf(batch[j]));
          const files = pending.get(key) ?? [];
          files.push({ uri: batch[j], text: texts[j], readAt });
          if (files.length < size.get(key)!) {
            pending.set(key, files);
            continue;
          }
          pending.delete(key);
          if (!(first && (await this.restore(key, files, changed)))) {
            for (const { uri, text, readAt } of files) {
              // A newer event about the file (changed on disk, deleted) was handled meanwhile: it has the last word.
              if ((this.touched.get(this.pathOf(uri)) ?? 0) > readAt) continue;
              const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
              if (open) this.setPage(uri, open.getText(), open.version, changed);
              else if (text !== undefined) this.setPage(uri, text, undefined, changed);
              else this.dropProvisional(uri, changed);
            }
          }
        }
        // Each batch refines the outline; typing and rendering go on between batches.
        this.fire(new Set(batch.map((u) => u.toString())), new Set(), true);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      // A scan that stopped (cancelled, or a folder that could not be listed) leaves no page known by its path only.
      for (const { uri } of listing) this.dropProvisional(uri, changed);
    }
    for (const doc of vscode.workspace.textDocuments) this.updateDocument(doc, changed);
    this.fire(changed, new Set());
  }

  /** The settings a file is checked with, as text (part of the hash its worklog's results are kept under). */
  private settingsKey(uri: vscode.Uri): string {
    const settings = this.config.settingsFor(uri);
    let text = this.settingsText.get(settings);
    if (text === undefined) this.settingsText.set(settings, (text = JSON.stringify(settings)));
    return text;
  }

  /**
   * Restores a worklog from the snapshot when its files (all read, none open in an editor) hash as they did when it
   * was kept; true when it was restored.
   */
  private async restore(key: string, files: readonly { uri: vscode.Uri; text: string | undefined; readAt: number }[], changed: Set<string>): Promise<boolean> {
    const entry = this.kept.get(key);
    if (!entry || !this.store) return false;
    const isOpen = (uri: vscode.Uri): boolean => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    // A file changed, deleted or opened since it was read, or settings changed meanwhile: the texts are not current.
    const current = (): boolean => !files.some((f) => isOpen(f.uri) || (this.touched.get(this.pathOf(f.uri)) ?? 0) > f.readAt);
    const epoch = this.settingsEpoch;
    if (files.some((f) => f.text === undefined) || !current()) return false;
    const hashed = files.map((f) => ({ path: this.pathOf(f.uri), text: f.text!, settings: this.settingsKey(f.uri) }));
    let hash: string;
    try {
      hash = await this.store.hash(hashed);
    } catch {
      return false;
    }
    if (hash !== entry.hash || !current() || epoch !== this.settingsEpoch) return false;
    const texts = new Map(hashed.map((f) => [f.path, f.text]));
    files.forEach((f, i) => this.uriByPath.set(hashed[i].path, f.uri));
    if (!this.model.restore(key, texts, entry.results)) return false;
    // The hash covered the settings: the restored pages stand for pages parsed with their size limit.
    for (const f of files) this.parsedLimit.set(this.pathOf(f.uri), this.config.settingsFor(f.uri).maxFileSize);
    for (const [path, text] of texts) this.texts.set(path, text);
    for (const f of files) {
      changed.add(f.uri.toString());
      // A file that is not checked is said so in every session, restored or not.
      const skipped = skipReason(f.text!, this.config.settingsFor(f.uri).maxFileSize);
      if (skipped) this.noteSkipped(f.uri, skipped);
    }
    this.stats.restored += Object.keys(entry.results.pages).length;
    return true;
  }

  /** Drops a worklog from the snapshot (its files are gone). */
  private forget(key: string): void {
    if (this.kept.delete(key)) this.keptChanged = true;
    this.stale.delete(key);
  }

  private scheduleSave(): void {
    if (!this.store?.enabled || !this.scanned) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.saveSnapshot();
    }, SAVE_DELAY_MS);
  }

  /**
   * Brings the snapshot up to date with the worklogs that changed, and writes it. A worklog with unsaved edits is left
   * as it was kept (the snapshot is for the files on disk); so is one with a file not read yet.
   */
  private async saveSnapshot(): Promise<void> {
    if (!this.store?.enabled) return;
    const byKey = new Map<string, string[]>();
    for (const path of this.texts.keys()) {
      const key = worklogKey(path);
      if (!this.stale.has(key)) continue;
      const list = byKey.get(key) ?? [];
      list.push(path);
      byKey.set(key, list);
    }
    const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    const work: { key: string; files: { path: string; text: string; settings: string }[]; results: WorklogResults }[] = [];
    for (const key of [...this.stale]) {
      const paths = byKey.get(key);
      if (!paths) {
        this.forget(key);
        continue;
      }
      const uris = paths.map((p) => this.uriByPath.get(p));
      if (uris.some((u) => !u || dirty.has(u.toString()))) continue;
      const results = this.model.pathsOf(key).length === 0 ? NO_RESULTS : this.model.results(key);
      if (!results) continue;
      // Texts and results are taken together, now; hashing comes after (a change meanwhile marks the worklog again).
      work.push({ key, files: paths.map((path, i) => ({ path, text: this.texts.get(path)!, settings: this.settingsKey(uris[i]!) })), results });
      this.stale.delete(key);
    }
    for (const { key, files, results } of work) {
      try {
        this.kept.set(key, { hash: await this.store.hash(files), results });
        this.keptChanged = true;
      } catch {
        this.kept.delete(key);
      }
    }
    if (!this.keptChanged) return;
    this.keptChanged = false;
    await this.store.save(this.kept);
    this.saved.fire(this.kept.size);
  }

  /** Where the snapshot is kept (undefined: nowhere, as without a workspace folder). */
  get snapshotUri(): vscode.Uri | undefined {
    return this.store?.enabled ? this.store.uri : undefined;
  }

  /** Parses a page (every parse of the index goes through here). */
  private parse(path: string, text: string): WorklogPage {
    this.stats.parsed++;
    const maxSize = this.config.settingsFor(this.uriByPath.get(path)).maxFileSize;
    this.parsedLimit.set(path, maxSize);
    return parsePage(path, text, { maxSize });
  }

  /** Takes a provisional page out (its file could not be read, or the scan stopped before it). */
  private dropProvisional(uri: vscode.Uri, changed: Set<string>): void {
    const path = this.pathOf(uri);
    if (!this.model.isProvisional(path)) return;
    const key = this.model.deletePage(path);
    if (key !== undefined) for (const p of this.model.pathsOf(key)) changed.add(this.uriByPath.get(p)!.toString());
    changed.add(uri.toString());
  }

  private async read(uri: vscode.Uri): Promise<string | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      // Decoding drops a BOM, as VS Code does for the documents it opens: ranges agree with the editor's.
      return new TextDecoder('utf-8').decode(bytes);
    } catch {
      return undefined;
    }
  }

  private setPage(uri: vscode.Uri, text: string, version: number | undefined, changed: Set<string>): void {
    const settings = this.config.settingsFor(uri);
    if (!this.isCandidate(uri, settings)) return;
    const path = this.pathOf(uri);
    // Unchanged text is never parsed twice (a rescan, a save of what was typed, a file event for a touch, a restored
    // page opened in an editor).
    this.touched.set(path, ++this.tick);
    if (this.model.textOf(path) === text && this.parsedLimit.get(path) === settings.maxFileSize) {
      // Typed, then saved: the worklog (marked while its editor was unsaved) can be kept now.
      if (this.stale.has(worklogKey(path))) this.scheduleSave();
      if (version === undefined) this.parsedVersion.delete(uri.toString());
      else this.parsedVersion.set(uri.toString(), version);
      // Results may still be new (settings changed): the listeners read them again.
      const key = this.model.keyOf(path);
      if (key !== undefined) for (const p of this.model.pathsOf(key)) changed.add(this.uriByPath.get(p)!.toString());
      return undefined;
    }
    if (this.texts.get(path) !== text) {
      this.texts.set(path, text);
      this.stale.add(worklogKey(path));
      this.scheduleSave();
    }
    this.uriByPath.set(path, uri);
    const page = this.parse(path, text);
    if (page.skipped) this.noteSkipped(uri, page.skipped);
    this.uriByPath.set(path, uri);
    const hadPage = this.model.has(path);
    const key = this.model.setPage(page);
    if (version === undefined) this.parsedVersion.delete(uri.toString());
    else this.parsedVersion.set(uri.toString(), version);
    if (key !== undefined) for (const p of this.model.pathsOf(key)) changed.add(this.uriByPath.get(p)!.toString());
    if (hadPage && !this.model.has(path)) changed.add(uri.toString());
  }

  /** Tells once a session that a file is not checked (binary, or over worklog.maxFileSize). */
  private noteSkipped(uri: vscode.Uri, reason: 'binary' | 'too-large'): void {
    if (this.skippedNoted.has(uri.toString())) return;
    this.skippedNoted.add(uri.toString());
    void vscode.window.showInformationMessage(reason === 'binary'
      ? vscode.l10n.t('Worklog: {0} is not a text file and is not checked.', vscode.workspace.asRelativePath(uri))
      : vscode.l10n.t('Worklog: {0} is larger than {1} bytes (worklog.maxFileSize) and is not checked.', vscode.workspace.asRelativePath(uri), this.config.settingsFor(uri).maxFileSize));
  }

  private fire(uris: Set<string>, removed: Set<string>, outlineOnly = false): void {
    if (uris.size > 0 || removed.size > 0) this.emitter.fire(outlineOnly ? { uris, removed, outlineOnly } : { uris, removed });
  }

  /** Parses an open document now (once per version). */
  updateDocument(doc: vscode.TextDocument, changed?: Set<string>): void {
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'git' || !/\.(md|markdown)$/i.test(doc.uri.path)) return;
    const key = doc.uri.toString();
    // A page deleted while open stays out of the index until it is saved again (an unsaved editor is not a page).
    if (this.deleted.has(key) && !doc.isDirty) return;
    if (this.parsedVersion.get(key) === doc.version) return;
    const own = changed ?? new Set<string>();
    this.setPage(doc.uri, doc.getText(), doc.version, own);
    if (!changed) this.fire(own, new Set());
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // The latest text is read when the delay ends: intermediate versions are never parsed.
      if (!doc.isClosed) this.updateDocument(doc);
    }, DEBOUNCE_MS));
  }

  private async closed(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.parsedVersion.delete(key);
    // Closing a file keeps its workspace findings: it goes back to what is on disk (unsaved edits are gone).
    if (this.model.has(this.pathOf(doc.uri))) await this.refreshFromDisk(doc.uri);
  }

  private async refreshFromDisk(uri: vscode.Uri): Promise<void> {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) return;
    const text = await this.read(uri);
    if (text !== undefined) this.deleted.delete(uri.toString());
    if (text === undefined) {
      this.remove(uri);
      return;
    }
    // The file may have been opened meanwhile: an edited editor's text wins, and an editor showing this very text
    // keeps its version (the page stays current for quick fixes, completions and hovers).
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return;
    const changed = new Set<string>();
    this.setPage(uri, text, open && open.getText() === text ? open.version : undefined, changed);
    this.fire(changed, new Set());
  }

  /** Reads the pages of a folder that appeared (their own create events may never come). */
  private async folderCreated(uri: vscode.Uri): Promise<void> {
    if (/\.(md|markdown)$/i.test(uri.path)) return;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
    } catch {
      return;
    }
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.{md,markdown}'));
    for (const file of files) await this.refreshFromDisk(file);
  }

  private remove(uri: vscode.Uri): void {
    this.deleted.add(uri.toString());
    const pending = this.timers.get(uri.toString());
    if (pending) clearTimeout(pending);
    this.timers.delete(uri.toString());
    const path = this.pathOf(uri);
    this.touched.set(path, ++this.tick);
    this.parsedLimit.delete(path);
    if (this.texts.delete(path)) {
      this.stale.add(worklogKey(path));
      this.scheduleSave();
    }
    const key = this.model.deletePage(path);
    this.parsedVersion.delete(uri.toString());
    if (key === undefined) return;
    const changed = new Set(this.model.pathsOf(key).map((p) => this.uriByPath.get(p)!.toString()));
    this.uriByPath.delete(path);
    this.fire(changed, new Set([uri.toString()]));
  }

  /** A deleted folder deletes every page under it. */
  private removeTree(uri: vscode.Uri): void {
    const prefix = uri.toString().replace(/\/?$/, '/');
    let any = false;
    for (const [, u] of [...this.uriByPath]) {
      if (u.toString() === uri.toString() || u.toString().startsWith(prefix)) {
        this.remove(u);
        any = true;
      }
    }
    if (!any) {
      this.deleted.add(uri.toString());
      this.touched.set(this.pathOf(uri), ++this.tick);
    }
  }

  private settingsChanged(): void {
    this.settingsEpoch++;
    this.model.invalidateAll();
    // Every worklog's results change with the settings (and so does the hash they are kept under).
    for (const path of this.texts.keys()) this.stale.add(worklogKey(path));
    this.parsedVersion.clear();
    void this.rescan();
  }

  findings(uri: vscode.Uri): Finding[] | undefined {
    return this.model.findings(this.pathOf(uri));
  }

  /** True when the file is a worklog page (parsed or restored): answering never parses. */
  isPage(uri: vscode.Uri): boolean {
    return this.model.has(this.pathOf(uri));
  }

  /** The page as last parsed, if it is a worklog page. */
  page(uri: vscode.Uri): WorklogPage | undefined {
    return this.model.page(this.pathOf(uri));
  }

  /** True when the page in the index was parsed from this document version. */
  isCurrent(doc: vscode.TextDocument): boolean {
    return this.parsedVersion.get(doc.uri.toString()) === doc.version;
  }

  entry(uri: vscode.Uri): WorklogEntry | undefined {
    return this.model.entry(this.pathOf(uri));
  }

  worklogOf(uri: vscode.Uri): Worklog | undefined {
    return this.model.worklogOf(this.pathOf(uri));
  }

  /** A worklog by key, its pages parsed (a restored worklog is parsed now). */
  worklog(key: string): Worklog | undefined {
    return this.model.worklog(key);
  }

  /** Every worklog, its pages parsed (restored worklogs are parsed now). */
  worklogs(): Map<string, Worklog> {
    return this.model.worklogs();
  }

  /** The path of every worklog page (parsed or restored), sorted. */
  pagePaths(): string[] {
    return this.model.pagePaths();
  }

  /** The worklogs as the Weeks view shows them: with the pages still known by their path only, and restored ones. */
  outlineWorklogs(): Map<string, OutlineWorklog> {
    return this.model.outlineWorklogs();
  }

  /** The findings `text` would have as this document's content, given the rest of its worklog. */
  draftFindings(uri: vscode.Uri, text: string): Finding[] {
    const settings = this.config.settingsFor(uri);
    return this.model.draftFindings(parsePage(this.pathOf(uri), text, { maxSize: settings.maxFileSize }));
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
