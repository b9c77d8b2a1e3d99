// The terminal battle's command line: `[--lang tag] [--models a,b,...] prompt`, checked before anything is started so
// a usage error costs no database or model.
import { parseArgs } from 'node:util';
import type { I18n, Translate } from '../../core/i18n';

export interface Arguments {
  help: boolean;
  lang?: string;
  models?: string[];
  modelsRaw?: string;
  prompt: string;
}

function readArguments(argv: string[]): Arguments {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { lang: { type: 'string' }, models: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const models = values.models
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    help: values.help ?? false,
    ...(values.lang !== undefined ? { lang: values.lang } : {}),
    ...(models ? { models: [...new Set(models)], modelsRaw: values.models } : {}),
    prompt: positionals.join(' ').trim(),
  };
}

/** What the command line asks for: a battle to run (with its language), or an exit (usage, help) already written. */
export type ArgumentsOutcome = { args: Arguments; t: Translate } | { exit: 'ok' | 'usage' };

export function checkArguments(argv: string[], i18n: I18n, systemT: Translate, out: (s: string) => void, err: (s: string) => void): ArgumentsOutcome {
  let t = systemT;
  let args: Arguments;
  try {
    args = readArguments(argv);
  } catch (error) {
    err(t('terminal-error-arguments', { detail: error instanceof Error ? error.message : String(error) }));
    err(t('terminal-usage-hint'));
    return { exit: 'usage' };
  }
  if (args.lang !== undefined && !(i18n.negotiate(args.lang) === args.lang.toLowerCase())) {
    err(t('terminal-error-lang', { value: args.lang }));
    return { exit: 'usage' };
  }
  if (args.lang) t = i18n.t(args.lang);
  if (args.help) {
    out(t('terminal-usage'));
    return { exit: 'ok' };
  }
  if (!args.prompt) {
    err(t('terminal-error-no-prompt'));
    err(t('terminal-usage-hint'));
    return { exit: 'usage' };
  }
  if (args.models && args.models.length < 2) {
    err(t('terminal-error-models-count', { value: args.modelsRaw ?? '' }));
    return { exit: 'usage' };
  }
  return { args, t };
}
