/** Byte sizes for people: decimal units as docker prints them; input accepts both kB/MB and KiB/MiB. */
const UNITS: Record<string, number> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** `20MB` = 20,000,000; `20MiB` = 20,971,520; a plain number is bytes. Null when it is not a size. */
export function parseBytes(text: string): number | null {
  const match = text.trim().match(/^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/);
  if (!match) return null;
  const factor = UNITS[(match[2] || 'b').toLowerCase()];
  return factor === undefined ? null : Math.round(Number(match[1]) * factor);
}
