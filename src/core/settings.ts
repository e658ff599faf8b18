// Typed settings shared by the editor (worklog.* settings) and the CLI (.worklogrc.json): same keys, same defaults,
// same coercion, so both give the same findings for the same workspace.
import { parseIsoDate } from './calendar';
import type { SeveritySetting } from './model';

export type OrderSetting = 'auto' | 'dmy' | 'mdy';
export type DayLabelSetting = 'auto' | 'thu' | 'iso' | 'index' | 'weekday';
export type DateFormatSetting = 'auto' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'DD-MM-YYYY';

export interface WorklogSettings {
  /** Globs (relative to the workspace or the .worklogrc.json folder) of the Markdown files that may be worklog pages. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Day/month order of dates such as 04/05/2026; `auto` infers it per page. */
  readonly dayMonthOrder: OrderSetting;
  /** Format of the dates the extension writes (new weeks, completions); `auto` follows the page. */
  readonly dateFormat: DateFormatSetting;
  /** First day of week 1 (YYYY-MM-DD); when set, week N is programStart + 7(N−1) … +6. */
  readonly programStart: string;
  /** What numeric day labels mean: `thu` (2 = Monday, as in Thứ 2), `iso` (1 = Monday), `index` (a running count). */
  readonly dayLabels: DayLabelSetting;
  /** Severity per rule id, or `off`. Missing ids keep their default. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly requiredKeys: readonly string[];
  /** Languages of the worklog's pages; the first is the one an unsuffixed page is assumed to be in when unsure. */
  readonly languages: readonly string[];
  /** Regular expressions (case-insensitive) of template text that must not be published. */
  readonly templatePatterns: readonly string[];
  /** Working days of a new week (ISO weekdays, 1 = Monday). */
  readonly workingDays: readonly number[];
  /** Pages larger than this (bytes) are not checked. */
  readonly maxFileSize: number;
  /** The sidebar reveals the week of the active editor. */
  readonly sidebarFollowActiveEditor: boolean;
}

export const DEFAULT_TEMPLATE_PATTERNS: readonly string[] = [
  '`r Sys\\.Date\\(\\)`',
  'do not copy verbatim',
  'không sao chép nguyên văn',
  '(?:^|\\[)\\s*[-*]?\\s*Doing task\\b',
];

export const DEFAULT_SETTINGS: WorklogSettings = Object.freeze({
  include: ['**/*.md'],
  exclude: ['**/node_modules/**', '**/.git/**', '**/public/**', '**/resources/**'],
  dayMonthOrder: 'auto',
  dateFormat: 'auto',
  programStart: '',
  dayLabels: 'auto',
  rules: {},
  requiredKeys: ['title', 'date', 'weight'],
  languages: ['en', 'vi'],
  templatePatterns: DEFAULT_TEMPLATE_PATTERNS,
  workingDays: [1, 2, 3, 4, 5],
  maxFileSize: 1_000_000,
  sidebarFollowActiveEditor: true,
}) as WorklogSettings;

/** The keys of WorklogSettings, as contributed (`worklog.<key>`). */
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof WorklogSettings)[];

const ORDER: readonly OrderSetting[] = ['auto', 'dmy', 'mdy'];
const DAY_LABELS: readonly DayLabelSetting[] = ['auto', 'thu', 'iso', 'index', 'weekday'];
const DATE_FORMATS: readonly DateFormatSetting[] = ['auto', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD', 'YYYY/MM/DD', 'DD-MM-YYYY'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

function strings(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Settings from untrusted input (a settings store, a JSON file): every key is checked, anything malformed falls back
 * to its default and is listed in `problems` so the caller can say so.
 */
export function coerceSettings(input: unknown): { settings: WorklogSettings; problems: string[] } {
  const problems: string[] = [];
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const pick = <T>(key: keyof WorklogSettings, value: T): T => {
    if (raw[key] !== undefined && value === DEFAULT_SETTINGS[key] && raw[key] !== value) {
      problems.push(`${key}: ${JSON.stringify(raw[key])} is not a valid value; using the default`);
    }
    return value;
  };
  const rules: Record<string, SeveritySetting> = {};
  if (raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
    for (const [id, sev] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (typeof sev === 'string' && (SEVERITIES as readonly string[]).includes(sev)) rules[id] = sev as SeveritySetting;
      else problems.push(`rules.${id}: ${JSON.stringify(sev)} is not one of ${SEVERITIES.join(', ')}`);
    }
  } else if (raw.rules !== undefined) {
    problems.push('rules: expected an object of rule id → severity');
  }
  const programStart = typeof raw.programStart === 'string' && (raw.programStart === '' || parseIsoDate(raw.programStart) !== undefined)
    ? raw.programStart
    : pick('programStart', DEFAULT_SETTINGS.programStart);
  const workingDays = Array.isArray(raw.workingDays) && raw.workingDays.length > 0
    && raw.workingDays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)
    ? [...new Set(raw.workingDays as number[])].sort((a, b) => a - b)
    : pick('workingDays', DEFAULT_SETTINGS.workingDays);
  const maxFileSize = typeof raw.maxFileSize === 'number' && raw.maxFileSize > 0
    ? raw.maxFileSize
    : pick('maxFileSize', DEFAULT_SETTINGS.maxFileSize);
  const validPatterns = strings(raw.templatePatterns, DEFAULT_SETTINGS.templatePatterns).filter((p) => {
    try {
      new RegExp(p, 'iu');
      return true;
    } catch {
      problems.push(`templatePatterns: ${JSON.stringify(p)} is not a valid regular expression`);
      return false;
    }
  });
  const settings: WorklogSettings = {
    include: pick('include', strings(raw.include, DEFAULT_SETTINGS.include)),
    exclude: pick('exclude', strings(raw.exclude, DEFAULT_SETTINGS.exclude)),
    dayMonthOrder: pick('dayMonthOrder', oneOf(raw.dayMonthOrder, ORDER, DEFAULT_SETTINGS.dayMonthOrder)),
    dateFormat: pick('dateFormat', oneOf(raw.dateFormat, DATE_FORMATS, DEFAULT_SETTINGS.dateFormat)),
    programStart,
    dayLabels: pick('dayLabels', oneOf(raw.dayLabels, DAY_LABELS, DEFAULT_SETTINGS.dayLabels)),
    rules,
    requiredKeys: pick('requiredKeys', strings(raw.requiredKeys, DEFAULT_SETTINGS.requiredKeys)),
    languages: pick('languages', strings(raw.languages, DEFAULT_SETTINGS.languages)),
    templatePatterns: validPatterns,
    workingDays,
    maxFileSize,
    sidebarFollowActiveEditor: typeof raw.sidebarFollowActiveEditor === 'boolean'
      ? raw.sidebarFollowActiveEditor
      : pick('sidebarFollowActiveEditor', DEFAULT_SETTINGS.sidebarFollowActiveEditor),
  };
  for (const key of Object.keys(raw)) {
    if (!(SETTING_KEYS as string[]).includes(key) && key !== '$schema') problems.push(`${key}: unknown setting`);
  }
  return { settings, problems };
}
