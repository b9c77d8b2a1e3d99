// The three time limits every provider enforces the same way, and the other small pieces the providers share.
// One AbortController per generation is aborted by whichever comes first: the caller's signal or a limit; the
// watchdog remembers which, so the result can say "timeout (between chunks)" rather than just "aborted".
import type { FinishReason, GenerateResult, ProviderErrorKind } from './types';

export interface Timeouts {
  firstTokenMs: number;
  chunkMs: number;
  totalMs: number;
}

export type LimitName = 'first token' | 'between chunks' | 'total';

export interface Watchdog {
  /** Aborted when the caller aborts or a limit is hit. */
  readonly signal: AbortSignal;
  /** Which limit fired, if any. */
  readonly fired: LimitName | undefined;
  /** True when the caller's own signal aborted. */
  readonly callerAborted: boolean;
  /** Start (or restart, for a retry) the wait for the first piece of text. */
  awaitFirstToken(): void;
  /** A piece of text arrived: stop the first-token wait, restart the between-chunks wait. */
  chunk(): void;
  /** Stop waiting for chunks (between attempts, or when done). */
  pause(): void;
  /** Milliseconds left before the total limit. */
  remainingMs(): number;
  dispose(): void;
}

// Both objects below expose state as data properties the closures write, never as getters: an object literal with a
// getter closing over per-call state gets a hidden class of its own in old space, which keeps every call's closures
// (and whatever they reach) alive through young-generation GCs (see core/port/live.ts and BENCHMARKS.md).
export function startWatchdog(timeouts: Timeouts, outer?: AbortSignal): Watchdog {
  const controller = new AbortController();
  const started = performance.now();
  let waitTimer: NodeJS.Timeout | undefined;
  let waitingFor: LimitName | undefined;

  const fire = (limit: LimitName) => {
    if (controller.signal.aborted) return;
    wd.fired = limit;
    controller.abort(new Error(`time limit: ${limit}`));
  };
  const onOuterAbort = () => {
    if (controller.signal.aborted) return;
    wd.callerAborted = true;
    controller.abort(outer?.reason);
  };
  const setWait = (ms: number, limit: LimitName) => {
    // Perf (bench/ack.ts): every chunk restarts the between-chunks wait; the same timer is moved rather than a new one
    // made and the old one cleared, for each chunk of every reply streaming.
    if (waitTimer && waitingFor === limit) {
      waitTimer.refresh();
      return;
    }
    clearTimeout(waitTimer);
    waitingFor = limit;
    waitTimer = setTimeout(() => fire(limit), ms);
  };
  const totalTimer = setTimeout(() => fire('total'), timeouts.totalMs);

  const wd: { -readonly [K in keyof Watchdog]: Watchdog[K] } = {
    signal: controller.signal,
    fired: undefined,
    callerAborted: false,
    awaitFirstToken: () => setWait(timeouts.firstTokenMs, 'first token'),
    chunk: () => setWait(timeouts.chunkMs, 'between chunks'),
    pause: () => {
      clearTimeout(waitTimer);
      waitTimer = undefined;
    },
    remainingMs: () => Math.max(0, timeouts.totalMs - (performance.now() - started)),
    dispose() {
      clearTimeout(waitTimer);
      clearTimeout(totalTimer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  return wd;
}

/** The human-readable message for a limit that fired, e.g. "timed out: no text within the first-token limit (30 s)". */
export function timeoutMessage(limit: LimitName, timeouts: Timeouts): string {
  const seconds = (ms: number) => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`);
  switch (limit) {
    case 'first token':
      return `timed out waiting for the first token (limit ${seconds(timeouts.firstTokenMs)})`;
    case 'between chunks':
      return `timed out between chunks: the model went silent mid-reply (limit ${seconds(timeouts.chunkMs)})`;
    case 'total':
      return `timed out: the whole reply took longer than the total limit (${seconds(timeouts.totalMs)})`;
  }
}

/** Sleep that ends early (rejecting with the signal's reason) when the signal aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The same pause taken again and again by one loop (a demo model's pace between tokens), ending early (rejecting with
 * the signal's reason) when the signal aborts: one timer, moved for each pause, and one abort listener for the whole
 * loop (dispose() after it). A timer and an abort listener made and dropped per token were most of what a streaming
 * demo reply cost (bench/ack.ts).
 */
export function repeatedPause(ms: number, signal: AbortSignal): { pause(): Promise<void>; dispose(): void } {
  let waiting: { resolve(): void; reject(reason: unknown): void } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const wake = () => {
    const w = waiting;
    waiting = undefined;
    w?.resolve();
  };
  const onAbort = () => {
    clearTimeout(timer);
    const w = waiting;
    waiting = undefined;
    w?.reject(signal.reason);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  return {
    pause() {
      if (signal.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        waiting = { resolve, reject };
        // refresh() re-arms a timer that already fired, from now.
        if (timer) timer.refresh();
        else timer = setTimeout(wake, ms);
      });
    },
    dispose() {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    },
  };
}

/** Tracks text, first-token time and the wall clock of one generation, and builds its result. */
export function startTranscript(onText?: (delta: string) => void) {
  const started = performance.now();
  let ttftMs: number | undefined;
  const transcript = {
    /** The text so far. */
    text: '',
    push(delta: string) {
      if (!delta) return;
      if (ttftMs === undefined) ttftMs = Math.round(performance.now() - started);
      transcript.text += delta;
      onText?.(delta);
    },
    result(finishReason: FinishReason, extra: { error?: string; errorKind?: ProviderErrorKind; tokensIn?: number; tokensOut?: number } = {}): GenerateResult {
      const result: GenerateResult = { text: transcript.text, finishReason, latencyMs: Math.round(performance.now() - started) };
      if (ttftMs !== undefined) result.ttftMs = ttftMs;
      if (extra.error !== undefined) result.error = extra.error;
      if (extra.errorKind !== undefined) result.errorKind = extra.errorKind;
      if (extra.tokensIn !== undefined) result.tokensIn = extra.tokensIn;
      if (extra.tokensOut !== undefined) result.tokensOut = extra.tokensOut;
      return result;
    },
  };
  return transcript;
}

/** Result for a generation that ended because of the watchdog (limit or caller abort). */
export function stoppedResult(
  wd: Watchdog,
  timeouts: Timeouts,
  transcript: ReturnType<typeof startTranscript>,
  extra: { tokensIn?: number; tokensOut?: number } = {},
): GenerateResult {
  if (wd.fired) return transcript.result('timeout', { ...extra, error: timeoutMessage(wd.fired, timeouts) });
  return transcript.result('aborted', { ...extra, error: 'aborted: the generation was cancelled' });
}

/** Removes every occurrence of each secret from a text. */
export function redact(text: string, secrets: Array<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Counts whitespace-separated words: the demo models' token unit, and an estimate elsewhere. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
