// Compiles the integration tests for the extension host: test/integration/index.ts (with
// mocha bundled in) and every test/integration/**/*.test.ts, each to its own CommonJS
// bundle under out/test/integration/ ('vscode' stays external: the extension host
// provides it). Used by both launchers; also `npm run build:tests`.

import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TESTS_SRC = path.join(REPO_ROOT, 'test', 'integration');
export const TESTS_OUT = path.join(REPO_ROOT, 'out', 'test', 'integration');
export const TEST_INDEX = path.join(TESTS_OUT, 'index.js');

/** test/integration/**\/*.test.ts, fixtures excluded. */
function suiteSources() {
  return fs
    .readdirSync(TESTS_SRC, { recursive: true })
    .map((rel) => rel.split(path.sep).join('/'))
    .filter((rel) => rel.endsWith('.test.ts') && !rel.split('/').includes('fixtures') && !rel.split('/').includes('node_modules'))
    .sort()
    .map((rel) => path.join(TESTS_SRC, rel));
}

export async function buildTests({ quiet = false } = {}) {
  const suites = suiteSources();
  fs.rmSync(TESTS_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(TESTS_SRC, 'index.ts'), ...suites],
    outbase: TESTS_SRC,
    outdir: TESTS_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
    // mocha loads suite files with a run-time require() and loads reporters it knows
    // statically; the warnings about its dynamic requires are expected.
    logOverride: { 'unsupported-require-call': 'silent', 'unsupported-dynamic-import': 'silent', 'require-resolve-not-external': 'silent' },
  });
  if (!quiet) console.error(`[build-tests] ${suites.length} suite(s) -> ${path.relative(REPO_ROOT, TESTS_OUT)}`);
  if (suites.length === 0) throw new Error('no test/integration/**/*.test.ts found');
  return { index: TEST_INDEX, suites: suites.length };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildTests().catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
}
