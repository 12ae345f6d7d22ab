/**
 * Fargate's valid CPU/memory pairs (CPU units → allowed MiB). A wrong pair fails at apply time in
 * AWS; here it fails at synth with the allowed values in the message.
 */
const FARGATE_SIZES: Readonly<Record<number, { min: number; max: number; step: number } | readonly number[]>> = {
  256: [512, 1024, 2048],
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

export function allowedFargateMemory(cpu: number): number[] {
  const spec = FARGATE_SIZES[cpu];
  if (spec === undefined) return [];
  if (Array.isArray(spec)) return [...spec];
  const { min, max, step } = spec as { min: number; max: number; step: number };
  const out: number[] = [];
  for (let m = min; m <= max; m += step) out.push(m);
  return out;
}

export function validateFargateSize(cpu: number, memory: number, where: string): void {
  const allowed = allowedFargateMemory(cpu);
  if (allowed.length === 0) {
    throw new RangeError(`${where}: cpu ${cpu} is not a Fargate size; use one of ${Object.keys(FARGATE_SIZES).join(", ")}`);
  }
  if (!allowed.includes(memory)) {
    const shown = allowed.length > 6 ? `${allowed[0]}-${allowed[allowed.length - 1]} in steps of ${allowed[1]! - allowed[0]!}` : allowed.join(", ");
    throw new RangeError(`${where}: memory ${memory} MiB is not valid with cpu ${cpu}; allowed: ${shown}`);
  }
}
