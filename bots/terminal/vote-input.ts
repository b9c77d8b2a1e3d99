// Reading the person's vote from stdin: a/b/t/x (re-asked on anything else), in a terminal or from a pipe.
import { createInterface } from 'node:readline';
import type { Translate } from '../../core/i18n';
import type { TerminalIO } from './battle';
import type { VoteOption } from './port';

/** Reads the vote: re-asks on anything that is not a/b/t/x; undefined when the input ends first. */
export async function readVote(io: TerminalIO, t: Translate, write: (s: string) => void, options: VoteOption[]): Promise<VoteOption | 'interrupted' | undefined> {
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  const rl = createInterface({ input: io.stdin, ...(interactive ? { output: io.stdout as NodeJS.WritableStream, terminal: true } : { terminal: false }) });
  // In a terminal readline catches Ctrl-C itself; without this it would only pause, waiting forever.
  let interrupted = false;
  rl.on('SIGINT', () => {
    interrupted = true;
    rl.close();
  });
  const abort = () => rl.close();
  io.interrupt?.addEventListener('abort', abort, { once: true });
  try {
    const lines = rl[Symbol.asyncIterator]();
    for (;;) {
      write(t('terminal-vote-prompt'));
      let line: string | undefined;
      do {
        const next = await lines.next();
        if (next.done) {
          write('\n');
          return interrupted || io.interrupt?.aborted ? 'interrupted' : undefined;
        }
        line = String(next.value).trim();
      } while (!line);
      if (!interactive) write(`${line}\n`);
      const option = options.find((o) => o.key === line!.toLowerCase());
      if (option) return option;
      write(`${t('terminal-vote-invalid', { input: line.length > 40 ? `${line.slice(0, 39)}…` : line })}\n`);
    }
  } finally {
    io.interrupt?.removeEventListener('abort', abort);
    rl.close();
  }
}
