// Plain explanations of model failures for the admin at the terminal: which model, which provider, what went wrong
// (timeout, HTTP 401, unreachable...). The engine keeps battles anonymous and skips unhealthy models quietly, which is
// right in a chat; an admin checking a configuration needs the names and the causes.
import type { PnyxApp } from '../../core/app';
import type { ModelReplaced } from '../../core/engine/arena';
import type { Translate } from '../../core/i18n';
import type { ModelCard } from '../../core/providers/types';

const FAILED = new Set(['error', 'timeout', 'aborted']);
export const PROBE_TIMEOUT_MS = 20_000;

function label(card: ModelCard | undefined, id: string): string {
  return card && card.displayName !== id ? `${id} (${card.displayName})` : id;
}

/** Why each side of a failed battle failed, from the stored replies. */
export async function explainFailedBattle(app: PnyxApp, t: Translate, battleId: string): Promise<string[]> {
  const turns = await app.store.getTurns(battleId);
  const last = turns.at(-1);
  if (!last) return [];
  const cards = new Map(app.models.cards.map((c) => [c.id, c]));
  const lines: string[] = [];
  for (const side of ['a', 'b'] as const) {
    const reply = last.replies[side];
    if (!reply || !FAILED.has(reply.finishReason ?? '')) continue;
    const card = cards.get(reply.modelId);
    lines.push(
      t('terminal-side-failed', {
        side: side.toUpperCase(),
        model: label(card, reply.modelId),
        provider: card?.provider ?? '?',
        error: reply.error ?? reply.finishReason ?? '?',
      }),
    );
  }
  return lines;
}

/** Models (among `ids`) that failed their health check, each with the cause found by one short test request. */
export async function explainUnhealthy(app: PnyxApp, t: Translate, ids: string[], prompt: string): Promise<string[]> {
  const healthy = await app.models.healthy(ids);
  const cards = new Map(app.models.cards.map((c) => [c.id, c]));
  const down = ids.filter((id) => !healthy.has(id));
  return Promise.all(
    down.map(async (id) => {
      const card = cards.get(id);
      const params = { model: label(card, id), provider: card?.provider ?? '?' };
      const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
      const result = await app.models.client(id).generate({ messages: [{ role: 'user', content: prompt }], maxOutputTokens: 16, signal });
      if (!FAILED.has(result.finishReason)) return t('terminal-unhealthy-probe-ok', params);
      const error = result.finishReason === 'aborted' && signal.aborted ? t('terminal-probe-timeout', { seconds: PROBE_TIMEOUT_MS / 1000 }) : (result.error ?? result.finishReason);
      return t('terminal-unhealthy', { ...params, error });
    }),
  );
}

export function explainReplaced(app: PnyxApp, t: Translate, replaced: ModelReplaced[]): string[] {
  const cards = new Map(app.models.cards.map((c) => [c.id, c]));
  return replaced.map((r) => t('terminal-replaced', { model: label(cards.get(r.failed), r.failed), error: r.error }));
}
