/**
 * Worklog: New Week in a real VS Code. Each test copies a fixture worklog (test/integration/fixtures/newweek-<style>/
 * workspace) into a fresh folder inside the opened workspace, runs the command there, compares what it created with
 * newweek-<style>/expected, and removes the folder afterwards (whatever the outcome), so the suite runs in any
 * workspace the launcher opens and leaves it as it found it. Tests wait for events (file watcher, document changes,
 * the index's change event), never for time.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WorklogApi } from '../../src/extension';

const EXTENSION_ID = 'worklog.vscode-worklog';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

let api: WorklogApi;
let extensionUri: vscode.Uri;

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

/** Every file under a folder, by path relative to it (POSIX separators). */
async function listFiles(root: vscode.Uri, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(rel ? vscode.Uri.joinPath(root, rel) : root)) {
    const child = rel ? `${rel}/${name}` : name;
    if (type & vscode.FileType.Directory) out.push(...(await listFiles(root, child)));
    else out.push(child);
  }
  return out.sort();
}

async function readTree(root: vscode.Uri): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of await listFiles(root)) out[rel] = await readText(vscode.Uri.joinPath(root, rel));
  return out;
}

function at(root: vscode.Uri, rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...rel.split('/'));
}

/** Resolves once `check` gives a value, testing now and after each of `events` (mocha's timeout bounds the wait). */
function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, events: readonly vscode.Event<unknown>[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    let settled = false;
    let running = false;
    let again = false;
    const finish = (fn: () => void): void => {
      settled = true;
      subscriptions.forEach((d) => d.dispose());
      fn();
    };
    const test = async (): Promise<void> => {
      if (settled) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const value = await check();
          if (value !== undefined) return finish(() => resolve(value));
        } while (again && !settled);
      } catch (error) {
        finish(() => reject(new Error(`${what}: ${String(error)}`)));
      } finally {
        running = false;
      }
    };
    for (const event of events) subscriptions.push(event(() => void test()));
    void test();
  });
}

/** A copy of a fixture worklog in a new folder of the opened workspace, known to the extension's index. */
class Scratch {
  readonly root: vscode.Uri;
  private readonly watcher: vscode.FileSystemWatcher;

  constructor(readonly fixture: string) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    this.root = vscode.Uri.joinPath(folder.uri, `newweek-test-${fixture}-${Date.now().toString(36)}`);
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.root, '**/*'));
  }

  /** File events (the watcher's and the workspace's own), document changes and the index's: what a wait listens to. */
  get events(): vscode.Event<unknown>[] {
    return [
      this.watcher.onDidCreate, this.watcher.onDidChange, this.watcher.onDidDelete,
      vscode.workspace.onDidCreateFiles, vscode.workspace.onDidDeleteFiles, vscode.workspace.onDidChangeTextDocument,
      api.index.onDidChange,
    ];
  }

  fixtureUri(part: 'workspace' | 'expected'): vscode.Uri {
    return vscode.Uri.joinPath(extensionUri, 'test', 'integration', 'fixtures', this.fixture, part);
  }

  uri(rel: string): vscode.Uri {
    return at(this.root, rel);
  }

  rel(uri: vscode.Uri): string {
    return uri.path.slice(this.root.path.length + 1);
  }

  async create(): Promise<void> {
    await vscode.workspace.fs.copy(this.fixtureUri('workspace'), this.root, { overwrite: false });
    // Refresh re-reads the workspace: the copied pages are in the index when it returns.
    await vscode.commands.executeCommand('worklog.refresh');
    for (const rel of await listFiles(this.root)) {
      assert.ok(api.index.worklogOf(this.uri(rel)), `the index knows ${rel} as a worklog page`);
    }
  }

  async expected(): Promise<Record<string, string>> {
    return readTree(this.fixtureUri('expected'));
  }

  /**
   * Reverts and closes the copy's editors, waits until the index has parsed its open pages (no pending re-parse can
   * bring a page back), then deletes the folder through a WorkspaceEdit: VS Code reports that deletion to the
   * index (onDidDeleteFiles) whether or not the file watcher, which drops events on a busy machine, sees it.
   */
  async dispose(): Promise<void> {
    const inside = (uri: vscode.Uri): boolean => uri.toString().startsWith(this.root.toString() + '/');
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && inside(d.uri))) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (await exists(this.root)) {
      await until('the index has parsed the open pages', () => (vscode.workspace.textDocuments
        .filter((d) => inside(d.uri) && !d.isClosed && api.index.page(d.uri))
        .every((d) => api.index.isCurrent(d)) ? true : undefined), this.events);
      const files = await listFiles(this.root);
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(this.root, { recursive: true, ignoreIfNotExists: true });
      assert.ok(await vscode.workspace.applyEdit(edit), 'the scratch folder is deleted');
      await until('the index forgets the scratch pages', () => (files.every((rel) => !api.index.page(this.uri(rel))) ? true : undefined), this.events);
    }
    this.watcher.dispose();
  }
}

