// Energy and greenhouse-gas emissions of one reply, estimated with EcoLogits' method (https://ecologits.ai), as
// compar:IA shows them at the reveal. A reimplementation of the published formulas and constants (facts gathered in
// the team's notes/energy.md, checked there against EcoLogits' own Python output); no EcoLogits data file is copied.
//
// Inputs: the model card's parameter counts (billions; active = total for dense models) and the reply's output tokens.
// Like compar:IA: no measured latency (the formulas' own estimate is used), the world electricity mix (WOR), and the
// average of a range's ends. Two versions: 0.8.2 (what compar:IA pins) and 0.9.1 (the latest; 20–40× lower, because
// it models batched inference on H100s). Pnyx shows 0.9.1 by default and names the version wherever it shows a figure.

export type EnergyMethod = 'ecologits-0.9.1' | 'ecologits-0.8.2';
export const DEFAULT_ENERGY_METHOD: EnergyMethod = 'ecologits-0.9.1';
export const ENERGY_METHODS: readonly EnergyMethod[] = ['ecologits-0.9.1', 'ecologits-0.8.2'];

/** An electricity mix: greenhouse-gas intensity of a kWh (kg CO2e/kWh). */
export interface ElectricityMix {
  zone: string;
  gwpKgPerKWh: number;
}

/** World average mix, per version (EcoLogits' electricity_mixes.csv of each release). */
const WORLD: Record<EnergyMethod, ElectricityMix> = {
  'ecologits-0.9.1': { zone: 'WOR', gwpKgPerKWh: 0.47301 },
  'ecologits-0.8.2': { zone: 'WOR', gwpKgPerKWh: 0.590478 },
};

export interface EnergyInput {
  /** Billions of parameters, all of them (the GPU memory the model needs). */
  totalParamsB: number;
  /** Billions of parameters used per token (mixture-of-experts); the total for dense models. */
  activeParamsB: number;
  /** Tokens the reply generated. */
  outputTokens: number;
}

export interface EnergyEstimate {
  method: EnergyMethod;
  /** Energy drawn from the grid, data-centre overhead (PUE) included, in watt-hours. */
  energyWh: number;
  /** Emissions of that electricity plus the hardware's embodied share, in grams of CO2e. */
  co2eG: number;
}

/** 0.9.1 constants (ecologits/impacts/llm.py and docs/methodology/llm_inference.md). */
const V091 = {
  batch: 64,
  gpuMemoryGB: 80,
  /** bits per parameter: 16-bit weights */
  bits: 16,
  memoryOverhead: 1.2,
  serverPowerKW: 1.2,
  gpusPerServer: 8,
  /** a PUE EcoLogits uses for its cloud providers' defaults, and the note's reference cases */
  pue: 1.2,
  serverEmbodiedKg: 5700,
  gpuEmbodiedKg: 164,
  lifetimeSeconds: 94_608_000, // 3 years
};

/** 0.8.2 constants: 4-bit weights, no batching, older hardware figures. */
const V082 = {
  gpuMemoryGB: 80,
  bits: 4,
  memoryOverhead: 1.2,
  serverPowerKW: 1,
  gpusPerServer: 8,
  pue: 1.2,
  serverEmbodiedKg: 3000,
  gpuEmbodiedKg: 143,
  lifetimeSeconds: 157_680_000, // 5 years
};

function estimate091(input: EnergyInput, mix: ElectricityMix): EnergyEstimate {
  const { activeParamsB: active, totalParamsB: total, outputTokens: tokens } = input;
  const c = V091;
  const gpuWhPerToken = 1.1665273170451914e-6 * Math.exp(-0.011205921025579175 * c.batch) * active + 4.052928146734005e-5;
  const gpuKWh = (tokens * gpuWhPerToken) / 1000;
  const latencyS = tokens * (6.785088094353663e-4 * active + 3.119310311688259e-4 * c.batch + 0.019473717579473387);
  const memoryGB = (c.memoryOverhead * total * c.bits) / 8;
  const gpus = 2 ** Math.ceil(Math.log2(Math.ceil(memoryGB / c.gpuMemoryGB)));
  const serverKWh = ((latencyS / 3600) * c.serverPowerKW * (gpus / c.gpusPerServer)) / c.batch;
  const kWh = c.pue * (serverKWh + gpus * gpuKWh);
  const embodiedKg = (latencyS * ((gpus / c.gpusPerServer) * c.serverEmbodiedKg + gpus * c.gpuEmbodiedKg)) / (c.lifetimeSeconds * c.batch);
  return { method: 'ecologits-0.9.1', energyWh: kWh * 1000, co2eG: (kWh * mix.gwpKgPerKWh + embodiedKg) * 1000 };
}

