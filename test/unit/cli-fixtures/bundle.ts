// The worklog-lint bundles for tests that run them as a user does (a child process) or as its worker threads.
// dist/ belongs to `npm run build` (and other builds may be running): what a test needs is built next to its files.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

export const REPO = path.resolve(__dirname, '..', '..', '..');

let tempDir: string | undefined;
const builtFiles = new Map<string, string>();

function buildOnce(entry: string, name: string): string {
  let file = builtFiles.get(name);
  if (file) return file;
  if (!tempDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worklog-cli-build-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    tempDir = dir;
  }
  file = path.join(tempDir, name);
  buildSync({ entryPoints: [path.join(REPO, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outfile: file, logLevel: 'silent' });
  builtFiles.set(name, file);
  return file;
}

/** The bundled CLI: dist/cli.js when it is newer than every engine and CLI source, else the CLI alone built to a temp file. */
export function cliBundle(): string {
  const dist = path.join(REPO, 'dist', 'cli.js');
  const sources = ['src/core', 'src/cli'].flatMap((d) => fs.readdirSync(path.join(REPO, d), { recursive: true }).map((f) => path.join(REPO, d, String(f))));
  const newest = Math.max(...[...sources, path.join(REPO, 'package.json')].map((f) => fs.statSync(f).mtimeMs));
  if (fs.existsSync(dist) && fs.statSync(dist).mtimeMs >= newest) return dist;
  return buildOnce('src/cli/main.ts', 'cli.js');
}

/** The engine bundle (the worker threads' script), built from the sources. */
export function engineBundle(): string {
  return buildOnce('src/cli/engine.ts', 'engine.js');
}
