/**
 * ShellCheck on RUN scripts: when a `shellcheck` binary is available, every RUN script of a
 * Dockerfile (heredoc bodies included, with the SHELL in effect) is written as ShellCheck is to read
 * it, checked (runner.ts runs the processes), and each comment is mapped back to its Dockerfile line
 * and column as an `SCxxxx` finding.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type { Instruction, ParsedDockerfile, Range } from '../parse/types.js';
import { runScriptSources, stageChain, type ScriptSource } from '../parse/dockerfile.js';
import { basename } from '../parse/shell-names.js';
import type { Severity } from '../core/findings.js';
import type { Rule } from '../runner/types.js';
import { own } from '../util/own.js';

/** Codes hadolint also leaves out: sourcing files that are not in the build context, and SC2187 (ash). */
const EXCLUDED = [1090, 1091, 2187];
const SHELLCHECK_SHELLS = new Set(['sh', 'bash', 'dash', 'ksh']);
const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'style' };
const MAX_OUTPUT = 64 * 1024 * 1024;

export interface ShellcheckFinding {
  code: number;
  severity: Severity;
  message: string;
  range: Range;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The shellcheck to use: an explicit path, else the first `shellcheck` on PATH, else null. */
export function findShellcheck(explicit: string | null = null): string | null {
  if (explicit) return isExecutable(explicit) ? explicit : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'shellcheck');
    if (dir && isExecutable(candidate)) return candidate;
  }
  return null;
}

/** ARG and ENV names visible to an instruction: declared as exported so ShellCheck does not call them unassigned. */
function variablesInScope(parsed: ParsedDockerfile, instruction: Instruction): string[] {
  const names = new Set(parsed.globalArgs.flatMap((arg) => arg.pairs.map((pair) => pair.name)));
  for (const stageIndex of stageChain(parsed, instruction.stageIndex)) {
    for (const earlier of parsed.stages[stageIndex].instructions) {
      if (earlier.stageIndex === instruction.stageIndex && earlier.index >= instruction.index) break;
      if (earlier.keyword === 'ARG' || earlier.keyword === 'ENV') for (const pair of earlier.pairs) names.add(pair.name);
    }
  }
  return [...names].filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
}

export interface ShellcheckComment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

function allRuns(parsed: ParsedDockerfile): Instruction[] {
  return parsed.instructions.flatMap((i) => (i.onbuildTrigger ? [i.onbuildTrigger] : [i])).filter((i) => i.keyword === 'RUN');
}

/** A RUN script as ShellCheck is given it: a shebang for its SHELL and the ARG/ENV names in scope first. */
export interface ScriptText {
  text: string;
  source: ScriptSource;
  headerLines: number;
}

export function scriptTexts(parsed: ParsedDockerfile): ScriptText[] {
  const scripts: ScriptText[] = [];
  for (const instruction of allRuns(parsed)) {
    const shell = basename(instruction.shell[0] ?? 'sh');
    const dialect = SHELLCHECK_SHELLS.has(shell) ? shell : 'sh';
    const exports = variablesInScope(parsed, instruction);
    for (const source of runScriptSources(instruction, parsed.directives.escape)) {
      const header = [`#!/bin/${dialect}`, exports.length > 0 ? `export ${exports.map((name) => `${name}=1`).join(' ')}` : ':'];
      // ShellCheck counts a tab as 8 columns; a space keeps columns equal to characters (not inside <<- heredocs, where tabs matter).
      const text = source.text.includes('<<-') ? source.text : source.text.replace(/\t/g, ' ');
      scripts.push({ text: `${header.join('\n')}\n${text}\n`, source, headerLines: header.length });
    }
  }
  return scripts;
}

/**
 * What ShellCheck would be given for this Dockerfile, with where each script starts: equal keys give
 * equal findings (the language server keeps ShellCheck's last answer while only other lines change).
 */
export function shellcheckInputKey(parsed: ParsedDockerfile): string {
  return JSON.stringify(scriptTexts(parsed).map((script) => [script.text, script.source.origin]));
}

