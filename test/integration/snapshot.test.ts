/**
 * Results kept between sessions, in a real VS Code: four integration runs on the snapshot fixture share VS Code's
 * user data (test/integration/runs.json: `snapshot-first`, `snapshot-next`, `snapshot-settings`, `snapshot-edited`).
 * The first session parses every page and writes the snapshot to workspace storage; the next one starts from it:
 * nothing parsed at start-up, the same problems and the same tree, a worklog parsed only when one of its pages is
 * needed or changes; the third has other settings, so nothing kept applies; the last starts with a file the launcher
 * edited before it, so only that file's worklog is parsed. Each suite skips itself on other
 * workspaces. Waits are on events (diagnostics) with deadlines; nothing sleeps.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TreeSnapshot } from '../../src/adapters/tree';
import type { WorklogApi } from '../../src/extension';
import { codeOf, diagnosticsWhen } from './helpers';

const EXTENSION_ID = 'worklog.vscode-worklog';
const folder = vscode.workspace.workspaceFolders?.[0];
const onFixture = folder !== undefined && path.basename(folder.uri.path) === 'snapshot-workspace';

const ALICE_1 = 'alice/content/1-Worklog/1.1-Week1/_index.md';
const ALICE_2 = 'alice/content/1-Worklog/1.2-Week2/_index.md';
const BOB_1 = 'bob/content/1-Worklog/1.1-Week1/_index.md';
const BOB_1_VI = 'bob/content/1-Worklog/1.1-Week1/_index.vi.md';
const PAGES = [ALICE_1, ALICE_2, BOB_1, BOB_1_VI];
/** The tree as both sessions must show it. */
const TREE = [
  '1-Worklog | alice/content/1-Worklog · 1 problem',
  '  Week 1 | 08/09 – 14/09/2025',
  '    Set up a cloud account with billing alerts.',
  '    2 · Create the account. · 08/09/2025',
  '    3 · Configure a budget alarm. · 09/09/2025–10/09/2025',
  '  Week 2 | 15/09 – 21/09/2025 · 1 problem',
  '    Build a network.',
  '    2 · Create a virtual network. · 15/09/2025–31/09/2025',
  '    3 · Configure a budget alarm. · 16/09/2025–17/09/2025',
  '1-Worklog | bob/content/1-Worklog',
  '  Week 1 | 08/09 – 14/09/2025',
  '    Set up a cloud account with billing alerts.',
  '    2 · Create the account. · 08/09/2025',
  '    3 · Configure a budget alarm. · 09/09/2025–10/09/2025',
];

