#!/usr/bin/env node
// `npm start` (after `npm run build`): opens the bundled sample worklog folder sample/ in a
// real VS Code with this extension loaded from the repository.
// - Desktop VS Code when `code` is on PATH (and is not code-server's CLI):
//   code --extensionDevelopmentPath=<repo> <repo>/sample
// - Otherwise, or with `--web`: the offline code-server (installed on first use into
//   .vscode-test/) on 127.0.0.1, port $PORT, else 8080 when free, else any free port; the
//   URL to open is printed. Ctrl-C stops the server and removes its temp dir.
//
// Usage: npm start [-- [--web] [--verbose] [folder]]   (folder defaults to sample/)

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT,
  Session,
  VSCODE_VERSION,
  ensureCodeServer,
  findFreePort,
  onTerminationSignals,
  workbenchUrl,
} from './lib/codeServer.mjs';

const args = process.argv.slice(2);
// Another folder may be given instead of sample/: npm start -- path/to/worklog
const folderArg = args.find((a) => !a.startsWith('--'));
const SAMPLE = path.resolve(REPO_ROOT, folderArg ?? 'sample');
const forceWeb = args.includes('--web');
const verbose = args.includes('--verbose');

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function hasFiles(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).some((e) => e.isFile());
}

/** Desktop VS Code's `code` on PATH; not code-server's, nor the remote CLI of a VS Code server. */
function desktopCode() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'code');
    let real;
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      real = fs.realpathSync(candidate);
    } catch {
      continue;
    }
    if (/code-server|remote-cli|vscode-server/.test(real)) continue;
    return candidate;
  }
  return undefined;
}

if (!fs.existsSync(SAMPLE) || !fs.statSync(SAMPLE).isDirectory()) {
  fail(`the worklog folder ${SAMPLE} is missing (nothing was created).`);
}
if (!hasFiles(SAMPLE)) {
  fail(`the worklog folder ${SAMPLE} is empty: there is nothing to open yet (nothing was created).`);
}
if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
  fail('dist/extension.js is missing: run `npm run build` first (`npm start` does).');
}

const code = forceWeb ? undefined : desktopCode();
if (code) {
  console.log(`Opening ${path.relative(REPO_ROOT, SAMPLE)}/ in desktop VS Code (${code}) with the extension from ${REPO_ROOT}`);
  const child = spawn(code, [`--extensionDevelopmentPath=${REPO_ROOT}`, SAMPLE], { stdio: 'inherit' });
  child.on('error', (e) => fail(`could not run ${code}: ${e.message}`));
  child.on('exit', (status) => process.exit(status ?? 1));
} else {
  await serveWeb();
}

async function serveWeb() {
  let session;
  let stopping = false;
  onTerminationSignals(() => {
    stopping = true;
    return session?.dispose();
  });
  try {
    const entry = await ensureCodeServer();
    let port;
    if (process.env.PORT) {
      port = Number(process.env.PORT);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`PORT=${process.env.PORT} is not a port number`);
      if ((await findFreePort(port)) !== port) fail(`port ${port} (from PORT) is in use on 127.0.0.1`);
    } else {
      port = await findFreePort(8080);
    }
    session = new Session({ isolateHome: false, name: 'worklog-start' });
    const server = await session.startCodeServer({
      entry,
      port,
      onOutput: (line) => {
        if (verbose || /\berror\b/i.test(line)) console.error(`[code-server] ${line}`);
      },
    });
    const url = workbenchUrl({ origin: server.origin, folder: SAMPLE });
    console.log(`\ncode-server (VS Code ${VSCODE_VERSION}) is serving ${path.relative(REPO_ROOT, SAMPLE)}/ with the extension loaded from ${REPO_ROOT}.`);
    console.log(`Open this URL in a browser on this machine:\n\n  ${url}\n`);
    console.log('After `npm run build`, reload the window (Developer: Reload Window) to pick up changes. Ctrl-C stops.');
    await session.server.exitedPromise;
    if (stopping) return; // the signal handler exits
    console.error(`code-server exited (${session.server?.exitCode}):\n${session.serverTail(30)}`);
    await session.dispose();
    process.exit(1);
  } catch (err) {
    if (stopping) return;
    console.error(`npm start: ${err?.message ?? err}`);
    const tail = session?.serverTail(30);
    if (tail) console.error(`--- last code-server output ---\n${tail}\n---`);
    await session?.dispose();
    process.exit(1);
  }
}
