import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSecrets, ConfigError, loadConfigFile, parseConfig, parseEnv } from './load';

const dir = mkdtempSync(join(tmpdir(), 'pnyx-config-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('loads the repository default (demo models only, no key needed)', () => {
    const config = loadConfigFile(join(import.meta.dirname, '../../pnyx.config.yaml'));
    expect(config.models.length).toBeGreaterThanOrEqual(2);
    expect(Object.values(config.providers).every((p) => p.type === 'demo')).toBe(true);
    expect(() => checkSecrets(config, {})).not.toThrow();
  });

  it('reports every mistake at once, each with its path and a hint', () => {
    const path = write(
      'bad.yaml',
      `providers:
  openai:
    type: openai-compatible
    baseURL: not-a-url
    apiKeyEnv: sk-this-is-the-key-itself
models:
  - { id: gpt, provider: opnai }
  - { id: gpt, provider: openai, temprature: 0.3 }
battle:
  reveal:
    group: { after: minutes, minutes: -1 }
`,
    );
    const problems = problemsOf(() => loadConfigFile(path));
    const text = problems.join('\n');
    expect(text).toMatch(/providers\.openai\.baseURL: must be a URL/);
    expect(text).toMatch(/providers\.openai\.apiKeyEnv: must be an environment variable NAME/);
    expect(text).toMatch(/models\.1: unknown key "temprature"/);
    expect(text).toMatch(/battle\.reveal\.group\.minutes/);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    // A key pasted in the wrong place is still a secret: it is never echoed back.
    expect(text).not.toContain('sk-this-is-the-key-itself');
  });

  it('explains unknown providers and duplicate ids', () => {
    const problems = problemsOf(() =>
      parseConfig({
        providers: { demo: { type: 'demo' } },
        models: [
          { id: 'x', provider: 'demo' },
          { id: 'x', provider: 'demo' },
          { id: 'y', provider: 'nope' },
        ],
      }),
    );
    expect(problems.join('\n')).toMatch(/models\.1\.id: duplicate model id "x"/);
    expect(problems.join('\n')).toMatch(/models\.2\.provider: unknown provider "nope" \(known: demo\)/);
  });

  it('needs two models to battle', () => {
    const problems = problemsOf(() => parseConfig({ providers: { demo: { type: 'demo' } }, models: [{ id: 'x', provider: 'demo' }] }));
    expect(problems.join('\n')).toMatch(/at least two enabled models/);
  });

  it('reports YAML syntax errors with the line', () => {
    const problems = problemsOf(() => loadConfigFile(write('syntax.yaml', 'models:\n  - id: a\n   provider: x\n')));
    expect(problems[0]).toMatch(/line \d+/);
  });

  it('reports a missing file with what to do', () => {
    expect(problemsOf(() => loadConfigFile(join(dir, 'missing.yaml')))[0]).toMatch(/file not found.*PNYX_CONFIG/);
  });

  it('says which API key variable is missing without printing any value', () => {
    const config = parseConfig({
      providers: { remote: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:1/v1', apiKeyEnv: 'REMOTE_KEY' } },
      models: [
        { id: 'a', provider: 'remote' },
        { id: 'b', provider: 'remote' },
      ],
    });
    expect(problemsOf(() => checkSecrets(config, {}))).toEqual(['providers.remote.apiKeyEnv: environment variable REMOTE_KEY is not set']);
    expect(() => checkSecrets(config, { REMOTE_KEY: 'k' })).not.toThrow();
  });

  it('validates the environment without echoing secrets', () => {
    const problems = problemsOf(() => parseEnv({ DATABASE_URL: 'mysql://user:hunter2@db/pnyx', LOG_LEVEL: 'loud' }));
    const text = problems.join('\n');
    expect(text).toMatch(/DATABASE_URL: must start with file:/);
    expect(text).toMatch(/LOG_LEVEL/);
    expect(text).not.toMatch(/hunter2/);
  });

  it('has working defaults for a fresh machine', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe('file:./data/pnyx.db');
    expect(env.PNYX_CONFIG).toBe('pnyx.config.yaml');
  });
});
