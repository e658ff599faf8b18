// Where a finding about a whole page is shown: the title's value, else the front matter, else the first line.
import type { Span, WorklogPage } from '../model';

export function titleSpan(page: WorklogPage): Span {
  const title = page.frontMatter?.entries.get('title');
  if (title) return title.valueSpan;
  const heading = page.headings[0];
  if (heading) return heading.span;
  return { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(3, page.lineIndex.lineText(0).length) } };
}

export function weightSpan(page: WorklogPage): Span {
  return page.frontMatter?.entries.get('weight')?.valueSpan ?? titleSpan(page);
}
