// Worker threads for large runs: whole worklogs are checked in parallel (a worklog is the unit, so cross-week rules
// see all its pages). Used only from the bundle (dist/engine.js next to dist/cli.js) and for enough pages to pay
// for starting the threads.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../core/model';
import type { WorklogSettings } from '../core/settings';
import type { Locale } from './args';
import { engineWorkerData } from './workerData';

/** Below this many pages to parse, one thread is faster than starting more. */
export const PARALLEL_MIN_PAGES = 300;

export interface CheckPool {
  check(settings: WorklogSettings, texts: ReadonlyMap<string, string>): Promise<Map<string, Finding[]>>;
  close(): Promise<void>;
}

/**
 * How many worker threads to use: WORKLOG_LINT_WORKERS when set (0 = none), else one per core but one (the main
 * thread reads, hashes and reports meanwhile), at most 8 — and none below 4 cores: on the 2-core benchmark machine
 * two workers were slower than one thread (5.6 s against 5.1 s for 2,000 pages), since each thread pays its own
 * start-up and JIT warm-up.
 */
export function workerCount(env: Readonly<Record<string, string | undefined>>, cores = availableParallelism()): number {
  const forced = env.WORKLOG_LINT_WORKERS;
  if (forced !== undefined && forced !== '') return Math.max(0, Math.min(16, Number(forced) || 0));
  return cores < 4 ? 0 : Math.min(8, cores - 1);
}

/** The worker script (the engine bundle) next to the running bundle, if there is one. */
export function workerScript(): string | undefined {
  const file = path.join(__dirname, 'engine.js');
  return existsSync(file) ? file : undefined;
}

export function createPool(size: number, script: string, locale: Locale, bundlePath?: string): CheckPool {
  const workers = Array.from({ length: size }, () => new Worker(script, { workerData: engineWorkerData(locale, bundlePath) }));
  const idle = [...workers];
  const waiting: (() => void)[] = [];
  let next = 0;
  const take = async (): Promise<Worker> => {
    while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    return idle.pop()!;
  };
  const give = (w: Worker): void => {
    idle.push(w);
    waiting.shift()?.();
  };
  return {
    async check(settings, texts) {
      const worker = await take();
      const id = next++;
      try {
        return await new Promise<Map<string, Finding[]>>((resolve, reject) => {
          const onMessage = (msg: { id: number; findings?: [string, Finding[]][]; error?: string }): void => {
            if (msg.id !== id) return;
            worker.off('message', onMessage);
            worker.off('error', onError);
            if (msg.error !== undefined) reject(new Error(msg.error));
            else resolve(new Map(msg.findings));
          };
          const onError = (error: Error): void => {
            worker.off('message', onMessage);
            reject(error);
          };
          worker.on('message', onMessage);
          worker.once('error', onError);
          worker.postMessage({ id, settings, texts: [...texts] });
        });
      } finally {
        give(worker);
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
