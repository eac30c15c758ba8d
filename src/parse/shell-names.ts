/**
 * The one list of shells, by program name (the basename of argv[0], `/bin/bash` → `bash`). Everything
 * that asks "is this a shell?" asks here, each question a function, so the lists cannot drift apart.
 */
import { own } from '../util/own.js';

interface ShellTraits {
  /** Runs a POSIX sh script (bash, zsh and ksh are supersets): the scripts we parse and ShellCheck checks. */
  posix: boolean;
  /** A multi-call binary (`busybox sh -c …`): the shell is its first argument, not the program itself. */
  multiCall?: true;
}

const SHELLS: Record<string, ShellTraits> = {
  sh: { posix: true },
  bash: { posix: true },
  ash: { posix: true },
  dash: { posix: true },
  zsh: { posix: true },
  ksh: { posix: true },
  busybox: { posix: true, multiCall: true },
  fish: { posix: false },
  pwsh: { posix: false },
  powershell: { posix: false },
  cmd: { posix: false },
  'cmd.exe': { posix: false },
};

export function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}

function traits(program: string): ShellTraits | undefined {
  return own(SHELLS, basename(program));
}

/** A shell of any kind, busybox included (`["bash", "-c", …]`, `["pwsh", "-Command", …]`). */
export function isShellProgram(program: string): boolean {
  return traits(program) !== undefined;
}

/** A POSIX-like shell whose scripts we can parse (`SHELL ["/bin/bash", "-c"]`, busybox included). */
export function isPosixShellProgram(program: string): boolean {
  return traits(program)?.posix === true;
}

/** A shell that is itself the shell (not busybox, whose shell is its first argument): `CMD ["/bin/bash"]`, `sh -c`. */
export function isShellItself(program: string): boolean {
  const found = traits(program);
  return found !== undefined && !found.multiCall;
}
