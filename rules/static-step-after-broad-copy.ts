import {
  broadCopyBefore,
  moveInstructionBefore,
  instructionLabel,
  lineOf,
  systemPackageCall,
  type Instruction,
  type LayerStep,
  type ParsedDockerfile,
  type Rule,
  type ShellCommand,
} from '../src/kit/index.js';

/**
 * A RUN that installs system packages or downloads tools does not read the source files, yet when it
 * sits below `COPY . .` every source edit re-runs it.
 */

/** Commands that never read files from the build context. */
const HARMLESS = new Set([
  'mkdir',
  'ln',
  'true',
  'echo',
  'set',
  'export',
  'useradd',
  'groupadd',
  'adduser',
  'addgroup',
  'update-ca-certificates',
  'locale-gen',
  'apt-key',
  'gpg',
  'dpkg-reconfigure',
]);

function isDownload(command: ShellCommand): boolean {
  return (command.program === 'curl' || command.program === 'wget') && command.argv.some((word) => /^(https?|ftp):\/\//.test(word));
}

/** `npm install -g x`, `pip install x`, `gem install x`, `go install x@v`: tools from a registry. */
function isToolInstall(command: ShellCommand): boolean {
  const [, sub, ...rest] = command.argv;
  const packages = rest.filter((word) => !word.startsWith('-'));
  if (command.program === 'npm') return (sub === 'install' || sub === 'i') && command.argv.some((w) => w === '-g' || w === '--global') && packages.length > 0;
  if (/^pip[0-9.]*$/.test(command.program))
    return (
      sub === 'install' &&
      packages.length > 0 &&
      !command.argv.some((w) => /^(-r|--requirement|-e|--editable)/.test(w)) &&
      packages.every((p) => !/^[./]/.test(p))
    );
  if (command.program === 'gem') return sub === 'install' && packages.length > 0 && packages.every((p) => !p.endsWith('.gem'));
  if (command.program === 'go') return sub === 'install' && packages.length > 0 && packages.every((p) => p.includes('@'));
  return false;
}

function isCacheCleanup(command: ShellCommand): boolean {
  return (
    command.program === 'rm' &&
    command.argv
      .slice(1)
      .filter((w) => !w.startsWith('-'))
      .every((path) => /^\/(var\/lib\/apt\/lists|var\/cache|tmp)\b/.test(path))
  );
}

/** File-like words (`packages.txt`, `./setup.sh`) that, run inside the copied tree, read copied files. */
const FILE_WORD = /^(\.{0,2}\/)?[\w.-]+\/?[\w./-]*\.(txt|json|sh|list|lock|ya?ml|toml|cfg|conf|ini|xml|py|js)$/;

/**
 * Does the RUN read what the broad COPY brought in? Looks at every word its commands are given, the
 * wrappers' included (`xargs -a packages.txt apt-get install`), and the files they redirect from or to.
 */
function readsCopiedFiles(step: LayerStep, destination: string): boolean {
  const words = (step.instruction.script?.commands ?? []).flatMap((command) => [...command.words, ...command.redirects.map((redirect) => redirect.target)]);
  if (destination !== '/' && words.some((word) => word.includes(destination))) return true;
  const insideCopy = destination === '/' || step.instruction.workdir === destination || step.instruction.workdir.startsWith(`${destination}/`);
  return insideCopy && words.some((word) => FILE_WORD.test(word) && !/^[a-z]+:\/\//.test(word));
}

/** chmod/chown of what this RUN itself downloaded is part of the download. */
function touchesOwnDownloads(command: ShellCommand, step: LayerStep): boolean {
  if (command.program !== 'chmod' && command.program !== 'chown') return false;
  const downloads = step.created.filter((e) => e.kind === 'download').map((e) => e.path);
  const operands = command.argv.slice(2).filter((w) => !w.startsWith('-'));
  return operands.length > 0 && operands.every((path) => downloads.includes(path));
}

/** Every command is static, and at least one costs real time (an install or a download). */
function isStaticStep(step: LayerStep, destination: string): boolean {
  const commands = step.instruction.script?.commands ?? [];
  if (commands.length === 0 || step.instruction.script?.hasError || readsCopiedFiles(step, destination)) return false;
  let costly = false;
  for (const command of commands) {
    const pkg = systemPackageCall(command);
    if (pkg || isDownload(command) || isToolInstall(command)) costly = true;
    else if (!HARMLESS.has(command.program) && !isCacheCleanup(command) && !touchesOwnDownloads(command, step)) return false;
  }
  return costly;
}

/** Instructions that change what a RUN after them sees: a RUN moved above one of them would run differently. */
const CHANGES_WHAT_RUN_SEES = new Set(['USER', 'WORKDIR', 'ENV', 'ARG', 'SHELL']);

/** Can the RUN move above the COPY as it is? Not past a USER, WORKDIR, ENV, ARG or SHELL between them. */
function movableAbove(parsed: ParsedDockerfile, run: Instruction, copy: Instruction): boolean {
  const between = parsed.instructions.filter(
    (instruction) => instruction.range.start.line > copy.range.end.line && instruction.range.start.line < run.range.start.line,
  );
  return !between.some((instruction) => CHANGES_WHAT_RUN_SEES.has(instruction.keyword)) && run.flags.length === 0;
}

const rule: Rule = {
  meta: {
    id: 'static-step-after-broad-copy',
    category: 'cache',
    severity: 'warning',
    recommended: true,
    description: 'A RUN that does not use the copied sources (system packages, tool downloads) comes after a broad COPY, so every source edit re-runs it.',
    // Unsafe: the steps between the COPY and this RUN (ENV, USER, WORKDIR) may be what it relies on.
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const step of stage.steps) {
        if (step.instruction.keyword !== 'RUN') continue;
        // Only a COPY of this stage: the step can be moved above it without leaving the stage.
        const broad = broadCopyBefore(model, stage, step, 'stage');
        if (!broad || !isStaticStep(step, broad.copy!.destination)) continue;
        report({
          message: `This RUN does not use the files copied by ${instructionLabel(broad.instruction)} on line ${lineOf(broad.instruction.range)}, yet every source edit re-runs it; move it above that COPY.`,
          range: step.instruction.range,
          related: [{ range: broad.instruction.range, message: 'the COPY that invalidates it' }],
          fix: {
            description: `Move this RUN above ${instructionLabel(broad.instruction)}.`,
            edits: movableAbove(model.parsed, step.instruction, broad.instruction)
              ? moveInstructionBefore(model.parsed, step.instruction, broad.instruction)
              : undefined,
          },
        });
      }
    }
  },
};

export default rule;
