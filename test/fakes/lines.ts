// A writable stream that keeps every line written to it: for tests that read what a logger printed.
import { Writable } from 'node:stream';

export function lineCapture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}
