import {
  ESSENTIAL_MANIFESTS,
  MANIFESTS,
  basename,
  broadSources,
  commandLabel,
  isBroadCopy,
  earlierStepsInImage,
  globToRegExp,
  instructionLabel,
  isBefore,
  isWithin,
  lineOf,
  own,
  readsProjectSources,
  sameRange,
  workspaceAt,
  type BuildCall,
  type DependencyInstall,
  type Ecosystem,
  type FileEffect,
  type LayerModel,
  type LayerStep,
  type Rule,
  type TextEdit,
  type Workspace,
} from '../src/kit/index.js';

/**
 * `COPY . .` then `RUN npm ci`: every source edit changes the COPY layer's cache key, so the
 * install below it re-runs, although it only needs package.json and the lock file.
 */

/** Builds that download what nothing fetched before them, and the cache their downloads land in. */
const FETCHING_BUILDS: Record<string, { ecosystem: Ecosystem; downloads: string; fetch: string }> = {
  'cargo build': { ecosystem: 'cargo', downloads: 'Cargo registry cache', fetch: 'cargo fetch' },
  'go build': { ecosystem: 'go', downloads: 'Go module cache', fetch: 'go mod download' },
  'go install': { ecosystem: 'go', downloads: 'Go module cache', fetch: 'go mod download' },
};

/** What to run after copying the manifests: the install itself, or for a build the command that only fetches. */
function fetchCommand(install: DependencyInstall): string {
  const build = Object.entries(FETCHING_BUILDS).find(([tool]) => `${install.command.program} ${install.command.argv[1]}` === tool);
  return build ? `RUN ${build[1].fetch}` : 'install';
}

/** Go modules kept in the context (`go mod vendor`), or none to fetch (no go.sum): a Go build downloads nothing. */
function goBuildFetchesNothing(model: LayerModel, build: BuildCall): boolean {
  if (build.command.argv.includes('-mod=vendor')) return true;
  const files = model.context?.files;
  return files !== undefined && (files.some((file) => file.endsWith('vendor/modules.txt')) || !files.some((file) => basename(file) === 'go.sum'));
}

/**
 * The installs of a step, counting `cargo build` and `go build` as installs too: they fetch every
 * crate or module nothing fetched before. Not when a cache mount keeps those downloads (the step
 * then leaves no registry or module cache in its layer), for `go install tool@version` (a tool, not
 * the project's modules) or vendored Go modules.
 */
function installsOf(model: LayerModel, step: LayerStep): DependencyInstall[] {
  // `cargo chef cook --recipe-path recipe.json` builds every dependency from a recipe: the cargo-chef split.
  const chefCooks = (step.instruction.script?.commands ?? [])
    .filter((command) => command.program === 'cargo' && command.argv[1] === 'chef' && command.argv[2] === 'cook')
    .map((command): DependencyInstall => ({ ecosystem: 'cargo', manifests: ['recipe.json'], command, directory: step.instruction.workdir }));
  const fetchingBuilds = step.builds.flatMap((build): DependencyInstall[] => {
    const fetching = own(FETCHING_BUILDS, build.tool);
    if (!fetching || !step.created.some((effect) => effect.what === fetching.downloads)) return [];
    if (fetching.ecosystem === 'go' && (build.command.argv.some((word) => word.includes('@')) || goBuildFetchesNothing(model, build))) return [];
    return [{ ecosystem: fetching.ecosystem, manifests: MANIFESTS[fetching.ecosystem], command: build.command, directory: build.directory }];
  });
  return [...step.dependencyInstalls, ...chefCooks, ...fetchingBuilds];
}

/**
 * Were the manifests fetched rather than copied? `git clone https://…/shop.git /app && composer
 * install` in /app reads the clone's composer.json: copying manifests from the context cannot help.
 * True when the install runs inside what a download or clone created before it, in the same RUN or
 * an earlier step.
 */
