// Shared plumbing for running the extension in a real, offline VS Code: code-server
// (VS Code server + web workbench) installed from the npm registry into a git-ignored
// cache folder of the repository. Used by scripts/test-code-server.mjs (integration
// tests in headless Chromium) and scripts/start.mjs (`npm start`), and for the user
// settings by scripts/test-electron.mjs.
//
// Everything a run writes goes to one temp directory (user data, extensions, config,
// TMPDIR, XDG_* and optionally HOME), which `Session.dispose()` removes. The server
// runs detached in its own process group, and the whole group (plus any descendant
// that left it) is killed on stop.

import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
/** The VS Code release inside CODE_SERVER_VERSION, also the one test-electron downloads. */
export const VSCODE_VERSION = '1.100.3';
export const CACHE_ROOT = path.join(REPO_ROOT, '.vscode-test');
export const INSTALL_DIR = path.join(CACHE_ROOT, `code-server-${CODE_SERVER_VERSION}`);
const MARKER = '.install-complete';

// @vscode/ripgrep's post-install downloads ripgrep from GitHub unless it finds the archive
// in this cache folder under the system temp dir first (see its lib/postinstall.js).
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_TARGETS = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
const RIPGREP_ARCHIVE = `ripgrep-v13.0.0-10-${RIPGREP_TARGETS[process.arch] ?? 'unknown'}.tar.gz`;

const log = (...args) => console.error('[code-server]', ...args);

// ---------------------------------------------------------------------------------------
// Install
// ---------------------------------------------------------------------------------------

/** The marker of a complete install (JSON), or undefined. */
function readMarker(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Path of code-server's entry script inside an install prefix. */
function entryOf(prefix) {
  return path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Whether a process runs (a zombie, waiting for its parent to reap it, does not). */
function isPidAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Checks that an install really works: the install scripts ran (native modules built,
 * ripgrep present, postinstall symlinks made). npm may skip dependency install scripts,
 * which leaves a tree that looks complete but fails at run time.
 */
export function verifyInstall(prefix) {
  const cs = path.join(prefix, 'node_modules', 'code-server');
  const vs = path.join(cs, 'lib', 'vscode');
  const problems = [];
  if (!fs.existsSync(entryOf(prefix))) problems.push('code-server entry script missing');
  if (!fs.existsSync(path.join(vs, 'node_modules.asar'))) {
    problems.push('lib/vscode/node_modules.asar missing (code-server postinstall.sh did not run)');
  }
  const rg = path.join(vs, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!fs.existsSync(rg)) problems.push('ripgrep binary missing (@vscode/ripgrep postinstall did not run)');
  else if (spawnSync(rg, ['--version']).status !== 0) problems.push(`${rg} does not run`);
  // Native modules the server and extension host load. Checked in a child process so a
  // crashing addon cannot take this process down.
  const modules = [
    [cs, 'argon2'],
    [vs, '@vscode/spdlog'],
    [vs, 'node-pty'],
    [vs, 'native-watchdog'],
    [vs, '@parcel/watcher'],
    [vs, 'kerberos'],
  ];
  const script = `
    const { createRequire } = require('node:module');
    const bad = [];
    for (const [dir, mod] of ${JSON.stringify(modules)}) {
      try { createRequire(dir + '/package.json')(mod); } catch (e) { bad.push(mod + ': ' + String(e.message).split('\\n')[0]); }
    }
    process.stdout.write(JSON.stringify(bad));`;
  if (fs.existsSync(vs)) {
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    try {
      problems.push(...JSON.parse(r.stdout).map((m) => `native module does not load: ${m}`));
    } catch {
      problems.push(`native module check crashed: ${r.stderr || r.stdout}`.trim());
    }
  }
  return problems;
}

/** A tar.gz holding just `rg`, where @vscode/ripgrep looks before downloading. */
function seedRipgrepCache(tmpDir) {
  const rg = which('rg');
  if (process.platform !== 'linux' || !RIPGREP_TARGETS[process.arch]) return;
  if (!rg) {
    log('`rg` is not on PATH: @vscode/ripgrep will try to download ripgrep from GitHub.');
    log('If that is unreachable, install ripgrep (apt-get install ripgrep) and retry.');
    return;
  }
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const stage = path.join(tmpDir, 'rg-stage');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(fs.realpathSync(rg), path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  execFileSync('tar', ['czf', path.join(cacheDir, RIPGREP_ARCHIVE), '-C', stage, 'rg']);
  fs.rmSync(stage, { recursive: true, force: true });
}

/**
 * Runs a command detached (own process group) with its output appended to `logFile`.
 * `state.pid` holds its pid while it runs, so an exit handler can kill the group.
 */
function runLogged(cmd, args, opts, logFile, state) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', out, out], detached: true });
    state.pid = child.pid;
    child.on('error', (e) => {
      state.pid = undefined;
      reject(e);
    });
    child.on('exit', (code, signal) => {
      // npm waits for its scripts; anything they left in the group goes too.
      killProcessTreeSync(child.pid);
      state.pid = undefined;
      fs.closeSync(out);
      resolve({ code, signal });
    });
  });
}

