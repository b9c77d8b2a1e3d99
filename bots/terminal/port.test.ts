// The terminal's ChatPort against the shared port contract: what the engine relies on holds in a terminal too.
import { PassThrough } from 'node:stream';
import { portContract } from '../../test/port-contract';
import { createTerminalPort } from './port';
import { createScreen } from './screen';

portContract('terminal', async () => {
  const out = Object.assign(new PassThrough(), { isTTY: false, columns: 100 });
  out.resume();
  const screen = createScreen({ out, mode: 'plain', color: false, status: () => '' });
  const port = createTerminalPort(screen, { idPrefix: 'contract' });
  return {
    port,
    chat: { platform: 'terminal', id: 'local', kind: 'private' },
    async shown(ref) {
      const message = port.messages.find((m) => m.ref === ref);
      return message ? { text: message.text, buttons: (message.buttons ?? []).map((row) => row.map((b) => b.data)) } : undefined;
    },
    async close() {
      screen.dispose();
    },
  };
});