function installsFetchedFiles(step: LayerStep, install: DependencyInstall, earlier: LayerStep[]): boolean {
  const fetched = (effect: FileEffect) => effect.kind === 'download' && isWithin(install.directory, effect.path);
  const beforeInstall = (effect: FileEffect) => isBefore(effect.range.start, install.command.range.start);
  return step.created.some((effect) => fetched(effect) && beforeInstall(effect)) || earlier.some((candidate) => candidate.created.some(fetched));
}

/** Installs that fail without their lock file, so it surely exists: npm ci, yarn --frozen-lockfile, pipenv --deploy … */
function requiresLock(install: DependencyInstall): boolean {
  const [program, sub] = install.command.argv;
  const has = (...options: string[]) => install.command.argv.some((word) => options.includes(word));
  if (program === 'npm') return sub === 'ci' || sub === 'clean-install';
  if (program === 'yarn') return has('--frozen-lockfile', '--immutable');
  if (program === 'pipenv') return has('--deploy', '--ignore-pipfile');
  if (program === 'uv') return has('--locked', '--frozen');
  if (program === 'bundle') return has('--deployment', '--frozen');
  return false;
}

/**
 * The manifest files to name: those present in the build context when known, else the usual pair;
 * pip's -r files as written (`-r environments/prod/requirements.txt` needs that very path).
 */
