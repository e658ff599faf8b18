#!/usr/bin/env node
// Runs the integration tests (test/integration/**/*.test.ts) in desktop VS Code, downloaded by
// @vscode/test-electron into .vscode-test/. Needs internet access for the first download and
// a display (on a Linux machine without one: `xvfb-run -a npm run test:electron`). The offline
// launcher used by `npm test` and CI is scripts/test-code-server.mjs; both run the same suites.
//
// Usage: npm run build && node scripts/test-electron.mjs   (npm run test:electron)
//
// Environment: WORKLOG_TEST_GREP, WORKLOG_TEST_WORKSPACE and WORKLOG_TEST_SETTINGS as for
// scripts/test-code-server.mjs. Screenshots (WORKLOG_SCREENSHOT lines) are not taken here.

import fs from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildTests, TEST_INDEX } from './build-tests.mjs';
import { CACHE_ROOT, REPO_ROOT, Session, VSCODE_VERSION, onTerminationSignals, resolveWorkspace, settingsFromEnv } from './lib/codeServer.mjs';

const DEFAULT_WORKSPACE = 'test/integration/fixtures/smoke-workspace';

let session;
onTerminationSignals(() => session?.dispose());

let status = 0;
try {
  const workspace = resolveWorkspace(process.env.WORKLOG_TEST_WORKSPACE, DEFAULT_WORKSPACE);
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  await buildTests();
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('[test-electron] no DISPLAY: desktop VS Code needs one (try `xvfb-run -a npm run test:electron`)');
  }
  // A throw-away profile with the same user settings as the code-server runs.
  session = new Session({ settings: settingsFromEnv(), isolateHome: false, name: 'worklog-electron' });
  const resultFile = path.join(session.dir, 'result.json');

  let runError;
  try {
    await runTests({
      version: VSCODE_VERSION,
      cachePath: CACHE_ROOT,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TEST_INDEX,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${session.userDataDir}`,
        `--extensions-dir=${session.extensionsDir}`,
      ],
      extensionTestsEnv: {
        WORKLOG_TEST_GREP: process.env.WORKLOG_TEST_GREP ?? '',
        WORKLOG_TEST_RESULT_FILE: resultFile,
      },
    });
  } catch (err) {
    runError = err;
  }

  let result;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    // no result: the run failed before the tests ended
  }
  if (!result) {
    console.error(`VS Code did not run, or ended without reporting results${runError ? `: ${runError.message ?? runError}` : ''}`);
    status = 2;
  } else {
    const total = result.passed + result.failed;
    if (total === 0) console.error('no test ran');
    status = result.failed > 0 || total === 0 || runError ? 1 : 0;
    console.log(`VS Code ${result.version}: ${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
  }
} catch (err) {
  console.error(`integration tests could not run: ${err?.message ?? err}`);
  status = 2;
}
await session?.dispose();
process.exit(status);
