// Values the engine can propose for front-matter keys, computed from what the page says about itself.
import type { PageAnalysis } from '../analysis';
import { toIso } from '../calendar';
import type { WorklogPage } from '../model';

/** A `key: value` (YAML) or `key = value` (TOML) line for a key the engine can compute, or undefined. */
export function frontMatterLine(format: 'yaml' | 'toml', key: string, page: WorklogPage, analysis: PageAnalysis): string | undefined {
  const value = proposedValue(key, page, analysis);
  if (value === undefined) return undefined;
  return format === 'yaml' ? `${key}: ${value}` : `${key} = ${value}`;
}

/** The value (as source text) a key should have, when the page says enough to compute it. */
export function proposedValue(key: string, page: WorklogPage, analysis: PageAnalysis): string | undefined {
  const week = analysis.week;
  switch (key) {
    case 'title':
      if (week === undefined) return undefined;
      return JSON.stringify(page.language === 'vi' ? `Worklog Tuần ${week}` : `Week ${week} Worklog`);
    case 'weight':
      return week === undefined ? undefined : String(week);
    case 'date':
      // The first day of the week: a date in the future would hide the page from Hugo's default build.
      return analysis.window ? toIso(analysis.window.start) : undefined;
    case 'chapter':
      return 'false';
    default:
      return undefined;
  }
}
