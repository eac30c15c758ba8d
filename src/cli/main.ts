/**
 * Command-line entry. Every failure the user can cause ends as one line on stderr and exit 2;
 * an unexpected error is reported the same way (no stack trace unless LAYERLINT_DEBUG is set).
 */
import { VERSION } from '../meta.js';
import { refuseRepeatedOptions, repeated } from './option-checks.js';
import { UserError } from '../util/errors.js';
import { runLint, type LintCommandOptions } from './lint-command.js';
import { LINT_OPTIONS, lintOptionsFromArgs, type LintArgs } from './lint-options.js';
import { quickLintArgs } from './quick-lint-args.js';
import { LAYERS_FORMATS, runLayers } from './layers-command.js';
import { runRulesCommand } from './rules-command.js';
import { runMeasure } from './measure-command.js';
import { STDIN_PATH } from './inputs.js';
import { terminalColumns, writeErr } from './terminal.js';
import { relaunchServer } from './relaunch.js';
import { shellGrammarForBatch } from '../parse/shell-grammar.js';

function fail(message: string): never {
  throw new UserError(message);
}

const EPILOGUE = `Exit codes: 0 no finding at or above the failure threshold; 1 findings at or above it; 2 bad input
(a file that cannot be read, an invalid config, a wrong option), said in one line on stderr.

Examples:
  layerlint lint . -o sarif:layerlint.sarif -o text:-   lint every Dockerfile below . for code scanning and the log
  layerlint measure --context . --max-wasted-bytes 20MB  build the image and fail on more than 20 MB wasted`;

export async function main(argv: string[]): Promise<number> {
  const words = argv.map((arg) => (arg === '-' ? STDIN_PATH : arg));
  // Most runs are a lint: src/cli/quick-lint-args.ts reads those lines without loading yargs.
  const lintArgs = quickLintArgs(words);
  if (lintArgs) return runLint(lintOptionsFromArgs(lintArgs));
  return mainWithYargs(words);
}

/**
 * Every command line, read by yargs. runLintCommand is what a lint line runs (tests give their own, to
 * see what yargs made of the line).
 */
