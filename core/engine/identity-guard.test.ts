import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../providers/types';
import { createIdentityGuard } from './identity-guard';

const cards: ModelCard[] = [
  { id: 'acme-7b', provider: 'p', displayName: 'Acme 7B', organisation: 'Acme Research', demo: false, weight: 1 },
  { id: 'demo-lexicon', provider: 'demo', displayName: 'Lexicon (demo)', organisation: 'Pnyx demo', demo: true, weight: 1 },
];

describe('identity guard', () => {
  const guard = createIdentityGuard(cards, ['Skynet']);

  it('finds well-known model and lab names, whatever their case', () => {
    expect(guard.scan('I am ChatGPT, a large language model trained by OpenAI.').sort()).toEqual(['chatgpt', 'openai']);
    expect(guard.scan('As Claude, made by Anthropic, I cannot say.').sort()).toEqual(['anthropic', 'claude']);
  });

  it('finds the configured models, their organisations and extra terms', () => {
    expect(guard.scan('This is Acme 7B speaking.')).toEqual(['acme 7b']);
    expect(guard.scan('Built at acme research labs.')).toEqual(['acme research']);
    expect(guard.scan('skynet online')).toEqual(['skynet']);
  });

  it('does not flag ordinary words that contain a name, or demo persona names', () => {
    expect(guard.scan('Llamas and alpacas graze; a grokking moment; the mistrals blow.')).toEqual([]);
    expect(guard.scan('A lexicon is a dictionary.')).toEqual([]);
    expect(guard.scan('')).toEqual([]);
  });
});
