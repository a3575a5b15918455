import type { TalksService } from '../../src/index.js';

/** Counts work in progress so shutdown can wait for it to finish. */
export interface InflightTracker {
  track<T>(work: Promise<T>): Promise<T>;
  count(): number;
  /** Resolves true once nothing is in flight, or false after timeoutMs. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createInflightTracker(): InflightTracker {
  let count = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    count -= 1;
    if (count === 0) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  };
  return {
    track(work) {
      count += 1;
      return work.finally(settle);
    },
    count: () => count,
    drain(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}

/** Decorates a TalksService so shutdown can wait for every question being answered. */
export function withInflight(talks: TalksService, tracker: InflightTracker): TalksService {
  return { ...talks, ask: (input) => tracker.track(talks.ask(input)) };
}