/** Prints the last lines of a file to stderr. */
export function printTail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    console.error(text.slice(-lines).join('\n'));
  } catch {
    // nothing to show
  }
}

/**
 * Installs code-server into .vscode-test/code-server-<version>/ unless a complete install
 * is there. Idempotent and atomic: npm installs into a staging folder next to the final
 * one, the install is verified, a marker file is written, and only then is the folder
 * renamed into place. A folder without the marker is never used (it is removed).
 * Returns the path of code-server's entry script (run it with `node`).
 */
export async function ensureCodeServer({ quiet = false } = {}) {
  const marker = readMarker(INSTALL_DIR);
  if (marker && marker.modules === process.versions.modules) return entryOf(INSTALL_DIR);

  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  if (fs.existsSync(INSTALL_DIR)) {
    log(
      marker
        ? `${path.relative(REPO_ROOT, INSTALL_DIR)} was built for Node.js ${marker.node}, not ${process.version}: reinstalling`
        : `removing incomplete install ${path.relative(REPO_ROOT, INSTALL_DIR)}`,
    );
    fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  }
  // Staging folders of installs whose process is gone.
  const stagePrefix = `.code-server-${CODE_SERVER_VERSION}.staging-`;
  for (const name of fs.readdirSync(CACHE_ROOT)) {
    if (!name.startsWith(stagePrefix)) continue;
    const pid = Number(name.slice(stagePrefix.length));
    if (!isPidAlive(pid) || pid === process.pid) {
      fs.rmSync(path.join(CACHE_ROOT, name), { recursive: true, force: true });
    }
  }

  const stage = path.join(CACHE_ROOT, `${stagePrefix}${process.pid}`);
  // An interrupted or failed install leaves nothing behind.
  const npm = { pid: undefined };
  const removeStage = () => {
    if (npm.pid) killProcessTreeSync(npm.pid);
    fs.rmSync(stage, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  process.once('exit', removeStage);
  try {
    return await installInto(stage, npm, { quiet });
  } finally {
    process.removeListener('exit', removeStage);
    removeStage();
  }
}

async function installInto(stage, npm, { quiet }) {
  const tmp = path.join(stage, '.tmp');
  const prefix = path.join(stage, 'install');
  const logFile = path.join(stage, 'npm-install.log');
  fs.mkdirSync(tmp, { recursive: true });
  fs.mkdirSync(prefix, { recursive: true });
  fs.writeFileSync(
    path.join(prefix, 'package.json'),
    `${JSON.stringify(
      {
        name: 'worklog-code-server-cache',
        private: true,
        description: 'code-server for offline integration tests; not part of the extension',
        // npm 11 asks for install scripts to be approved; these two are needed.
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    )}\n`,
  );
  seedRipgrepCache(tmp);

  const env = {
    ...process.env,
    // code-server's postinstall.sh refuses to run as root without unsafe-perm.
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    // Install scripts are the whole point (postinstall.sh installs VS Code's node_modules
    // and builds its native modules); make sure nothing turns them off.
    npm_config_ignore_scripts: 'false',
    // The nested installs in lib/vscode and lib/vscode/extensions (run by code-server's
    // postinstall.sh) have no allowScripts of their own: a future npm that blocks
    // unapproved scripts would skip node-pty, spdlog, ripgrep... (older npm warns only).
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // Keep temp files, node-gyp's and other caches inside the staging folder.
    TMPDIR: tmp,
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
  };
  // Build native modules against the headers of the Node.js that runs us (no download).
  const nodeDir = path.resolve(path.dirname(process.execPath), '..');
  if (!process.env.npm_config_nodedir && fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) {
    env.npm_config_nodedir = nodeDir;
  }
  // The npm that belongs to this Node.js (npm_execpath when run through npm).
  const npmCli = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? process.env.npm_execpath : undefined;
  const [cmd, baseArgs] = npmCli ? [process.execPath, [npmCli]] : ['npm', []];
  const args = [
    ...baseArgs,
    'install',
    '--prefix', prefix,
    '--no-save',
    '--no-package-lock',
    '--foreground-scripts',
    '--loglevel', 'info',
    `code-server@${CODE_SERVER_VERSION}`,
  ];
  if (!quiet) {
    log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, INSTALL_DIR)} (first run only; builds native modules, takes several minutes)`);
    log(`npm output: ${logFile} (kept as npm-install.log in the install)`);
  }
  const started = Date.now();
  const { code, signal } = await runLogged(cmd, args, { cwd: prefix, env }, logFile, npm);
  if (code !== 0) {
    printTail(logFile, 60);
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (${signal ?? `exit ${code}`}); see the npm output above`);
  }
  const problems = verifyInstall(prefix);
  if (problems.length) {
    printTail(logFile, 60);
    throw new Error(`code-server install is broken:\n  ${problems.join('\n  ')}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.renameSync(logFile, path.join(prefix, 'npm-install.log'));
  const info = {
    codeServer: CODE_SERVER_VERSION,
    node: process.version,
    // Native modules are built for this ABI.
    modules: process.versions.modules,
    installed: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  fs.writeFileSync(path.join(prefix, MARKER), `${JSON.stringify(info, null, 2)}\n`);
  try {
    fs.renameSync(prefix, INSTALL_DIR);
  } catch (e) {
    // Another run finished first: use its install.
    if (!fs.existsSync(path.join(INSTALL_DIR, MARKER))) throw e;
  }
  fs.rmSync(stage, { recursive: true, force: true });
  if (!quiet) log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return entryOf(INSTALL_DIR);
}

// ---------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------

/** User settings of every throw-away profile: no autosave, a quiet workbench. */
export function defaultUserSettings() {
  return {
    // Web VS Code autosaves by default and would write test edits into the fixtures.
    'files.autoSave': 'off',
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.settings.enableNaturalLanguageSearch': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'chat.disableAIFeatures': true,
  };
}

/**
 * Extra user settings from the environment: WORKLOG_TEST_SETTINGS holds either a JSON
 * object or the path (absolute, or relative to the repository) of a JSON file.
 */
export function settingsFromEnv(value = process.env.WORKLOG_TEST_SETTINGS) {
  if (!value || !value.trim()) return {};
  const text = value.trim().startsWith('{') ? value : fs.readFileSync(path.resolve(REPO_ROOT, value), 'utf8');
  const parsed = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('WORKLOG_TEST_SETTINGS must be a JSON object or the path of a file holding one');
  }
  return parsed;
}

export function writeUserSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...defaultUserSettings(), ...extra }, null, 2)}\n`);
  return file;
}

