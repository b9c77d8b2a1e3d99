import { describe, expect, it } from 'vitest';
import { lineCapture } from '../test/fakes/lines';
import { createLogger } from './log';

function capture() {
  const { lines, stream } = lineCapture();
  return { lines, log: createLogger({ level: 'info', destination: stream }) };
}

describe('logger', () => {
  it('redacts tokens, keys and authorisation headers wherever they are nested', () => {
    const { lines, log } = capture();
    log.info(
      {
        token: '123456:telegram-secret',
        provider: { apiKey: 'sk-live-abc', headers: { authorization: 'Bearer sk-live-abc' } },
        env: { TELEGRAM_BOT_TOKEN: '123456:telegram-secret', DATABASE_URL: 'postgresql://u:pw@h/db' },
        model: 'kept',
      },
      'starting',
    );
    const out = lines.join('');
    expect(out).not.toMatch(/telegram-secret|sk-live-abc|pw@h/);
    expect(out).toContain('[redacted]');
    expect(JSON.parse(lines[0]!).model).toBe('kept');
  });
});
