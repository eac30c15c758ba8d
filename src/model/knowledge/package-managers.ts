/**
 * System package managers (apt, apk, yum/dnf/microdnf, zypper): what a command does and
 * which caches it leaves behind.
 */
import type { ShellCommand } from '../../parse/types.js';
import { own } from '../../util/own.js';
import { hasOption, splitOptions } from '../../parse/command-options.js';

export type SystemPackageManager = 'apt' | 'apk' | 'yum' | 'dnf' | 'zypper';
export type PackageAction = 'update' | 'install' | 'upgrade' | 'remove' | 'clean' | 'other';

export interface SystemPackageCall {
  manager: SystemPackageManager;
  action: PackageAction;
  /** The subcommand as written (`install`, `add`, `makecache`, `dist-upgrade`). */
  subcommand: string;
  packages: string[];
  /** Options given (`-y`, `--no-install-recommends`, `--no-cache`). */
  options: string[];
  command: ShellCommand;
}

const PROGRAMS: Record<string, SystemPackageManager> = {
  'apt-get': 'apt',
  apt: 'apt',
  aptitude: 'apt',
  apk: 'apk',
  yum: 'yum',
  dnf: 'dnf',
  microdnf: 'dnf',
  tdnf: 'dnf',
  dnf5: 'dnf',
  zypper: 'zypper',
};

const ACTIONS: Record<SystemPackageManager, Record<string, PackageAction>> = {
  apt: {
    update: 'update',
    install: 'install',
    upgrade: 'upgrade',
    'dist-upgrade': 'upgrade',
    'full-upgrade': 'upgrade',
    remove: 'remove',
    purge: 'remove',
    autoremove: 'remove',
    clean: 'clean',
    autoclean: 'clean',
    'build-dep': 'install',
  },
  apk: { add: 'install', update: 'update', upgrade: 'upgrade', del: 'remove', cache: 'clean' },
  yum: {
    install: 'install',
    groupinstall: 'install',
    localinstall: 'install',
    reinstall: 'install',
    makecache: 'update',
    update: 'upgrade',
    upgrade: 'upgrade',
    remove: 'remove',
    erase: 'remove',
    autoremove: 'remove',
    clean: 'clean',
  },
  // dnf's own short forms too (`dnf in`, `dnf up`, `dnf rei`, `dnf rm`, `dnf mc`).
  dnf: {
    install: 'install',
    in: 'install',
    groupinstall: 'install',
    reinstall: 'install',
    rei: 'install',
    makecache: 'update',
    mc: 'update',
    update: 'upgrade',
    up: 'upgrade',
    upgrade: 'upgrade',
    remove: 'remove',
    rm: 'remove',
    erase: 'remove',
    autoremove: 'remove',
    clean: 'clean',
  },
  zypper: {
    install: 'install',
    in: 'install',
    refresh: 'update',
    ref: 'update',
    update: 'upgrade',
    up: 'upgrade',
    'dist-upgrade': 'upgrade',
    dup: 'upgrade',
    remove: 'remove',
    rm: 'remove',
    clean: 'clean',
    cc: 'clean',
  },
};

/** Options that take a separate value, so the value is not mistaken for the subcommand or a package. */
const OPTIONS_WITH_VALUE = new Set([
  '-o',
  '-c',
  '-t',
  '--option',
  '--target-release',
  '--repository',
  '-X',
  '--root',
  '-p',
  '--virtual',
  '--installroot',
  '--setopt',
  '--enablerepo',
  '--disablerepo',
  '--releasever',
]);

export function systemPackageCall(command: ShellCommand): SystemPackageCall | null {
  const manager = own(PROGRAMS, command.program);
  if (!manager) return null;
  const { options, operands } = splitOptions(command.argv.slice(1), OPTIONS_WITH_VALUE);
  const subcommand = operands[0] ?? '';
  const action = own(ACTIONS[manager], subcommand) ?? 'other';
  return { manager, action, subcommand, packages: operands.slice(1), options, command };
}

/** Directories a package manager writes its index or download cache to. */
export const SYSTEM_CACHE_PATHS: Record<SystemPackageManager, { path: string; what: string }[]> = {
  apt: [
    { path: '/var/lib/apt/lists', what: 'apt package lists' },
    { path: '/var/cache/apt', what: 'apt package cache' },
  ],
  apk: [{ path: '/var/cache/apk', what: 'apk package cache' }],
  yum: [{ path: '/var/cache/yum', what: 'yum cache' }],
  dnf: [
    { path: '/var/cache/dnf', what: 'dnf cache' },
    { path: '/var/cache/libdnf5', what: 'dnf5 cache' },
  ],
  zypper: [{ path: '/var/cache/zypp', what: 'zypper cache' }],
};

/** Which caches a call leaves in its layer (before any cleanup). */
export function cachesLeftBy(call: SystemPackageCall): { path: string; what: string }[] {
  const caches = SYSTEM_CACHE_PATHS[call.manager];
  switch (call.manager) {
    case 'apt':
      // Not /var/cache/apt for installs: the Debian and Ubuntu images (and every image built on them) carry
      // /etc/apt/apt.conf.d/docker-clean, which deletes the downloaded .debs and *.bin after each install,
      // so a later `apt-get clean` deletes nothing of an earlier layer. The lists stay.
      return call.action === 'update' ? caches.filter((c) => c.path === '/var/lib/apt/lists') : [];
    case 'apk':
      if (call.action === 'update') return caches;
      if (call.action === 'install' || call.action === 'upgrade') {
        // --no-network installs from what is already there (the official images' `apk add --no-network
        // --virtual .rundeps so:…` after a build), so it fetches and keeps no index either.
        return hasOption(call.command.argv, ['--no-cache', '--no-network']) ? [] : caches;
      }
      return [];
    case 'dnf': {
      if (call.action !== 'install' && call.action !== 'update' && call.action !== 'upgrade') return [];
      // One cache per program: dnf (4) /var/cache/dnf, dnf5 /var/cache/libdnf5, microdnf /var/cache/yum.
      if (call.command.program === 'microdnf') return [{ path: '/var/cache/yum', what: 'microdnf cache' }];
      return caches.filter((c) => c.path === (call.command.program === 'dnf5' ? '/var/cache/libdnf5' : '/var/cache/dnf'));
    }
    default:
      return call.action === 'install' || call.action === 'update' || call.action === 'upgrade' ? caches : [];
  }
}

/** Which caches a clean subcommand empties (`apt-get clean`, `yum clean all`, `apk cache clean`). */
export function cachesCleanedBy(call: SystemPackageCall): string[] {
  if (call.action !== 'clean') return [];
  if (call.manager === 'apt') return ['/var/cache/apt/archives'];
  if (call.manager === 'apk') return call.packages[0] === 'clean' || call.packages[0] === 'purge' ? ['/var/cache/apk'] : [];
  return SYSTEM_CACHE_PATHS[call.manager].map((c) => c.path);
}
