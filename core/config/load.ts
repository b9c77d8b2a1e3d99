// Loading and validating configuration. Every mistake is reported at once, each with its path and a hint, and no
// value from the environment is ever echoed (it may be a secret).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ConfigSchema, EnvSchema, type PnyxConfig, type PnyxEnv } from './schema';

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describe(issues: z.core.$ZodIssue[], secretPaths = false): string[] {
  return issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
    let hint = issue.message;
    if (issue.code === 'unrecognized_keys') hint = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    if (issue.code === 'invalid_type' && /undefined/.test(issue.message)) hint = `is required (${issue.message})`;
    // Messages from zod may quote the received value; for environment variables that could be a token.
    if (secretPaths) hint = hint.replace(/received .*/i, 'received an invalid value');
    return `${path}: ${hint}`;
  });
}

export function parseConfig(raw: unknown, source = 'configuration'): PnyxConfig {
  const result = ConfigSchema.safeParse(raw ?? {});
  if (!result.success) throw new ConfigError(source, describe(result.error.issues));
  return result.data;
}

export function loadConfigFile(path: string): PnyxConfig {
  const full = resolve(path);
  if (!existsSync(full)) {
    throw new ConfigError(path, [`file not found (${full}); copy pnyx.config.yaml from the repository or set PNYX_CONFIG`]);
  }
  const doc = parseDocument(readFileSync(full, 'utf8'), { prettyErrors: true });
  if (doc.errors.length) {
    throw new ConfigError(path, doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`));
  }
  return parseConfig(doc.toJS(), path);
}

/**
 * Validates environment variables with any schema (the core's, or an adapter's), never echoing their values. An empty
 * variable counts as unset: `.env` files and compose files write `NAME=` for "not set", and mean it.
 */
export function parseEnvWith<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const result = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!result.success) throw new ConfigError('environment', describe(result.error.issues, true));
  return result.data;
}

export function parseEnv(env: NodeJS.ProcessEnv): PnyxEnv {
  return parseEnvWith(EnvSchema, env);
}

/** API keys named by providers must be present; reported together with every other problem. */
export function checkSecrets(config: PnyxConfig, env: NodeJS.ProcessEnv): void {
  const problems: string[] = [];
  for (const [name, provider] of Object.entries(config.providers)) {
    if (provider.type === 'openai-compatible' && provider.apiKeyEnv && !env[provider.apiKeyEnv]) {
      const used = config.models.some((m) => m.provider === name && m.enabled);
      if (used) problems.push(`providers.${name}.apiKeyEnv: environment variable ${provider.apiKeyEnv} is not set`);
    }
  }
  if (problems.length) throw new ConfigError('environment', problems);
}
