// Typed settings: `.worklogrc.json` at the workspace folder's root (what the CLI reads) is the base, and worklog.*
// settings the user set in VS Code win over it. One change event for both.
import * as vscode from 'vscode';
import { coerceSettings, DEFAULT_SETTINGS, SETTING_KEYS, type WorklogSettings } from '../core/settings';

export class Config implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires once whenever any worklog.* setting or a .worklogrc.json changes. */
  readonly onDidChange = this.emitter.event;
  private readonly rcFiles = new Map<string, Record<string, unknown>>();
  private readonly cache = new Map<string, WorklogSettings>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private readonly reported = new Set<string>();

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('worklog')) this.changed();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.loadRcFiles().then(() => this.changed())),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/.worklogrc.json');
    this.disposables.push(watcher, watcher.onDidChange(() => this.reload()), watcher.onDidCreate(() => this.reload()), watcher.onDidDelete(() => this.reload()));
  }

  /** Reads every workspace folder's .worklogrc.json (missing or malformed: ignored, said once). */
  async loadRcFiles(): Promise<void> {
    this.rcFiles.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, '.worklogrc.json');
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
        if (parsed && typeof parsed === 'object') this.rcFiles.set(folder.uri.toString(), parsed as Record<string, unknown>);
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError) && !this.reported.has(uri.toString())) {
          this.reported.add(uri.toString());
          void vscode.window.showWarningMessage(vscode.l10n.t('Worklog: {0} is not valid JSON and is ignored.', vscode.workspace.asRelativePath(uri)));
        }
      }
    }
    this.cache.clear();
  }

  private reload(): void {
    void this.loadRcFiles().then(() => this.changed());
  }

  private changed(): void {
    this.cache.clear();
    this.emitter.fire();
  }

  /** The settings that apply to a file (its workspace folder's). */
  settingsFor(uri: vscode.Uri | undefined): WorklogSettings {
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
    const key = folder?.uri.toString() ?? '';
    const cached = this.cache.get(key);
    if (cached) return cached;
    const raw: Record<string, unknown> = { ...(this.rcFiles.get(key) ?? {}) };
    const section = vscode.workspace.getConfiguration('worklog', folder?.uri);
    for (const name of SETTING_KEYS) {
      const inspected = section.inspect(name);
      // Only values the user set win over the file: a default must not hide .worklogrc.json.
      const set = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
      if (set !== undefined) raw[name] = name === 'rules' ? { ...((raw.rules as object) ?? {}), ...(set as object) } : set;
    }
    const { settings } = coerceSettings(raw);
    this.cache.set(key, settings);
    return settings;
  }

  /** Defaults, for tests and the manifest check. */
  static defaults(): WorklogSettings {
    return DEFAULT_SETTINGS;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