// ---------------------------------------------------------------------------------------
// Session: one temp dir, one server
// ---------------------------------------------------------------------------------------

/** Resolves a port that is free on 127.0.0.1: `preferred` when it is, else a random one. */
export async function findFreePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.unref();
      srv.once('error', () => resolve(undefined));
      srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
        const { port: got } = srv.address();
        srv.close(() => resolve(got));
      });
    });
  if (preferred !== undefined) {
    const p = await tryPort(preferred);
    if (p) return p;
  }
  const p = await tryPort(0);
  if (!p) throw new Error('no free TCP port on 127.0.0.1');
  return p;
}

/** All descendants of a pid, from /proc (Linux); empty elsewhere. */
function descendants(rootPid) {
  const children = new Map();
  let entries;
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  const out = [];
  const queue = [rootPid];
  while (queue.length) {
    for (const c of children.get(queue.shift()) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function signalAll(pgid, pids, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // group gone
  }
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone
    }
  }
}

/**
 * Kills a detached process group and every descendant of its leader (some, like
 * terminals, start their own session). SIGTERM first, SIGKILL after `graceMs`.
 */
export async function killProcessTree(pgid, graceMs = 3000) {
  const pids = descendants(pgid);
  signalAll(pgid, pids, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isPidAlive(pgid) && pids.every((p) => !isPidAlive(p))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  signalAll(pgid, [...pids, ...descendants(pgid)], 'SIGKILL');
}

/**
 * Every process this process started (its descendants now). Taken before a graceful
 * shutdown, it lets `reapProcesses` make sure none outlives it.
 */
export function ownDescendants() {
  return descendants(process.pid);
}

/** Waits up to `graceMs` for the given processes to end, then SIGKILLs the rest. */
export async function reapProcesses(pids, graceMs = 3000) {
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (pids.every((p) => !isPidAlive(p))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** Synchronous last resort for process.on('exit'). */
export function killProcessTreeSync(pgid) {
  signalAll(pgid, descendants(pgid), 'SIGKILL');
}

function httpGetStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

/**
 * One throw-away environment: a temp dir with user data, extensions, config, TMPDIR and
 * XDG folders (and HOME when `isolateHome`), removed by dispose().
 */
export class Session {
  /**
   * `userDataDir`: keep VS Code's user data (settings, workspace storage) in this folder instead of the session's, so
   * that a later session can start from what this one left (it is not removed with the session).
   */
  constructor({ isolateHome = true, settings = {}, name = 'worklog-vscode', userDataDir } = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    this.userDataDir = userDataDir ?? path.join(this.dir, 'user-data');
    this.extensionsDir = path.join(this.dir, 'extensions');
    this.tmpDir = path.join(this.dir, 'tmp');
    this.homeDir = isolateHome ? path.join(this.dir, 'home') : undefined;
    this.configFile = path.join(this.dir, 'config.yaml');
    for (const d of [this.userDataDir, this.extensionsDir, this.tmpDir, this.homeDir]) {
      if (d) fs.mkdirSync(d, { recursive: true });
    }
    for (const d of ['cache', 'config', 'data', 'state', 'runtime']) {
      fs.mkdirSync(path.join(this.dir, 'xdg', d), { recursive: true, mode: 0o700 });
    }
    // A config file so code-server writes none in ~/.config; flags override it.
    fs.writeFileSync(this.configFile, 'auth: none\ncert: false\n');
    this.settingsFile = writeUserSettings(this.userDataDir, settings);
    this.server = undefined;
    this.disposed = false;
    this._onExit = () => this.disposeSync();
    process.on('exit', this._onExit);
  }

  /** Environment that keeps a process's files inside the session dir. */
  env(extra = {}) {
    const env = {
      ...process.env,
      TMPDIR: this.tmpDir,
      XDG_CACHE_HOME: path.join(this.dir, 'xdg', 'cache'),
      XDG_CONFIG_HOME: path.join(this.dir, 'xdg', 'config'),
      XDG_DATA_HOME: path.join(this.dir, 'xdg', 'data'),
      XDG_STATE_HOME: path.join(this.dir, 'xdg', 'state'),
      XDG_RUNTIME_DIR: path.join(this.dir, 'xdg', 'runtime'),
      ...extra,
    };
    if (this.homeDir) env.HOME = this.homeDir;
    // Variables of the npm run that started us mean nothing to VS Code.
    for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
    return env;
  }

  /**
   * Starts code-server on 127.0.0.1:port, detached in its own process group, and waits
   * until it answers. Returns { port, origin, pid }. `onOutput(line)` sees every line.
   */
  async startCodeServer({ entry, port, onOutput, env: extraEnv = {}, readyTimeoutMs = 60000, trust = false } = {}) {
    const args = [
      entry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      // With `trust`, workspace trust stays on and the folder opens in Restricted Mode (the untrusted-workspace run).
      ...(trust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
      '--user-data-dir', this.userDataDir,
      '--extensions-dir', this.extensionsDir,
      '--config', this.configFile,
      // Info, not warn: at warn the extension host's console (mocha's output) is lost.
      '--log', 'info',
    ];
    const env = this.env({
      // No extension gallery: nothing is fetched from the marketplace.
      EXTENSIONS_GALLERY: '{}',
      // Without it the server sources the login shell (~/.bashrc) into the extension host env.
      VSCODE_CLI: '1',
      ...extraEnv,
    });
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    // Kept after the server stops, for serverTail().
    const server = { child, pid: child.pid, lines, exited: false, stopped: false, exitCode: undefined };
    this.server = server;
    const onLine = (line) => {
      lines.push(line);
      if (lines.length > 200) lines.shift();
      onOutput?.(line);
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          onLine(buf.slice(0, i));
          buf = buf.slice(i + 1);
        }
      });
      stream.on('end', () => buf && onLine(buf));
    }
    const exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        server.exited = true;
        server.exitCode = code ?? signal;
        resolve();
      });
      child.on('error', (e) => {
        onLine(`spawn error: ${e.message}`);
        server.exited = true;
        resolve();
      });
    });
    server.exitedPromise = exited;
    const origin = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (server.exited) {
        throw new Error(`code-server exited (${server.exitCode}) before it was ready`);
      }
      if ((await httpGetStatus(`${origin}/healthz`)) === 200) return { port, origin, pid: child.pid };
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`code-server did not answer on ${origin} within ${readyTimeoutMs / 1000} s`);
  }

  /** Last lines the server printed. */
  serverTail(n = 40) {
    return (this.server?.lines ?? []).slice(-n).join('\n');
  }

  async stopServer() {
    const server = this.server;
    if (!server || server.stopped) return;
    server.stopped = true;
    await killProcessTree(server.pid);
    // Let Node see the exit, so nothing reports it after we are done.
    await Promise.race([server.exitedPromise, new Promise((r) => setTimeout(r, 2000))]);
  }

  /** Stops the server and removes the temp dir. Safe to call more than once. */
  async dispose() {
    if (this.disposed) return;
    await this.stopServer();
    this.disposeSync();
  }

  disposeSync() {
    if (this.server && !this.server.stopped) {
      this.server.stopped = true;
      killProcessTreeSync(this.server.pid);
    }
    if (!this.disposed) {
      this.disposed = true;
      process.removeListener('exit', this._onExit);
      // Processes may still be writing for a moment after SIGKILL: retry.
      fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  }
}

