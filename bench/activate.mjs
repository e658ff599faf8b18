// Loads an extension bundle in plain Node with a stand-in `vscode` module and times `require` + `activate()`.
// Run once per measurement in a fresh process (a second require would be served from Node's module cache):
//   node bench/activate.mjs <dist/extension.js> [workspace folder]
// Prints one JSON line: { requireMs, activateMs, subscriptions, unknown: [API members the stand-in did not know] }.
//
// The stand-in implements what activation touches (commands, languages, window, workspace, EventEmitter, Disposable,
// Uri, …); anything else is answered by an inert proxy and listed in `unknown`, so a new API use shows up in the
// output instead of crashing the harness. The start-up background scan is excluded: window.withProgress resolves
// without running its task (the scan is asynchronous and not part of activation).
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);

const unknown = new Set();

/** An inert value for anything the stand-in does not implement: callable, constructible, never a thenable. */
function inert(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'dispose') return () => {};
      if (typeof prop === 'symbol') return undefined;
      return inert(`${name}.${prop}`);
    },
    apply() {
      return inert(`${name}()`);
    },
    construct() {
      return inert(`new ${name}`);
    },
  });
}

/**
 * Wraps a namespace: known members as given, unknown ones recorded and answered inertly (events get an event).
 * The top level is different: esbuild's CommonJS interop copies the module's own properties once, so a member the
 * stand-in lacks there is simply undefined to the bundle; add it below when activation fails on one.
 */
function namespace(name, members) {
  return new Proxy(members, {
    get(t, prop) {
      if (prop in t || typeof prop === 'symbol' || prop === '__esModule') return t[prop];
      unknown.add(`${name}.${String(prop)}`);
      if (/^onDid|^onWill/.test(String(prop))) return event;
      return inert(`${name}.${String(prop)}`);
    },
  });
}

const disposable = () => ({ dispose() {} });
const event = () => disposable();

class Disposable {
  constructor(fn) {
    this.fn = fn;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
  }
  dispose() {
    if (this.fn) this.fn();
    this.fn = undefined;
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const bound = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(bound);
      const d = { dispose: () => this.listeners.delete(bound) };
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(value) {
    for (const l of [...this.listeners]) l(value);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(scheme, fsPath) {
    this.scheme = scheme;
    this.path = fsPath;
    this.fsPath = fsPath;
    this.authority = '';
    this.query = '';
    this.fragment = '';
  }
  static file(p) {
    return new Uri('file', path.resolve(p));
  }
  static parse(s) {
    const m = /^([a-z][\w+.-]*):\/\/[^/]*(.*)$/i.exec(s);
    return m ? new Uri(m[1], m[2]) : new Uri('file', s);
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, path.posix.join(base.path, ...parts));
  }
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
  }
  toString() {
    return `${this.scheme}://${this.path}`;
  }
  toJSON() {
    return this.toString();
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}
class Range {
  constructor(a, b, c, d) {
    this.start = typeof a === 'number' ? new Position(a, b) : a;
    this.end = typeof a === 'number' ? new Position(c, d) : b;
  }
}
class Selection extends Range {}
class Simple {
  constructor(...args) {
    this.args = args;
  }
}
class FileSystemError extends Error {
  static FileNotFound(what) {
    return new FileSystemError(`not found: ${what}`);
  }
}
class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(`${this.value}.${part}`);
  }
  contains(other) {
    return other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');
CodeActionKind.Source = new CodeActionKind('source');
CodeActionKind.SourceFixAll = new CodeActionKind('source.fixAll');
CodeActionKind.Refactor = new CodeActionKind('refactor');

const COMPLETION_KINDS = ['Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module', 'Property',
  'Unit', 'Value', 'Enum', 'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember', 'Constant', 'Struct', 'Event',
  'Operator', 'TypeParameter', 'User', 'Issue'];
const format = (message, args) => message.replace(/\{(\d+)\}/g, (m, i) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));

