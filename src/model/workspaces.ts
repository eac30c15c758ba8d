/**
 * The workspace a project in the build context declares, read from its manifests: npm and yarn
 * (`workspaces` in package.json), pnpm (pnpm-workspace.yaml), Cargo (`[workspace] members`) and Go
 * (go.work `use`). Advice about which manifests to copy first must name every member's manifest, or
 * it copies a set the install cannot work with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildContext } from './context.js';
import { globToRegExp } from '../util/paths.js';

export type WorkspaceTool = 'npm' | 'pnpm' | 'cargo' | 'go';

export interface Workspace {
  tool: WorkspaceTool;
  /** The file that declares it, relative to the context (`package.json`, `app/Cargo.toml`). */
  declaredIn: string;
  /** Member folders found in the context, relative to the context, each holding its manifest. */
  members: string[];
}

const MEMBER_MANIFEST: Record<WorkspaceTool, string> = { npm: 'package.json', pnpm: 'package.json', cargo: 'Cargo.toml', go: 'go.mod' };

/** A context file's text; null when it is not in the context or cannot be read. */
export function readContextFile(context: BuildContext, file: string): string | null {
  context.readLog?.push(file);
  if (!context.files.includes(file)) return null;
  try {
    return readFileSync(join(context.dir, file), 'utf8');
  } catch {
    return null;
  }
}

/** `"workspaces": ["packages/*"]` or `{ "packages": [...] }`. */
function npmPatterns(text: string): string[] | null {
  try {
    const workspaces = (JSON.parse(text) as { workspaces?: unknown }).workspaces;
    const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : null;
  } catch {
    return null;
  }
}

/** The `packages:` list of pnpm-workspace.yaml (a YAML sequence of strings, quoted or not). */
function pnpmPatterns(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^packages\s*:/.test(line));
  if (start < 0) return [];
  const patterns: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = line.match(/^\s+-\s*['"]?([^'"#]+?)['"]?\s*(#.*)?$/);
    if (item) patterns.push(item[1]);
    else if (/^\S/.test(line)) break;
  }
  return patterns;
}

/** `members = ["crates/*", "cli"]` inside `[workspace]` of Cargo.toml. */
function cargoPatterns(text: string): string[] | null {
  const section = text.match(/^\[workspace\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m);
  if (!section) return null;
  const members = section[1].match(/members\s*=\s*\[([\s\S]*?)\]/);
  return members ? [...members[1].matchAll(/["']([^"']+)["']/g)].map((m) => m[1]) : [];
}

/** `use ./a` and `use ( ./a ./b )` of go.work. */
function goWorkPatterns(text: string): string[] {
  const single = [...text.matchAll(/^use\s+(?!\()(\S+)/gm)].map((m) => m[1]);
  const blocks = [...text.matchAll(/^use\s*\(([\s\S]*?)\)/gm)].flatMap((m) => m[1].split(/\s+/).filter((w) => w && !w.startsWith('//')));
  return [...single, ...blocks];
}

/** Member folders (relative to the context) whose manifest matches one of the patterns, below `folder`. */
function membersFound(context: BuildContext, folder: string, patterns: string[], manifest: string): string[] {
  const prefix = folder ? `${folder}/` : '';
  const members = new Set<string>();
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    const clean = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
    const matcher = globToRegExp(`${prefix}${clean}/${manifest}`);
    for (const file of context.files) if (matcher.test(file)) members.add(file.slice(0, -manifest.length - 1));
  }
  return [...members].sort();
}

const cache = new WeakMap<BuildContext, Map<string, Workspace | null>>();

/** The workspace declared in `folder` of the context (`''` for its root), or null. */
export function workspaceAt(context: BuildContext, folder: string): Workspace | null {
  let known = cache.get(context);
  if (!known) cache.set(context, (known = new Map()));
  if (known.has(folder)) return known.get(folder)!;
  const prefix = folder ? `${folder}/` : '';
  let found: Workspace | null = null;
  const declared = (tool: WorkspaceTool, file: string, patterns: string[] | null) => {
    if (found || patterns === null) return;
    found = { tool, declaredIn: `${prefix}${file}`, members: membersFound(context, folder, patterns, MEMBER_MANIFEST[tool]) };
  };
  const pnpm = readContextFile(context, `${prefix}pnpm-workspace.yaml`);
  if (pnpm !== null) declared('pnpm', 'pnpm-workspace.yaml', pnpmPatterns(pnpm));
  const pkg = readContextFile(context, `${prefix}package.json`);
  if (pkg !== null) declared('npm', 'package.json', npmPatterns(pkg));
  const cargo = readContextFile(context, `${prefix}Cargo.toml`);
  if (cargo !== null) declared('cargo', 'Cargo.toml', cargoPatterns(cargo));
  const goWork = readContextFile(context, `${prefix}go.work`);
  if (goWork !== null) declared('go', 'go.work', goWorkPatterns(goWork));
  known.set(folder, found);
  return found;
}
