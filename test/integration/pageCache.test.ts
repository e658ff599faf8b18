/**
 * The page cache in the workspace storage, in a real VS Code: after the start-up scan the parsed pages are written to
 * the extension's storage (not the user's folders), and a text that comes back (a branch switch, an undone change on
 * disk) is revived from the cache instead of parsed — with the same findings as parsing it. Waits on events only.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WAIT_MS } from './helpers';
import type { WorklogApi } from '../../src/extension';

const EXTENSION_ID = 'worklog.vscode-worklog';

function page(rows: string[]): string {
  return [
    '---',
    'title: "Week 1 Worklog"',
    'date: 2025-10-06',
    'weight: 1',
    'chapter: false',
    'pre: " <b> 1.1. </b> "',
    '---',
    '',
    '### Week 1 Objectives:',
    '',
    '* Learn about caches.',
    '',
    '### Tasks Performed During the Week:',
    '',
    '| Day | Task | Start Date | Completion Date | Reference Material |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Resolves once `check` holds (at once, or after one of the index's change events). */
function indexWhen(api: WorklogApi, check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, WAIT_MS);
    const sub = api.index.onDidChange(() => {
      if (!check()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { contents: new TextEncoder().encode(text), overwrite: true });
  assert.ok(await vscode.workspace.applyEdit(edit), `${uri.path} written`);
}

function summary(findings: readonly { rule: string; span: { start: { line: number; character: number } }; message: string }[] | undefined): string[] {
  return (findings ?? []).map((f) => `${f.rule} ${f.span.start.line}:${f.span.start.character} ${f.message}`);
}

describe('page cache', function () {
  this.timeout(WAIT_MS * 3);
  let api: WorklogApi;
  let root: vscode.Uri;
  let pageUri: vscode.Uri;

  before(async () => {
    const extension = vscode.extensions.getExtension<WorklogApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    await api.index.scan();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    root = vscode.Uri.joinPath(folder.uri, `tmp-cache-${Date.now()}`);
    pageUri = vscode.Uri.joinPath(root, 'content', '1-Worklog', '1.1-Week1', '_index.md');
  });

  after(async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(root, { recursive: true, ignoreIfNotExists: true });
    await vscode.workspace.applyEdit(edit);
  });

  it('writes the parsed pages to the extension storage after the scan, outside the workspace', async () => {
    assert.ok(api.index.cacheStats, 'the index has a page cache');
    await api.index.flushCache();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const stored = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    assert.ok(!stored.includes('page-cache.json'), 'nothing written into the workspace folder');
    const file = api.index.cacheFile;
    assert.ok(file, 'a cache file in the workspace storage');
    assert.ok(!file.toString().startsWith(folder.toString()), `the cache lives outside the workspace: ${file.toString()}`);
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { pages: Record<string, unknown> };
    const known = vscode.Uri.joinPath(folder, 'content', '1-Worklog', '1.1-Week1', '_index.md').toString();
    assert.ok(Object.keys(json.pages).includes(known), `the cache holds ${known}; it holds ${Object.keys(json.pages).join(', ')}`);
  });

  it('revives a text that comes back on disk instead of parsing it, with the same findings', async () => {
    const good = page([
      '| Mon | - Read about caches | 06/10/2025 | 06/10/2025 | |',
      '| Tue | - Try one | 07/10/2025 | 07/10/2025 | |',
    ]);
    const bad = page([
      '| Mon | - Read about caches | 06/10/2025 | 06/10/2025 | |',
      '| Tue | - Try one | 07/10/2025 | 05/10/2025 | |',
    ]);
    await write(pageUri, bad);
    await indexWhen(api, () => api.index.page(pageUri)?.text === bad, 'the page with the wrong date');
    const parsedFindings = summary(api.index.findings(pageUri));
    assert.ok(parsedFindings.some((f) => f.startsWith('date-order')), `a date-order finding: ${parsedFindings.join('; ')}`);

    await write(pageUri, good);
    await indexWhen(api, () => api.index.page(pageUri)?.text === good, 'the corrected page');
    assert.ok(!summary(api.index.findings(pageUri)).some((f) => f.startsWith('date-order')));

    // The old text comes back (as after switching branches): it is revived, not parsed.
    const before = api.index.cacheStats!.fromCache;
    await write(pageUri, bad);
    await indexWhen(api, () => api.index.page(pageUri)?.text === bad, 'the old text again');
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === pageUri.toString());
    assert.equal(api.index.cacheStats!.fromCache, before + 1, `the page came from the cache (open as a document: ${open})`);
    assert.deepStrictEqual(summary(api.index.findings(pageUri)), parsedFindings);
  });
});