export async function mainWithYargs(words: string[], runLintCommand: (options: LintCommandOptions) => Promise<number> = runLint): Promise<number> {
  const { default: yargs } = await import('yargs');
  let exitCode = 0;
  const parser = yargs(words)
    .scriptName('layerlint')
    .version(VERSION)
    .strict()
    .help()
    .wrap(Math.min(110, terminalColumns() ?? 100))
    .fail((message, error) => {
      if (error instanceof UserError) throw error;
      // One line, as every usage error: yargs lays out some over several ("Invalid values:\n  Argument: …").
      throw new UserError((message ?? error?.message ?? 'invalid arguments').replace(/:?\s*\n\s*/g, ': '));
    })
    .middleware(refuseRepeatedOptions)
    .epilogue(EPILOGUE)
    .command(
      ['lint [files..]', '$0 [files..]'],
      'Lint Dockerfiles (files, directories, or - for stdin)',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, default: [] as string[], describe: 'Dockerfiles or directories; - reads stdin' })
          .options(LINT_OPTIONS),
      async (args) => {
        exitCode = await runLintCommand(lintOptionsFromArgs(args as LintArgs));
      },
    )
    .command(
      'layers [file]',
      'Show the simulated layer model; with --changed or --since, what a change rebuilds and why',
      (y) =>
        y
          .positional('file', { type: 'string', describe: 'The Dockerfile' })
          .option('format', { alias: 'f', choices: LAYERS_FORMATS, default: 'text' as const, describe: 'sarif and github: the rebuild prediction as findings' })
          .option('context', { type: 'string', describe: "Build context directory (with --changed/--since: the Dockerfile's folder by default)" })
          .option('target', { type: 'string', describe: 'Stage to build (default: the last stage)' })
          .option('changed', { type: 'string', describe: 'A file or folder that changed (repeatable): predict what it rebuilds' })
          .option('since', { type: 'string', describe: 'Predict what the changes since this git commit rebuild (working tree and untracked files included)' })
          .option('changed-arg', { type: 'string', describe: 'A build argument whose value changes (repeatable)' })
          .option('builder', { choices: ['buildkit', 'classic'] as const, default: 'buildkit' as const, describe: 'Which builder the prediction is for' })
          .option('timings', { type: 'string', describe: "A JSON report of layerlint measure: show each step's last build time and the total" })
          .option('fail-on-needless', {
            type: 'boolean',
            default: false,
            describe: 'Exit 1 when the change re-runs an install that does not read the changed files',
          }),
      async (args) => {
        exitCode = await runLayers({
          file: args.file ?? fail('layers needs a Dockerfile: layerlint layers path/to/Dockerfile'),
          format: args.format,
          context: args.context ?? null,
          target: args.target ?? null,
          changed: repeated(args.changed),
          since: args.since ?? null,
          changedArgs: repeated(args.changedArg),
          builder: args.builder,
          timings: args.timings ?? null,
          failOnNeedless: args.failOnNeedless,
        });
      },
    )
    .command(
      'measure',
      'Build the image with a Docker engine and measure every layer: sizes, wasted bytes, efficiency',
      (y) =>
        y
          .option('context', { type: 'string', default: '.', describe: 'Build context directory' })
          .option('file', { type: 'string', describe: 'Dockerfile (default: <context>/Dockerfile), as docker build -f' })
          .option('target', { type: 'string', describe: 'Stage to build' })
          .option('build-arg', { type: 'string', array: true, default: [] as string[], describe: 'Build argument KEY=VALUE (repeatable)' })
          .option('network', { type: 'string', default: 'default', describe: 'Network for RUN steps: default, none, host …' })
          .option('format', { alias: 'f', choices: ['text', 'json', 'sarif'] as const, default: 'text' as const, describe: 'Report format' })
          .option('output', { alias: 'o', type: 'string', describe: 'Write the report to this file' })
          .option('overwrite', { type: 'boolean', default: false, describe: 'Allow -o/--html to replace an existing non-empty file' })
          .option('html', { type: 'string', describe: 'Also write a self-contained HTML report to this file' })
          .option('cache-check', {
            type: 'boolean',
            default: false,
            describe:
              'Rebuild after editing a source file, a manifest, an ignored file and a builder-only file (in a scratch copy) and compare with the rebuild prediction',
          })
          .option('max-wasted-bytes', { type: 'string', describe: 'Fail (exit 1) above this many wasted bytes (e.g. 20MB, 5MiB)' })
          .option('max-avoidable-bytes', { type: 'string', describe: 'Fail (exit 1) above this many bytes of package lists and caches left in the image' })
          .option('min-efficiency', { type: 'number', describe: 'Fail (exit 1) below this efficiency (0–1, as dive)' })
          .option('max-image-size', { type: 'string', describe: 'Fail (exit 1) above this image size' })
          .option('keep', { type: 'boolean', default: false, describe: 'Keep the built image and print its id' })
          .option('cache', { type: 'boolean', default: true, describe: "Use the engine's build cache (--no-cache: build every step)" })
          .option('builder', {
            choices: ['auto', 'buildkit', 'classic'] as const,
            default: 'auto' as const,
            describe: 'Build with BuildKit or the classic builder (auto: BuildKit when the engine offers it)',
          })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No build progress on stderr' })
          .option('fix-check', {
            type: 'boolean',
            default: false,
            describe: 'Also build the Dockerfile as lint --fix would leave it, and compare size, wasted bytes, layers and source-edit rebuilds',
          })
          .option('unsafe-fixes', { type: 'boolean', default: false, describe: 'With --fix-check: the unsafe fixes too' }),
      async (args) => {
        if (args.unsafeFixes && !args.fixCheck) throw new UserError('--unsafe-fixes goes with --fix-check');
        exitCode = await runMeasure({
          fixCheck: args.fixCheck,
          unsafeFixes: args.unsafeFixes,
          context: args.context,
          file: args.file ?? null,
          target: args.target ?? null,
          buildArgs: args.buildArg as string[],
          network: args.network,
          format: args.format,
          output: args.output ?? null,
          overwrite: args.overwrite,
          html: args.html ?? null,
          cacheCheck: args.cacheCheck,
          maxWastedBytes: args.maxWastedBytes ?? null,
          maxAvoidableBytes: args.maxAvoidableBytes ?? null,
          minEfficiency: args.minEfficiency ?? null,
          maxImageSize: args.maxImageSize ?? null,
          keep: args.keep,
          quiet: args.quiet,
          noCache: !args.cache,
          builder: args.builder,
        });
      },
    )
    .command(
      'lsp',
      'Run the language server (for editors): diagnostics and quick fixes over LSP',
      (y) => y.option('stdio', { type: 'boolean', default: true, describe: 'Talk LSP over stdin/stdout (the only transport)' }),
      async () => {
        // With the WebAssembly grammar on Node 23+, the server runs in a Node started with --liftoff-only.
        const relaunchedExitCode = await relaunchServer(() => shellGrammarForBatch(1));
        if (relaunchedExitCode !== null) {
          exitCode = relaunchedExitCode;
          return;
        }
        // Loaded only here: the LSP libraries cost start-up time every other command should not pay.
        // The open stdin keeps the process alive; the server exits on the client's `exit` notification.
        const { startServer } = await import('../lsp/server.js');
        startServer();
      },
    )
    .command(
      'rules [id]',
      "List the rules, or show one rule's documentation",
      (y) => y.positional('id', { type: 'string' }).option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const }),
      (args) => {
        exitCode = runRulesCommand({ id: args.id ?? null, format: args.format });
      },
    );
  await parser.parseAsync();
  return exitCode;
}

/** Run the CLI and turn every error into one line on stderr. */
export async function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    if (error instanceof UserError) {
      writeErr(`layerlint: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      const detail = process.env.LAYERLINT_DEBUG ? `\n${(error as Error).stack}` : '';
      writeErr(`layerlint: internal error: ${(error as Error).message} (please report this; set LAYERLINT_DEBUG=1 for details)${detail}\n`);
      process.exitCode = 2;
    }
  }
}
