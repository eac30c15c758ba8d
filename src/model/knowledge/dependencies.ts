/**
 * Language dependency managers: which RUN commands install dependencies that only need the
 * manifests (package.json, requirements.txt, go.mod, …), and which files those manifests are.
 */
import type { ShellCommand } from '../../parse/types.js';

export type Ecosystem =
  'npm' | 'yarn' | 'pnpm' | 'pip' | 'poetry' | 'pipenv' | 'uv' | 'go' | 'cargo' | 'bundler' | 'composer' | 'maven' | 'gradle' | 'dotnet' | 'mix';

/** Manifest and lock files per ecosystem. Globs use `*`. The first entries are the ones to COPY first. */
export const MANIFESTS: Record<Ecosystem, string[]> = {
  npm: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', '.npmrc'],
  yarn: ['package.json', 'yarn.lock', '.yarnrc.yml', '.yarnrc', '.npmrc'],
  pnpm: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc'],
  pip: ['requirements*.txt', 'constraints*.txt'],
  poetry: ['pyproject.toml', 'poetry.lock'],
  pipenv: ['Pipfile', 'Pipfile.lock'],
  uv: ['pyproject.toml', 'uv.lock'],
  go: ['go.mod', 'go.sum'],
  cargo: ['Cargo.toml', 'Cargo.lock'],
  bundler: ['Gemfile', 'Gemfile.lock', '*.gemspec'],
  composer: ['composer.json', 'composer.lock'],
  maven: ['pom.xml'],
  gradle: ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties', 'gradle', 'gradlew'],
  dotnet: [
    '*.csproj',
    '*.fsproj',
    '*.vbproj',
    '*.sln',
    'packages.lock.json',
    'NuGet.config',
    'nuget.config',
    'Directory.Packages.props',
    'Directory.Build.props',
  ],
  mix: ['mix.exs', 'mix.lock'],
};

/** The files to name in a message: the main manifest and its lock file. */
export const ESSENTIAL_MANIFESTS: Record<Ecosystem, string[]> = {
  npm: ['package.json', 'package-lock.json'],
  yarn: ['package.json', 'yarn.lock'],
  pnpm: ['package.json', 'pnpm-lock.yaml'],
  pip: ['requirements.txt'],
  poetry: ['pyproject.toml', 'poetry.lock'],
  pipenv: ['Pipfile', 'Pipfile.lock'],
  uv: ['pyproject.toml', 'uv.lock'],
  go: ['go.mod', 'go.sum'],
  cargo: ['Cargo.toml', 'Cargo.lock'],
  bundler: ['Gemfile', 'Gemfile.lock'],
  composer: ['composer.json', 'composer.lock'],
  maven: ['pom.xml'],
  gradle: ['build.gradle', 'settings.gradle'],
  dotnet: ['*.csproj'],
  mix: ['mix.exs', 'mix.lock'],
};

export interface DependencyInstall {
  ecosystem: Ecosystem;
  /** Manifest files this install reads (for pip: the -r files actually named). */
  manifests: string[];
  command: ShellCommand;
  /** The directory it runs in, where it looks for the manifests: WORKDIR, or where a `cd` before it in the RUN went. */
  directory: string;
}

function operands(argv: string[], from: number): string[] {
  return argv.slice(from).filter((word) => !word.startsWith('-'));
}

function pipRequirementFiles(argv: string[]): string[] {
  const files: string[] = [];
  argv.forEach((word, i) => {
    if ((word === '-r' || word === '--requirement' || word === '-c' || word === '--constraint') && argv[i + 1]) files.push(argv[i + 1]);
    else if (word.startsWith('--requirement=')) files.push(word.slice('--requirement='.length));
    else if (/^-r.+/.test(word)) files.push(word.slice(2));
  });
  return files;
}

/** Python's pip, called as pip, pip3, python -m pip, or uv pip. */
export function pipArgv(command: ShellCommand): string[] | null {
  const { program, argv } = command;
  if (/^pip[0-9.]*$/.test(program)) return argv.slice(1);
  if (/^python[0-9.]*$/.test(program) && argv[1] === '-m' && /^pip[0-9.]*$/.test(argv[2] ?? '')) return argv.slice(3);
  if (program === 'uv' && argv[1] === 'pip') return argv.slice(2);
  return null;
}

/** A RUN command that installs dependencies from manifests only, or null. */
export function dependencyInstall(command: ShellCommand, directory: string): DependencyInstall | null {
  const { program, argv } = command;
  const sub = argv[1] ?? '';
  const make = (ecosystem: Ecosystem, manifests = MANIFESTS[ecosystem]): DependencyInstall => ({ ecosystem, manifests, command, directory });
  const isGradle = program === 'gradle' || program === 'gradlew';
  const pip = pipArgv(command);
  if (pip) {
    const files = pip[0] === 'install' ? pipRequirementFiles(pip) : [];
    return files.length > 0 ? make('pip', files) : null;
  }
  switch (program) {
    case 'npm':
      if (sub === 'ci' || sub === 'clean-install') return make('npm');
      // `npm install` with package names installs tools, not the project's dependencies.
      return (sub === 'install' || sub === 'i') && operands(argv, 2).length === 0 && !argv.includes('-g') && !argv.includes('--global') ? make('npm') : null;
    case 'yarn':
      // `yarn --frozen-lockfile` installs; `yarn --version` and `yarn --help` do not.
      if (argv.slice(1).some((word) => /^(-v|--version|-h|--help)$/.test(word))) return null;
      return argv.length === 1 || ((sub === 'install' || sub.startsWith('--')) && operands(argv, 2).length === 0) ? make('yarn') : null;
    case 'pnpm':
      return (sub === 'install' || sub === 'i' || sub === 'fetch') && operands(argv, 2).length === 0 ? make('pnpm') : null;
    case 'poetry':
      return sub === 'install' ? make('poetry') : null;
    case 'pipenv':
      return sub === 'install' || sub === 'sync' ? make('pipenv') : null;
    case 'uv':
      return sub === 'sync' ? make('uv') : null;
    case 'go':
      return sub === 'mod' && argv[2] === 'download' ? make('go') : null;
    case 'cargo':
      return sub === 'fetch' ? make('cargo') : null;
    case 'bundle':
    case 'bundler':
      return sub === 'install' || argv.length === 1 ? make('bundler') : null;
    case 'composer':
      return sub === 'install' ? make('composer') : null;
    case 'mvn':
    case 'mvnw':
      return argv.some((word) => word.startsWith('dependency:')) ? make('maven') : null;
    case 'dotnet':
      return sub === 'restore' ? make('dotnet') : null;
    case 'mix':
      return sub === 'deps.get' ? make('mix') : null;
    default:
      return isGradle && argv.slice(1).includes('dependencies') ? make('gradle') : null;
  }
}

/** Every manifest name we know, for classifying COPY sources. */
export const ALL_MANIFEST_PATTERNS: string[] = [...new Set(Object.values(MANIFESTS).flat())];
