// Reduces a failing page to a small one that fails the same way (same property): whole lines first, then characters.
// Usage: npx tsx test/fuzz/reduce.ts <case.json>   where case.json is {"path", "text", "settings"?} (a regression
// fixture or a saved counterexample); prints the reduced case as JSON.
import * as fs from 'node:fs';
import { DEFAULT_SETTINGS, type WorklogSettings } from '../../src/core/settings';
import { checkPageProperties, installReportProbe, PropertyViolation } from './lib/properties';

function failure(path: string, text: string, settings: WorklogSettings): string | undefined {
  try {
    checkPageProperties(path, text, settings);
    return undefined;
  } catch (e) {
    // The property and the rules named in the message: a reduction must keep failing for the same reason.
    return e instanceof PropertyViolation ? `${e.property} ${[...new Set(e.message.match(/\b[a-z]+(?:-[a-z]+)+\b(?= \d+:\d+-)/g) ?? [])].sort().join(',')}` : `throws ${(e as Error).name}`;
  }
}

/** Removes chunks of `units` while `fails` stays true (ddmin-like, halving the chunk size). */
function shrink(units: string[], fails: (units: string[]) => boolean): string[] {
  let current = units;
  for (let size = Math.max(1, current.length >> 1); size >= 1; size >>= 1) {
    let i = 0;
    while (i < current.length) {
      const candidate = [...current.slice(0, i), ...current.slice(i + size)];
      if (fails(candidate)) current = candidate;
      else i += size;
    }
  }
  return current;
}

export function reduce(path: string, text: string, settings: WorklogSettings): { text: string; property: string } | undefined {
  const property = failure(path, text, settings);
  if (!property) return undefined;
  const same = (t: string): boolean => failure(path, t, settings) === property;
  const lines = shrink(text.split('\n'), (ls) => same(ls.join('\n')));
  // Characters too with --chars (smaller, but less readable than whole lines).
  const chars = process.argv.includes('--chars') ? shrink([...lines.join('\n')], (cs) => same(cs.join(''))) : [...lines.join('\n')];
  return { text: chars.join(''), property };
}

if (require.main === module) {
  installReportProbe();
  const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as { path: string; text: string; settings?: Partial<WorklogSettings> };
  const settings = { ...DEFAULT_SETTINGS, ...input.settings };
  const out = reduce(input.path, input.text, settings);
  console.log(out ? JSON.stringify({ path: input.path, text: out.text, property: out.property, settings: input.settings }, null, 2) : 'the case does not fail');
}