function manifestsToCopy(model: LayerModel, install: DependencyInstall, folder: string): string[] {
  if (install.ecosystem === 'pip') return install.manifests.map((file) => file.replace(/^\.\//, ''));
  const essential = ESSENTIAL_MANIFESTS[install.ecosystem];
  // Without the context, a lock file the install does not insist on may not exist, and COPY fails on a
  // missing file but not on a glob that matches nothing: `package-lock.json*` is safe either way.
  if (!model.context) return essential.map((file, i) => (i === 0 || file.includes('*') || requiresLock(install) ? file : `${file}*`));
  const prefix = folder ? `${folder}/` : '';
  const present = MANIFESTS[install.ecosystem].filter((pattern) =>
    model.context!.files.some((file) => file.startsWith(prefix) && globToRegExp(pattern).test(file.slice(prefix.length))),
  );
  return present.length > 0 ? present : essential;
}

/**
 * Where the install reads its manifests, seen from the build context, and the WORKDIR it needs. `COPY . /src`
 * then an install in /src/src-ui (paperless-ngx) reads `src-ui/package.json`; moved above that COPY, the
 * manifest COPY and the install run before `WORKDIR /src/src-ui` (set after the COPY), so the advice starts
 * with that WORKDIR. Null when the install runs outside what the COPY brought.
 */
function placement(broad: LayerStep, install: DependencyInstall): { folder: string; workdirFirst: string | null } | null {
  const whole = broad.copy?.writes.find((write) => write.tree && /^(\.\/?|\.\/\*|\*)$/.test(write.source));
  if (!whole || !isWithin(install.directory, whole.path)) return null;
  const folder = install.directory.slice(whole.path.length).replace(/^\/+|\/+$/g, '');
  return { folder, workdirFirst: broad.instruction.workdir === install.directory ? null : install.directory };
}

interface Advice {
  /** What every source edit costs. */
  what: string;
  message: string;
  fix: string;
  manifests: string[];
}

/** More member manifests than this, and one COPY line each is no longer practical: a cache mount is. */
const MAX_MEMBER_COPIES = 8;

/** Where each package manager keeps its downloads, for a cache mount (the official images' users are root). */
const DOWNLOAD_CACHE: Partial<Record<Ecosystem, string>> = { npm: '/root/.npm', yarn: '/usr/local/share/.cache/yarn', go: '/go/pkg/mod' };

/**
 * Cargo cannot fetch from Cargo.toml alone (a manifest with no src/main.rs or lib.rs does not parse), so
 * "COPY Cargo.toml Cargo.lock, RUN cargo fetch" fails as written: the advice that works is a cache mount
 * for the downloads, or cargo-chef for a layer of built dependencies (workspaces included).
 */
function cargoAdvice(step: LayerStep, install: DependencyInstall): Advice {
  const registry = step.created.find((effect) => effect.what === 'Cargo registry cache')?.path ?? '/usr/local/cargo/registry';
  const mount = `RUN --mount=type=cache,target=${registry} ${install.command.argv.slice(0, 2).join(' ')} …`;
  return {
    what: 'downloads and builds every dependency again',
    message: `keep the downloads in a cache mount (\`${mount}\`), or build the dependencies in a layer of their own with cargo-chef (\`cargo chef prepare\` in one stage, \`cargo chef cook\` before the COPY); Cargo cannot fetch from Cargo.toml alone.`,
    fix: `Add --mount=type=cache,target=${registry} to this RUN, or split the dependency build with cargo-chef.`,
    manifests: ['Cargo.toml', 'Cargo.lock'],
  };
}

/** A workspace too big to copy member by member: the downloads go into a cache mount instead. */
function cacheMountAdvice(install: DependencyInstall, workspace: Workspace, what: string): Advice | null {
  const target = DOWNLOAD_CACHE[install.ecosystem];
  if (!target) return null;
  return {
    what,
    message: `${workspace.declaredIn} declares a workspace of ${workspace.members.length} packages, too many to copy their manifests one by one: keep the downloads in a cache mount instead (\`RUN --mount=type=cache,target=${target} ${install.command.argv.join(' ')}\`).`,
    fix: `Add --mount=type=cache,target=${target} to this RUN.`,
    manifests: [workspace.declaredIn],
  };
}

/** `COPY a b ./`, one COPY per destination folder, sources as in the context, destinations below the install's folder. */
function copyLines(files: string[], folder: string): string {
  const byDestination = new Map<string, string[]>();
  const prefix = folder ? `${folder}/` : '';
  for (const file of files) {
    const inFolder = file.startsWith(prefix) ? file.slice(prefix.length) : contextName(file);
    const destination = inFolder.includes('/') ? `${inFolder.slice(0, inFolder.lastIndexOf('/'))}/` : './';
    byDestination.set(destination, [...(byDestination.get(destination) ?? []), file.startsWith('/') ? contextName(file) : file]);
  }
  return [...byDestination].map(([destination, sources]) => `\`COPY ${sources.join(' ')} ${destination}\``).join(', ');
}

/**
 * The manifest-first split as edits, for the plainest shape only, and only with the build context (its
 * files say which manifests exist): the install is the whole RUN, right after a `COPY . <dest>` of the same
 * stage, in the folder that COPY fills, reading manifests at the top of the context, and running none of
 * the project's own code (npm's lifecycle scripts, `uv sync` of the project, `pip install .`). Then
 * `COPY <manifests> <dest>` and the RUN go above the broad COPY. Unsafe all the same: an install may read
 * more than the model knows (a postinstall script's files, a private index's config).
 */
function splitEdits(model: LayerModel, step: LayerStep, broad: LayerStep, install: DependencyInstall, advice: Advice): TextEdit[] | null {
  const context = model.context;
  const run = step.instruction;
  const copy = broad.instruction;
  if (!context || install.ecosystem === 'cargo' || install.ecosystem === 'pnpm' || fetchCommand(install) !== 'install') return null;
  const where = placement(broad, install);
  if (!where || where.folder !== '' || where.workdirFirst !== null || readsProjectSources(install, context)) return null;
  if (advice.manifests.length === 0 || advice.manifests.some((file) => /[/*?[]/.test(file) || !context.files.includes(file))) return null;
  if (copy.keyword !== 'COPY' || !copy.copy || copy.copy.from !== null || copy.copy.heredocSources.length > 0 || broad.stageIndex !== step.stageIndex)
    return null;
  const commands = run.script?.commands ?? [];
  if (run.form !== 'shell' || run.heredocs.length > 0 || commands.length !== 1 || !sameRange(commands[0].range, install.command.range)) return null;
  const stage = model.parsed.stages[copy.stageIndex];
  if (stage.instructions[stage.instructions.indexOf(copy) + 1] !== run) return null;
  const flags = copy.flags.map((flag) => (flag.value === null ? `--${flag.name}` : `--${flag.name}=${flag.value}`));
  const destination = copy.copy.destination === '.' ? './' : copy.copy.destination.endsWith('/') ? copy.copy.destination : `${copy.copy.destination}/`;
  const lines = model.parsed.lines;
  const runText = lines.slice(run.range.start.line, run.range.end.line + 1).join('\n');
  const at = { line: copy.range.start.line, character: 0 };
  return [
    { range: { start: at, end: at }, newText: `${['COPY', ...flags, ...advice.manifests, destination].join(' ')}\n${runText}\n` },
    { range: { start: { line: run.range.start.line, character: 0 }, end: { line: run.range.end.line + 1, character: 0 } }, newText: '' },
  ];
}

function adviceFor(model: LayerModel, step: LayerStep, broad: LayerStep, install: DependencyInstall): Advice {
  if (install.ecosystem === 'cargo') return cargoAdvice(step, install);
  const where = placement(broad, install);
  const folder = where?.folder ?? '';
  const prefix = folder ? `${folder}/` : '';
  const workdir = where?.workdirFirst ? `\`WORKDIR ${where.workdirFirst}\`, ` : '';
  const fetch = fetchCommand(install);
  const what = fetch === 'install' ? 're-runs the install' : 'downloads every dependency again';
  const plan = (manifests: string[], run: string, after = ''): Advice => {
    const copy = copyLines(manifests, folder);
    const simple = workdir === '' && folder === '' && !after && manifests.every((file) => !file.includes('/') || file.startsWith('/'));
    return {
      what,
      message: simple
        ? `COPY ${manifests.map(contextName).join(' ')} first, ${run}, then COPY the rest.`
        : `${workdir}${copy} and ${run === 'install' ? 'the install' : `\`${run}\``} first, then COPY the rest${after}.`,
      fix: `Add ${workdir}${copy} and ${run === 'install' ? 'the install' : `\`${run}\``} above ${instructionLabel(broad.instruction)}${after}.`,
      manifests,
    };
  };
  // pnpm fetch reads only the lock file and fills the store: it works for a single package and a workspace alike.
  if (install.ecosystem === 'pnpm') return plan([`${prefix}pnpm-lock.yaml`], 'RUN pnpm fetch', ', and make this `pnpm install --offline`');
  const workspace = model.context ? workspaceAt(model.context, folder) : null;
  if (workspace && workspace.members.length > 0 && (workspace.tool === 'npm' || workspace.tool === 'go')) {
    if (workspace.members.length > MAX_MEMBER_COPIES) {
      const mounted = cacheMountAdvice(install, workspace, what);
      if (mounted) return mounted;
    }
    const memberManifest = workspace.tool === 'go' ? ['go.mod', 'go.sum'] : ['package.json'];
    const members = workspace.members
      .flatMap((member) => memberManifest.map((name) => `${member}/${name}`))
      .filter((file) => model.context!.files.includes(file));
    const root = manifestsToCopy(model, install, folder)
      .map((file) => `${prefix}${file}`)
      .filter((file) => model.context!.files.includes(file));
    const goWork = workspace.tool === 'go' ? [`${prefix}go.work`, `${prefix}go.work.sum`].filter((file) => model.context!.files.includes(file)) : [];
    return plan([...root, ...goWork, ...members], fetch);
  }
  const manifests = manifestsToCopy(model, install, folder).map((file) => (folder && !file.startsWith('/') ? `${prefix}${file}` : file));
  return plan(manifests, fetch);
}

/** A manifest's name in the build context: an absolute path in the image (`-r /tmp/extra.txt`) by its file name. */
function contextName(file: string): string {
  return file.startsWith('/') ? basename(file) : file;
}

/** Does this step copy the whole build context (`COPY . .`, `ADD . /app`), rather than one source folder? */
function copiesWholeContext(step: LayerStep): boolean {
  return broadSources(step).some((source) => /^(\.\/?|\*|\.\/\*)$/.test(source.path));
}

/**
 * Were this ecosystem's essential manifests copied on their own by an earlier step? Then the author has
 * made the manifest-first split, and a source folder copied after them is what the install needs too:
 * a workspace's packages (`COPY package.json yarn.lock ./` + `COPY packages packages`), a Cargo
 * workspace member (vaultwarden: `COPY ./Cargo.* ./build.rs ./` + `COPY ./macros ./macros`).
 */
function manifestsCopiedFirst(earlier: LayerStep[], ecosystem: Ecosystem): boolean {
  const essential = ESSENTIAL_MANIFESTS[ecosystem].map((pattern) => globToRegExp(pattern));
  const copied = earlier.filter((step) => step.copy && !isBroadCopy(step)).flatMap((step) => step.copy!.sources.map((source) => basename(source.path)));
  // The first essential manifest is the one every install reads (package.json, Cargo.toml, go.mod …).
  return copied.some((name) => essential[0].test(name) || (name.includes('*') && globToRegExp(name).test(ESSENTIAL_MANIFESTS[ecosystem][0])));
}

/**
 * Does the source folder copied after the manifests hold manifests of the ecosystem itself (a workspace
 * member's package.json or Cargo.toml)? Then the install needs it. Only the context can tell; without
 * it, an author who copied the manifests first is trusted to have copied the folder on purpose.
 */
function folderNeededByInstall(model: LayerModel, broad: LayerStep, ecosystem: Ecosystem): boolean {
  if (!model.context) return true;
  const patterns = MANIFESTS[ecosystem].map((pattern) => globToRegExp(pattern));
  return broadSources(broad).some((source) => (source.matchedFiles ?? []).some((file) => patterns.some((pattern) => pattern.test(basename(file)))));
}

const rule: Rule = {
  meta: {
    id: 'copy-before-dependency-install',
    category: 'cache',
    severity: 'warning',
    recommended: true,
    description: 'A broad COPY comes before a dependency install that only needs the manifest files, so every source edit reinstalls all dependencies.',
    fixSafety: 'unsafe',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const step of stage.steps) {
        const installs = installsOf(model, step);
        if (installs.length === 0) continue;
        const earlier = earlierStepsInImage(model, stage, step);
        const broadIndex = earlier.findIndex(isBroadCopy);
        if (broadIndex < 0) continue;
        const broad = earlier[broadIndex];
        const before = earlier.slice(0, broadIndex);
        const reported = new Set<Ecosystem>();
        // The COPY that brings the whole context: installs before it keep their cache on every source edit.
        const wholeIndex = earlier.findIndex(copiesWholeContext);
        const beforeWhole = wholeIndex < 0 ? earlier : earlier.slice(0, wholeIndex);
        for (const install of installs) {
          // Quiet when the same ecosystem was already installed from its manifests before the broad COPY,
          // or before the COPY of the whole context by a step that did the manifest-first split itself.
          const alreadyInstalled =
            before.some((candidate) => installsOf(model, candidate).some((i) => i.ecosystem === install.ecosystem)) ||
            beforeWhole.some(
              (candidate) =>
                candidate.id < step.id &&
                installsOf(model, candidate).some((i) => i.ecosystem === install.ecosystem) &&
                manifestsCopiedFirst(
                  earlier.filter((e) => e.id < candidate.id),
                  install.ecosystem,
                ),
            );
          const splitDone =
            !copiesWholeContext(broad) && manifestsCopiedFirst(before, install.ecosystem) && folderNeededByInstall(model, broad, install.ecosystem);
          if (alreadyInstalled || splitDone || reported.has(install.ecosystem) || installsFetchedFiles(step, install, earlier)) continue;
          reported.add(install.ecosystem);
          const advice = adviceFor(model, step, broad, install);
          const edits = splitEdits(model, step, broad, install, advice);
          report({
            message: `${instructionLabel(broad.instruction)} on line ${lineOf(broad.instruction.range)} comes before ${commandLabel(install.command)}, so every source edit ${advice.what}; ${advice.message}`,
            range: install.command.range,
            related: [{ range: broad.instruction.range, message: 'this COPY changes with every source edit' }],
            fix: { description: advice.fix, edits: edits ?? undefined },
            properties: { ecosystem: install.ecosystem, manifests: advice.manifests },
          });
        }
      }
    }
  },
};

export default rule;
