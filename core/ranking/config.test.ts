import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../config/schema';
import { DEMO_MODELS_CONFIG } from '../providers/registry';

describe('ranking configuration', () => {
  it('has defaults, and names the category model among the configured models', () => {
    const config = ConfigSchema.parse(DEMO_MODELS_CONFIG);
    expect(config.ranking).toEqual({ bootstrap: 300, dailyVoteCap: null, voters: 'off' });
    const model = config.models[0]!.id;
    expect(ConfigSchema.parse({ ...DEMO_MODELS_CONFIG, ranking: { categoryModel: model, dailyVoteCap: 20, voters: 'flag' } }).ranking).toMatchObject({ categoryModel: model, dailyVoteCap: 20 });
    const bad = ConfigSchema.safeParse({ ...DEMO_MODELS_CONFIG, ranking: { categoryModel: 'ghost' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['ranking', 'categoryModel'], message: 'unknown model "ghost" (add it under models:)' });
    expect(ConfigSchema.safeParse({ ...DEMO_MODELS_CONFIG, ranking: { voters: 'maybe' } }).success).toBe(false);
  });
});