function estimate082(input: EnergyInput, mix: ElectricityMix): EnergyEstimate {
  const { activeParamsB: active, totalParamsB: total, outputTokens: tokens } = input;
  const c = V082;
  // 0.8.2 gives a range (the regressions' ±1.96σ); compar:IA shows the middle of it, which for these linear
  // regressions is the central estimate computed here.
  const gpuKWh = tokens * (8.91e-8 * active + 1.43e-6);
  const latencyS = tokens * (8.02e-4 * active + 2.23e-2);
  const memoryGB = (c.memoryOverhead * total * c.bits) / 8;
  const gpus = Math.ceil(memoryGB / c.gpuMemoryGB);
  const serverKWh = (latencyS / 3600) * c.serverPowerKW * (gpus / c.gpusPerServer);
  const kWh = c.pue * (serverKWh + gpus * gpuKWh);
  const embodiedKg = (latencyS * ((gpus / c.gpusPerServer) * c.serverEmbodiedKg + gpus * c.gpuEmbodiedKg)) / c.lifetimeSeconds;
  return { method: 'ecologits-0.8.2', energyWh: kWh * 1000, co2eG: (kWh * mix.gwpKgPerKWh + embodiedKg) * 1000 };
}

/** The estimate for one reply; `mix` defaults to the world average of the method's release (as compar:IA). */
export function estimateEnergy(input: EnergyInput, method: EnergyMethod = DEFAULT_ENERGY_METHOD, mix: ElectricityMix = WORLD[method]): EnergyEstimate {
  return method === 'ecologits-0.8.2' ? estimate082(input, mix) : estimate091(input, mix);
}

/**
 * The estimate from a model card and a token count, or undefined when the card has no parameter counts or the
 * provider reported no tokens (no figure rather than a guess). A card with only the total is taken as dense.
 */
export function replyEnergy(
  card: { totalParamsB?: number | undefined; activeParamsB?: number | undefined } | undefined,
  outputTokens: number | undefined,
  method: EnergyMethod = DEFAULT_ENERGY_METHOD,
): EnergyEstimate | undefined {
  const total = card?.totalParamsB;
  if (!total || outputTokens === undefined || outputTokens < 0) return undefined;
  const active = Math.min(card?.activeParamsB ?? total, total);
  return estimateEnergy({ totalParamsB: total, activeParamsB: active, outputTokens }, method);
}

// === Familiar equivalents (compar:IA's) =================================================================

/** A 5 W LED bulb (E14), as compar:IA: how long it shines on this energy. */
export const LED_BULB_WATTS = 5;
/** Grams of CO2e of one hour of HD video streamed to a TV over wifi (ADEME, via impactco2.fr; compar:IA's figure). */
export const STREAMING_G_PER_HOUR = 31.7;

/** Seconds a 5 W LED bulb shines on `energyWh`. */
export function ledSeconds(energyWh: number): number {
  return (energyWh / LED_BULB_WATTS) * 3600;
}

/** Seconds of HD video streaming that emit `co2eG`. */
export function streamingSeconds(co2eG: number): number {
  return (co2eG / STREAMING_G_PER_HOUR) * 3600;
}

/** A duration in the largest whole unit that fits (days, hours, minutes, seconds), truncated as compar:IA does. */
export function durationParts(seconds: number): { amount: number; unit: 'day' | 'hour' | 'minute' | 'second' } {
  if (seconds >= 86_400) return { amount: Math.trunc(seconds / 86_400), unit: 'day' };
  if (seconds >= 3600) return { amount: Math.trunc(seconds / 3600), unit: 'hour' };
  if (seconds >= 60) return { amount: Math.trunc(seconds / 60), unit: 'minute' };
  return { amount: Math.max(1, Math.trunc(seconds)), unit: 'second' };
}
