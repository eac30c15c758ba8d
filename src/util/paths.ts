/** Absolute-path and glob helpers shared by the layer model and the context reader. */

/** Normalise `/a/./b/../c/` to `/a/c`. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** Resolve a path written in a RUN or COPY against the working directory and home directory. */
export function resolveAgainst(path: string, workdir: string, home: string): string {
  if (path === '~' || path.startsWith('~/')) return normalizePath(home + path.slice(1));
  // `~redmine/.bundle` is that user's home: /root for root, else useradd's default /home/<name>.
  const named = path.match(/^~([a-z_][a-z0-9_-]*)(\/.*)?$/);
  if (named) return normalizePath(`${named[1] === 'root' ? '/root' : `/home/${named[1]}`}${named[2] ?? ''}`);
  return normalizePath(path.startsWith('/') ? path : `${workdir}/${path}`);
}

const globCache = new Map<string, RegExp>();

/** A shell glob (`*`, `?`, `[abc]`, `**`) as an anchored RegExp for one path or path segment. */
export function globToRegExp(glob: string): RegExp {
  let cached = globCache.get(glob);
  if (cached) return cached;
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        source += '.*';
        i++;
      } else source += '[^/]*';
    } else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end > i) {
        source += bracketClass(glob.slice(i + 1, end));
        i = end;
      } else source += '\\[';
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  cached = new RegExp(`^${source}$`);
  globCache.set(glob, cached);
  return cached;
}

/**
 * The inside of a glob bracket expression (`a-z0-9`, `!abc`) as a RegExp character class, every
 * character escaped. A range whose ends are reversed (`p-c`) matches nothing, as in fnmatch; copied
 * into a RegExp as it was, it threw "Range out of order" (found by the fuzzer).
 */
function bracketClass(inside: string): string {
  const negated = inside.startsWith('!') || inside.startsWith('^');
  const body = negated ? inside.slice(1) : inside;
  let members = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      if (body[i] <= body[i + 2]) members += `${escapeInClass(body[i])}-${escapeInClass(body[i + 2])}`;
      i += 2;
    } else members += escapeInClass(body[i]);
  }
  if (members === '') return negated ? '[^/]' : '(?!)';
  return negated ? `[^${members}]` : `[${members}]`;
}

function escapeInClass(ch: string): string {
  return /[\\\][^-]/.test(ch) ? `\\${ch}` : ch;
}

export function hasGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

function segmentsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (hasGlob(a) && globToRegExp(a).test(b)) return true;
  return hasGlob(b) && globToRegExp(b).test(a);
}

/**
 * Do two absolute paths (either may hold globs) refer to overlapping trees? True when one is
 * inside the other: deleting `/var/lib/apt/lists/*` overlaps creating `/var/lib/apt/lists`.
 */
export function pathsOverlap(a: string, b: string): boolean {
  const left = a.split('/').filter(Boolean);
  const right = b.split('/').filter(Boolean);
  const common = Math.min(left.length, right.length);
  for (let i = 0; i < common; i++) {
    if (left[i] === '**' || right[i] === '**') return true;
    if (!segmentsMatch(left[i], right[i])) return false;
  }
  return true;
}

/** Is `inner` the same as or below `outer`? */
export function isWithin(inner: string, outer: string): boolean {
  const o = outer.replace(/\/+$/, '');
  return inner === o || inner.startsWith(`${o}/`) || o === '';
}

/** How many names an absolute path has: `/` 0, `/app` 1, `/app/run.sh` 2. */
export function pathDepth(path: string): number {
  return path.split('/').filter(Boolean).length;
}
