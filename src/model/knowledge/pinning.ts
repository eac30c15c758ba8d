/**
 * Which packages a RUN command installs without naming a version: the knowledge behind
 * `unpinned-package` (hadolint DL3008, DL3013, DL3016, DL3018, DL3028, DL3033, DL3037, DL3041, DL3062).
 *
 * A word that is still a variable (`$PACKAGES`) is never called unpinned: its value is unknown
 * (hadolint #928). Local files, URLs and VCS references are pinned by what they point at.
 */
import type { ShellCommand } from '../../parse/types.js';
import { pipArgv } from './dependencies.js';
import { systemPackageCall } from './package-managers.js';
import { splitOptions } from '../../parse/command-options.js';

export interface UnpinnedInstall {
  /** How the user would name the tool in a message: `apt-get`, `pip`, `npm` … */
  tool: string;
  /** The hadolint code of this tool's pinning rule. */
  hadolint: string;
  /** The packages named without a version. */
  packages: string[];
  /** What joins a package name and its version for this tool: `=` (apt), `==` (pip), `@` (npm) … */
  separator: string;
}

const isUnknown = (word: string) => word.includes('$');
const isPathOrUrl = (word: string) => /^(\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(word);

/** Options of pip install that take a value (so the value is not read as a package). */
// Options whose value is a separate word, so it is not read as a package (`pip install --root-user-action ignore x`,
// `npm install --loglevel verbose x`, `uv pip install --index-strategy unsafe-best-match x`). pip's and uv's share one list.
const PIP_OPTIONS_WITH_VALUE = new Set([
  '-e',
  '--editable',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--src',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--no-binary',
  '--only-binary',
  '--progress-bar',
  '--proxy',
  '--trusted-host',
  '--upgrade-strategy',
  '-b',
  '--build',
  '--cache-dir',
  '--log',
  '--root-user-action',
  '--timeout',
  '--default-timeout',
  '--retries',
  '--exists-action',
  '--report',
  '--python',
  '-p',
  '--index',
  '--default-index',
  '--index-strategy',
  '--resolution',
  '--prerelease',
  '--link-mode',
  '--keyring-provider',
  '--config-setting',
  '-C',
  '--override',
  '--exclude-newer',
  '-P',
  '--upgrade-package',
  '--reinstall-package',
  '--no-build-package',
  '--no-binary-package',
  '--refresh-package',
  '--python-platform',
]);
const NPM_OPTIONS_WITH_VALUE = new Set([
  '--prefix',
  '--registry',
  '--cache',
  '--userconfig',
  '-w',
  '--workspace',
  '--omit',
  '--include',
  '--tag',
  '--loglevel',
  '--install-strategy',
  '--before',
  '--fetch-retries',
  '--fetch-timeout',
  '--script-shell',
  '--network-timeout',
  '--modules-folder',
  '--cache-folder',
  '--mutex',
  '--filter',
  '-F',
  '--store-dir',
]);

function operands(words: string[], optionsWithValue: Set<string>): string[] {
  return splitOptions(words, optionsWithValue).operands;
}

function pipUnpinned(args: string[]): string[] {
  if (args[0] !== 'install') return [];
  // Installing from requirement files, the project itself, or under a constraints file: versions come from there.
  if (args.some((word) => /^(-r|--requirement|-c|--constraint)(=|$)|^-[rc]./.test(word))) return [];
  const packages = operands(args.slice(1), PIP_OPTIONS_WITH_VALUE);
  if (packages.some((word) => word === '.')) return [];
  return packages.filter(
    (word) => !isUnknown(word) && !isPathOrUrl(word) && !/(===?|>=|<=|~=|!=|[<>@])/.test(word) && !/\.(whl|tar\.gz|zip)$/.test(word) && !/^[a-z]+\+/.test(word),
  );
}

function npmUnpinned(argv: string[]): string[] {
  if (!['install', 'i', 'add'].includes(argv[1] ?? '')) return [];
  return operands(argv.slice(2), NPM_OPTIONS_WITH_VALUE).filter((word) => {
    if (isUnknown(word) || isPathOrUrl(word) || /\.(tgz|tar|tar\.gz)$/.test(word)) return false;
    if (/^(git(\+\w+)?:|github:|gitlab:|bitbucket:)/.test(word)) return !word.includes('#');
    const name = word.startsWith('@') ? word.slice(word.indexOf('/') + 1) : word;
    return !name.includes('@') || /@latest$/.test(name);
  });
}

function gemUnpinned(argv: string[]): string[] {
  if (argv[1] !== 'install' || argv.some((word) => /^(-v|--version)(=|$)/.test(word))) return [];
  return operands(argv.slice(2), new Set(['-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform'])).filter(
    (word) => !isUnknown(word) && !isPathOrUrl(word) && !word.includes(':') && !word.endsWith('.gem'),
  );
}

function goUnpinned(argv: string[]): string[] {
  if (argv[1] !== 'install') return [];
  // `go install` without a package path, or of a local package (`./cmd/x`), builds the module at its own versions.
  return operands(argv.slice(2), new Set(['-o', '-tags', '-ldflags', '-gcflags', '-mod', '-modfile', '-p'])).filter(
    (word) => !isUnknown(word) && !word.startsWith('.') && (!word.includes('@') || word.endsWith('@latest')),
  );
}

function systemUnpinned(command: ShellCommand): UnpinnedInstall | null {
  const call = systemPackageCall(command);
  if (!call || call.action !== 'install' || call.subcommand === 'build-dep' || command.program === 'aptitude') return null;
  const known = call.packages.filter((word) => !isUnknown(word) && !isPathOrUrl(word));
  switch (call.manager) {
    case 'apt':
      return { tool: command.program, hadolint: 'DL3008', separator: '=', packages: known.filter((p) => !p.includes('=') && !p.endsWith('.deb')) };
    case 'apk':
      return { tool: 'apk', hadolint: 'DL3018', separator: '=', packages: known.filter((p) => !/[=~<>]/.test(p) && !p.endsWith('.apk')) };
    case 'zypper':
      return { tool: 'zypper', hadolint: 'DL3037', separator: '=', packages: known.filter((p) => !/[=<>]/.test(p) && !p.endsWith('.rpm')) };
    case 'yum':
    case 'dnf': {
      // name-version (`httpd-2.4.57`), not just any dash: `python3-pip` is a name (hadolint counts it as pinned).
      const unpinned = known.filter((p) => !/-\d/.test(p) && !p.endsWith('.rpm') && !p.startsWith('@') && !p.includes(':'));
      const tool = command.program;
      return { tool, hadolint: tool === 'yum' ? 'DL3033' : 'DL3041', separator: '-', packages: unpinned };
    }
    default:
      return null;
  }
}

/** The packages `command` installs without a version, or null when it installs none. */
export function unpinnedInstall(command: ShellCommand): UnpinnedInstall | null {
  const pip = pipArgv(command);
  let found: UnpinnedInstall | null;
  if (pip) found = { tool: 'pip', hadolint: 'DL3013', separator: '==', packages: pipUnpinned(pip) };
  else if (command.program === 'npm') found = { tool: 'npm', hadolint: 'DL3016', separator: '@', packages: npmUnpinned(command.argv) };
  else if (command.program === 'gem') found = { tool: 'gem', hadolint: 'DL3028', separator: ':', packages: gemUnpinned(command.argv) };
  else if (command.program === 'go') found = { tool: 'go', hadolint: 'DL3062', separator: '@', packages: goUnpinned(command.argv) };
  else found = systemUnpinned(command);
  return found && found.packages.length > 0 ? found : null;
}