function uri(rel: string): vscode.Uri {
  assert.ok(folder);
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

async function api(): Promise<WorklogApi> {
  const extension = vscode.extensions.getExtension<WorklogApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** The tree's labels, indented by depth, with the descriptions of worklogs and weeks (folder, range, problems). */
function treeLines(a: WorklogApi): string[] {
  const out: string[] = [];
  const visit = (nodes: readonly TreeSnapshot[], depth: number): void => {
    for (const n of nodes) {
      out.push(`${'  '.repeat(depth)}${n.label}${n.contextValue === 'worklog' || n.contextValue.startsWith('week') ? ` | ${n.description}` : ''}`);
      visit(n.children, depth + 1);
    }
  };
  visit(a.tree.snapshot(), 0);
  return out;
}

/** Resolves with `promise`, or fails the test after 15 s. */
async function deadline<T>(promise: Promise<T>, what: string, ms = 15000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The stored snapshot's text once `holds` is true of it: now, or after the index's next write (the index writes it by
 * itself a little after a change; the event is listened to before the file is first read, so no write is missed).
 */
async function snapshotWhen(a: WorklogApi, holds: (text: string) => boolean, what: string): Promise<string> {
  const file = a.index.snapshotUri;
  assert.ok(file, 'the extension has workspace storage');
  const read = (): Thenable<string> => vscode.workspace.fs.readFile(file).then((b) => new TextDecoder().decode(b), () => '');
  let sub: vscode.Disposable | undefined;
  const saved = new Promise<void>((resolve) => (sub = a.index.onDidSaveSnapshot(() => resolve())));
  try {
    let text = await read();
    if (!holds(text)) {
      await deadline(saved, what);
      text = await read();
    }
    return text;
  } finally {
    sub?.dispose();
  }
}

/** Each suite runs on the snapshot fixture only (the main run opens another workspace). */
function onlyOnFixture(this: Mocha.Context): void {
  if (!onFixture) this.skip();
}

/** The extension, once its start-up scan is done. */
async function started(): Promise<WorklogApi> {
  const a = await api();
  await a.tree.ready;
  return a;
}

function problems(rel: string): string[] {
  return vscode.languages.getDiagnostics(uri(rel)).filter((d) => d.source === 'worklog').map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`);
}

describe('snapshot: first session', () => {
  before(onlyOnFixture);

  it('parses every file once, then keeps the results in workspace storage', async () => {
    const a = await started();
    assert.equal(a.index.stats.restored, 0, 'nothing to restore in a first session');
    // The four pages and the README beside them (a candidate file: it is read and found not to be a page).
    assert.equal(a.index.stats.parsed, PAGES.length + 1);
    await diagnosticsWhen(uri(ALICE_2), (d) => d.some((x) => codeOf(x) === 'date-invalid'), 'the impossible date in week 2');
    assert.deepEqual(treeLines(a), TREE);
    // The index writes the snapshot by itself a little after the scan.
    const stored = JSON.parse(await snapshotWhen(a, (text) => text !== '', 'the snapshot written after the scan')) as { worklogs: Record<string, { results: { pages: Record<string, string> } }> };
    const pages = Object.values(stored.worklogs).flatMap((w) => Object.keys(w.results.pages)).sort();
    assert.deepEqual(pages, [...PAGES].sort());
  });
});

describe('snapshot: next session', () => {
  let bobText: Uint8Array | undefined;

  before(onlyOnFixture);

  after(async () => {
    // Bob's week 1 as it was (the fixture is part of the repository).
    if (bobText) await vscode.workspace.fs.writeFile(uri(BOB_1), bobText);
  });

  it('starts from the kept results: no page parsed, the same problems and the same tree', async () => {
    const a = await started();
    const file = a.index.snapshotUri;
    assert.ok(file, 'the extension has workspace storage');
    // Workspace storage is keyed by the folder's URI: both runs must serve it at the same address (runs.json's port).
    await vscode.workspace.fs.stat(file).then(undefined, () => assert.fail(`no snapshot at ${file.toString()}: did the first session use another port?`));
    assert.equal(a.index.stats.parsed, 0, 'no page parsed at start-up');
    assert.equal(a.index.stats.restored, PAGES.length);
    const shown = await diagnosticsWhen(uri(ALICE_2), (d) => d.length > 0, 'the kept problem of week 2');
    assert.deepEqual(shown.map((d) => [codeOf(d), d.range.start.line, d.range.start.character]), [['date-invalid', 16, 49]]);
    assert.match(shown[0].message, /31\/09\/2025/);
    assert.deepEqual(treeLines(a), TREE);
    for (const rel of [ALICE_1, BOB_1, BOB_1_VI]) assert.deepEqual(problems(rel), [], rel);
    assert.equal(a.index.stats.parsed, 0);
  });

  it('parses a worklog when one of its pages is needed (a hover), and only that worklog', async () => {
    const a = await api();
    // Showing the page parses nothing (its text is the one the kept results are for): the Weeks view selects its week.
    const selected = new Promise<void>((resolve) => {
      const sub = a.tree.view.onDidChangeSelection((e) => {
        if (e.selection.some((n) => n.path === ALICE_2)) {
          sub.dispose();
          resolve();
        }
      });
    });
    const doc = (await vscode.window.showTextDocument(uri(ALICE_2))).document;
    if (a.tree.view.visible) await deadline(selected, 'the week of the page selected in the Weeks view');
    assert.equal(a.index.stats.parsed, 0);
    const line = doc.lineAt(16).text;
    const at = new vscode.Position(16, line.indexOf('15/09/2025') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
    assert.ok(hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('2025'))), 'a date hover');
    assert.equal(a.index.stats.parsed, 2, "alice's two pages, not bob's");
    // Parsed now, the page has the problems it had when restored.
    assert.deepEqual(a.index.findings(doc.uri)?.map((f) => `${f.rule}@${f.span.start.line}:${f.span.start.character}`), ['date-invalid@16:49']);
  });

  it('a page changed on disk: its worklog is checked again', async () => {
    const a = await api();
    bobText = await vscode.workspace.fs.readFile(uri(BOB_1));
    const before = a.index.stats.parsed;
    const text = new TextDecoder().decode(bobText).replace('| 09/09/2025 | 10/09/2025 |', '| 09/09/2025 | 30/02/2025 |');
    await vscode.workspace.fs.writeFile(uri(BOB_1), new TextEncoder().encode(text));
    await diagnosticsWhen(uri(BOB_1), (d) => d.some((x) => codeOf(x) === 'date-invalid'), 'the new impossible date in bob\'s week 1');
    // Bob's page and its twin; alice's worklog is not touched.
    assert.equal(a.index.stats.parsed - before, 2);
    assert.deepEqual(problems(ALICE_1), []);
  });
});

describe('snapshot: settings changed between sessions', () => {
  before(onlyOnFixture);

  it('parses every worklog again: the kept results were for other settings', async () => {
    const a = await started();
    assert.equal(a.index.stats.restored, 0, 'nothing restored: the settings are part of the hash');
    assert.equal(a.index.stats.parsed, PAGES.length + 1);
    // This session lowers date-invalid to a warning (runs.json): the page shows it so, not as the kept error.
    assert.deepEqual(a.index.findings(uri(ALICE_2))?.map((f) => `${f.rule}:${f.severity}`), ['date-invalid:warning']);
    // Kept for the next session (same settings), which starts with a file edited meanwhile.
    await snapshotWhen(a, (text) => text.includes('"severity":"warning"'), 'the snapshot written for these settings');
  });
});

describe('snapshot: a file changed between sessions', () => {
  before(onlyOnFixture);

  it('parses only the worklog whose file changed; the others are restored', async () => {
    const a = await started();
    // The launcher changed bob's week 1 before this session (runs.json: edit) and puts it back after it.
    assert.equal(a.index.stats.restored, 2, "alice's two pages");
    assert.equal(a.index.stats.parsed, 2, "bob's page and its twin");
    assert.deepEqual(a.index.findings(uri(BOB_1))?.map((f) => `${f.rule}:${f.severity}`), ['date-invalid:warning']);
    assert.deepEqual(a.index.findings(uri(ALICE_2))?.map((f) => `${f.rule}:${f.severity}`), ['date-invalid:warning']);
  });
});
