/**
 * What FROM lines can see: the ARGs declared before the first FROM, and the platform ARGs BuildKit
 * defines by itself. Shared by the FROM argument rules.
 */
import type { ParsedDockerfile } from '../parse/types.js';
import { expandVariables } from '../parse/variables.js';

/** ARGs BuildKit predefines in the global scope (values depend on the build, so unknown here). */
export const AUTOMATIC_PLATFORM_ARGS = new Set([
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
]);

/** Global ARG names with their default (null when declared without one), in declaration order. */
export function globalArgDefaults(parsed: ParsedDockerfile): Map<string, string | null> {
  const defaults = new Map<string, string | null>();
  // A default may use the global ARGs above it (`ARG TAG=${RUBY_VERSION}-slim`); BuildKit expands it in
  // order, an ARG without a default as empty.
  for (const arg of parsed.globalArgs) {
    for (const pair of arg.pairs) defaults.set(pair.name, pair.value === null ? null : expandVariables(pair.value, (name) => defaults.get(name) ?? ''));
  }
  return defaults;
}

/** `${NAME}`, `$NAME`, `${NAME:-default}` …: each reference with the modifier it uses (`:-`, `-`, `:+`, `+`, `?`, or ''). */
export function variableReferences(text: string): { name: string; modifier: string; index: number }[] {
  const found: { name: string; modifier: string; index: number }[] = [];
  for (const match of text.matchAll(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] ?? match[3];
    if (name) found.push({ name, modifier: match[2] ?? '', index: match.index });
  }
  return found;
}
