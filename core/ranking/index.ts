// Public face of the ranking: pure computation (counts, fit, bootstrap, segments, comparison, outputs) plus the two
// readers (database, public files).
export * from './types';
export { createCountsBuilder, mergeCounts, totalVotes, type CountsBuilder } from './math/counts';
export { computeLeaderboard, computeLeaderboardAsync, DEFAULTS, SCALE, type ComputeOptions } from './leaderboard';
export { createBootstrapPool, type BootstrapPool, type BootstrapRunner } from './parallel';
export {
  aggregate,
  aggregateBy,
  aggregateByPeriod,
  describeSegment,
  inSegment,
  parseSegment,
  periodStart,
  SEGMENT_KEYS,
  type GroupKey,
  type Period,
  type Segment,
} from './segments';
export { compareRankings, kendallTau, type RankingComparison, type RankShift } from './math/compare';
export { styleOf, STYLE_FEATURES } from './math/style';
export { compactCount, formatComparison, formatTable, segmentLabel, summaryLine, toJson, TABLE_WIDTH, type LeaderboardJson, type TableOptions } from './format';
export { chartAlt, renderChartPng, renderChartSvg, type ChartOptions } from './charts/scores';
export { readStyleBattles, readVoteCounts, countsQuery, type RankingDb } from './readers/source-db';
export {
  parseRecord,
  readJsonlRange,
  readVotesFile,
  type FileFormat,
  type FileVotes,
  type Malformed,
  type PartialRead,
  type RangeReader,
  type ReadFileOptions,
  type ReadFileParallelOptions,
} from './readers/source-file';
