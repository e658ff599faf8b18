import { dayNumber } from '../calendar';
import { t } from '../l10n';
import type { PageAnalysis, ResolvedDate } from '../analysis';
import { memoSlot } from '../memo';
import type { TaskTable } from '../model';
import { languagesOf, weeksOf } from '../workspace';
import { titleSpan } from './anchors';
import { describeWindow } from './proposals';
import type { WorklogRule } from './types';

// Remembered on the table and the analysis: in the editor this rule runs over the whole worklog on every change, and
// every page but the one being typed keeps its table and analysis objects.
const prints = memoSlot<TaskTable, { readonly print: string | undefined }>('weekOverlapPrint');
const dayLists = memoSlot<PageAnalysis, readonly { readonly date: ResolvedDate; readonly day: number }[]>('weekOverlapDays');

function printOf(table: TaskTable): string | undefined {
  let known = prints.get(table);
  if (!known) prints.set(table, (known = { print: fingerprint(table) }));
  return known.print;
}

/** The page's readable dates with their day numbers. */
function datedDays(analysis: PageAnalysis): readonly { readonly date: ResolvedDate; readonly day: number }[] {
  let list = dayLists.get(analysis);
  if (!list) dayLists.set(analysis, (list = analysis.dates.filter((d) => d.reading.date).map((d) => ({ date: d, day: dayNumber(d.reading.date!) }))));
  return list;
}

/** The table's content without layout: tasks and dates per row (so re-aligned columns still compare equal). */
function fingerprint(table: TaskTable): string | undefined {
  // Three cells per row, in one flat list: JSON keeps the cells apart, and the count per row keeps the rows apart.
  const cells: string[] = [];
  let filled = 0;
  for (const r of table.rows) {
    const task = r.task?.text ?? '';
    const start = r.start?.text ?? '';
    const end = r.end?.text ?? '';
    if (task.trim() !== '' || start.trim() !== '' || end.trim() !== '') filled++;
    cells.push(task, start, end);
  }
  return filled >= 2 ? JSON.stringify(cells).toLowerCase() : undefined;
}

export const weekOverlap: WorklogRule = {
  id: 'week-overlap',
  description: "A page's dates overlap another week's, or its task table equals another week's.",
  defaultSeverity: 'warning',
  scope: 'worklog',
  check(worklog, _settings, report) {
    for (const language of languagesOf(worklog)) {
      const weeks = weeksOf(worklog, language).filter((e) => e.week !== undefined);
      const tables = new Map<string, number>();
      for (const e of weeks) {
        const table = e.page.tables[0];
        const print = table && printOf(table);
        if (!print) continue;
        const earlier = tables.get(print);
        if (earlier !== undefined && earlier !== e.week) {
          report(e.page.path, { span: table.header.span, message: t('This task table is the same as week {0}\'s: copied from another week and not updated?', earlier) });
        } else if (earlier === undefined) {
          tables.set(print, e.week!);
        }
      }
      // Each later week whose window shares days with an earlier week's window. Every pair of weeks is compared, so
      // each page's dates and each window are turned into day numbers once, not once per pair.
      const days = weeks.map((e) => datedDays(e.analysis));
      const ranges = weeks.map((e) => (e.analysis.window ? { first: dayNumber(e.analysis.window.start), last: dayNumber(e.analysis.window.end) } : undefined));
      for (let i = 0; i < weeks.length; i++) {
        const a = weeks[i];
        const wa = a.analysis.window;
        if (!wa || wa.source === 'program') continue;
        const dated = days[i];
        // Fewer than two dates cannot be "most of the page's dates" below.
        if (dated.length < 2) continue;
        for (let j = 0; j < i; j++) {
          const b = weeks[j];
          const wb = b.analysis.window;
          if (!wb || b.week === a.week || wb.source === 'program') continue;
          // Most of the page's dates inside the other week: its dates were left over from that week. A task or two
          // on the shared edge of two weeks is normal.
          const { first, last } = ranges[j]!;
          let overlaps = 0;
          let firstOverlap: (typeof dated)[number] | undefined;
          for (const d of dated) {
            if (d.day < first || d.day > last) continue;
            overlaps++;
            firstOverlap ??= d;
          }
          if (overlaps < 2 || overlaps * 2 < dated.length) continue;
          report(a.page.path, {
            span: firstOverlap!.date.token.span ?? titleSpan(a.page),
            message: t('Week {0} ({1}) shares dates with week {2} ({3}): dates left over from another week?', a.week!, describeWindow(wa, a.analysis), b.week!, describeWindow(wb, b.analysis)),
          });
          break;
        }
      }
    }
  },
};
