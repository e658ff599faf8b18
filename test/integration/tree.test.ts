/**
 * The Weeks sidebar in a real VS Code. Most of the suite needs the tree fixture (weeks 1, 2, 9, 10, 11, twins for 1
 * and 10, a warning in week 9) and the welcome test needs a workspace without a worklog; each part skips itself on
 * other workspaces, and one check runs on any worklog workspace. Runs:
 *
 *   WORKLOG_TEST_WORKSPACE=test/integration/fixtures/tree-workspace npm run test:integration
 *   WORKLOG_TEST_WORKSPACE=test/integration/fixtures/tree-empty WORKLOG_TEST_GREP='^Weeks tree' npm run test:integration
 *
 * Every wait is on an event (the tree's onDidUpdate, selection, diagnostics, a file appearing) with a deadline that
 * fails the test; nothing sleeps.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { WorklogApi } from '../../src/extension';
import type { OutlineNode, WeekNode } from '../../src/core/outline';
import type { TreeSnapshot, WeeksTree } from '../../src/adapters/tree';

const EXTENSION_ID = 'worklog.vscode-worklog';
const DEADLINE_MS = 15000;
const WORKLOG = 'content/1-Worklog';

const folder = vscode.workspace.workspaceFolders?.[0];
const workspaceName = folder ? path.basename(folder.uri.path) : '';

async function api(): Promise<WorklogApi> {
  const extension = vscode.extensions.getExtension<WorklogApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** Resolves once `check` holds: now, or after one of `event`'s firings; rejects at the deadline. */
function until<T>(event: vscode.Event<T>, check: () => boolean, what: string, ms = DEADLINE_MS): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (check()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no ${what} within ${ms} ms`));
    }, ms);
    const sub = event(() => {
      if (!check()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

function uri(rel: string): vscode.Uri {
  assert.ok(folder);
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

function labels(nodes: readonly TreeSnapshot[]): string[] {
  return nodes.map((n) => n.label);
}

/** The title of the fixture worklog's index page: its node's label when other suites left worklogs behind. */
const FIXTURE_WORKLOG = 'Worklog';

/**
 * The fixture worklog's weeks as the tree shows them. Other suites share the workspace and may leave a worklog of
 * theirs in the index; then the roots are worklogs and the fixture's weeks are under its own node.
 */
function weeks(tree: WeeksTree): readonly TreeSnapshot[] {
  const roots = tree.snapshot();
  if (roots.every((n) => n.contextValue !== 'worklog')) return roots;
  return roots.find((n) => n.label === FIXTURE_WORKLOG)?.children ?? [];
}

function weekSnapshot(tree: WeeksTree, label: string): TreeSnapshot | undefined {
  return weeks(tree).find((n) => n.label === label);
}

async function weekNode(tree: WeeksTree, label: string): Promise<WeekNode> {
  let nodes = await tree.getChildren();
  const own = nodes.find((n) => n.kind === 'worklog' && n.label === FIXTURE_WORKLOG);
  if (own) nodes = await tree.getChildren(own);
  const node = nodes.find((n) => n.label === label);
  assert.ok(node && node.kind === 'week', `no ${label} in the tree: ${nodes.map((n) => n.label).join(', ')}`);
  return node;
}

/** A week page of this worklog (program starting Monday 08/09/2025). */
function weekText(n: number, objective: string): string {
  const start = new Date(Date.UTC(2025, 8, 8 + 7 * (n - 1)));
  const day = (offset: number): string => {
    const d = new Date(start.getTime() + offset * 86400000);
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  };
  return [
    '---', `title: "Week ${n} Worklog"`, `date: ${start.toISOString().slice(0, 10)}`, `weight: ${n}`, 'chapter: false', `pre: " <b> 1.${n}. </b> "`, '---', '',
    `### Week ${n} Objectives:`, '', `* ${objective}`, '',
    '### Tasks Performed During the Week:', '',
    '| Day | Task | Start Date | Completion Date | Reference Material |',
    '| --- | --- | --- | --- | --- |',
    `| 2 | - Plan week ${n}. | ${day(0)} | ${day(0)} | <https://example.org/plan> |`, '',
  ].join('\n');
}

async function exists(target: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(target);
    return true;
  } catch {
    return false;
  }
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Resolves when `file` is replaced (the launcher writes screenshots whole, through a rename); rejects at the deadline. */
function fileReplaced(file: string, ms: number): { armed: Promise<void> } {
  const before = fs.existsSync(file) ? fs.statSync(file) : undefined;
  const replaced = (): boolean => {
    if (!fs.existsSync(file)) return false;
    const now = fs.statSync(file);
    return !before || now.ino !== before.ino || now.mtimeMs !== before.mtimeMs;
  };
  const armed = new Promise<void>((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => {
      if (!replaced()) return;
      clearTimeout(timer);
      watcher.close();
      resolve();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`the launcher wrote no ${file} within ${ms} ms`));
    }, ms);
  });
  return { armed };
}

