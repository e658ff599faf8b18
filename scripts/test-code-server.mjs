#!/usr/bin/env node
// Runs the integration tests (test/integration/**/*.test.ts) offline in a real VS Code:
// code-server (VS Code server + web workbench, installed on first use into .vscode-test/)
// opened in headless Chromium through playwright-core. The workbench's remote Node
// extension host loads the extension under development and runs the test index; the
// workbench reports every log line (mocha's output among them) and the exit code through
// two functions exposed to the page (codeAutomationLog, codeAutomationExit).
//
// Usage: npm run build && node scripts/test-code-server.mjs   (npm run test:integration)
//
// Environment:
//   WORKLOG_TEST_GREP        only tests whose full title matches (mocha grep)
//   WORKLOG_TEST_WORKSPACE   folder to open, absolute or relative to the repository
//                            (default test/integration/fixtures/smoke-workspace)
//   WORKLOG_TEST_SETTINGS    extra user settings: a JSON object, or the path of a JSON file
//   WORKLOG_TEST_TIMEOUT     overall limit in seconds for starting VS Code and running the
//                            tests (default 600; the one-time install is not counted)
//   WORKLOG_TEST_VERBOSE=1   also print the workbench's and the server's own log lines
//   WORKLOG_TEST_UNTRUSTED=1 keep workspace trust on: the folder opens untrusted (Restricted Mode)
//   WORKLOG_TEST_VSIX=<file> install this .vsix into the session (code-server --install-extension) and test it
//   WORKLOG_TEST_USER_DATA=<dir> keep VS Code's user data (workspace storage) in this folder, not in the session's:
//                            a later run given the same folder starts where this one ended (a second session)
//   WORKLOG_TEST_PORT=<n>    serve on this port when it is free (workspace storage is keyed by the folder's URI,
//                            which holds the server's address)
//                            instead of the repository's extension
//   CHROME_PATH              Chromium/Chrome executable (default /usr/bin/chromium)
//
// Last line: `VS Code <version>: N passed, M failed`. Exit code 0 only when every selected
// test passed and at least one ran; 1 on test failures; 2 on an infrastructure error or a
// timeout (the server's last output lines are printed). Screenshots: see the
// WORKLOG_SCREENSHOT protocol in test/integration/index.ts.

import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { buildTests, TEST_INDEX } from './build-tests.mjs';
import {
  REPO_ROOT,
  Session,
  ensureCodeServer,
  findFreePort,
  onTerminationSignals,
  ownDescendants,
  reapProcesses,
  resolveWorkspace,
  settingsFromEnv,
  workbenchUrl,
} from './lib/codeServer.mjs';

const DEFAULT_WORKSPACE = 'test/integration/fixtures/smoke-workspace';
const RESULT_PREFIX = 'WORKLOG_TEST_RESULT ';
const SCREENSHOT_PREFIX = 'WORKLOG_SCREENSHOT ';

const verbose = process.env.WORKLOG_TEST_VERBOSE === '1';
const timeoutSec = Number(process.env.WORKLOG_TEST_TIMEOUT || 600);
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

class InfraError extends Error {}

let session;
let browser;
let cleaned = false;
let stopTimer = () => {};
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  stopTimer();
  const started = ownDescendants();
  try {
    await browser?.close();
  } catch {
    // already gone
  }
  await session?.dispose();
  // Chromium's helpers (zygote, renderers) may outlive its main process for a moment.
  await reapProcesses(started);
}
let interrupted = false;
onTerminationSignals(() => {
  interrupted = true;
  return cleanup();
});

/**
 * Workbench chatter at info level that says nothing about the tests (shown with
 * WORKLOG_TEST_VERBOSE=1). Mocha's output arrives through the same channel at the same
 * level, so known lines are dropped rather than unknown ones.
 */
const NOISE = [
  /^Resolv(ing|ed) connection token /,
  /^Creating a socket \(/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\] registered/,
  /^ChatSessionStore: Migrating 0 /,
  /^Creation of workbench contribution '.*' took \d+ms\./,
];
function isNoise(type, line) {
  return (type === 'info' || type === 'warn') && NOISE.some((re) => re.test(line));
}

