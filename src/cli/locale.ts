// The language of the engine's messages: --locale, else the POSIX locale variables; Vietnamese messages come from the
// extension's l10n bundle shipped next to the CLI bundle (dist/cli.js → l10n/bundle.l10n.vi.json).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { format, setTranslator, type Translator } from '../core/l10n';
import type { Locale } from './args';

/** The locale to use: the flag when given, else LC_ALL, LC_MESSAGES, LANG (the first one set; vi* is Vietnamese). */
export function resolveLocale(flag: Locale | undefined, env: Readonly<Record<string, string | undefined>>): Locale {
  if (flag) return flag;
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^vi(?:[_.@-]|$)/i.test(value) ? 'vi' : 'en';
}

/** Where the Vietnamese bundle is expected: `../l10n/` relative to the running bundle (dist/cli.js). */
export function defaultBundlePath(): string {
  return path.join(__dirname, '..', 'l10n', 'bundle.l10n.vi.json');
}

/**
 * Installs the translator for `locale` in the core and returns it: undefined for English, or when the bundle is
 * missing or unreadable (the messages then stay English).
 */
export function loadTranslator(locale: Locale, bundlePath: string = defaultBundlePath()): Translator | undefined {
  if (locale === 'en') {
    setTranslator(undefined);
    return undefined;
  }
  let bundle: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(readFileSync(bundlePath, 'utf8').replace(/^\uFEFF/, ''));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    bundle = parsed as Record<string, unknown>;
  } catch {
    setTranslator(undefined);
    return undefined;
  }
  const messages = new Map<string, string>();
  for (const [key, value] of Object.entries(bundle)) {
    // vscode-l10n bundles hold either the translation or { message, comment }.
    if (typeof value === 'string') messages.set(key, value);
    else if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
      messages.set(key, (value as { message: string }).message);
    }
  }
  const translator: Translator = (message, args) => format(messages.get(message) ?? message, args);
  setTranslator(translator);
  return translator;
}
