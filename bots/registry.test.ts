import { describe, expect, it } from 'vitest';
import { adapterEnvs, loadAdapters, plannedAdapters } from './registry';

const planned = async (env: NodeJS.ProcessEnv) => plannedAdapters(adapterEnvs(await loadAdapters(), env));
const names = async (env: NodeJS.ProcessEnv) => (await planned(env)).map((a) => a.name);

describe('adapter plan', () => {
  it('runs the playground alone without tokens, beside a bot only when asked, never when forbidden', async () => {
    expect(await names({})).toEqual(['web']);
    expect(await names({ TELEGRAM_BOT_TOKEN: '123:abc' })).toEqual(['telegram']);
    expect(await names({ TELEGRAM_BOT_TOKEN: '123:abc', WEB_ENABLED: 'true' })).toEqual(['telegram', 'web']);
    expect(await names({ WEB_ENABLED: 'false' })).toEqual([]);
  });

  it('knows before starting anything whether an adapter will serve the health and metrics routes', async () => {
    expect((await planned({})).some((a) => a.hostsOps)).toBe(true);
    expect((await planned({ TELEGRAM_BOT_TOKEN: '123:abc' })).some((a) => a.hostsOps)).toBe(false);
  });
});
