/**
 * `table[key]` only when the table itself holds the key. Lookup tables keyed by what a Dockerfile says
 * (a RUN's program, a base image's name) must not answer for `constructor`, `toString` or `__proto__`,
 * which every plain object inherits: `RUN __proto__` made the shell parser throw (found by the fuzz test).
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
