// Keeps the core WorkspaceModel in step with the workspace: files on disk (read through workspace.fs, so virtual
// workspaces work), open documents with unsaved edits (one parse per document version, behind a short per-document
// delay), file events. Everything else reads pages, analyses and findings from here.
import * as vscode from 'vscode';
import { minimatch } from 'minimatch';
import { parsePage } from '../core/parse';
import type { Finding, WorklogPage } from '../core/model';
import type { WorklogSettings } from '../core/settings';
import { WorkspaceModel } from '../core/workspaceModel';
import type { Worklog, WorklogEntry } from '../core/workspace';
import type { Config } from './config';

const DEBOUNCE_MS = 150;
const READ_CONCURRENCY = 16;

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
  /** The size limit pages were parsed with (a new limit parses them again). */
  private parsedLimit: number | undefined;
  private scanned = false;
  private markListed: () => void = () => undefined;
  /**
   * Resolves once the start-up scan has listed the files: every worklog page is then in the outline, provisional
   * (known by its path: week number, language) until its text is parsed. Resolves too if the scan fails.
   */
  readonly listed: Promise<void> = new Promise((resolve) => (this.markListed = resolve));

  constructor(private readonly config: Config) {
    this.model = new WorkspaceModel((path) => this.config.settingsFor(this.uriByPath.get(path)));
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
      for (let i = 0; i < listing.length; i += READ_CONCURRENCY) {
        if (token?.isCancellationRequested) break;
        const batch = listing.slice(i, i + READ_CONCURRENCY).map((l) => l.uri);
        const texts = await Promise.all(batch.map((uri) => this.read(uri)));
        batch.forEach((uri, j) => {
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (open) this.setPage(uri, open.getText(), open.version, changed);
          else if (texts[j] !== undefined) this.setPage(uri, texts[j]!, undefined, changed);
          else this.dropProvisional(uri, changed);
        });
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

  private setPage(uri: vscode.Uri, text: string, version: number | undefined, changed: Set<string>): WorklogPage | undefined {
    const settings = this.config.settingsFor(uri);
    if (!this.isCandidate(uri, settings)) return undefined;
    const path = this.pathOf(uri);
    // Unchanged text is never parsed twice (a rescan, a save of what was typed, a file event for a touch).
    const known = this.model.page(path);
    if (known && known.text === text && this.parsedLimit === settings.maxFileSize) {
      if (version === undefined) this.parsedVersion.delete(uri.toString());
      else this.parsedVersion.set(uri.toString(), version);
      // Results may still be new (settings changed): the listeners read them again.
      const key = this.model.keyOf(path);
      if (key !== undefined) for (const p of this.model.pathsOf(key)) changed.add(this.uriByPath.get(p)!.toString());
      return known;
    }
    this.parsedLimit = settings.maxFileSize;
    const page = parsePage(path, text, { maxSize: settings.maxFileSize });
    if (page.skipped && !this.skippedNoted.has(uri.toString())) {
      this.skippedNoted.add(uri.toString());
      void vscode.window.showInformationMessage(page.skipped === 'binary'
        ? vscode.l10n.t('Worklog: {0} is not a text file and is not checked.', vscode.workspace.asRelativePath(uri))
        : vscode.l10n.t('Worklog: {0} is larger than {1} bytes (worklog.maxFileSize) and is not checked.', vscode.workspace.asRelativePath(uri), settings.maxFileSize));
    }
    this.uriByPath.set(path, uri);
    const hadPage = this.model.has(path);
    const key = this.model.setPage(page);
    if (version === undefined) this.parsedVersion.delete(uri.toString());
    else this.parsedVersion.set(uri.toString(), version);
    if (key !== undefined) for (const p of this.model.pathsOf(key)) changed.add(this.uriByPath.get(p)!.toString());
    if (hadPage && !this.model.has(path)) changed.add(uri.toString());
    return page;
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
    if (!any) this.deleted.add(uri.toString());
  }

  private settingsChanged(): void {
    this.model.invalidateAll();
    this.parsedVersion.clear();
    void this.rescan();
  }

  findings(uri: vscode.Uri): Finding[] | undefined {
    return this.model.findings(this.pathOf(uri));
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

  worklogs(): Map<string, Worklog> {
    return this.model.worklogs();
  }

  /** The worklogs as the Weeks view shows them: with the pages still known by their path only. */
  outlineWorklogs(): Map<string, Worklog> {
    return this.model.outlineWorklogs();
  }

  /** The findings `text` would have as this document's content, given the rest of its worklog. */
  draftFindings(uri: vscode.Uri, text: string): Finding[] {
    const settings = this.config.settingsFor(uri);
    return this.model.draftFindings(parsePage(this.pathOf(uri), text, { maxSize: settings.maxFileSize }));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
