/**
 * What FROM lines can see: the ARGs declared before the first FROM, and the platform ARGs BuildKit
 * defines by itself. Shared by the FROM argument rules.
 */
import type { ParsedDockerfile, Stage } from '../parse/types.js';
import { expandVariables } from '../parse/variables.js';

/** ARGs BuildKit predefines in the global scope (values depend on the build, so unknown here). */
export const AUTOMATIC_PLATFORM_ARGS = new Set([
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE',
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

export interface VariableReference {
  name: string;
  modifier: string;
  index: number;
}

/** `${NAME}`, `$NAME`, `${NAME:-default}` …: each reference with the modifier it uses (`:-`, `-`, `:+`, `+`, `?`, or ''). */
export function variableReferences(text: string): VariableReference[] {
  const found: VariableReference[] = [];
  for (const match of text.matchAll(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] ?? match[3];
    if (name) found.push({ name, modifier: match[2] ?? '', index: match.index });
  }
  return found;
}

/** A stage's FROM line and the variables it uses. */
export interface FromLine {
  stage: Stage;
  /** The image as written, variables unexpanded (`node:${NODE_VERSION}`). */
  image: string;
  /** The `--platform` value as written, '' when there is none. */
  platform: string;
  imageReferences: VariableReference[];
  platformReferences: VariableReference[];
}

/** Every FROM line with the variables it uses, and the global ARGs (with their defaults) those can see. */
export function fromLines(parsed: ParsedDockerfile): { defaults: Map<string, string | null>; lines: FromLine[] } {
  const lines = parsed.stages.map((stage) => {
    const image = stage.from.from?.imageRaw ?? '';
    const platform = stage.from.flags.find((flag) => flag.name === 'platform')?.value ?? '';
    return { stage, image, platform, imageReferences: variableReferences(image), platformReferences: variableReferences(platform) };
  });
  return { defaults: globalArgDefaults(parsed), lines };
}
