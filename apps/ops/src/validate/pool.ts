/**
 * Run `work` over `items` with at most `limit` in flight, starting them in the given order.
 * Results come back in input order; `onDone` sees each as it finishes (for progress lines).
 */
export async function mapPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>, onDone?: (result: R, item: T) => void): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`parallelism must be a whole number >= 1, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
      onDone?.(results[i]!, items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
