// Command-line arguments: node:util parseArgs plus validation, so `run` only ever sees a complete, checked options
// object or one usage error.
import { parseArgs } from 'node:util';
import type { SeveritySetting } from '../core/model';
import { RULE_IDS } from '../core/rules/ids';

export type OutputFormat = 'stylish' | 'json' | 'github';
export type Locale = 'en' | 'vi';

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly fix: boolean;
  /** `--rule id=level`, in order; a later one for the same id wins. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly config: string | undefined;
  readonly maxWarnings: number | undefined;
  readonly quiet: boolean;
  /** true/false when asked for with --color/--no-color; undefined = decide from the terminal and NO_COLOR. */
  readonly color: boolean | undefined;
  readonly locale: Locale | undefined;
  readonly cache: boolean;
  readonly cacheLocation: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

export type ParsedArgs = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

const FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'github'];
const LEVELS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

export const HELP = `Usage: worklog-lint [options] [paths...]

Checks the worklog pages (Hugo weekly reports) under the given files and folders
(default: the current folder) with the same rules as the Worklog VS Code extension.

Options:
  --format <name>          stylish (default), json or github (GitHub Actions annotations)
  --fix                    apply the preferred fixes and write the files that change
  --rule <id>=<level>      set a rule's level: off, info, warning or error (repeatable)
  --config <file>          read settings from this JSON file instead of .worklogrc.json
  --max-warnings <n>       exit with 1 when there are more than n warnings (counted
                           even with --quiet)
  --quiet                  report errors only
  --color, --no-color      force colours on or off (default: on when stdout is a
                           terminal and NO_COLOR is not set)
  --locale <en|vi>         language of the messages (default: from LC_ALL, LC_MESSAGES
                           or LANG; vi* means Vietnamese)
  --cache                  remember the findings of unchanged worklogs between runs
  --cache-location <path>  cache file, or folder when it ends with / or exists
                           (default: node_modules/.cache/worklog-lint/; implies --cache)
  --version                print the version
  -h, --help               print this help

Settings (later wins):
  1. the built-in defaults, the same as the editor's worklog.* settings;
  2. the nearest .worklogrc.json above each page (searched up to the filesystem root
     or the first folder that contains .git), or only the file given with --config;
  3. --rule options.
  include/exclude globs are relative to the folder of the .worklogrc.json (the current
  folder for the defaults and --config). Folders named node_modules, .git, public and
  resources are never entered. A file named on the command line is checked when it is
  Markdown (*.md, *.markdown) and not excluded, whatever the include globs say; the
  other pages of its worklog are read too (cross-week rules need them) but only the
  named file is reported and, with --fix, written.

Exit codes: 0 no errors; 1 errors found, or more warnings than --max-warnings;
  2 a usage error, or a path or file that could not be read or written.
`;

function parseRule(value: string, rules: Record<string, SeveritySetting>): string | undefined {
  const eq = value.lastIndexOf('=');
  if (eq <= 0) return `--rule expects <id>=<level>, got "${value}"`;
  const id = value.slice(0, eq).trim();
  const level = value.slice(eq + 1).trim();
  if (!RULE_IDS.includes(id)) return `unknown rule "${id}" (known rules: ${RULE_IDS.join(', ')})`;
  if (!(LEVELS as readonly string[]).includes(level)) return `unknown level "${level}" for rule ${id} (use ${LEVELS.join(', ')})`;
  rules[id] = level as SeveritySetting;
  return undefined;
}

/** Parses and validates argv (without the node and script entries). Never throws. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        locale: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const format = (values.format as string | undefined) ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) return { ok: false, error: `unknown format "${format}" (use ${FORMATS.join(', ')})` };
  const rules: Record<string, SeveritySetting> = {};
  for (const r of (values.rule as string[] | undefined) ?? []) {
    const error = parseRule(r, rules);
    if (error) return { ok: false, error };
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'] as string;
    if (!/^\d+$/.test(raw.trim())) return { ok: false, error: `--max-warnings expects a whole number >= 0, got "${raw}"` };
    maxWarnings = Number(raw.trim());
  }
  const locale = values.locale as string | undefined;
  if (locale !== undefined && locale !== 'en' && locale !== 'vi') return { ok: false, error: `unknown locale "${locale}" (use en or vi)` };
  if (values.color && values['no-color']) return { ok: false, error: '--color and --no-color cannot be used together' };
  const config = values.config as string | undefined;
  if (config !== undefined && config.trim() === '') return { ok: false, error: '--config expects a file name' };
  const cacheLocation = values['cache-location'] as string | undefined;
  if (cacheLocation !== undefined && cacheLocation.trim() === '') return { ok: false, error: '--cache-location expects a path' };
  return {
    ok: true,
    options: {
      paths: positionals.length > 0 ? positionals : ['.'],
      format: format as OutputFormat,
      fix: values.fix === true,
      rules,
      config,
      maxWarnings,
      quiet: values.quiet === true,
      color: values.color ? true : values['no-color'] ? false : undefined,
      locale,
      cache: values.cache === true || cacheLocation !== undefined,
      cacheLocation,
      help: values.help === true,
      version: values.version === true,
    },
  };
}
