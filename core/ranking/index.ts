// Public face of the ranking: maths (math/: counts, fit, battle-level bootstrap, groups and bounds, style control, tie
// models), readers (readers/: database, public files), pictures (charts/), outputs (format.ts), categories, voter
// quality and the chat board.
export * from './types';
export { addCounts, createCountsBuilder, mergeCounts, totalVotes, type CountsBuilder } from './math/counts';
export { computeLeaderboard, computeLeaderboardAsync, DEFAULTS, SCALE, type ComputeOptions } from './leaderboard';
export { createBootstrapPool, type BootstrapPool, type BootstrapRunner } from './parallel';
export {
  addRows,
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
export { compactCount, formatComparison, formatTable, groupTitle, segmentLabel, summaryLine, toJson, TABLE_WIDTH, warningText, type LeaderboardJson, type TableOptions } from './format';
export { chartAlt, renderChartPng, renderChartSvg, type ChartOptions } from './charts/scores';
export { matrixAlt, renderBattleCountPng, renderHeatmapPng, renderMatrixSvg, type MatrixOptions } from './charts/matrix';
export { CATEGORY_IDS, isCategoryId, type CategoryId } from './categories/ids';
export { categorize, estimateTokens, type PromptInput } from './categories/heuristics';
export { createCategoryClassifier, type ChatMessage, type Classification, type Generate } from './categories/classifier';
export { assessVoters, type VoterPolicy, type VoterReport, type VoterVerdict } from './math/voters';
export { herdingByChat, type HerdingResult } from './math/herding';
export { formatReport, type ReportInput } from './report';
export { RankingConfigSchema, type RankingConfig } from './config';
export { createChatBoard, type CategoryChoice, type ChatBoard, type ChatBoardOptions, type ChatBoardRenderer, type ChatBoardRequest } from './chat-board';
export { capDailyVotes, dedupHighFrequency, needsRows, prepareVotes, VoteOptionsSchema, type PreparedVotes, type VoteOptions } from './votes';
export {
  categoryWhere,
  countsQuery,
  readCategoryCounts,
  readFirstPrompts,
  readStyleBattles,
  readVoteCounts,
  readVotes,
  unknownSegmentValues,
  votesQuery,
  type RankingDb,
} from './readers/source-db';
export {
  categoriesOfRecord,
  parseRecord,
  readJsonlRange,
  readVotesFile,
  type FileFormat,
  type Excluded,
  type FileVotes,
  type Malformed,
  type PartialRead,
  type RangeReader,
  type ReadFileOptions,
  type ReadFileParallelOptions,
} from './readers/source-file';