/** One shellcheck process over these files: its comments, each with the file it is about. */
export async function runOnce(executable: string, paths: string[]): Promise<ShellcheckComment[]> {
  const args = ['--format=json1', '--norc', `--exclude=${EXCLUDED.join(',')}`, ...paths];
  // Loaded here, when a script is checked: node:child_process brings net, dgram and the stream modules
  // (~2 ms), which a lint whose findings all come from the cache never needs.
  const { execFile } = await import('node:child_process');
  // shellcheck exits 1 when it has comments: that is its normal output, not a failure.
  const { stdout } = await promisify(execFile)(executable, args, { maxBuffer: MAX_OUTPUT }).catch(
    (error: { code?: number; stdout?: string; message: string }) => {
      if (typeof error.stdout === 'string' && error.stdout.startsWith('{')) return { stdout: error.stdout };
      throw new Error(`shellcheck failed: ${error.message.split('\n')[0]}`);
    },
  );
  return (JSON.parse(stdout) as { comments: ShellcheckComment[] }).comments;
}

/** A comment on a script file, placed back on the Dockerfile; null for the lines layerlint added. */
export function toFinding(comment: ShellcheckComment, file: Pick<ScriptText, 'source' | 'headerLines'>): ShellcheckFinding | null {
  if (comment.line - 1 < file.headerLines) return null;
  const scriptLines = file.source.text.split('\n');
  const lastLine = scriptLines.length - 1;
  const toPosition = (line: number, column: number) => {
    const scriptLine = line - 1 - file.headerLines;
    // "Expected 'fi'" and other end-of-input errors fall on the line after the script: that is the next
    // instruction in the Dockerfile, so they are placed at the script's end.
    if (scriptLine > lastLine) return toDockerfile(lastLine, scriptLines[lastLine].length);
    return toDockerfile(scriptLine, column - 1);
  };
  const toDockerfile = (scriptLine: number, character: number) => ({
    line: file.source.origin.line + scriptLine,
    character: (scriptLine === 0 ? file.source.origin.character : 0) + character,
  });
  return {
    code: comment.code,
    severity: own(LEVELS, comment.level) ?? 'info',
    message: comment.message,
    range: { start: toPosition(comment.line, comment.column), end: toPosition(comment.endLine, comment.endColumn) },
  };
}

/**
 * Why ShellCheck's warnings, infos and style notes are opt-in (`--extend-select SC`, `extends: strict`).
 * On the official images of the audit set (test/audit) every one of them was a deliberate idiom:
 * `export GNUPGHOME="$(mktemp -d)"` (SC2155), `local` in dash and BusyBox sh, which both have it
 * (SC3043), `apt-mark manual $savedAptMark` split on purpose (SC2086), `ARCH= OPENSSL_ARCH=` (SC1007).
 * Its errors (syntax errors, commands that cannot work) stay on.
 */
export const SHELLCHECK_OPT_IN_BECAUSE =
  'ShellCheck\'s warnings, infos and style notes were deliberate idioms in every case on expert-written Dockerfiles (word splitting of package lists, export X="$(…)", local in dash); only its errors are on by default.';

/** One rule per SC code found, so config, suppressions (`# hadolint ignore=SC2086`) and SARIF treat them like ours. */
export function shellcheckRules(findings: ShellcheckFinding[]): Rule[] {
  const byCode = new Map<number, ShellcheckFinding[]>();
  for (const finding of findings) byCode.set(finding.code, [...(byCode.get(finding.code) ?? []), finding]);
  return [...byCode].map(([code, list]) => ({
    meta: {
      id: `SC${code}`,
      category: 'hygiene',
      severity: list[0].severity,
      recommended: list[0].severity === 'error',
      ...(list[0].severity === 'error' ? {} : { optInBecause: SHELLCHECK_OPT_IN_BECAUSE }),
      description: `ShellCheck SC${code} in a RUN script.`,
      hadolint: [],
    },
    check({ report }) {
      for (const finding of list) report({ message: `${finding.message} (ShellCheck)`, range: finding.range });
    },
  }));
}
