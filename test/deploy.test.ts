// What a production user starts: docker-compose.yml must validate, run two Pnyx replicas behind the proxy with a
// healthcheck on every service and secrets from .env; the proxy's Caddyfile must parse; the image's healthcheck script
// must tell a live process from a dead one; .env.example must document every variable Pnyx reads.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOps, OpsEnvSchema, serveOps, type OpsServer } from '../bots/ops';
import { DiscordEnvSchema } from '../bots/discord/env';
import { SlackEnvSchema } from '../bots/slack/env';
import { TelegramEnvSchema } from '../bots/telegram/env';
import { WebEnvSchema } from '../bots/web/env';
import { EnvSchema } from '../core/config/schema';
import { createMetrics } from '../core/metrics';

const root = join(import.meta.dirname, '..');
const run = promisify(execFile);

const works = (command: string, args: string[]) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** `docker compose` (v2) where it exists, else Debian's `docker-compose` (v1): both validate with `config`. */
const compose: string[] | undefined = works('docker', ['compose', 'version'])
  ? ['docker', 'compose']
  : works('docker-compose', ['version'])
    ? ['docker-compose']
    : undefined;
const SKIP_COMPOSE = 'docker-compose.yml check skipped: neither `docker compose` nor `docker-compose` is installed (apt-get install docker-compose)';
if (!compose) console.warn(SKIP_COMPOSE);
const caddy = works('caddy', ['version']);
if (!caddy) console.warn('Caddyfile check skipped: caddy is not installed (apt-get install caddy)');

async function config(env: Record<string, string>) {
  const [command, ...args] = compose!;
  return run(command!, [...args, '--env-file', '.env.example', 'config'], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
}

describe.skipIf(!compose)(`docker-compose.yml (${compose?.join(' ')} config)`, () => {
  let services: Record<string, Record<string, unknown>>;
  let volumes: Record<string, unknown>;
  beforeAll(async () => {
    // The services read .env; here the documented example stands in for it.
    const { stdout } = await config({ PNYX_ENV_FILE: '.env.example' });
    ({ services, volumes } = parse(stdout));
  });

  it('runs PostgreSQL, Redis, two Pnyx replicas and a proxy, each with a healthcheck', () => {
    expect(Object.keys(services).sort()).toEqual(['pnyx', 'postgres', 'proxy', 'redis']);
    for (const [name, service] of Object.entries(services)) expect(service.healthcheck, `${name} has a healthcheck`).toBeDefined();
    expect(services.pnyx!.deploy).toMatchObject({ replicas: 2 });
  });

  it('publishes no port of the replicas (they could not share one): the proxy does', () => {
    expect(services.pnyx!.ports).toBeUndefined();
    expect(services.postgres!.ports).toBeUndefined();
    expect(services.redis!.ports).toBeUndefined();
    expect(JSON.stringify(services.proxy!.ports)).toMatch(/"target":80\b/);
  });

  it('hands Pnyx its database and Redis from the .env secrets, and gives it time to drain on stop', () => {
    const env = services.pnyx!.environment as Record<string, string>;
    expect(env.DATABASE_URL).toBe('postgresql://pnyx:change-me-postgres@postgres:5432/pnyx');
    expect(env.REDIS_URL).toBe('redis://:change-me-redis@redis:6379');
    expect(env.WEB_HOST).toBe('0.0.0.0');
    expect(services.pnyx!.stop_signal).toBe('SIGTERM');
    expect(services.pnyx!.stop_grace_period).toBe('30s');
    expect(services.pnyx!.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });

  it('keeps its data in named volumes', () => {
    expect(Object.keys(volumes).sort()).toEqual(['caddyconfig', 'caddydata', 'pgdata', 'redisdata']);
    expect(JSON.stringify(services.postgres!.volumes)).toMatch(/pgdata:\/var\/lib\/postgresql\/data/);
    expect(JSON.stringify(services.redis!.volumes)).toMatch(/redisdata:\/data/);
  });

  it('splits a big Discord bot\'s shards between two groups of replicas with docker-compose.shards.yml', async () => {
    const [command, ...args] = compose!;
    const { stdout } = await run(command!, [...args, '-f', 'docker-compose.yml', '-f', 'docker-compose.shards.yml', '--env-file', '.env.example', 'config'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PNYX_ENV_FILE: '.env.example' },
    });
    const both = (parse(stdout) as { services: Record<string, Record<string, unknown>> }).services;
    const envOf = (name: string) => both[name]!.environment as Record<string, string>;
    expect(envOf('pnyx')).toMatchObject({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '0-1' });
    expect(envOf('pnyx-shards-2-3')).toMatchObject({ DISCORD_SHARD_COUNT: '4', DISCORD_SHARD_IDS: '2-3' });
    // The second group is the same program on the same database and Redis, healthy-checked and drained alike.
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'PNYX_CONFIG', 'WEB_HOST', 'WEB_PORT', 'TELEGRAM_WEBHOOK_PORT', 'SLACK_PORT']) expect(envOf('pnyx-shards-2-3')[key], key).toBe(envOf('pnyx')[key]);
    expect(both['pnyx-shards-2-3']!.healthcheck).toEqual(both.pnyx!.healthcheck);
    expect(both['pnyx-shards-2-3']!.stop_grace_period).toBe('30s');
  });

  it('refuses to start without the passwords', async () => {
    const [command, ...args] = compose!;
    // An empty env file: no password anywhere.
    const empty = join(mkdtempSync(join(tmpdir(), 'pnyx-compose-')), 'empty.env');
    writeFileSync(empty, '');
    const attempt = run(command!, [...args, '--env-file', empty, 'config'], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, PNYX_ENV_FILE: '.env.example' } });
    await expect(attempt).rejects.toThrow(/set (POSTGRES|REDIS)_PASSWORD in \.env/);
  });
});

describe.skipIf(!caddy)('deploy/Caddyfile (caddy validate)', () => {
  it('parses', async () => {
    // A non-zero exit (a parse error) rejects here.
    const { stdout, stderr } = await run('caddy', ['validate', '--config', 'deploy/Caddyfile', '--adapter', 'caddyfile'], { cwd: root });
    expect(`${stdout}${stderr}`).toMatch(/Valid configuration/);
  });
});

describe('the image’s healthcheck (scripts/healthcheck.mjs)', () => {
  let server: OpsServer;
  beforeAll(async () => {
    server = await serveOps(createOps({ metrics: createMetrics() }).routes, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  const check = (port: string) =>
    run(process.execPath, ['scripts/healthcheck.mjs'], { cwd: root, env: { PATH: process.env.PATH, WEB_PORT: port } }).then(
      () => 0,
      (error: { code: number }) => error.code,
    );

  it('passes while the process answers /healthz, fails when nothing listens', async () => {
    const port = new URL(server.url).port;
    expect(await check(port)).toBe(0);
    await server.close();
    expect(await check(port)).toBe(1);
  });
});

describe('.env.example', () => {
  it('documents every variable the core and the adapters read', () => {
    const text = readFileSync(join(root, '.env.example'), 'utf8');
    const documented = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const read = [EnvSchema, OpsEnvSchema, WebEnvSchema, TelegramEnvSchema, DiscordEnvSchema, SlackEnvSchema].flatMap((schema) => Object.keys(schema.shape));
    expect(read.filter((name) => !documented.has(name))).toEqual([]);
  });
});
