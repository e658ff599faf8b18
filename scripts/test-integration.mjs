#!/usr/bin/env node
// Runs every integration run of test/integration/runs.json (a workspace, a mocha grep, extra settings) one after the
// other through the offline launcher (scripts/test-code-server.mjs), and ends with one line for all of them:
// `VS Code <version>: N passed, M failed`. Exit 0 only when every run passed.
//
// Usage: npm run build && node scripts/test-integration.mjs [run name…]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'integration', 'runs.json'), 'utf8'));
const only = process.argv.slice(2);
const selected = only.length ? runs.filter((r) => only.includes(r.name)) : runs;
if (selected.length === 0) {
  console.error(`no run named ${only.join(', ')} in test/integration/runs.json`);
  process.exit(2);
}

let child;
const stop = (signal) => {
  if (child) child.kill(signal);
  process.exitCode = 130;
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

function runOne(run) {
  return new Promise(async (resolve) => {
    const env = { ...process.env };
    if (run.workspace) env.WORKLOG_TEST_WORKSPACE = run.workspace;
    if (run.grep) env.WORKLOG_TEST_GREP = run.grep;
    if (run.settings) env.WORKLOG_TEST_SETTINGS = JSON.stringify(run.settings);
    Object.assign(env, run.env ?? {});
    if (run.userData) {
      // Runs that share `userData` share VS Code's user data (one session after another); `freshUserData` starts over.
      const dir = path.join(ROOT, 'out', 'user-data', run.userData);
      if (run.freshUserData) fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      env.WORKLOG_TEST_USER_DATA = dir;
      // Workspace storage is keyed by the folder's URI, which holds the server's address: the same port each time.
      if (run.port) env.WORKLOG_TEST_PORT = String(run.port);
    }
    if (run.vsix) {
      // The package is built as `npm run package` builds it, then installed by the launcher.
      const out = path.join(ROOT, 'out', 'worklog.vsix');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const { spawnSync } = await import('node:child_process');
      const pack = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', out], { cwd: ROOT, encoding: 'utf8' });
      if (pack.status !== 0) {
        console.error(`vsce package failed: ${pack.stderr || pack.stdout}`);
        resolve({ code: 2, last: '' });
        return;
      }
      env.WORKLOG_TEST_VSIX = out;
    }
    // `edit`: a file of the workspace changed before VS Code starts (as between two sessions), put back afterwards.
    let restoreEdit = () => undefined;
    if (run.edit) {
      const file = path.join(ROOT, run.workspace, run.edit.file);
      const original = fs.readFileSync(file);
      const text = original.toString('utf8');
      if (!text.includes(run.edit.find)) {
        console.error(`run "${run.name}": ${run.edit.file} does not contain ${JSON.stringify(run.edit.find)}`);
        resolve({ code: 2, last: '' });
        return;
      }
      fs.writeFileSync(file, text.replace(run.edit.find, run.edit.replace));
      restoreEdit = () => fs.writeFileSync(file, original);
    }
    let last = '';
    child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'test-code-server.mjs')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = String(chunk).split('\n').filter((l) => l.trim());
      if (lines.length) last = lines[lines.length - 1];
    });
    child.on('exit', (code, signal) => {
      child = undefined;
      restoreEdit();
      resolve({ code: code ?? (signal ? 130 : 2), last });
    });
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let version = '?';
let status = 0;
for (const run of selected) {
  console.log(`\n=== integration run "${run.name}"${run.workspace ? ` (${run.workspace})` : ''} ===`);
  const { code, last } = await runOne(run);
  const m = /^VS Code (\S+): (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(last);
  if (m) {
    version = m[1];
    passed += Number(m[2]);
    failed += Number(m[3]);
    skipped += Number(m[4] ?? 0);
  } else {
    failed += 1;
    console.error(`run "${run.name}" reported no result (exit ${code})`);
  }
  if (code !== 0) status = status || (code === 2 ? 2 : 1);
  if (process.exitCode === 130) break;
}
console.log(`VS Code ${version}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(process.exitCode === 130 ? 130 : status || (failed > 0 ? 1 : 0));