/**
 * URL that opens `folder` in the web workbench with the extension under development
 * loaded (and, with `extensionTestsPath`, the tests run by the remote extension host).
 */
export function workbenchUrl({ origin, folder, extensionDevelopmentPath = REPO_ROOT, extensionTestsPath }) {
  const authority = new URL(origin).host;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  // extensionDevelopmentPath null: test the extensions installed in the session (an installed .vsix).
  const payload = extensionDevelopmentPath ? [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]] : [];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
  return `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Runs `cleanup` once on SIGINT, SIGTERM or SIGHUP, then exits with 128+signo.
 * Returns a function that removes the handlers.
 */
export function onTerminationSignals(cleanup) {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  let running = false;
  const handler = (sig) => {
    if (running) return;
    running = true;
    console.error(`\n[worklog] ${sig}: stopping`);
    Promise.resolve()
      .then(cleanup)
      .catch((e) => console.error(e))
      .finally(() => process.exit(codes[sig]));
  };
  for (const sig of Object.keys(codes)) process.on(sig, handler);
  return () => {
    for (const sig of Object.keys(codes)) process.removeListener(sig, handler);
  };
}

/** Resolves a workspace folder given absolute or relative to the repository. */
export function resolveWorkspace(value, fallback) {
  const abs = path.resolve(REPO_ROOT, value || fallback);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isDirectory()) {
    throw new Error(`workspace folder ${abs} does not exist`);
  }
  return abs;
}