async function openPage(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

function documentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

const STYLES = [
  {
    fixture: 'newweek-folders',
    last: 'content/1-Worklog/1.2-Week2/_index.md',
    created: ['content/1-Worklog/1.3-Week3/_index.md', 'content/1-Worklog/1.3-Week3/_index.vi.md'],
    indexes: ['content/1-Worklog/_index.md', 'content/1-Worklog/_index.vi.md'],
  },
  {
    fixture: 'newweek-flat',
    last: 'content/1-worklog/1.2-week2.md',
    created: ['content/1-worklog/1.3-week3.md', 'content/1-worklog/1.3-week3.vi.md'],
    indexes: ['content/1-worklog/_index.md', 'content/1-worklog/_index.vi.md'],
  },
  {
    fixture: 'newweek-langdirs',
    last: 'content/en/worklog/week_2/_index.en.md',
    created: ['content/en/worklog/week_3/_index.en.md', 'content/vi/worklog/week_3/_index.vi.md'],
    indexes: ['content/en/worklog/_index.en.md', 'content/vi/worklog/_index.vi.md'],
  },
];

describe('New Week', function () {
  // A bound, not a wait: each test copies a worklog, runs the command and cleans up, and a busy machine is slow.
  this.timeout(180_000);
  let scratch: Scratch | undefined;

  before(async () => {
    const extension = vscode.extensions.getExtension<WorklogApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    api = await extension.activate();
    extensionUri = extension.extensionUri;
    await api.index.scan();
  });

  afterEach(async () => {
    await scratch?.dispose();
    scratch = undefined;
  });

  for (const style of STYLES) {
    it(`${style.fixture}: creates week 3 and its index lines, and opens it at the first objective`, async () => {
      scratch = new Scratch(style.fixture);
      await scratch.create();
      const before = await readTree(scratch.root);
      await openPage(scratch.uri(style.last));

      const created = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('worklog.newWeek');
      assert.ok(created, 'the command returns what it created');
      assert.deepEqual(created.map((u) => scratch!.rel(u)), style.created);

      const expected = await scratch.expected();
      assert.deepEqual(Object.keys(expected).sort(), [...style.created, ...style.indexes].sort());
      // The new pages are written whole; the index lines are edits of the index pages, unsaved like any edit.
      for (const rel of style.created) assert.equal(await readText(scratch.uri(rel)), expected[rel], `${rel} on disk`);
      for (const rel of style.indexes) {
        const doc = documentOf(scratch.uri(rel));
        assert.ok(doc, `${rel} is open with the new line`);
        assert.equal(doc.getText(), expected[rel], `${rel} in the editor`);
        assert.equal(doc.isDirty, true);
        assert.equal(await readText(scratch.uri(rel)), before[rel], `${rel} on disk is untouched until saved`);
      }
      // Nothing else changed.
      const after = await readTree(scratch.root);
      assert.deepEqual(Object.keys(after).sort(), [...Object.keys(before), ...style.created].sort());

      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(scratch.rel(editor.document.uri), style.created[0]);
      const line = editor.document.lineAt(editor.selection.active.line).text;
      assert.match(line, /^[-*] $/, 'the cursor is on the empty objective');
      assert.equal(editor.selection.active.character, 2);
      assert.ok(editor.selection.isEmpty);
    });
  }

  it('takes the worklog from a page URI argument and opens the new page in that page\'s language', async () => {
    scratch = new Scratch('newweek-langdirs');
    await scratch.create();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const created = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('worklog.newWeek', scratch.uri('content/vi/worklog/week_1/_index.vi.md'));
    assert.ok(created);
    assert.equal(created.length, 2);
    assert.equal(scratch.rel(vscode.window.activeTextEditor!.document.uri), 'content/vi/worklog/week_3/_index.vi.md');
  });

  it('never overwrites: a page already at the new week\'s path stays as it is, nothing is created, the index is unchanged', async () => {
    scratch = new Scratch('newweek-folders');
    await scratch.create();
    // Week 2's folder copied by hand to 1.3-Week3 and not edited yet: its pages still say week 2, so week 3 is next,
    // and its path is taken.
    const copy = (await readText(scratch.uri('content/1-Worklog/1.2-Week2/_index.md'))) + '\nCopied by hand.\n';
    await vscode.workspace.fs.writeFile(scratch.uri('content/1-Worklog/1.3-Week3/_index.md'), encoder.encode(copy));
    await vscode.commands.executeCommand('worklog.refresh');
    const before = await readTree(scratch.root);
    await openPage(scratch.uri('content/1-Worklog/1.2-Week2/_index.md'));

    const created = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('worklog.newWeek');
    assert.equal(created, undefined);
    assert.deepEqual(await readTree(scratch.root), before, 'no file was created or changed');
    assert.equal(await readText(scratch.uri('content/1-Worklog/1.3-Week3/_index.md')), copy);
    for (const rel of ['content/1-Worklog/_index.md', 'content/1-Worklog/_index.vi.md']) {
      assert.equal(documentOf(scratch.uri(rel))?.isDirty ?? false, false, `${rel} has no new line`);
    }
  });

  it('one Undo in the new page removes the created pages and the index lines', async () => {
    scratch = new Scratch('newweek-folders');
    await scratch.create();
    const before = await readTree(scratch.root);
    await openPage(scratch.uri('content/1-Worklog/1.2-Week2/_index.md'));
    const created = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('worklog.newWeek');
    assert.ok(created);
    const indexes = ['content/1-Worklog/_index.md', 'content/1-Worklog/_index.vi.md'].map((rel) => scratch!.uri(rel));
    assert.equal(scratch.rel(vscode.window.activeTextEditor!.document.uri), 'content/1-Worklog/1.3-Week3/_index.md');

    await vscode.commands.executeCommand('undo');

    const s = scratch;
    await until('undo removes the pages and the index lines', async () => {
      for (const uri of created) if (await exists(uri)) return undefined;
      for (const uri of indexes) if (documentOf(uri)?.isDirty) return undefined;
      return true;
    }, s.events);
    for (const uri of indexes) {
      const doc = documentOf(uri);
      assert.equal(doc?.getText() ?? (await readText(uri)), before[s.rel(uri)], `${s.rel(uri)} is back as it was`);
    }
    // What is left is what was there before, plus the week's folder, which createFile made and Undo keeps (empty).
    assert.deepEqual(await readTree(s.root), before);
    assert.deepEqual(await vscode.workspace.fs.readDirectory(s.uri('content/1-Worklog/1.3-Week3')), []);
  });
});
