/**
 * Predicted filesystem effects of a RUN: which paths its commands create (caches, downloads,
 * extracted archives, installed packages) and which they delete (rm, package-manager cleans).
 * Only what the command line tells for sure, or what tools are known to do, is predicted.
 */
import type { Instruction, ShellCommand } from '../parse/types.js';
import { homeOf } from '../parse/dockerfile.js';
import { optionValue } from '../parse/command-options.js';
import { basename } from '../parse/shell-names.js';
import { resolveAgainst } from '../util/paths.js';
import { cachesCleanedBy, cachesLeftBy, systemPackageCall } from './knowledge/package-managers.js';
import type { FileEffect } from './types.js';

interface Where {
  workdir: string;
  home: string;
  env: (name: string) => string | undefined;
  /** This RUN or an earlier one has a `bundle config`, which may set where Bundler installs. */
  bundlerConfigured: boolean;
}

function isUnresolved(path: string): boolean {
  return path.includes('$') || path.includes('`');
}

function effect(path: string, kind: FileEffect['kind'], what: string, command: ShellCommand, certainty: FileEffect['certainty'] = 'certain'): FileEffect {
  return { path, kind, what, certainty, range: command.range };
}

function urlBasename(url: string): string {
  return basename(url.replace(/[?#].*$/, '').replace(/\/+$/, '')) || 'index.html';
}

/** The variables a command sees: its own `VAR=value` prefixes, then ENV/ARG. */
function commandEnv(command: ShellCommand, where: Where): (name: string) => string | undefined {
  return (name) => command.assignments[name] ?? command.exported[name] ?? where.env(name);
}

type Env = (name: string) => string | undefined;

/** Where each tool keeps its cache, as the tool itself works it out (its variable, else under home). */
const CACHE_DIRS = {
  pip: (home: string, env: Env) => env('PIP_CACHE_DIR') ?? `${home}/.cache/pip`,
  npm: (home: string, env: Env) => env('npm_config_cache') ?? `${home}/.npm`,
  yarn: (home: string, env: Env) => env('YARN_CACHE_FOLDER') ?? `${home}/.cache/yarn`,
  goBuild: (home: string, env: Env) => env('GOCACHE') ?? `${home}/.cache/go-build`,
  goModules: (home: string, env: Env) => env('GOMODCACHE') ?? `${env('GOPATH') ?? `${home}/go`}/pkg/mod`,
  composer: (home: string, env: Env) => env('COMPOSER_CACHE_DIR') ?? `${home}/.cache/composer`,
};

/** Yarn 1 run as root keeps its cache here rather than under home (unless YARN_CACHE_FOLDER is set). */
const ROOT_YARN_CACHE = '/usr/local/share/.cache/yarn';

/**
 * `rm -rf "$(composer config cache-dir)"`, `$(pip cache dir)/*`: the tool is asked where its cache is.
 * The answer is the cache path, so the deletion counts as cleaning that cache.
 */
const CACHE_QUERIES: Record<string, (home: string, env: Env) => string[]> = {
  'composer config cache-dir': (home, env) => [CACHE_DIRS.composer(home, env)],
  'pip cache dir': (home, env) => [CACHE_DIRS.pip(home, env)],
  'npm config get cache': (home, env) => [CACHE_DIRS.npm(home, env)],
  'yarn cache dir': (home, env) => [CACHE_DIRS.yarn(home, env), ...(home === '/root' && !env('YARN_CACHE_FOLDER') ? [ROOT_YARN_CACHE] : [])],
  'go env GOCACHE': (home, env) => [CACHE_DIRS.goBuild(home, env)],
  'go env GOMODCACHE': (home, env) => [CACHE_DIRS.goModules(home, env)],
};

function cacheAskedFor(word: string, home: string, env: Env): string[] {
  const match = /^\$\(\s*([^()`$]+?)\s*\)(\/\*?)?$/.exec(word);
  if (!match) return [];
  const query = match[1]
    .split(/\s+/)
    .filter((w) => w !== '--global' && w !== '-g')
    .join(' ')
    .replace(/^pip3?(?=\s)|^python3? -m pip(?=\s)/, 'pip');
  return CACHE_QUERIES[query]?.(home, env) ?? [];
}

const TRUE_SETTING = /^(1|true|yes)$/i;

/**
 * Where `bundle install` keeps the .gem files it downloaded (and never needs again; its --no-cache
 * does not stop it, rubygems#3225): `<path>/ruby/<version>/cache` when gems go to a path of their own
 * (BUNDLE_PATH, `--path`, deployment mode: vendor/bundle), else GEM_HOME's cache (the official ruby
 * images set GEM_HOME=/usr/local/bundle). null when GEM_HOME is not known, or when a `bundle config`
 * in this RUN or an earlier one may have moved the gems elsewhere.
 */
function bundlerCache(argv: string[], where: Where, env: Env): string | null {
  const path =
    optionValue(argv, ['--path']) ??
    env('BUNDLE_PATH') ??
    (argv.includes('--deployment') || TRUE_SETTING.test(env('BUNDLE_DEPLOYMENT') ?? '') ? 'vendor/bundle' : null);
  if (path) return `${resolveAgainst(path, where.workdir, where.home)}/ruby/*/cache`;
  if (where.bundlerConfigured) return null;
  const gemHome = env('GEM_HOME');
  return gemHome ? `${gemHome}/cache` : null;
}

/** Language-tool caches: path relative to home unless absolute. */
function languageCaches(command: ShellCommand, where: Where): FileEffect[] {
  const { program, argv } = command;
  const sub = argv[1] ?? '';
  const home = where.home;
  const env = commandEnv(command, where);
  const out: FileEffect[] = [];
  const add = (path: string, what: string, certainty: FileEffect['certainty'] = 'certain') => out.push(effect(path, 'cache', what, command, certainty));
  const pipLike = /^pip[0-9.]*$/.test(program) || (/^python[0-9.]*$/.test(program) && argv[1] === '-m' && /^pip/.test(argv[2] ?? ''));
  if (pipLike && argv.includes('install')) {
    // optparse takes any unambiguous prefix (`--no-cache` is common; `--no-c` could be --no-compile), and
    // pip disables the cache for any boolean PIP_NO_CACHE_DIR, even 0 or false (kept for compatibility).
    const disabled =
      argv.some((word) => word.startsWith('--no-ca') && '--no-cache-dir'.startsWith(word)) ||
      /^(y|yes|t|true|on|1|n|no|f|false|off|0)$/i.test(env('PIP_NO_CACHE_DIR') ?? '');
    if (!disabled) add(CACHE_DIRS.pip(home, env), 'pip cache');
  }
  if (program === 'npm' && ['install', 'i', 'ci', 'clean-install', 'update'].includes(sub)) add(CACHE_DIRS.npm(home, env), 'npm cache');
  if (program === 'yarn' && (argv.length === 1 || ['install', 'add'].includes(sub))) {
    add(CACHE_DIRS.yarn(home, env), 'yarn cache');
    if (home === '/root' && !env('YARN_CACHE_FOLDER')) add(ROOT_YARN_CACHE, 'yarn cache');
  }
  if (program === 'pnpm' && ['install', 'i', 'add', 'fetch'].includes(sub)) add(`${home}/.local/share/pnpm/store`, 'pnpm store');
  if (program === 'go' && ['build', 'install', 'mod', 'get', 'test'].includes(sub)) {
    add(CACHE_DIRS.goModules(home, env), 'Go module cache');
    if (sub !== 'mod') add(CACHE_DIRS.goBuild(home, env), 'Go build cache');
  }
  if (program === 'cargo' && ['build', 'fetch', 'install'].includes(sub)) add(`${env('CARGO_HOME') ?? `${home}/.cargo`}/registry`, 'Cargo registry cache');
  if (program === 'mvn' || program === 'mvnw') add(`${home}/.m2/repository`, 'Maven repository');
  if (program === 'gradle' || program === 'gradlew') add(`${env('GRADLE_USER_HOME') ?? `${home}/.gradle`}/caches`, 'Gradle cache');
  if (program === 'dotnet' && ['restore', 'build', 'publish'].includes(sub)) add(`${home}/.nuget/packages`, 'NuGet package cache');
  if (program === 'composer' && ['install', 'require', 'update'].includes(sub)) add(CACHE_DIRS.composer(home, env), 'Composer cache');
  // Without GEM_HOME the place depends on how Ruby was installed (/var/lib/gems/<version> for Debian's): a guess.
  if (program === 'gem' && sub === 'install') add(`${env('GEM_HOME') ?? '/usr/local/bundle'}/cache`, 'gem cache', env('GEM_HOME') ? 'certain' : 'likely');
  // Poetry keeps the wheels and sdists it downloaded (artifacts/) and the index pages it read under its cache dir.
  if (program === 'poetry' && ['install', 'add', 'update', 'sync'].includes(sub)) add(env('POETRY_CACHE_DIR') ?? `${home}/.cache/pypoetry`, 'Poetry cache');
  if (program === 'bundle' && (argv.length === 1 || sub === 'install')) {
    const cache = bundlerCache(argv, where, env);
    if (cache) add(cache, 'Bundler gem cache');
  }
  if (['make', 'cmake', 'ninja', 'gcc', 'g++', 'cc', 'clang'].includes(program))
    add(`${home}/.cache`, `build cache that ${program} and the compilers it runs write`, 'likely');
  return out;
}

function downloads(command: ShellCommand, where: Where): FileEffect[] {
  const { program, argv } = command;
  const resolve = (path: string) => resolveAgainst(path, where.workdir, where.home);
  const urls = argv.slice(1).filter((word) => /^(https?|ftp):\/\//.test(word));
  const out: FileEffect[] = [];
  if (program === 'curl') {
    const output = optionValue(argv, ['-o', '--output']);
    if (output && output !== '-' && output !== '/dev/null')
      out.push(effect(resolve(output), 'download', `download of ${urlBasename(urls[0] ?? output)}`, command));
    else if ((argv.includes('-O') || argv.includes('--remote-name') || argv.some((w) => /^-[a-zA-Z]*O[a-zA-Z]*$/.test(w))) && urls[0]) {
      out.push(effect(resolve(urlBasename(urls[0])), 'download', `download of ${urlBasename(urls[0])}`, command));
    }
  }
  if (program === 'wget') {
    const output = optionValue(argv, ['-O', '--output-document']);
    const prefix = optionValue(argv, ['-P', '--directory-prefix']);
    if (output && output !== '-' && output !== '/dev/null')
      out.push(effect(resolve(output), 'download', `download of ${urlBasename(urls[0] ?? output)}`, command));
    else if (!output)
      for (const url of urls) out.push(effect(resolve(`${prefix ?? '.'}/${urlBasename(url)}`), 'download', `download of ${urlBasename(url)}`, command));
  }
  if (program === 'git' && argv[1] === 'clone') {
    const positional = argv.slice(2).filter((w, i, all) => !w.startsWith('-') && !['--branch', '-b', '--depth', '--origin', '-o'].includes(all[i - 1] ?? ''));
    const url = positional[0];
    if (url)
      out.push({
        ...effect(resolve(positional[1] ?? urlBasename(url).replace(/\.git$/, '')), 'download', `git clone of ${urlBasename(url)}`, command),
        tree: true,
      });
  }
  if (program === 'tar' && (argv.some((w) => /^-?[a-zA-Z]*x/.test(w) && !w.startsWith('--')) || argv.includes('--extract'))) {
    const dir = optionValue(argv, ['-C', '--directory']) ?? '.';
    out.push({ ...effect(resolve(dir), 'extract', 'files extracted by tar', command, 'likely'), tree: true });
  }
  if (program === 'dd') {
    const output = argv.find((word) => word.startsWith('of='));
    if (output && !output.startsWith('of=/dev/')) out.push(effect(resolve(output.slice(3)), 'file', 'output of dd', command));
  }
  if (program === 'fallocate' && argv.at(-1) && !argv.at(-1)!.startsWith('-'))
    out.push(effect(resolve(argv.at(-1)!), 'file', 'file made by fallocate', command));
  if (program === 'unzip')
    out.push({ ...effect(resolve(optionValue(argv, ['-d']) ?? '.'), 'extract', 'files extracted by unzip', command, 'likely'), tree: true });
  for (const redirect of command.redirects) {
    if (!redirect.target.startsWith('/dev/') && !/^&?\d$/.test(redirect.target))
      out.push(effect(resolve(redirect.target), 'file', `output of ${program}`, command));
  }
  return out;
}

function deletions(command: ShellCommand, where: Where): FileEffect[] {
  const { program, argv } = command;
  const resolve = (path: string) => resolveAgainst(path, where.workdir, where.home);
  const out: FileEffect[] = [];
  const sub = argv[1] ?? '';
  const { home } = where;
  const env = commandEnv(command, where);
  if (program === 'rm' || program === 'rmdir') {
    const endOfOptions = argv.indexOf('--');
    const paths = argv.slice(1).filter((word, i) => (endOfOptions >= 0 && i + 1 > endOfOptions) || !word.startsWith('-'));
    for (const path of paths) {
      if (path === '--') continue;
      const caches = cacheAskedFor(path, home, env);
      if (caches.length > 0) for (const cache of caches) out.push(effect(cache, 'cache', path, command));
      else out.push(effect(resolve(path), 'file', path, command));
    }
  }
  if (program === 'mv' && argv.length >= 3) {
    for (const path of argv.slice(1, -1).filter((w) => !w.startsWith('-'))) out.push(effect(resolve(path), 'file', path, command));
  }
  const pkg = systemPackageCall(command);
  if (pkg?.action === 'clean') for (const path of cachesCleanedBy(pkg)) out.push(effect(path, 'cache', `${pkg.manager} cache`, command));
  if (pkg?.action === 'remove') {
    out.push({ ...effect('/', 'packages', `${pkg.manager} ${pkg.subcommand} ${pkg.packages.join(' ')}`.trim(), command), packages: pkg.packages });
  }
  if (program === 'npm' && sub === 'cache' && argv[2] === 'clean') out.push(effect(CACHE_DIRS.npm(home, env), 'cache', 'npm cache', command));
  if (program === 'yarn' && sub === 'cache' && argv[2] === 'clean') {
    out.push(effect(CACHE_DIRS.yarn(home, env), 'cache', 'yarn cache', command), effect(ROOT_YARN_CACHE, 'cache', 'yarn cache', command));
  }
  // Not `pnpm store prune`: it removes only packages no project uses, not the store.
  if (/^pip[0-9.]*$/.test(program) && sub === 'cache' && ['purge', 'remove'].includes(argv[2] ?? ''))
    out.push(effect(CACHE_DIRS.pip(home, env), 'cache', 'pip cache', command));
  if (program === 'go' && sub === 'clean') {
    if (argv.includes('-cache')) out.push(effect(CACHE_DIRS.goBuild(home, env), 'cache', 'Go build cache', command));
    if (argv.includes('-modcache')) out.push(effect(CACHE_DIRS.goModules(home, env), 'cache', 'Go module cache', command));
  }
  if (program === 'composer' && sub === 'clear-cache') out.push(effect(CACHE_DIRS.composer(home, env), 'cache', 'Composer cache', command));
  if (program === 'dotnet' && sub === 'nuget' && argv[2] === 'locals')
    out.push(effect(`${where.home}/.nuget/packages`, 'cache', 'NuGet package cache', command));
  return out.filter((e) => !isUnresolved(e.path));
}

function packageEffects(command: ShellCommand): FileEffect[] {
  const pkg = systemPackageCall(command);
  if (!pkg) return [];
  const out = cachesLeftBy(pkg).map((cache) => effect(cache.path, 'cache', cache.what, command));
  if (pkg.action === 'install' && pkg.packages.length > 0) {
    out.push({ ...effect('/', 'packages', `${pkg.manager} packages ${pkg.packages.join(' ')}`, command), packages: pkg.packages });
  }
  return out;
}

export interface RunEffects {
  created: FileEffect[];
  deleted: FileEffect[];
}

/**
 * The directory each command of a RUN runs in (same order as its commands): WORKDIR, or where an
 * earlier `cd dir` went. A `cd` to a path not known here (`cd $DIR`) is passed over.
 */
export function commandDirectories(instruction: Instruction): string[] {
  let workdir = instruction.workdir;
  const home = homeOf(instruction.user);
  return (instruction.script?.commands ?? []).map((command) => {
    const here = workdir;
    if (command.program === 'cd' && command.argv[1] && !isUnresolved(command.argv[1])) workdir = resolveAgainst(command.argv[1], workdir, home);
    return here;
  });
}

const isBundleConfig = (command: ShellCommand) => command.program === 'bundle' && command.argv[1] === 'config';

/**
 * Effects of one RUN, in command order. Paths under cache/tmpfs/bind mounts are left out.
 * `earlierCommands` gives the commands of the RUNs before it in the image (asked only when a tool's
 * earlier configuration matters: a `bundle config` that may have moved Bundler's gems).
 */
export function runEffects(
  instruction: Instruction,
  env: (name: string) => string | undefined,
  mountedPaths: string[],
  earlierCommands: () => ShellCommand[] = () => [],
): RunEffects {
  const created: FileEffect[] = [];
  const deleted: FileEffect[] = [];
  const home = homeOf(instruction.user);
  const directories = commandDirectories(instruction);
  const commands = instruction.script?.commands ?? [];
  const bundlerConfigured =
    commands.some((command) => command.program === 'bundle') && (commands.some(isBundleConfig) || earlierCommands().some(isBundleConfig));
  for (const [i, command] of commands.entries()) {
    if (command.program === 'cd') continue;
    const where: Where = { workdir: directories[i], home, env, bundlerConfigured };
    created.push(...packageEffects(command), ...languageCaches(command, where), ...downloads(command, where));
    deleted.push(...deletions(command, where));
  }
  const outsideMounts = (e: FileEffect) => !mountedPaths.some((mount) => e.path === mount || e.path.startsWith(`${mount.replace(/\/$/, '')}/`));
  return { created: created.filter((e) => !isUnresolved(e.path)).filter(outsideMounts), deleted };
}
