// The engine's own types. Positions are 0-based, in UTF-16 code units, and always refer to the text that was parsed
// (a BOM, when present, is character 0 of line 0). Adapters convert these to editor types at the edge.
import type { CalendarDate } from './calendar';
import type { LineIndex } from './text';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Span {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Replace the text in `span` with `newText`. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** True when this is the one obvious correction (the editor marks it preferred and fix-all applies it). */
  readonly preferred: boolean;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly fixes: readonly Fix[];
}

/** What a rule hands to `report`: the engine adds the rule id and the configured severity. */
export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** A rule may lower (never raise) its severity for weak evidence, e.g. numeric day labels. */
  readonly severity?: Severity;
}

export type Language = 'en' | 'vi';

export interface FrontMatterEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly valueSpan: Span;
  /** The value as parsed (strings stay strings: dates are never converted to JS Date). */
  readonly value: unknown;
  /** The exact source text of the value, quotes included. */
  readonly source: string;
  /** True when the source value was quoted (a YAML/TOML string). */
  readonly quoted: boolean;
}

export type FrontMatterProblem =
  | { readonly kind: 'missing'; readonly span: Span; readonly message: string }
  | { readonly kind: 'bad-open'; readonly span: Span; readonly message: string; readonly fix?: Fix }
  | { readonly kind: 'bad-close'; readonly span: Span; readonly message: string; readonly fix?: Fix }
  | { readonly kind: 'unclosed'; readonly span: Span; readonly message: string };

export interface FrontMatter {
  readonly format: 'yaml' | 'toml';
  /** The whole block, delimiters included. */
  readonly span: Span;
  /** The first line after the block (where a missing key can be inserted: before the closing delimiter). */
  readonly closeLine: number;
  readonly entries: ReadonlyMap<string, FrontMatterEntry>;
  readonly syntaxErrors: readonly { readonly span: Span; readonly message: string }[];
}

export interface Heading {
  readonly depth: number;
  readonly text: string;
  readonly span: Span;
}

export interface ListItem {
  /** The item's first line as plain text. */
  readonly text: string;
  readonly span: Span;
}

export interface Cell {
  /** Raw source between the pipes, trimmed. */
  readonly raw: string;
  /** The raw text with Markdown emphasis, `<br>` and entities reduced to plain text. */
  readonly text: string;
  /** Span of the trimmed content (an empty cell: the position between the pipes). */
  readonly span: Span;
  /** Span from the cell's leading pipe (or line start) to just before the next pipe. */
  readonly outer: Span;
}

export type ColumnRole = 'day' | 'task' | 'start' | 'end' | 'date' | 'reference';

export interface TableRow {
  readonly line: number;
  readonly span: Span;
  readonly cells: readonly Cell[];
  /** True when the line ends with a closing pipe. */
  readonly closed: boolean;
}

/** A date written in a cell, as people write it; `value` is set once the page's day/month order is known. */
export interface DateToken {
  readonly raw: string;
  readonly span: Span;
  /** The numbers as written, with their source text (to keep zero padding) in order of appearance. */
  readonly parts: readonly { readonly text: string; readonly value: number; readonly span: Span }[];
  readonly separator: '/' | '-' | '.';
  /** ymd: year first; xxy: two parts then a year; xx: no year. */
  readonly shape: 'ymd' | 'xxy' | 'xx';
}

export interface DayLabel {
  readonly kind: 'weekday' | 'number' | 'other' | 'empty';
  /** ISO weekdays named by the label (1 = Monday … 7 = Sunday), first and last for a range. */
  readonly weekdays?: readonly number[];
  /** The numbers written (e.g. `2-3-4` → [2, 3, 4]). */
  readonly numbers?: readonly number[];
  readonly cell: Cell;
}

export interface TaskRow extends TableRow {
  readonly day?: DayLabel;
  readonly task?: Cell;
  readonly start?: Cell;
  readonly end?: Cell;
  /** Date tokens found in the start/end/date cells. */
  readonly startDates: readonly DateToken[];
  readonly endDates: readonly DateToken[];
}

export interface TaskTable {
  readonly span: Span;
  readonly header: TableRow;
  readonly delimiter: TableRow;
  readonly rows: readonly TaskRow[];
  /** Column index of each role that the header names. */
  readonly columns: Readonly<Partial<Record<ColumnRole, number>>>;
}

/**
 * A pipe table whose header and delimiter rows disagree on the number of cells: Markdown does not render it, so
 * remark sees no table. Kept so the table-columns rule can say why and repair the delimiter row.
 */
export interface BrokenTable {
  readonly header: TableRow;
  readonly delimiter: TableRow;
}

export type WeekSourceKind = 'title' | 'pre' | 'folder' | 'file' | 'heading';

export interface WeekNumberSource {
  readonly kind: WeekSourceKind;
  readonly week: number;
  /** Where the number is written; for folder/file sources there is no span in the text. */
  readonly span?: Span;
  /** How to rewrite the number in place (for the fix). */
  readonly numberSpan?: Span;
  readonly numberText?: string;
}

export interface WorklogPage {
  /** The page's path as given (POSIX separators). */
  readonly path: string;
  readonly text: string;
  /** Line starts of `text`, shared by every rule (no rule splits the text again). */
  readonly lineIndex: LineIndex;
  readonly lineCount: number;
  readonly bom: boolean;
  readonly eol: '\n' | '\r\n';
  readonly language: Language | undefined;
  /** Where the language came from: the file name is authoritative, the text is a guess. */
  readonly languageSource: 'file' | 'text' | 'none';
  readonly frontMatter: FrontMatter | undefined;
  readonly frontMatterProblem: FrontMatterProblem | undefined;
  readonly headings: readonly Heading[];
  readonly objectives: readonly ListItem[];
  readonly tables: readonly TaskTable[];
  readonly brokenTables: readonly BrokenTable[];
  readonly weekSources: readonly WeekNumberSource[];
  /** The index (section) page of a worklog rather than a week page. */
  readonly isIndex: boolean;
  readonly links: readonly { readonly target: string; readonly span: Span }[];
  /** Set when the page was not parsed in full (too large, binary): the reason, for a note. */
  readonly skipped?: 'binary' | 'too-large';
}

export type DayMonthOrder = 'dmy' | 'mdy';

/** A 7-day window, both ends inclusive. */
export interface WeekWindow {
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly source: 'program' | 'table' | 'neighbours' | 'front-matter';
}
