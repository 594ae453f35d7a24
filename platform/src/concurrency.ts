// Many requests at once (pull --all, plan over a folder): a bounded pool. Pacing under the
// platform's rate limit, and holding every request after a refusal, is the request budget's
// (requestBudget.ts), shared by the pool's requests through RequestOptions.budget.

/**
 * `task` over every item with at most `limit` running at a time; results in the items' order.
 * Tasks should not throw (platform calls return outcomes); a throw stops taking new items and
 * rejects once the running ones end.
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index], index);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== undefined) throw failed;
  return results;
}

/**
 * At most `limit` tasks running at once, whoever calls: `const limit = concurrencyLimit(4);
 * await limit(() => getCampaign(...))`. Lets local work (reading, validating a file) go on
 * while the request slots are all busy.
 */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
