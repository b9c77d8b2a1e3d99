// The manifest a workspace admin pastes into "Create an app → From a manifest".
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../core/i18n';
import { COMMAND_CATALOGUE } from '../../core/port/commands';
import { DEFAULT_EVENTS, DEFAULT_SCOPES } from '../../test/fakes/slack';
import { SLASH_COMMANDS } from './commands';
import { BOT_SCOPES, buildManifest, manifestYaml, requestUrlOf } from './manifest';

const i18n = createI18n();

describe('manifest', () => {
  it('is committed as generated (Socket Mode): regenerate with `npm run -s slack:manifest > bots/slack/manifest.yaml`', () => {
    expect(readFileSync(new URL('./manifest.yaml', import.meta.url), 'utf8')).toBe(manifestYaml(i18n));
    const socket = parse(manifestYaml(i18n));
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toMatch(/https?:/);
  });

  it('asks for the scopes and events the app uses (those the fake Slack grants by default) and no more', () => {
    const manifest = buildManifest(i18n) as { oauth_config: { scopes: { bot: string[] } }; settings: { event_subscriptions: { bot_events: string[] } } };
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...DEFAULT_SCOPES].sort());
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(DEFAULT_EVENTS));
  });

  it('is explained scope by scope in the install guide', () => {
    const guide = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const [scope] of BOT_SCOPES) expect(guide).toContain(`\`${scope}\``);
  });

  it('registers the slash commands with the core catalogue\'s descriptions', () => {
    const manifest = buildManifest(i18n) as { features: { slash_commands: Array<{ command: string; description: string }> } };
    const t = i18n.t('en');
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(SLASH_COMMANDS.map((c) => c.slash));
    for (const c of SLASH_COMMANDS) expect(manifest.features.slash_commands.find((x) => x.command === c.slash)!.description).toBe(t(`command-${c.command}`));
    expect(COMMAND_CATALOGUE.map((c) => c.name)).toEqual(expect.arrayContaining(SLASH_COMMANDS.map((c) => c.command)));
  });

  it('points every request of an HTTP-mode app at /slack/events', () => {
    const http = parse(manifestYaml(i18n, { url: 'https://pnyx.example.com' }));
    const url = 'https://pnyx.example.com/slack/events';
    expect(http.settings).toMatchObject({ socket_mode_enabled: false, event_subscriptions: { request_url: url }, interactivity: { is_enabled: true, request_url: url } });
    expect(http.features.slash_commands.every((c: { url: string }) => c.url === url)).toBe(true);
    expect(requestUrlOf('https://pnyx.example.com/custom/path')).toBe('https://pnyx.example.com/custom/path');
    expect(() => requestUrlOf('http://pnyx.example.com')).toThrow(/https/);
  });
});
