/**
 * Predicted filesystem effects of a RUN: which paths its commands create (caches, downloads,
 * extracted archives, installed packages) and which they delete (rm, package-manager cleans).
 * Only what the command line tells for sure, or what tools are known to do, is predicted.
 */
import type { Instruction, ShellCommand } from '../parse/types.js';
import { homeOf } from '../parse/dockerfile.js';
import { basename } from '../parse/shell.js';
import { resolveAgainst } from '../util/paths.js';
import { cachesCleanedBy, cachesLeftBy, systemPackageCall } from './knowledge/package-managers.js';
import type { FileEffect } from './types.js';

interface Where {
  workdir: string;
  home: string;
  env: (name: string) => string | undefined;
}

function isUnresolved(path: string): boolean {
  return path.includes('$') || path.includes('`');
}

function effect(path: string, kind: FileEffect['kind'], what: string, command: ShellCommand, certainty: FileEffect['certainty'] = 'certain'): FileEffect {
  return { path, kind, what, certainty, range: command.range };
}

function optionValue(argv: string[], names: string[]): string | null {
  for (let i = 1; i < argv.length; i++) {
    for (const name of names) {
      if (argv[i] === name && argv[i + 1] !== undefined) return argv[i + 1];
      if (name.startsWith('--') && argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
    }
  }
  return null;
}

function urlBasename(url: string): string {
  return basename(url.replace(/[?#].*$/, '').replace(/\/+$/, '')) || 'index.html';
}

/** Language-tool caches: path relative to home unless absolute. */
function languageCaches(command: ShellCommand, where: Where): FileEffect[] {
  const { program, argv } = command;
  const sub = argv[1] ?? '';
  const home = where.home;
  const env = (name: string) => command.assignments[name] ?? where.env(name);
  const out: FileEffect[] = [];
  const add = (path: string, what: string, certainty: FileEffect['certainty'] = 'certain') => out.push(effect(path, 'cache', what, command, certainty));
  const pipLike = /^pip[0-9.]*$/.test(program) || (/^python[0-9.]*$/.test(program) && argv[1] === '-m' && /^pip/.test(argv[2] ?? ''));
  if (pipLike && argv.includes('install')) {
    const disabled = argv.includes('--no-cache-dir') || /^(1|true|yes|on)$/i.test(env('PIP_NO_CACHE_DIR') ?? '');
    if (!disabled) add(env('PIP_CACHE_DIR') ?? `${home}/.cache/pip`, 'pip cache');
  }
  if (program === 'npm' && ['install', 'i', 'ci', 'clean-install', 'update'].includes(sub)) add(env('npm_config_cache') ?? `${home}/.npm`, 'npm cache');
  if (program === 'yarn' && (argv.length === 1 || ['install', 'add'].includes(sub))) {
    add(env('YARN_CACHE_FOLDER') ?? `${home}/.cache/yarn`, 'yarn cache');
    if (home === '/root' && !env('YARN_CACHE_FOLDER')) add('/usr/local/share/.cache/yarn', 'yarn cache');
  }
  if (program === 'pnpm' && ['install', 'i', 'add', 'fetch'].includes(sub)) add(`${home}/.local/share/pnpm/store`, 'pnpm store');
  if (program === 'go' && ['build', 'install', 'mod', 'get', 'test'].includes(sub)) {
    add(`${env('GOPATH') ?? `${home}/go`}/pkg/mod`, 'Go module cache');
    if (sub !== 'mod') add(env('GOCACHE') ?? `${home}/.cache/go-build`, 'Go build cache');
  }
  if (program === 'cargo' && ['build', 'fetch', 'install'].includes(sub)) add(`${env('CARGO_HOME') ?? `${home}/.cargo`}/registry`, 'Cargo registry cache');
  if ((program === 'mvn' || program === 'mvnw')) add(`${home}/.m2/repository`, 'Maven repository');
  if (program === 'gradle' || program === 'gradlew') add(`${env('GRADLE_USER_HOME') ?? `${home}/.gradle`}/caches`, 'Gradle cache');
  if (program === 'dotnet' && ['restore', 'build', 'publish'].includes(sub)) add(`${home}/.nuget/packages`, 'NuGet package cache');
  if (program === 'composer' && ['install', 'require', 'update'].includes(sub)) add(env('COMPOSER_CACHE_DIR') ?? `${home}/.cache/composer`, 'Composer cache');
  if (program === 'gem' && sub === 'install') add(`${env('GEM_HOME') ?? '/usr/local/bundle'}/cache`, 'gem cache');
  if (['make', 'cmake', 'ninja', 'gcc', 'g++', 'cc', 'clang'].includes(program)) add(`${home}/.cache`, `build cache that ${program} and the compilers it runs write`, 'likely');
  return out;
}

function downloads(command: ShellCommand, where: Where): FileEffect[] {
  const { program, argv } = command;
  const resolve = (path: string) => resolveAgainst(path, where.workdir, where.home);
  const urls = argv.slice(1).filter((word) => /^(https?|ftp):\/\//.test(word));
  const out: FileEffect[] = [];
  if (program === 'curl') {
    const output = optionValue(argv, ['-o', '--output']);
    if (output && output !== '-' && output !== '/dev/null') out.push(effect(resolve(output), 'download', `download of ${urlBasename(urls[0] ?? output)}`, command));
    else if ((argv.includes('-O') || argv.includes('--remote-name') || argv.some((w) => /^-[a-zA-Z]*O[a-zA-Z]*$/.test(w))) && urls[0]) {
      out.push(effect(resolve(urlBasename(urls[0])), 'download', `download of ${urlBasename(urls[0])}`, command));
    }
  }
  if (program === 'wget') {
    const output = optionValue(argv, ['-O', '--output-document']);
    const prefix = optionValue(argv, ['-P', '--directory-prefix']);
    if (output && output !== '-' && output !== '/dev/null') out.push(effect(resolve(output), 'download', `download of ${urlBasename(urls[0] ?? output)}`, command));
    else if (!output) for (const url of urls) out.push(effect(resolve(`${prefix ?? '.'}/${urlBasename(url)}`), 'download', `download of ${urlBasename(url)}`, command));
  }
  if (program === 'git' && argv[1] === 'clone') {
    const positional = argv.slice(2).filter((w, i, all) => !w.startsWith('-') && !['--branch', '-b', '--depth', '--origin', '-o'].includes(all[i - 1] ?? ''));
    const url = positional[0];
    if (url) out.push(effect(resolve(positional[1] ?? urlBasename(url).replace(/\.git$/, '')), 'download', `git clone of ${urlBasename(url)}`, command));
  }
  if (program === 'tar' && (argv.some((w) => /^-?[a-zA-Z]*x/.test(w) && !w.startsWith('--')) || argv.includes('--extract'))) {
    const dir = optionValue(argv, ['-C', '--directory']) ?? '.';
    out.push(effect(resolve(dir), 'extract', 'files extracted by tar', command, 'likely'));
  }
  if (program === 'dd') {
    const output = argv.find((word) => word.startsWith('of='));
    if (output && !output.startsWith('of=/dev/')) out.push(effect(resolve(output.slice(3)), 'file', 'output of dd', command));
  }
  if (program === 'fallocate' && argv.at(-1) && !argv.at(-1)!.startsWith('-')) out.push(effect(resolve(argv.at(-1)!), 'file', 'file made by fallocate', command));
  if (program === 'unzip') out.push(effect(resolve(optionValue(argv, ['-d']) ?? '.'), 'extract', 'files extracted by unzip', command, 'likely'));
  for (const redirect of command.redirects) {
    if (!redirect.target.startsWith('/dev/') && !/^&?\d$/.test(redirect.target)) out.push(effect(resolve(redirect.target), 'file', `output of ${program}`, command));
  }
  return out;
}

function deletions(command: ShellCommand, where: Where): FileEffect[] {
  const { program, argv } = command;
  const resolve = (path: string) => resolveAgainst(path, where.workdir, where.home);
  const out: FileEffect[] = [];
  const sub = argv[1] ?? '';
  if (program === 'rm' || program === 'rmdir') {
    const endOfOptions = argv.indexOf('--');
    const paths = argv.slice(1).filter((word, i) => (endOfOptions >= 0 && i + 1 > endOfOptions) || !word.startsWith('-'));
    for (const path of paths) if (path !== '--') out.push(effect(resolve(path), 'file', path, command));
  }
  if (program === 'mv' && argv.length >= 3) {
    for (const path of argv.slice(1, -1).filter((w) => !w.startsWith('-'))) out.push(effect(resolve(path), 'file', path, command));
  }
  const pkg = systemPackageCall(command);
  if (pkg?.action === 'clean') for (const path of cachesCleanedBy(pkg)) out.push(effect(path, 'cache', `${pkg.manager} cache`, command));
  if (pkg?.action === 'remove') {
    out.push({ ...effect('/', 'packages', `${pkg.manager} ${pkg.subcommand} ${pkg.packages.join(' ')}`.trim(), command), packages: pkg.packages });
  }
  if (program === 'npm' && sub === 'cache' && argv[2] === 'clean') out.push(effect(`${where.home}/.npm`, 'cache', 'npm cache', command));
  if (program === 'yarn' && sub === 'cache' && argv[2] === 'clean') {
    out.push(effect(`${where.home}/.cache/yarn`, 'cache', 'yarn cache', command), effect('/usr/local/share/.cache/yarn', 'cache', 'yarn cache', command));
  }
  if (program === 'pnpm' && sub === 'store' && argv[2] === 'prune') out.push(effect(`${where.home}/.local/share/pnpm/store`, 'cache', 'pnpm store', command));
  if (/^pip[0-9.]*$/.test(program) && sub === 'cache' && ['purge', 'remove'].includes(argv[2] ?? '')) out.push(effect(`${where.home}/.cache/pip`, 'cache', 'pip cache', command));
  if (program === 'go' && sub === 'clean') {
    if (argv.includes('-cache')) out.push(effect(`${where.home}/.cache/go-build`, 'cache', 'Go build cache', command));
    if (argv.includes('-modcache')) out.push(effect(`${where.env('GOPATH') ?? `${where.home}/go`}/pkg/mod`, 'cache', 'Go module cache', command));
  }
  if (program === 'composer' && sub === 'clear-cache') out.push(effect(`${where.home}/.cache/composer`, 'cache', 'Composer cache', command));
  if (program === 'dotnet' && sub === 'nuget' && argv[2] === 'locals') out.push(effect(`${where.home}/.nuget/packages`, 'cache', 'NuGet package cache', command));
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

/** Effects of one RUN, in command order. Paths under cache/tmpfs/bind mounts are left out. */
export function runEffects(instruction: Instruction, env: (name: string) => string | undefined, mountedPaths: string[]): RunEffects {
  const created: FileEffect[] = [];
  const deleted: FileEffect[] = [];
  let workdir = instruction.workdir;
  const home = homeOf(instruction.user);
  for (const command of instruction.script?.commands ?? []) {
    // `cd dir && …`: later relative paths resolve against dir.
    if (command.program === 'cd' && command.argv[1] && !isUnresolved(command.argv[1])) {
      workdir = resolveAgainst(command.argv[1], workdir, home);
      continue;
    }
    const where: Where = { workdir, home, env };
    created.push(...packageEffects(command), ...languageCaches(command, where), ...downloads(command, where));
    deleted.push(...deletions(command, where));
  }
  const outsideMounts = (e: FileEffect) => !mountedPaths.some((mount) => e.path === mount || e.path.startsWith(`${mount.replace(/\/$/, '')}/`));
  return { created: created.filter((e) => !isUnresolved(e.path)).filter(outsideMounts), deleted };
}

