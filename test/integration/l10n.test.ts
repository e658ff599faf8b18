/**
 * Localisation in a real VS Code, through the bundles the way VS Code uses them.
 *
 * What this proves: the extension, as VS Code loaded it, declares its l10n folder and ships a Vietnamese bundle there
 * that parses and covers every English message; in the English UI VS Code hands the extension no bundle and
 * `vscode.l10n.t` gives the English text, which is what the diagnostics show; a message the extension really produced
 * (a diagnostic on a temporary page) translates, through @vscode/l10n with that bundle, to the Vietnamese text with the
 * same arguments filled in; and every contributed command has a Vietnamese title in package.nls.vi.json.
 *
 * What it cannot prove: the real switch of the display language. VS Code picks `bundle.l10n.vi.json` and
 * `package.nls.vi.json` only when the UI itself is Vietnamese, which needs the Vietnamese language pack, and that
 * cannot be installed offline. So it does not show that VS Code finds the files by those names, nor that the
 * Problems panel, the command palette or the menus then display the Vietnamese strings. @vscode/l10n reads the same
 * bundle format and fills `{0}` … the same way as `vscode.l10n.t`, but it is not VS Code's own loader.
 */
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen } from './helpers';

const EXTENSION_ID = 'worklog.vscode-worklog';
const IMPOSSIBLE = '31/04/2025';
/** The date-invalid message for a day that does not exist, read like the rest of the page. */
const NO_SUCH_DAY = '"{0}" is not a date: there is no such day (read as {1}, like the rest of the page).';
const VI_NO_SUCH_DAY = '"31/04/2025" không phải ngày: không có ngày này (đọc theo ngày/tháng/năm, như các ngày khác trong trang).';

interface Manifest {
  l10n?: string;
  contributes?: { commands?: { command: string; title: string }[] };
}

type Bundle = Record<string, string>;

/** Week 5 (Monday 28 April 2025) with a completion date that does not exist. */
const WEEK5 = [
  '---',
  'title: "Week 5 Worklog"',
  'date: 2025-04-28',
  'weight: 5',
  'chapter: false',
  'pre: " <b> 1.5. </b> "',
  '---',
  '',
  '### Week 5 Objectives:',
  '',
  '* Learn virtual networks.',
  '',
  '### Tasks to be carried out this week:',
  '',
  '| Day | Task | Start Date | Completion Date | Reference Material |',
  '| --- | --- | --- | --- | --- |',
  '| 2 | Read the networking notes | 28/04/2025 | 28/04/2025 | |',
  `| 3 | Draw the subnets | 29/04/2025 | ${IMPOSSIBLE} | |`,
  '| 4 | Launch an instance | 30/04/2025 | 30/04/2025 | |',
  '',
].join('\n');

async function readJson<T>(uri: vscode.Uri): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The arguments that filled `template`'s `{n}` in `message`, or undefined when the message is not of that template. */
function argumentsOf(template: string, message: string): string[] | undefined {
  const order: number[] = [];
  const source = template.split(/(\{\d+\})/).map((part) => {
    const m = /^\{(\d+)\}$/.exec(part);
    if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    order.push(Number(m[1]));
    return '(.+?)';
  }).join('');
  const match = new RegExp(`^${source}$`).exec(message);
  if (!match) return undefined;
  const args: string[] = [];
  order.forEach((n, i) => (args[n] = match[i + 1]));
  return args;
}