function makeVscode(folder) {
  const folders = folder ? [{ uri: Uri.file(folder), name: path.basename(folder), index: 0 }] : undefined;
  const configuration = { get: (_k, d) => d, inspect: () => undefined, has: () => false, update: async () => undefined };
  const watcher = () => ({ onDidChange: event, onDidCreate: event, onDidDelete: event, dispose() {} });
  const collection = () => ({ set() {}, delete() {}, clear() {}, get: () => undefined, has: () => false, forEach() {}, dispose() {}, name: 'worklog' });
  const treeView = () => namespace('TreeView', {
    onDidChangeVisibility: event, onDidChangeSelection: event, onDidExpandElement: event, onDidCollapseElement: event,
    reveal: async () => undefined, visible: false, selection: [], dispose() {}, message: undefined, title: undefined, description: undefined, badge: undefined,
  });
  return namespace('vscode', {
    version: '1.100.0',
    Disposable, EventEmitter, Uri, Position, Range, Selection, FileSystemError, CodeActionKind,
    Diagnostic: Simple, CodeAction: Simple, WorkspaceEdit: Simple, RelativePattern: Simple, TreeItem: Simple, ThemeIcon: Simple,
    ThemeColor: Simple, MarkdownString: Simple, Hover: Simple, CompletionItem: Simple, CompletionList: Simple, SnippetString: Simple,
    TextEdit: Simple, Location: Simple, Task: Simple, ProcessExecution: Simple, ShellExecution: Simple, CustomExecution: Simple,
    TaskGroup: namespace('TaskGroup', { Build: { id: 'build' }, Test: { id: 'test' }, Clean: { id: 'clean' }, Rebuild: { id: 'rebuild' } }),
    TaskRevealKind: { Always: 1, Silent: 2, Never: 3 }, TaskPanelKind: { Shared: 1, Dedicated: 2, New: 3 }, TaskScope: { Global: 1, Workspace: 2 },
    TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
    CancellationTokenSource: class { constructor() { this.token = { isCancellationRequested: false, onCancellationRequested: event }; } cancel() {} dispose() {} },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    EndOfLine: { LF: 1, CRLF: 2 },
    CompletionItemKind: Object.fromEntries(COMPLETION_KINDS.map((k, i) => [k, i])),
    DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    commands: namespace('commands', { registerCommand: disposable, registerTextEditorCommand: disposable, executeCommand: async () => undefined }),
    languages: namespace('languages', {
      createDiagnosticCollection: collection, registerCodeActionsProvider: disposable, registerCompletionItemProvider: disposable,
      registerHoverProvider: disposable, registerDocumentLinkProvider: disposable, registerCodeLensProvider: disposable,
      registerDocumentFormattingEditProvider: disposable, registerDocumentRangeFormattingEditProvider: disposable,
      registerOnTypeFormattingEditProvider: disposable, registerDefinitionProvider: disposable,
      onDidChangeDiagnostics: event, getDiagnostics: () => [], match: () => 0,
    }),
    window: namespace('window', {
      activeTextEditor: undefined, visibleTextEditors: [], onDidChangeActiveTextEditor: event, onDidChangeVisibleTextEditors: event,
      onDidChangeTextEditorSelection: event, createTreeView: treeView, registerTreeDataProvider: disposable,
      // The background scan runs inside withProgress: not started here (see the header comment).
      withProgress: () => Promise.resolve(undefined),
      showInformationMessage: async () => undefined, showWarningMessage: async () => undefined, showErrorMessage: async () => undefined,
      showQuickPick: async () => undefined, showInputBox: async () => undefined, showTextDocument: async () => undefined,
      setStatusBarMessage: disposable, createOutputChannel: () => namespace('OutputChannel', { append() {}, appendLine() {}, show() {}, clear() {}, dispose() {} }),
      createStatusBarItem: () => namespace('StatusBarItem', { show() {}, hide() {}, dispose() {} }),
    }),
    workspace: namespace('workspace', {
      workspaceFolders: folders, textDocuments: [], name: folders ? folders[0].name : undefined,
      onDidChangeConfiguration: event, onDidChangeWorkspaceFolders: event, onDidOpenTextDocument: event, onDidChangeTextDocument: event,
      onDidCloseTextDocument: event, onDidSaveTextDocument: event, onDidDeleteFiles: event, onDidRenameFiles: event, onDidCreateFiles: event,
      createFileSystemWatcher: watcher, getConfiguration: () => configuration,
      getWorkspaceFolder: (uri) => (folders && uri.path.startsWith(folders[0].uri.path) ? folders[0] : undefined),
      asRelativePath: (u) => (typeof u === 'string' ? u : u.path),
      findFiles: async () => [], openTextDocument: async () => undefined, applyEdit: async () => true,
      fs: namespace('workspace.fs', {
        readFile: async (uri) => { throw FileSystemError.FileNotFound(uri.path); },
        stat: async (uri) => { throw FileSystemError.FileNotFound(uri.path); },
        readDirectory: async () => [], writeFile: async () => undefined, createDirectory: async () => undefined,
      }),
      isTrusted: true,
    }),
    tasks: namespace('tasks', { registerTaskProvider: disposable, fetchTasks: async () => [], executeTask: async () => undefined, taskExecutions: [],
      onDidStartTask: event, onDidEndTask: event, onDidStartTaskProcess: event, onDidEndTaskProcess: event }),
    // Namespaces the extension does not use today: present so that a new use is listed in `unknown`, not undefined.
    debug: namespace('debug', {}), scm: namespace('scm', {}), notebooks: namespace('notebooks', {}), tests: namespace('tests', {}),
    authentication: namespace('authentication', {}), comments: namespace('comments', {}),
    env: namespace('env', { language: 'en', appName: 'bench', uiKind: 1 }),
    l10n: namespace('l10n', { t: (message, ...args) => (typeof message === 'string' ? format(message, args) : message.message), bundle: undefined, uri: undefined }),
    extensions: namespace('extensions', { getExtension: () => undefined, all: [] }),
  });
}

