/**
 * Smoke suite: the extension loads in a real VS Code on a worklog workspace, and what its
 * package.json promises (commands, settings with defaults) is there at run time. It talks to
 * the extension only through the vscode API, so it runs unchanged in desktop VS Code and in
 * the web workbench (remote Node extension host) used offline.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'worklog.vscode-worklog';

interface ConfigurationBlock {
  properties?: Record<string, unknown>;
}

interface Manifest {
  contributes?: {
    commands?: { command: string }[] | { command: string };
    configuration?: ConfigurationBlock | ConfigurationBlock[];
  };
}

async function readManifest(extension: vscode.Extension<unknown>): Promise<Manifest> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'package.json'));
  return JSON.parse(new TextDecoder().decode(bytes)) as Manifest;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Resolves true once `file` exists (on a change event of its folder, not by polling), false at the deadline. */
function waitForFile(file: string, timeoutMs: number): Promise<boolean> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (found: boolean): void => {
      if (settled) return;
      settled = true;
      watcher.close();
      clearTimeout(timer);
      resolve(found);
    };
    const watcher = fs.watch(path.dirname(file), () => {
      if (fs.existsSync(file)) finish(true);
    });
    const timer = setTimeout(() => finish(fs.existsSync(file)), timeoutMs);
    if (fs.existsSync(file)) finish(true);
  });
}

describe('smoke', () => {
  let extension: vscode.Extension<unknown>;
  let manifest: Manifest;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    extension = found;
    manifest = await readManifest(extension);
  });

  it('runs in VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\./);
  });

  it('opens the fixture worklog workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder is open');
  });

  it('activates on the worklog workspace', async function () {
    // Generous: on a loaded 2-core CI machine the first activation can take a while.
    this.timeout(60000);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    await extension.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = asArray(manifest.contributes?.commands).map((c) => c.command);
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `declared in package.json but not registered: ${missing.join(', ')}`);
    // Activation registers the extension's commands, declared or not yet.
    assert.ok(
      [...registered].some((id) => id.startsWith('worklog.')),
      'activation registered no worklog.* command',
    );
  });

  it('gives every worklog.* setting in package.json a default', () => {
    const keys = asArray(manifest.contributes?.configuration).flatMap((block) => Object.keys(block.properties ?? {}));
    const config = vscode.workspace.getConfiguration('worklog');
    const withoutDefault = keys
      .filter((key) => key.startsWith('worklog.'))
      .map((key) => key.slice('worklog.'.length))
      .filter((key) => config.inspect(key)?.defaultValue === undefined);
    assert.deepEqual(withoutDefault, [], `settings without a default: ${withoutDefault.join(', ')}`);
  });

  it('shows the workbench (screenshot when the launcher takes them)', async function () {
    if (process.env.WORKLOG_SCREENSHOTS !== '1') this.skip();
    this.timeout(60000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const week = vscode.Uri.joinPath(folder.uri, 'content', '1-Worklog', '1.1-Week1', '_index.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(week));
    // Relative to the repository root (git-ignored folder); see the protocol in index.ts.
    const rel = 'test-results/integration/smoke-workbench.png';
    const abs = path.resolve(extension.extensionPath, rel);
    fs.rmSync(abs, { force: true });
    console.log(`WORKLOG_SCREENSHOT ${rel}`);
    // Usually a second or two; ten seconds and more seen on a heavily loaded machine.
    assert.ok(await waitForFile(abs, 45000), `the launcher wrote no ${rel}`);
  });
});