/**
 * Creates a folder and waits until the workspace file watcher reports it. A page written into a folder the watcher
 * has not picked up yet can go unreported (inotify watches a new folder only once it has seen it; seen in
 * code-server 4.100, most often right after start-up), which would fail the add/delete tests for a reason that is
 * not the tree's. `attempts` > 1 recreates the folder when no event comes (only for the warm-up before the tests).
 */
async function makeFolder(dir: vscode.Uri, attempts = 1): Promise<void> {
  const name = path.posix.basename(dir.path);
  // A glob string goes to the workspace's recursive watcher, the one that reports pages to the index.
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${name}`, false, true, true);
  try {
    for (let attempt = 1; ; attempt++) {
      let seen = false;
      // Subscribed first, so `seen` is set before `until` checks it.
      const sub = watcher.onDidCreate((u) => {
        if (u.toString() === dir.toString()) seen = true;
      });
      const created = until(watcher.onDidCreate, () => seen, `the watcher reporting ${name}/`, attempts > 1 ? 3000 : DEADLINE_MS);
      try {
        await vscode.workspace.fs.createDirectory(dir);
        await created;
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
      } finally {
        sub.dispose();
      }
    }
  } finally {
    watcher.dispose();
  }
}

describe('Weeks tree', function () {
  this.timeout(60000);

  describe('on any worklog workspace', () => {
    before(function () {
      if (workspaceName === 'tree-empty') this.skip();
    });

    it('lists one node a week, in the order of the week numbers', async () => {
      const { index, tree } = await api();
      // Compared with the index once the start-up scan is done (before, the tree shows weeks known by their paths).
      await tree.ready;
      const roots = await tree.getChildren();
      const weeks = roots.flatMap((n) => (n.kind === 'worklog' ? [...n.children] : [n])).filter((n): n is WeekNode => n.kind === 'week');
      assert.ok(weeks.length > 0, 'the tree shows weeks');
      const numbers = weeks.map((w) => w.week ?? Infinity);
      if (roots.every((n) => n.kind === 'week')) {
        assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
        const expected = new Set([...index.worklogs().values()].flatMap((w) => w.weeks.map((e) => e.week)).filter((n) => n !== undefined));
        assert.deepEqual(new Set(numbers.filter((n) => n !== Infinity)), expected);
      }
    });
  });

  describe('on the tree fixture', () => {
    let tree: WeeksTree;
    const created: { dir: vscode.Uri; label: string }[] = [];

    before(async function () {
      if (workspaceName !== 'tree-workspace') this.skip();
      ({ tree } = await api());
      await tree.ready;
      // The watcher may start late: make sure it reports a new folder before any test relies on it.
      const probe = uri(`${WORKLOG}/1.99-Probe`);
      try {
        await makeFolder(probe, 5);
      } finally {
        if (await exists(probe)) await vscode.workspace.fs.delete(probe, { recursive: true, useTrash: false });
      }
    });

    afterEach(async () => {
      await closeAllEditors();
      // Page first, folder second: the index drops a page on its own deletion (a folder's deletion is not seen yet).
      for (const { dir, label } of created.splice(0)) {
        const file = vscode.Uri.joinPath(dir, '_index.md');
        if (await exists(file)) {
          const gone = until(tree.onDidUpdate, () => !labels(weeks(tree)).includes(label), `${label} leaving the tree`);
          await vscode.workspace.fs.delete(file, { useTrash: false });
          await gone;
        }
        if (await exists(dir)) await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
      }
    });

    it('showed every week from the file listing before the start-up scan had read the pages', () => {
      assert.deepEqual(tree.firstShown, { beforeScan: true, weeks: weeks(tree).length });
    });

    it('lists the weeks in numeric order: Week 10 after Week 9', async () => {
      assert.deepEqual(labels(weeks(tree)), ['Week 1', 'Week 2', 'Week 9', 'Week 10', 'Week 11']);
    });

    it('shows objectives and tasks under a week', async () => {
      const week1 = weekSnapshot(tree, 'Week 1');
      assert.ok(week1);
      assert.deepEqual(labels(week1.children), [
        'Set up a cloud account with billing alerts.',
        'Install the command-line tools.',
        '2 · Create the account and turn on multi-factor sign-in. · 08/09/2025',
        '3 · Configure a budget alarm. · 09/09/2025–10/09/2025',
        '5 · Install the CLI and set a default region. · 11/09/2025',
      ]);
      assert.deepEqual([...new Set(week1.children.map((c) => c.contextValue))], ['objective', 'task']);
    });

    it('folds twins into their week and shows the date range and problems', () => {
      assert.deepEqual(weeks(tree).map((n) => n.contextValue), ['week.hasTwin', 'week', 'week', 'week.hasTwin', 'week']);
      assert.equal(weekSnapshot(tree, 'Week 1')?.description, '08/09 – 14/09/2025');
      assert.equal(weekSnapshot(tree, 'Week 9')?.description, '03/11 – 09/11/2025 · 1 problem');
    });

    it('gives the week of a page with a warning a warning icon', async () => {
      const week9 = tree.getTreeItem(await weekNode(tree, 'Week 9'));
      const week2 = tree.getTreeItem(await weekNode(tree, 'Week 2'));
      assert.equal((week9.iconPath as vscode.ThemeIcon).id, 'warning');
      assert.equal((week2.iconPath as vscode.ThemeIcon).id, 'pass');
    });

    it('opens the page at the line of an item that is clicked', async () => {
      const week2 = await weekNode(tree, 'Week 2');
      const task = (await tree.getChildren(week2)).find((c) => c.kind === 'task');
      assert.ok(task);
      const command = tree.getTreeItem(task).command;
      assert.equal(command?.command, 'worklog.openWeek');
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.ok(editor.document.uri.path.endsWith('/1.2-Week2/_index.md'));
      assert.equal(editor.selection.active.line, task.line);
      assert.match(editor.document.lineAt(task.line).text, /Draw a network with two subnets/);
    });

    it('adds a week when its page is created', async () => {
      const dir = uri(`${WORKLOG}/1.12-Week12`);
      created.push({ dir, label: 'Week 12' });
      await makeFolder(dir);
      const shown = until(tree.onDidUpdate, () => labels(weeks(tree)).includes('Week 12'), 'Week 12 in the tree');
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, '_index.md'), new TextEncoder().encode(weekText(12, 'Ship the capstone project.')));
      await shown;
      assert.deepEqual(labels(weeks(tree)), ['Week 1', 'Week 2', 'Week 9', 'Week 10', 'Week 11', 'Week 12']);
      assert.deepEqual(labels(weekSnapshot(tree, 'Week 12')!.children).slice(0, 1), ['Ship the capstone project.']);
    });

    it('removes a week when its page is deleted', async () => {
      const dir = uri(`${WORKLOG}/1.13-Week13`);
      const file = vscode.Uri.joinPath(dir, '_index.md');
      created.push({ dir, label: 'Week 13' });
      await makeFolder(dir);
      const shown = until(tree.onDidUpdate, () => labels(weeks(tree)).includes('Week 13'), 'Week 13 in the tree');
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(weekText(13, 'Present the results.')));
      await shown;
      const gone = until(tree.onDidUpdate, () => !labels(weeks(tree)).includes('Week 13'), 'Week 13 leaving the tree');
      await vscode.workspace.fs.delete(file, { useTrash: false });
      await gone;
      assert.deepEqual(labels(weeks(tree)), ['Week 1', 'Week 2', 'Week 9', 'Week 10', 'Week 11']);
    });

    it('removes the weeks of a deleted folder', async () => {
      const dir = uri(`${WORKLOG}/1.14-Week14`);
      created.push({ dir, label: 'Week 14' });
      await makeFolder(dir);
      const shown = until(tree.onDidUpdate, () => labels(weeks(tree)).includes('Week 14'), 'Week 14 in the tree');
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, '_index.md'), new TextEncoder().encode(weekText(14, 'Hand over.')));
      await shown;
      const gone = until(tree.onDidUpdate, () => !labels(weeks(tree)).includes('Week 14'), 'Week 14 leaving the tree');
      await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
      await gone;
    });

    it('follows unsaved edits, and a revert', async () => {
      const page = uri(`${WORKLOG}/1.2-Week2/_index.md`);
      const doc = await vscode.workspace.openTextDocument(page);
      await vscode.window.showTextDocument(doc);
      const before = 'Learn virtual networks, subnets and routing.';
      const after = 'Learn virtual networks and peering.';
      const line = doc.getText().split(/\r?\n/).findIndex((l) => l.includes(before));
      assert.ok(line >= 0);
      const objectives = (): string[] => labels(weekSnapshot(tree, 'Week 2')?.children ?? []);

      const edited = until(tree.onDidUpdate, () => objectives().includes(after), `"${after}" in the tree`);
      const edit = new vscode.WorkspaceEdit();
      const start = doc.lineAt(line).text.indexOf(before);
      edit.replace(page, new vscode.Range(line, start, line, start + before.length), after);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(doc.isDirty, 'the edit is not saved');
      await edited;
      assert.equal(objectives()[0], after);

      const reverted = until(tree.onDidUpdate, () => objectives().includes(before), `"${before}" back in the tree`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await reverted;
      assert.equal(doc.isDirty, false);
      assert.equal(objectives()[0], before);
    });

    it('opens the twin of a week, and of the active page', async () => {
      await vscode.commands.executeCommand('worklog.openTwin', await weekNode(tree, 'Week 1'));
      assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('/1.1-Week1/_index.vi.md'));
      await vscode.commands.executeCommand('worklog.openTwin');
      assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('/1.1-Week1/_index.md'));
    });

    it('reveals a week in the Explorer', async () => {
      await vscode.commands.executeCommand('worklog.revealInExplorer', await weekNode(tree, 'Week 11'));
    });

    it('follows the active editor: selects its week and shows the open language', async () => {
      const visible = until(tree.view.onDidChangeVisibility, () => tree.view.visible, 'visible Weeks view');
      await vscode.commands.executeCommand('workbench.view.extension.worklog');
      await visible;
      const selected = until(tree.view.onDidChangeSelection, () => tree.view.selection[0]?.label === 'Week 10', 'Week 10 selected');
      const vietnamese = until(tree.onDidUpdate, () => weekSnapshot(tree, 'Week 10')?.children[0]?.label === 'Chạy một cơ sở dữ liệu quan hệ.', 'Week 10 in Vietnamese');
      await vscode.window.showTextDocument(uri(`${WORKLOG}/1.10-Week10/_index.vi.md`));
      await Promise.all([selected, vietnamese]);
      assert.equal(tree.view.selection.length, 1);
      // Closed again: the week goes back to the preferred language.
      const english = until(tree.onDidUpdate, () => weekSnapshot(tree, 'Week 10')?.children[0]?.label === 'Run a relational database.', 'Week 10 in English again');
      await closeAllEditors();
      await english;
    });

    it('shows the sidebar next to a page with a warning (screenshot)', async function () {
      if (process.env.WORKLOG_SCREENSHOTS !== '1') this.skip();
      // The committed picture shows the fixture alone: not after other suites left a worklog in the index (their
      // folders' deletion is not seen yet) — run with WORKLOG_TEST_GREP='^Weeks tree' to retake it.
      if (tree.snapshot().some((n) => n.contextValue === 'worklog')) this.skip();
      await vscode.commands.executeCommand('notifications.clearAll');
      const page = uri(`${WORKLOG}/1.9-Week9/_index.md`);
      const warned = until(vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(page).length > 0, 'diagnostics on week 9');
      const editor = await vscode.window.showTextDocument(page);
      await warned;
      const diagnostic = vscode.languages.getDiagnostics(page)[0];
      // The cursor away from the date, so the squiggle is not hidden under word highlights.
      const home = new vscode.Position(diagnostic.range.start.line, 0);
      editor.selection = new vscode.Selection(home, home);
      editor.revealRange(diagnostic.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);

      // The view follows the active editor: wait for it to select week 9 (the tree is loaded then), and only then
      // expand (two reveals at once trip over each other while the view loads its first items).
      const selected = until(tree.view.onDidChangeSelection, () => tree.view.selection[0]?.label === 'Week 9', 'Week 9 selected');
      await vscode.commands.executeCommand('workbench.view.extension.worklog');
      await selected;
      await tree.view.reveal(await weekNode(tree, 'Week 1'), { select: false, focus: false, expand: true });
      await tree.view.reveal(await weekNode(tree, 'Week 9'), { select: true, focus: false, expand: true });

      // The sidebar wide enough for labels and date ranges: narrow the (focused) editor instead.
      await vscode.window.showTextDocument(editor.document, editor.viewColumn);
      for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');

      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      const rel = 'media/screenshot-sidebar.png';
      const { armed } = fileReplaced(path.join(extension.extensionPath, rel), DEADLINE_MS);
      console.log(`WORKLOG_SCREENSHOT ${rel}`);
      await armed;
    });
  });

  describe('on a workspace without a worklog', () => {
    before(function () {
      if (workspaceName !== 'tree-empty') this.skip();
    });

    it('has no items once the scan is done, so VS Code shows the welcome view', async function () {
      const { index, tree } = await api();
      const roots: OutlineNode[] = await tree.getChildren();
      assert.equal(index.isScanned, true);
      assert.deepEqual(roots, []);
      assert.deepEqual(tree.snapshot(), []);
      if (process.env.WORKLOG_SCREENSHOTS !== '1') return;
      // For a look at the welcome view (git-ignored folder).
      await vscode.commands.executeCommand('workbench.view.extension.worklog');
      await until(tree.view.onDidChangeVisibility, () => tree.view.visible, 'visible Weeks view');
      const rel = 'test-results/integration/tree-welcome.png';
      const abs = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      const { armed } = fileReplaced(abs, DEADLINE_MS);
      console.log(`WORKLOG_SCREENSHOT ${rel}`);
      await armed;
    });
  });
});