async function main() {
  const [bundle, folder] = process.argv.slice(2);
  const vscode = makeVscode(folder);
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    if (request === 'vscode') return vscode;
    return load.call(this, request, parent, isMain);
  };
  const t0 = performance.now();
  const extension = require(path.resolve(bundle));
  const t1 = performance.now();
  const storage = folder ?? process.cwd();
  const memento = { get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync() {} };
  const context = {
    subscriptions: [], extensionUri: Uri.file(path.dirname(path.dirname(path.resolve(bundle)))), extensionPath: path.dirname(path.dirname(path.resolve(bundle))),
    globalState: memento, workspaceState: memento, storageUri: Uri.file(storage), globalStorageUri: Uri.file(storage), logUri: Uri.file(storage),
    extensionMode: 1, asAbsolutePath: (p) => path.join(path.dirname(path.dirname(path.resolve(bundle))), p),
    extension: {
      id: 'worklog.vscode-worklog', extensionUri: Uri.file(path.dirname(path.dirname(path.resolve(bundle)))),
      packageJSON: JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')),
    },
    environmentVariableCollection: inert('context.environmentVariableCollection'), secrets: inert('context.secrets'),
  };
  try {
    await extension.activate(context);
  } catch (e) {
    // Reported as a result (the benchmark goes on): usually an API the stand-in lacks at the top level.
    process.stdout.write(JSON.stringify({ error: String(e && e.stack ? e.stack.split('\n').slice(0, 3).join(' ') : e), unknown: [...unknown].sort() }) + '\n');
    process.exit(0);
  }
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, subscriptions: context.subscriptions.length, unknown: [...unknown].sort() }) + '\n');
  for (const d of context.subscriptions) d?.dispose?.();
  if (extension.deactivate) extension.deactivate();
  // Timers or watchers the extension left behind must not keep the measurement process alive.
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`activate: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