describe('l10n', function () {
  this.timeout(120000);
  let extension: vscode.Extension<unknown>;
  let manifest: Manifest;
  let tmp: vscode.Uri | undefined;

  /** A bundle of the l10n folder that package.json names. */
  function bundleUri(name: string): vscode.Uri {
    assert.equal(typeof manifest.l10n, 'string', 'package.json has no "l10n" field');
    return vscode.Uri.joinPath(extension.extensionUri, manifest.l10n!, name);
  }

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    extension = found;
    await extension.activate();
    manifest = await readJson<Manifest>(vscode.Uri.joinPath(extension.extensionUri, 'package.json'));
  });

  after(async () => {
    l10n.config({ contents: {} });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (tmp) await vscode.workspace.fs.delete(tmp, { recursive: true, useTrash: false });
  });

  it('the manifest names the l10n folder, and the Vietnamese bundle there parses and covers the English one', async () => {
    assert.equal(manifest.l10n?.replace(/^\.\//, '').replace(/\/$/, ''), 'l10n');
    const vi = bundleUri('bundle.l10n.vi.json');
    assert.ok(await exists(vi), `${vi.toString()} is missing`);
    const vietnamese = await readJson<Bundle>(vi);
    assert.ok(vietnamese && typeof vietnamese === 'object' && !Array.isArray(vietnamese), 'bundle.l10n.vi.json is not a JSON object');
    const notText = Object.keys(vietnamese).filter((k) => typeof vietnamese[k] !== 'string' || vietnamese[k].trim() === '');
    assert.deepEqual(notText, [], 'entries that are not a non-empty string');
    const english = await readJson<Bundle>(bundleUri('bundle.l10n.json'));
    assert.deepEqual(Object.keys(english).filter((k) => !(k in vietnamese)), [], 'English messages without a Vietnamese translation');
  });

  it('in the English UI VS Code gives the extension no bundle, and vscode.l10n.t returns the English message', () => {
    assert.match(vscode.env.language, /^en(?:-|$)/i);
    assert.equal(vscode.l10n.bundle, undefined);
    assert.equal(vscode.l10n.t(NO_SUCH_DAY, IMPOSSIBLE, 'day/month/year'), `"${IMPOSSIBLE}" is not a date: there is no such day (read as day/month/year, like the rest of the page).`);
    assert.equal(vscode.l10n.t('Worklog: {0} problems in {1} pages', 3, 2), 'Worklog: 3 problems in 2 pages');
  });

  it('a diagnostic the extension produced translates to Vietnamese with the same arguments', async () => {
    const english = await readJson<Bundle>(bundleUri('bundle.l10n.json'));
    const vietnamese = await readJson<Bundle>(bundleUri('bundle.l10n.vi.json'));
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    tmp = vscode.Uri.joinPath(folder.uri, `tmp-l10n-${Date.now()}`);
    const page = vscode.Uri.joinPath(tmp, 'content', '1-Worklog', '1.5-Week5', '_index.md');
    await vscode.workspace.fs.writeFile(page, new TextEncoder().encode(WEEK5));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page));
    const diagnostics = await diagnosticsWhen(page, (d) => d.some((x) => codeOf(x) === 'date-invalid'), 'date-invalid on the impossible date');
    const finding = diagnostics.find((d) => codeOf(d) === 'date-invalid')!;

    // The English message is the bundle's key with the page's arguments filled in by vscode.l10n.t.
    const args = argumentsOf(NO_SUCH_DAY, finding.message);
    assert.deepEqual(args, [IMPOSSIBLE, 'day/month/year'], `not the no-such-day message: ${finding.message}`);
    assert.equal(english[NO_SUCH_DAY], NO_SUCH_DAY);
    assert.equal(finding.message, vscode.l10n.t(NO_SUCH_DAY, ...args));

    // The same call with the Vietnamese bundle: the nested argument (the reading order) is a message of its own.
    l10n.config({ contents: vietnamese });
    const translated = l10n.t(NO_SUCH_DAY, args[0], l10n.t(args[1]));
    assert.equal(translated, VI_NO_SUCH_DAY);
    assert.ok(translated.includes(`"${IMPOSSIBLE}"`), 'the date argument is not in the translation');
    assert.equal(l10n.t('Worklog: {0} problems in {1} pages', 3, 2), 'Worklog: 3 lỗi trong 2 trang');
  });

  it('every contributed command has a Vietnamese title that differs from the English one', async () => {
    const nls = await readJson<Bundle>(vscode.Uri.joinPath(extension.extensionUri, 'package.nls.json'));
    const nlsVi = await readJson<Bundle>(vscode.Uri.joinPath(extension.extensionUri, 'package.nls.vi.json'));
    const commands = manifest.contributes?.commands ?? [];
    assert.ok(commands.length > 0, 'package.json contributes no command');
    const wrong = commands.flatMap((c) => {
      const key = /^%(.+)%$/.exec(c.title)?.[1];
      if (!key) return [`${c.command}: the title "${c.title}" is not a %key%`];
      if (typeof nls[key] !== 'string') return [`${c.command}: no "${key}" in package.nls.json`];
      if (typeof nlsVi[key] !== 'string' || nlsVi[key].trim() === '') return [`${c.command}: no "${key}" in package.nls.vi.json`];
      if (nlsVi[key] === nls[key]) return [`${c.command}: "${key}" is not translated ("${nls[key]}")`];
      return [];
    });
    assert.deepEqual(wrong, []);
  });
});
