/**
 * Runs tasks one after another per key, and tasks of different keys side by side. Login attempts for the
 * same account (and from the same address) go through it, so that a burst of parallel guesses is counted
 * one by one against the limit instead of all passing the check before any is recorded.
 */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<void>>();
  return function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    // Forget the key once nothing waits behind this task.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
