// npm run battle -- "your prompt": one battle against the configured models in this terminal (see --help).
import { runTerminalBattle } from '../bots/terminal/battle';

const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

const code = await runTerminalBattle(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  interrupt: interrupt.signal,
});
process.exitCode = interrupt.signal.aborted ? 130 : code;
// Stdin may still be open (a terminal); nothing else is left to wait for.
process.stdin.pause();
process.stdin.unref?.();
