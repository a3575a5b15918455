/**
 * Runs answer work a few at a time, yielding to the event loop before each job. The core answers
 * synchronously in milliseconds, but a burst of commands would otherwise be computed back to back in one
 * tick — no timer fires and no reply is sent until all are done, and Discord's 3-second window closes on
 * the last ones. Yielding between jobs lets deferrals and replies go out while the queue drains.
 */
export interface AnswerQueue {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Jobs waiting or running. */
  size(): number;
  readonly concurrency: number;
}

export function createAnswerQueue(concurrency = 2): AnswerQueue {
  const waiting: Array<() => void> = [];
  let running = 0;
  let queued = 0;
  const next = () => {
    if (running >= concurrency) return;
    const start = waiting.shift();
    if (!start) return;
    running += 1;
    // setImmediate: after pending I/O and timers, so earlier replies and deferrals are not held up.
    setImmediate(start);
  };
  return {
    run(work) {
      queued += 1;
      return new Promise((resolve, reject) => {
        waiting.push(() => {
          work()
            .then(resolve, reject)
            .finally(() => {
              running -= 1;
              queued -= 1;
              next();
            });
        });
        next();
      });
    },
    size: () => queued,
    concurrency,
  };
}
