/**
 * GitHub code scanning's `primaryLocationLineHash`, computed the way github/codeql-action's
 * upload step does (documented there as the reference): a rolling hash (multiplier 37, 64-bit
 * wrap-around) over the next 100 characters from the start of each line, skipping spaces and
 * tabs, with CR/CRLF read as LF; the result is `<unsigned hex>:<occurrence>`.
 * Emitting it ourselves keeps uploads through the REST API (which computes none) deduplicated.
 */
const BLOCK_SIZE = 100;
const MOD = 37n;
const EOF_CHAR = 65535;
const toInt64 = (value: bigint) => BigInt.asIntN(64, value);
const FIRST_MOD = (() => {
  let value = 1n;
  for (let i = 0; i < BLOCK_SIZE; i++) value = toInt64(value * MOD);
  return value;
})();

/** Hash of every line of `text`, indexed by 1-based line number. */
export function lineHashes(text: string): Map<number, string> {
  const hashes = new Map<number, string>();
  const window = new Array<number>(BLOCK_SIZE).fill(0);
  const lineNumbers = new Array<number>(BLOCK_SIZE).fill(-1);
  const counts = new Map<string, number>();
  let hash = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let previousWasCR = false;

  const output = () => {
    const value = BigInt.asUintN(64, hash).toString(16);
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    hashes.set(lineNumbers[index], `${value}:${count}`);
    lineNumbers[index] = -1;
  };
  const update = (current: number) => {
    const leaving = window[index];
    window[index] = current;
    hash = toInt64(toInt64(MOD * hash) + BigInt(current) - toInt64(FIRST_MOD * BigInt(leaving)));
    index = (index + 1) % BLOCK_SIZE;
  };
  const process = (code: number) => {
    let current = code;
    if (current === 32 || current === 9 || (previousWasCR && current === 10)) {
      previousWasCR = false;
      return;
    }
    previousWasCR = current === 13;
    if (current === 13) current = 10;
    if (lineNumbers[index] !== -1) output();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (current === 10) lineStart = true;
    update(current);
  };

  for (let i = 0; i < text.length; i++) process(text.charCodeAt(i));
  process(EOF_CHAR);
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineNumbers[index] !== -1) output();
    update(0);
  }
  return hashes;
}

/** A short stable hash (FNV-1a, 64-bit) of a string, as hex. */
export function stableHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = BigInt.asUintN(64, hash * 0x100000001b3n);
  }
  return hash.toString(16).padStart(16, '0');
}
