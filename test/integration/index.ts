/**
 * Entry point of the integration tests, loaded by VS Code's extension host through
 * `--extensionTestsPath` (desktop, scripts/test-electron.mjs) or the `extensionTestsPath`
 * payload entry (web workbench with the remote Node extension host, scripts/test-code-server.mjs).
 * scripts/build-tests.mjs bundles it, with mocha, to out/test/integration/index.js, and every
 * test/integration/**\/*.test.ts to its own file next to it.
 *
 * Environment (set by the launchers, passed through to the extension host):
 * - WORKLOG_TEST_GREP: run only the tests whose full title matches (mocha grep).
 * - WORKLOG_TEST_RESULT_FILE: also write the result JSON to this file.
 *
 * Protocol with the launchers, one console line each:
 * - `WORKLOG_TEST_RESULT {"passed":N,"failed":M,"pending":P,"version":"1.100.3"}` once, at the
 *   end; the launcher prints `VS Code <version>: N passed, M failed` from it.
 * - `WORKLOG_SCREENSHOT <relative/path.png>` from any test: the code-server launcher takes a
 *   screenshot of the whole workbench page and writes it to that path, relative to the
 *   repository root (it must stay inside it; the file is written whole, through a rename).
 *   The line goes out and the test goes on at once: a test that needs the picture to show a
 *   given state deletes the file first, logs the line, and then polls until the file exists
 *   (the launcher sets WORKLOG_SCREENSHOTS=1 in the extension host when it takes them; the
 *   desktop launcher takes none, so a test waits only when that variable is set).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export const RESULT_PREFIX = 'WORKLOG_TEST_RESULT';

function suiteFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => rel.endsWith('.test.js'))
    .sort()
    .map((rel) => path.join(dir, rel));
}

function report(counts: { passed: number; failed: number; pending: number }): void {
  const result = {
    ...counts,
    version: vscode.version,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
  };
  console.log(`${RESULT_PREFIX} ${JSON.stringify(result)}`);
  const resultFile = process.env.WORKLOG_TEST_RESULT_FILE;
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result));
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 20000,
    // The extension host is shared by all suites; a hung test should not hide the others.
    bail: false,
  });
  const grep = process.env.WORKLOG_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = suiteFiles(__dirname);
  for (const file of files) mocha.addFile(file);

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js next to ${__filename}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        const failed = Math.max(stats?.failures ?? 0, failures);
        report({ passed: stats?.passes ?? 0, failed, pending: stats?.pending ?? 0 });
        if (failed > 0) reject(new Error(`${failed} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      // A suite that throws while loading: count it as one failure, so the launchers still
      // print their closing line.
      console.error(err);
      report({ passed: 0, failed: 1, pending: 0 });
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
