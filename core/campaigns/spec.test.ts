import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkModels, parseCampaignFile, validateSpec } from './spec';

const minimal = { slug: 'fr-2027', title: { fr: 'Campagne' }, languages: ['fr'] };
const problemsOf = (raw: unknown) => {
  const result = validateSpec(raw);
  return result.ok ? [] : result.problems;
};
const pathsOf = (raw: unknown) => problemsOf(raw).map((p) => p.path);

describe('campaign files', () => {
  it('accepts campaigns/example.yaml as it is, with every documented key', () => {
    const result = parseCampaignFile(readFileSync(new URL('../../campaigns/example.yaml', import.meta.url), 'utf8'));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    const keys = Object.keys(result.spec).sort();
    expect(keys).toEqual(['bigVsSmall', 'chats', 'custom', 'description', 'diverse', 'ends', 'frugal', 'goal', 'joinCode', 'judgments', 'languages', 'mode', 'models', 'pairing', 'schedule', 'slug', 'starts', 'title', 'topics'].sort());
    expect(checkModels(result.spec, new Set(['demo-lexicon', 'demo-markov', 'demo-outline']))).toEqual([]);
  });

  it('reads the optional judgments: labels from the list, a rating, defaults filled; refuses unknown or empty asks', () => {
    const ok = validateSpec({ ...minimal, judgments: { labels: ['spam', 'fails-task'] } });
    expect(ok.ok && ok.spec.judgments).toEqual({ labels: ['spam', 'fails-task'], rating: false });
    const rating = validateSpec({ ...minimal, judgments: { rating: true } });
    expect(rating.ok && rating.spec.judgments).toEqual({ labels: [], rating: true });
    expect(validateSpec(minimal).ok && (validateSpec(minimal) as { spec: { judgments?: unknown } }).spec.judgments).toBeUndefined();
    expect(pathsOf({ ...minimal, judgments: { labels: ['rude'] } })).toEqual(['judgments.labels.0']);
    expect(pathsOf({ ...minimal, judgments: { labels: ['spam', 'spam'] } })).toEqual(['judgments.labels']);
    expect(pathsOf({ ...minimal, judgments: {} })).toEqual(['judgments']);
    expect(pathsOf({ ...minimal, judgments: { rating: true, humour: true } })).toEqual(['judgments']);
  });

  it('fills defaults for a minimal file', () => {
    const result = validateSpec(minimal);
    expect(result.ok && result.spec).toMatchObject({ mode: 'random', pairing: 'random', models: [], topics: {}, chats: [] });
  });

  it.each([
    ['slug', { ...minimal, slug: 'Bad Slug' }],
    ['title', { ...minimal, title: {} }],
    ['title.french', { ...minimal, title: { french: 'x' } }],
    ['languages', { ...minimal, languages: [] }],
    ['languages.1', { ...minimal, languages: ['fr', 'French'] }],
    ['starts', { ...minimal, starts: 'next monday' }],
    ['ends', { ...minimal, starts: '2027-03-01', ends: '2027-01-01' }],
    ['goal.votes', { ...minimal, goal: { votes: -5 } }],
    ['goal.perLanguage.de', { ...minimal, goal: { votes: 10, perLanguage: { de: 5 } } }],
    ['models.0.weight', { ...minimal, models: [{ id: 'm', weight: 0 }] }],
    ['models.1.id', { ...minimal, models: [{ id: 'm' }, { id: 'm' }] }],
    ['mode', { ...minimal, mode: 'chaos' }],
    ['pairing', { ...minimal, pairing: 'smart' }],
    ['custom', { ...minimal, mode: 'custom' }],
    ['custom.models', { ...minimal, custom: { models: ['a'] } }],
    ['custom.models.1', { ...minimal, custom: { models: ['a', 'a'] } }],
    ['diverse', { ...minimal, mode: 'diverse' }],
    ['diverse.stances', { ...minimal, diverse: { stances: [{ id: 'a', label: { en: 'A' }, prompt: 'a long enough prompt' }] } }],
    ['diverse.stances.1.id', { ...minimal, diverse: { stances: [0, 1].map(() => ({ id: 'same', label: { en: 'A' }, prompt: 'a long enough prompt' })) } }],
    ['diverse.stances.0.prompt', { ...minimal, diverse: { stances: [{ id: 'a', label: { en: 'A' }, prompt: 'short' }, { id: 'b', label: { en: 'B' }, prompt: 'a long enough prompt' }] } }],
    ['topics.en', { ...minimal, topics: { en: [{ id: 'x', prompt: 'hello there' }] } }],
    ['topics.fr.0.id', { ...minimal, topics: { fr: [{ id: 'Not An Id', prompt: 'bonjour à tous' }] } }],
    ['topics.fr.1.id', { ...minimal, topics: { fr: [{ id: 'x', prompt: 'bonjour à tous' }, { id: 'x', prompt: 'bonsoir à tous' }] } }],
    ['topics.fr.0.kind', { ...minimal, topics: { fr: [{ id: 'x', kind: 'rant', prompt: 'bonjour à tous' }] } }],
    ['schedule.leaderboard.cron', { ...minimal, schedule: { leaderboard: { cron: '0 25 * * * *x', timezone: 'UTC' } } }],
    ['schedule.leaderboard.timezone', { ...minimal, schedule: { leaderboard: { cron: '0 18 * * 1', timezone: 'Mars/Olympus' } } }],
    ['schedule.promptOfTheDay', { ...minimal, schedule: { promptOfTheDay: { cron: '0 9 * * *' } } }],
    ['joinCode', { ...minimal, joinCode: 'x' }],
    ['chats.0.id', { ...minimal, chats: [{ platform: 'telegram' }] }],
    ['chats.1', { ...minimal, chats: [{ platform: 'web', id: 'r' }, { platform: 'web', id: 'r' }] }],
    ['(file)', { ...minimal, colour: 'blue' }],
  ])('reports %s', (path, raw) => {
    const problems = problemsOf(raw);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.path)).toContain(path);
    for (const p of problems) expect(p.message).toMatch(/\w/);
  });

  it('reports every mistake at once, not only the first', () => {
    expect(pathsOf({ ...minimal, slug: 'X', mode: 'chaos', goal: { votes: 0 } })).toEqual(expect.arrayContaining(['slug', 'mode', 'goal.votes']));
  });

  it('reports YAML syntax errors with their line', () => {
    const result = parseCampaignFile('slug: x\ntitle: [unclosed\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toMatch(/^line \d+$/);
  });

  it('reports models the configuration does not know, with their path', () => {
    const result = validateSpec({ ...minimal, models: [{ id: 'demo-lexicon' }, { id: 'gpt-9' }], mode: 'custom', custom: { models: ['demo-lexicon', 'ghost'] } });
    expect(result.ok).toBe(true);
    if (result.ok) expect(checkModels(result.spec, new Set(['demo-lexicon'])).map((p) => p.path)).toEqual(['models.1.id', 'custom.models.1']);
  });
});
