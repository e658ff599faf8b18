// The Weeks sidebar. The tree reads an outline (src/core/outline.ts) rebuilt from the workspace index when the index
// changes (a burst of changes rebuilds once); getChildren only reads it, so expanding a node never reads or parses.
import * as vscode from 'vscode';
import { outline, walk, weekOf, type OutlineNode, type OutlineState, type WeekNode, type WorklogNode } from '../core/outline';
import type { Config } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

/** Coalesces a burst of index changes (a checkout, a scan batch, fix-all over many files) into one rebuild. */
const REBUILD_DELAY_MS = 50;
/** Tries to reveal the active page's week while the view is still loading (100, 200, 400, 800 ms later). */
const REVEAL_RETRIES = 4;

/** What the tree shows, for tests: labels, descriptions and context values, nested. */
export interface TreeSnapshot {
  readonly label: string;
  readonly description: string;
  readonly contextValue: string;
  readonly children: readonly TreeSnapshot[];
}

export interface TreeUpdate {
  /** False when the rebuilt outline is the same as before (nothing was redrawn). */
  readonly changed: boolean;
}

const STATE_ICONS: Record<OutlineState, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  clean: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  unknown: new vscode.ThemeIcon('calendar'),
};

export class WeeksTree implements vscode.TreeDataProvider<OutlineNode>, vscode.Disposable {
  private readonly treeChanged = new vscode.EventEmitter<OutlineNode | undefined>();
  readonly onDidChangeTreeData = this.treeChanged.event;
  private readonly updated = new vscode.EventEmitter<TreeUpdate>();
  /** Fires after every rebuild of the outline (for tests: the tree has caught up with the index). */
  readonly onDidUpdate = this.updated.event;
  readonly view: vscode.TreeView<OutlineNode>;

