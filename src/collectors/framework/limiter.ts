/** A counting semaphore: at most `limit` tasks at once, the rest wait in order. */
export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

/**
 * Bounded concurrency overall and per service (ARCHITECTURE: be quick, and polite to each API). One limit per service
 * across Regions, not per Region: measured against the emulator (bench/README.md), more calls in flight made the scan
 * slower, not faster.
 */
export class Limits {
  private readonly overall: Limiter;
  private readonly perService = new Map<string, Limiter>();

  constructor(
    overall: number,
    private readonly serviceLimit: (service: string) => number,
  ) {
    this.overall = new Limiter(overall);
  }

  run<T>(service: string, task: () => Promise<T>): Promise<T> {
    let limiter = this.perService.get(service);
    if (!limiter) this.perService.set(service, (limiter = new Limiter(this.serviceLimit(service))));
    return limiter.run(() => this.overall.run(task));
  }
}

/** Runs tasks over items with a concurrency cap, keeping result order. */
export async function mapLimit<I, O>(items: readonly I[], limit: number, fn: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}
