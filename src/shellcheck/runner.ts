/**
 * Running shellcheck for a batch of Dockerfiles, or for one.
 *
 * Each distinct script is checked once per run: generated variants of one Dockerfile (docker-library's
 * per-version folders, CI image families) repeat the same RUN scripts, and a script's ShellCheck
 * comments depend only on its text as written for ShellCheck (its shell and the ARG/ENV names in scope
 * are part of that text). 3,502 real Dockerfiles held 17,074 scripts, 2,251 of them distinct.
 *
 * Scripts wait in a queue; each shellcheck process takes up to `scriptsPerCall` of them, up to
 * `processes` at once. One process over many scripts costs half the CPU of one per Dockerfile (252 real
 * Dockerfiles' 1,833 scripts: 18.6 s one by one, 9.5 s in one call; most of the difference is each
 * process's start), and its JSON names the file of every comment, so each maps back exactly. Calls are
 * capped so that every process has work until the end (265 real Dockerfiles on 2 cores: all that waits
 * in one call 8.9–10.4 s, ~55 scripts per call 6.7–6.8 s, ~110 5.8–5.9 s, ~220 6.0–6.2 s).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedDockerfile } from '../parse/types.js';
import { runOnce, scriptTexts, toFinding, type ShellcheckComment, type ShellcheckFinding } from './shellcheck.js';

interface QueuedScript {
  path: string;
  resolve(comments: ShellcheckComment[]): void;
  reject(error: Error): void;
}

export class ShellcheckRunner {
  /** ShellCheck's comments on each distinct script text, as they come. */
  private readonly answers = new Map<string, Promise<ShellcheckComment[]>>();
  private readonly queue: QueuedScript[] = [];
  private running = 0;
  private dir: string | null = null;
  /** Distinct scripts so far: numbers their files. */
  private distinctScripts = 0;

  constructor(
    private readonly executable: string,
    readonly processes = 1,
    private readonly scriptsPerCall = 110,
  ) {}

  /** ShellCheck's findings on every RUN script of the Dockerfile; no process at all when it has none. */
  async check(parsed: ParsedDockerfile): Promise<ShellcheckFinding[]> {
    const scripts = scriptTexts(parsed);
    if (scripts.length === 0) return [];
    const answers = scripts.map((script) => this.answerFor(script.text));
    this.startWaiting();
    const comments = await Promise.all(answers);
    return scripts.flatMap((script, index) => comments[index].flatMap((comment) => toFinding(comment, script) ?? []));
  }

  private answerFor(text: string): Promise<ShellcheckComment[]> {
    let answer = this.answers.get(text);
    if (!answer) {
      this.dir ??= mkdtempSync(join(tmpdir(), 'layerlint-shellcheck-'));
      const path = join(this.dir, `s${this.distinctScripts++}.sh`);
      writeFileSync(path, text);
      answer = new Promise((resolve, reject) => this.queue.push({ path, resolve, reject }));
      this.answers.set(text, answer);
    }
    return answer;
  }

  private startWaiting(): void {
    while (this.running < this.processes && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.scriptsPerCall);
      this.running++;
      this.runBatch(batch).finally(() => {
        this.running--;
        this.startWaiting();
      });
    }
  }

  private async runBatch(batch: QueuedScript[]): Promise<void> {
    let comments: ShellcheckComment[];
    try {
      comments = await runOnce(
        this.executable,
        batch.map((script) => script.path),
      );
    } catch (error) {
      // One script may be what broke it: alone, each one fails or passes on its own.
      if (batch.length > 1) {
        await Promise.all(batch.map((script) => this.runBatch([script])));
        return;
      }
      batch[0].reject(error as Error);
      rmSync(batch[0].path, { force: true });
      return;
    }
    const byPath = new Map(batch.map((script) => [script.path, [] as ShellcheckComment[]]));
    for (const comment of comments) byPath.get(comment.file)?.push(comment);
    for (const script of batch) {
      script.resolve(byPath.get(script.path)!);
      rmSync(script.path, { force: true });
    }
  }

  /** Remove the scripts' folder (after the last check has settled). */
  close(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** ShellCheck over every RUN script of one Dockerfile, in one process. */
export async function runShellcheck(parsed: ParsedDockerfile, executable: string): Promise<ShellcheckFinding[]> {
  const runner = new ShellcheckRunner(executable);
  try {
    return await runner.check(parsed);
  } finally {
    runner.close();
  }
}