  private roots: OutlineNode[] = [];
  private byId = new Map<string, OutlineNode>();
  private parents = new Map<string, OutlineNode | undefined>();
  private signature = '';
  /** The page of the active editor (the last worklog page that was active): its week shows that page. */
  private activePath: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private revealPending = false;
  private revealing: Thenable<void> = Promise.resolve();
  private retry: ReturnType<typeof setTimeout> | undefined;
  private isReady = false;
  private scanned = false;
  /** Resolves once the initial scan is done and the first outline is built. */
  readonly ready: Promise<void>;
  /** Resolves once the view first has something to show (the listed weeks, or the scanned ones). */
  readonly shown: Promise<void>;
  private listed = false;
  /** The first outline the view showed: built before the scan ended (from the file listing)? how many weeks? */
  firstShown: { readonly beforeScan: boolean; readonly weeks: number } | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly index: WorkspaceIndex, private readonly config: Config) {
    this.view = vscode.window.createTreeView('worklog.weeks', { treeDataProvider: this, showCollapseAll: true });
    this.disposables = [
      this.view,
      this.treeChanged,
      this.updated,
      index.onDidChange(() => this.schedule()),
      config.onDidChange(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.activeEditorChanged(editor)),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) this.revealActive();
      }),
    ];
    // The scan is shared: the start-up pass (backgroundScan) waits for this same one. The outline shows as soon as
    // the scan has listed the files (weeks known by their paths), and is refined batch by batch as pages are parsed.
    // With nothing listed yet the view stays pending until the scan ends (its progress bar shows), so the welcome
    // view never flashes on a workspace whose weeks are only recognised once read.
    const scanned = (): void => {
      this.scanned = true;
      this.rebuild();
    };
    const scan = index.scan();
    this.shown = index.listed.then(() => {
      if (this.scanned || index.outlineWorklogs().size === 0) return scan.then(() => undefined, () => undefined);
      this.listed = true;
      this.rebuild();
      return undefined;
    });
    this.ready = scan.then(scanned, scanned);
  }

  // --- TreeDataProvider ---------------------------------------------------------------------------------------

  getChildren(element?: OutlineNode): OutlineNode[] | Thenable<OutlineNode[]> {
    if (!element) return this.isReady ? this.roots : this.shown.then(() => this.roots);
    const current = this.byId.get(element.id) ?? element;
    return current.kind === 'worklog' || current.kind === 'week' ? [...current.children] : [];
  }

  getParent(element: OutlineNode): OutlineNode | undefined {
    return this.parents.get(element.id);
  }

  getTreeItem(node: OutlineNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, collapsibleState(node));
    item.id = node.id;
    const uri = node.path !== undefined ? this.index.uriOf(node.path) : undefined;
    if (uri) item.command = { command: 'worklog.openWeek', title: vscode.l10n.t('Open Week'), arguments: [uri, node.line] };
    switch (node.kind) {
      case 'worklog':
        item.contextValue = 'worklog';
        item.description = node.description;
        item.iconPath = node.state === 'error' || node.state === 'warning' ? STATE_ICONS[node.state] : new vscode.ThemeIcon('book');
        item.tooltip = node.dir;
        break;
      case 'week':
        item.contextValue = node.twins.length > 0 ? 'week.hasTwin' : 'week';
        item.description = node.description;
        item.iconPath = STATE_ICONS[node.state];
        item.tooltip = this.weekTooltip(node);
        break;
      case 'objective':
        item.contextValue = 'objective';
        item.iconPath = new vscode.ThemeIcon('target');
        item.tooltip = node.label;
        break;
      case 'task':
        item.contextValue = 'task';
        item.iconPath = new vscode.ThemeIcon('tasklist');
        item.tooltip = node.label;
        break;
    }
    return item;
  }

  private weekTooltip(node: WeekNode): vscode.MarkdownString {
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escape(node.title ?? node.label)}**\n\n`);
    md.appendMarkdown(`${escape(node.path)}${node.language ? ` (${node.language})` : ''}`);
    for (const twin of node.twins) md.appendMarkdown(`  \n${escape(twin.path)}${twin.language ? ` (${twin.language})` : ''}`);
    if (node.range) md.appendMarkdown(`\n\n${escape(node.range)}`);
    md.appendMarkdown(`\n\n${node.count === 0 ? vscode.l10n.t('No problems') : node.count === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', node.count)}`);
    return md;
  }

  // --- The model ----------------------------------------------------------------------------------------------

  private schedule(): void {
    // Before the scan has listed the files there is nothing to show yet.
    if (!this.scanned && !this.listed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.rebuild(), REBUILD_DELAY_MS);
  }

  private rebuild(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // The active page may have joined the index only now (opened before the scan ended, or parsed after it showed).
    this.activePath = this.pagePathOf(vscode.window.activeTextEditor) ?? this.activePath;
    const settings = this.config.settingsFor(undefined);
    const roots = outline(
      this.index.outlineWorklogs(),
      (path) => {
        const uri = this.index.uriOf(path);
        return uri ? this.index.findings(uri) : undefined;
      },
      { languages: settings.languages, activePath: this.activePath },
    );
    const signature = JSON.stringify(roots);
    const changed = signature !== this.signature || !this.isReady;
    if (changed) {
      this.roots = roots;
      this.signature = signature;
      this.byId = new Map();
      this.parents = new Map();
      for (const { node, parent } of walk(roots)) {
        this.byId.set(node.id, node);
        this.parents.set(node.id, parent);
      }
    }
    const first = !this.isReady;
    this.isReady = true;
    if (first) this.firstShown = { beforeScan: !this.scanned, weeks: [...walk(roots)].filter(({ node }) => node.kind === 'week').length };
    if (changed && !first) this.treeChanged.fire(undefined);
    this.updated.fire({ changed });
    if (this.revealPending || first) this.revealActive();
  }

  // --- Following the active editor ----------------------------------------------------------------------------

  private pagePathOf(editor: vscode.TextEditor | undefined): string | undefined {
    if (!editor) return undefined;
    return this.index.isPage(editor.document.uri) ? this.index.pathOf(editor.document.uri) : undefined;
  }

  private activeEditorChanged(editor: vscode.TextEditor | undefined): void {
    const path = this.pagePathOf(editor);
    if (path === undefined) {
      // Focus moved to an output, a settings page or nothing: the week keeps the page that is still on screen;
      // once it is closed, the week goes back to the preferred language.
      if (this.activePath !== undefined && !vscode.window.visibleTextEditors.some((e) => this.pagePathOf(e) === this.activePath)) {
        this.activePath = undefined;
        this.schedule();
      }
      return;
    }
    if (path !== this.activePath) {
      // The week now shows the page that is open (its language may differ): rebuild, then reveal.
      this.activePath = path;
      this.revealPending = true;
      this.schedule();
    } else {
      this.revealActive();
    }
  }

  private revealActive(attempt = 0): void {
    this.revealPending = false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.view.visible || !this.isReady) return;
    if (!this.config.settingsFor(editor.document.uri).sidebarFollowActiveEditor) return;
    const path = this.pagePathOf(editor);
    const node = path === undefined ? undefined : weekOf(this.roots, path);
    if (!node || this.view.selection.some((s) => s.id === node.id)) return;
    // Never steals focus, never expands: the sidebar only keeps pace with the editor. One reveal at a time.
    this.revealing = this.revealing
      .then(() => this.view.reveal(node, { select: true, focus: false, expand: false }))
      .then(undefined, () => {
        // A reveal right after the view is first shown can fail while the workbench is still loading the view's
        // items ("Data tree node not found"), and nothing says when that is done: try again a little later.
        if (attempt < REVEAL_RETRIES) this.retry = setTimeout(() => this.revealActive(attempt + 1), 100 * 2 ** attempt);
      });
  }

  // --- Commands -----------------------------------------------------------------------------------------------

  /** Opens a page at a line (clicking an item). */
  async openWeek(uri: vscode.Uri, line = 0): Promise<void> {
    const at = new vscode.Position(Math.max(0, line), 0);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at) });
  }

  /** Opens the twin of a week item, or (from the palette) of the active page. */
  async openTwin(item?: unknown): Promise<void> {
    let from: string | undefined;
    let week: WeekNode | undefined;
    const node = this.nodeOf(item);
    if (node?.kind === 'week') {
      week = node;
      from = node.path;
    } else {
      const uri = node?.path !== undefined ? this.index.uriOf(node.path) : item instanceof vscode.Uri ? item : vscode.window.activeTextEditor?.document.uri;
      from = uri ? this.index.pathOf(uri) : undefined;
      week = from === undefined ? undefined : weekOf(this.roots, from);
    }
    const twins = week ? [{ path: week.path, language: week.language }, ...week.twins].filter((p) => p.path !== from) : [];
    if (twins.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This week has no page in another language.'));
      return;
    }
    let target = twins[0];
    if (twins.length > 1) {
      const picked = await vscode.window.showQuickPick(
        twins.map((tw) => ({ label: tw.language ?? '?', description: tw.path, twin: tw })),
        { placeHolder: vscode.l10n.t('Open the page in which language?') },
      );
      if (!picked) return;
      target = picked.twin;
    }
    const uri = this.index.uriOf(target.path);
    if (uri) await vscode.window.showTextDocument(uri);
  }

  /** Shows the item's page (a worklog: its folder), or the active page, in the Explorer. */
  async revealInExplorer(item?: unknown): Promise<void> {
    const node = this.nodeOf(item);
    let uri: vscode.Uri | undefined;
    if (node?.kind === 'worklog') uri = this.folderOf(node);
    else if (node?.path !== undefined) uri = this.index.uriOf(node.path);
    else uri = item instanceof vscode.Uri ? item : vscode.window.activeTextEditor?.document.uri;
    if (uri) await vscode.commands.executeCommand('revealInExplorer', uri);
  }

  private folderOf(node: WorklogNode): vscode.Uri | undefined {
    const prefix = node.dir ? `${node.dir}/` : '';
    for (const week of node.children) {
      const uri = week.path.startsWith(prefix) ? this.index.uriOf(week.path) : undefined;
      if (uri) return uri.with({ path: uri.path.slice(0, uri.path.length - (week.path.length - node.dir.length)) });
    }
    return node.path !== undefined ? this.index.uriOf(node.path) : undefined;
  }

  /** The current node for an item the tree handed to a command (it may come from an older outline). */
  private nodeOf(item: unknown): OutlineNode | undefined {
    if (!item || typeof item !== 'object' || !('id' in item) || !('kind' in item)) return undefined;
    const id = (item as { id: unknown }).id;
    return typeof id === 'string' ? this.byId.get(id) ?? (item as OutlineNode) : undefined;
  }

  // --- For tests ----------------------------------------------------------------------------------------------

  /** The outline as the tree shows it now. */
  snapshot(nodes: readonly OutlineNode[] = this.roots): TreeSnapshot[] {
    return nodes.map((node) => {
      const item = this.getTreeItem(node);
      const children = node.kind === 'worklog' || node.kind === 'week' ? node.children : [];
      return {
        label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
        description: typeof item.description === 'string' ? item.description : '',
        contextValue: item.contextValue ?? '',
        children: this.snapshot(children),
      };
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.retry) clearTimeout(this.retry);
    for (const d of this.disposables) d.dispose();
  }
}

function collapsibleState(node: OutlineNode): vscode.TreeItemCollapsibleState {
  if (node.kind === 'worklog') return vscode.TreeItemCollapsibleState.Expanded;
  if (node.kind === 'week' && node.children.length > 0) return vscode.TreeItemCollapsibleState.Collapsed;
  return vscode.TreeItemCollapsibleState.None;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
