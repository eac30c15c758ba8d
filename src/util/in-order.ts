/**
 * Work on a list with a few items in flight at once, handing the results on in the list's order:
 * while one item waits for a child process (ShellCheck), the next ones are read and parsed, and
 * their child processes run on the other cores.
 */
export async function forEachInOrder<T, R>(items: T[], width: number, work: (item: T) => Promise<R>, use: (result: R, item: T) => void): Promise<void> {
  const started: Promise<R>[] = [];
  for (let index = 0; index < items.length; index++) {
    while (started.length < Math.min(items.length, index + Math.max(1, width))) {
      const pending = work(items[started.length]);
      // Awaited in turn below; until then a failure must not count as unhandled.
      pending.catch(() => {});
      started.push(pending);
    }
    use(await started[index], items[index]);
  }
}
