// Installs nothing. The real-model tests run only when node-llama-cpp can be imported (installed in the project, or
// PNYX_NODE_LLAMA_CPP pointing at an install); they use PNYX_TEST_GGUF when set, else a tiny random-weight GGUF written
// for the test. Otherwise they are skipped with the reason. The missing-runtime path runs whenever the runtime is
// absent, since that is what most admins will meet first.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelSchema, ProviderSchema } from '../config/schema';
import { createLlamaCppClient, LLAMA_CPP_INSTALL_COMMAND, loadLlamaCpp, toChatHistory, type LlamaCppProviderConfig } from './llama-cpp';
import { writeTinyGguf } from './tiny-gguf';

const runtimeAvailable = await loadLlamaCpp().then(
  () => true,
  () => false,
);
let gguf = process.env.PNYX_TEST_GGUF;
if (runtimeAvailable && !gguf) {
  gguf = join(mkdtempSync(join(tmpdir(), 'pnyx-gguf-')), 'tiny-random.gguf');
  await writeTinyGguf(gguf, { seed: 1 });
}
const skipReason = !runtimeAvailable
  ? `node-llama-cpp is not importable (install it with: ${LLAMA_CPP_INSTALL_COMMAND})`
  : !gguf || !existsSync(gguf)
    ? `PNYX_TEST_GGUF does not name an existing file: ${gguf}`
    : '';
if (skipReason) console.warn(`[llama-cpp.test] real-model tests skipped: ${skipReason}`);

function client(path: string, timeouts: Record<string, number> = {}) {
  const provider = ProviderSchema.parse({ type: 'llama-cpp', timeouts: { firstTokenMs: 30_000, chunkMs: 10_000, totalMs: 60_000, ...timeouts } }) as LlamaCppProviderConfig;
  return createLlamaCppClient({ id: 'local', provider, model: ModelSchema.parse({ id: 'local', provider: 'local', path, maxOutputTokens: 24 }) });
}

const ask = [{ role: 'user' as const, content: 'What is a dog?' }];

describe('llama-cpp provider', () => {
  it('splits a conversation into history and the prompt to answer', () => {
    const { history, prompt } = toChatHistory(
      [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
        { role: 'user', content: 'what is a dog?' },
      ],
      'be brief',
    );
    expect(prompt).toBe('what is a dog?');
    expect(history).toEqual([
      { type: 'system', text: 'be brief' },
      { type: 'user', text: 'hi' },
      { type: 'model', response: ['hello'] },
    ]);
  });

  it('fails with a clear message, never a throw, when the model file is missing', async () => {
    const result = await client('/nonexistent/tiny.gguf').generate({ messages: ask });
    expect(result.finishReason).toBe('error');
    expect(result.error).toMatch(/model file not found: \/nonexistent\/tiny.gguf/);
    expect(await client('/nonexistent/tiny.gguf').health?.()).toBe(false);
  });

  it.skipIf(runtimeAvailable)('tells the admin how to install node-llama-cpp when it is missing', async () => {
    await expect(loadLlamaCpp()).rejects.toThrow(LLAMA_CPP_INSTALL_COMMAND);
    const result = await client(new URL(import.meta.url).pathname).generate({ messages: ask }); // any existing file
    expect(result.finishReason).toBe('error');
    expect(result.error).toContain('--omit=optional node-llama-cpp@3.22.1 @node-llama-cpp/linux-x64@3.22.1');
  });

  describe.skipIf(!!skipReason)('with a real GGUF model', () => {
    it('streams a reply with usage and is reproducible for a seed', async () => {
      const c = client(gguf!);
      const deltas: string[] = [];
      const a = await c.generate({ messages: ask, seed: 1, temperature: 0.8, onText: (d) => deltas.push(d) });
      expect(a.finishReason === 'stop' || a.finishReason === 'length').toBe(true);
      expect(deltas.join('')).toBe(a.text);
      expect(a.tokensOut).toBeGreaterThan(0);
      expect(a.tokensIn).toBeGreaterThan(0);
      const b = await c.generate({ messages: ask, seed: 1, temperature: 0.8 });
      expect(b.text).toBe(a.text);
      await c.close?.();
    });

    it('stops on abort', async () => {
      const c = client(gguf!);
      const controller = new AbortController();
      const result = await c.generate({ messages: ask, signal: controller.signal, onText: () => controller.abort() });
      expect(result.finishReason).toBe('aborted');
      await c.close?.();
    });
  });
});
