// A reply that names a model or lab lets voters guess who is who, so its battle must not count in rankings
// (LMArena drops such battles; "If AI identity reveals, your vote won't count"). Votes are kept, the battle flagged.
import type { ModelCard } from '../providers/types';

/** Names that give a model away. Kept short and distinctive to limit false alarms on ordinary words. */
export const WELL_KNOWN_IDENTITIES = [
  'openai', 'chatgpt', 'gpt-3.5', 'gpt-4', 'gpt-4o', 'gpt-5', 'o1-preview', 'anthropic', 'claude', 'gemini', 'bard',
  'deepmind', 'gemma', 'llama', 'meta ai', 'qwen', 'alibaba cloud', 'mistral', 'mixtral', 'le chat', 'deepseek',
  'cohere', 'command-r', 'phi-3', 'phi-4', 'grok', 'xai', 'falcon', 'yi-34b', 'moonshot', 'kimi', 'zhipu', 'glm-4',
  'lucie', 'olmo', 'ai2', 'nemotron', 'nvidia', 'granite', 'ernie', 'baichuan', 'internlm', 'smollm', 'hugging face',
];

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface IdentityGuard {
  /** The distinct identity terms found in the text (lower-case), empty when clean. */
  scan(text: string): string[];
}

export function createIdentityGuard(cards: ModelCard[], extraTerms: string[] = []): IdentityGuard {
  const terms = new Set<string>([...WELL_KNOWN_IDENTITIES, ...extraTerms].map((t) => t.toLowerCase()));
  for (const card of cards) {
    // Demo personas are named after ordinary words ("Lexicon"); they reveal nothing real, so they are not terms.
    if (card.demo) continue;
    for (const name of [card.id, card.displayName, card.organisation]) {
      const term = name?.trim().toLowerCase();
      if (term && term.length >= 3) terms.add(term);
    }
  }
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${[...terms].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return {
    scan(text) {
      const found = new Set<string>();
      for (const match of text.matchAll(pattern)) found.add(match[1]!.toLowerCase());
      return [...found];
    },
  };
}