async function main() {
  if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) throw new InfraError(`WORKLOG_TEST_TIMEOUT must be a number of seconds, got ${process.env.WORKLOG_TEST_TIMEOUT}`);
  try {
    fs.accessSync(chromePath, fs.constants.X_OK);
  } catch {
    throw new InfraError(`no Chromium executable at ${chromePath} (install Debian's chromium, or set CHROME_PATH)`);
  }
  const workspace = resolveWorkspace(process.env.WORKLOG_TEST_WORKSPACE, DEFAULT_WORKSPACE);
  const settings = settingsFromEnv();
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new InfraError('dist/extension.js is missing: run `npm run build` first');
  }

  await buildTests();
  const entry = await ensureCodeServer();

  const userDataDir = process.env.WORKLOG_TEST_USER_DATA ? path.resolve(REPO_ROOT, process.env.WORKLOG_TEST_USER_DATA) : undefined;
  session = new Session({ settings, isolateHome: true, userDataDir });
  // Playwright's temporary Chromium profile goes to os.tmpdir(): keep it in the session.
  process.env.TMPDIR = session.tmpDir;

  let result;
  let exitCode;
  const screenshots = new Set();
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));

  const deadline = Date.now() + timeoutSec * 1000;
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new InfraError(`timed out after ${timeoutSec} s (WORKLOG_TEST_TIMEOUT)`)), timeoutSec * 1000);
  });
  timedOut.catch(() => {});
  stopTimer = () => clearTimeout(timer);
  const withDeadline = (p) => Promise.race([p, timedOut]);

  const vsix = process.env.WORKLOG_TEST_VSIX ? path.resolve(REPO_ROOT, process.env.WORKLOG_TEST_VSIX) : undefined;
  if (vsix) {
    if (!fs.existsSync(vsix)) throw new InfraError(`no .vsix at ${vsix}`);
    // Installed the way a user installs it: code-server --install-extension, into the session's extensions folder.
    const { spawnSync } = await import('node:child_process');
    const install = spawnSync(process.execPath, [entry, '--install-extension', vsix, '--extensions-dir', session.extensionsDir, '--user-data-dir', session.userDataDir], { env: session.env({ EXTENSIONS_GALLERY: '{}', VSCODE_CLI: '1' }), encoding: 'utf8', timeout: 120000 });
    if (install.status !== 0) throw new InfraError(`installing ${path.relative(REPO_ROOT, vsix)} failed: ${(install.stderr || install.stdout || '').trim().split('\n').slice(-3).join(' ')}`);
    console.error(`[launcher] installed ${path.relative(REPO_ROOT, vsix)}: ${(install.stdout || '').trim().split('\n').pop()}`);
  }

  // The folder's URI holds the server's address, and VS Code keys workspace storage by it: runs that share user data
  // (WORKLOG_TEST_USER_DATA) give a port (WORKLOG_TEST_PORT) so that the next session finds what the first one kept.
  const port = await findFreePort(Number(process.env.WORKLOG_TEST_PORT) || undefined);
  const server = await withDeadline(
    session.startCodeServer({
      entry,
      port,
      env: {
        WORKLOG_TEST_GREP: process.env.WORKLOG_TEST_GREP ?? '',
        WORKLOG_SCREENSHOTS: '1',
      },
      onOutput: (line) => verbose && console.error(`[server] ${line}`),
      readyTimeoutMs: Math.max(1000, deadline - Date.now()),
      trust: process.env.WORKLOG_TEST_UNTRUSTED === '1',
    }),
  );
  const serverGone = session.server.exitedPromise.then(() => {
    throw new InfraError(`code-server exited (${session.server?.exitCode}) while the tests ran`);
  });
  serverGone.catch(() => {});

  const launchOptions = {
    executablePath: chromePath,
    headless: true,
    // Our own handlers clean up (browser, server, temp dir) on Ctrl-C and SIGTERM.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium's profile, caches and ~/.pki stay inside the session dir.
    env: session.env(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  };
  browser = await withDeadline(
    chromium.launch(launchOptions).catch((e) => {
      if (verbose) console.error(e.message);
      throw new InfraError(`Chromium (${chromePath}) did not start: ${String(e.message).split('\n')[0]} (WORKLOG_TEST_VERBOSE=1 shows its log)`);
    }),
  );
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  const takeScreenshot = (rel) => {
    const abs = path.resolve(REPO_ROOT, rel);
    if (!rel || path.isAbsolute(rel) || !abs.startsWith(REPO_ROOT + path.sep)) {
      console.error(`[screenshot] refused ${JSON.stringify(rel)}: give a path relative to the repository, inside it`);
      return;
    }
    const job = (async () => {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      const png = await page.screenshot({ type: 'png' });
      const tmp = `${abs}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, png);
      fs.renameSync(tmp, abs);
      console.error(`[screenshot] ${path.relative(REPO_ROOT, abs)}`);
    })().catch((e) => console.error(`[screenshot] ${rel} failed: ${e.message}`));
    screenshots.add(job);
    job.finally(() => screenshots.delete(job));
  };

  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    for (const line of text.split('\n')) {
      const r = line.indexOf(RESULT_PREFIX);
      if (r >= 0) {
        try {
          result = JSON.parse(line.slice(r + RESULT_PREFIX.length));
        } catch {
          console.error(`unreadable result line: ${line}`);
        }
        continue;
      }
      const s = line.indexOf(SCREENSHOT_PREFIX);
      if (s >= 0) {
        takeScreenshot(line.slice(s + SCREENSHOT_PREFIX.length).trim());
        continue;
      }
      if (verbose) console.log(`[${type}] ${line}`);
      else if (!isNoise(type, line)) console.log(line);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    exitCode = code;
    resolveExit();
  });
  const pageCrashed = new Promise((_, reject) => page.on('crash', () => reject(new InfraError('the workbench page crashed'))));
  pageCrashed.catch(() => {});

  // With an installed .vsix, VS Code still runs tests only for an extension under development: a minimal one stands in
  // (it contributes nothing), and the extension under test is the installed one.
  let developmentPath;
  if (vsix) {
    developmentPath = path.join(REPO_ROOT, 'out', 'test', 'vsix-host');
    fs.mkdirSync(developmentPath, { recursive: true });
    fs.writeFileSync(path.join(developmentPath, 'package.json'), JSON.stringify({ name: 'worklog-test-host', publisher: 'worklog', version: '0.0.0', engines: { vscode: '^1.100.0' } }, null, 2));
  }
  const url = workbenchUrl({ origin: server.origin, folder: workspace, extensionTestsPath: TEST_INDEX, extensionDevelopmentPath: developmentPath });
  if (verbose) console.error(`[launcher] ${url}`);
  await withDeadline(page.goto(url, { waitUntil: 'domcontentloaded' }));
  await Promise.race([exited, timedOut, serverGone, pageCrashed]);
  clearTimeout(timer);
  await Promise.allSettled([...screenshots]);
  return { result, exitCode };
}

const started = Date.now();
let status = 0;
try {
  const { result, exitCode } = await main();
  await cleanup();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (!result) {
    console.error(`VS Code exited with code ${exitCode} without reporting results (did the test index load? see the log above)`);
    status = 2;
  } else {
    const total = result.passed + result.failed;
    if (total === 0) console.error(`no test ran${process.env.WORKLOG_TEST_GREP ? ` (WORKLOG_TEST_GREP=${process.env.WORKLOG_TEST_GREP} matched nothing)` : ''}`);
    status = result.failed > 0 ? 1 : exitCode !== 0 || total === 0 ? 1 : 0;
    if (status && result.failed === 0 && total > 0) console.error(`VS Code exited with code ${exitCode}`);
    console.error(`[launcher] ${secs} s`);
    console.log(`VS Code ${result.version}: ${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
  }
} catch (err) {
  if (interrupted) await new Promise(() => {}); // the signal handler cleans up and exits
  const tail = session?.serverTail(40);
  console.error(`\nintegration tests could not run: ${err instanceof InfraError ? err.message : err?.stack ?? err}`);
  if (tail) console.error(`--- last code-server output ---\n${tail}\n---`);
  await cleanup();
  status = 2;
}
process.exit(status);
