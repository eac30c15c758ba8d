/**
 * Commands that compile or build, and base images that ship a toolchain (SDK images).
 * Used by the layer model (build tools write caches) and by the multi-stage rules.
 */
import type { ShellCommand } from '../../parse/types.js';

export interface BuildCall {
  /** A short name of what builds: `go build`, `make`, `npm run build`. */
  tool: string;
  command: ShellCommand;
  /** The directory it runs in: WORKDIR, or where a `cd` before it in the RUN went. */
  directory: string;
}

const GRADLE_BUILD_TASKS = new Set(['build', 'bootJar', 'assemble', 'jar', 'shadowJar', 'installDist', 'war', 'bootWar']);
const MAVEN_BUILD_PHASES = new Set(['package', 'install', 'verify', 'compile']);
const COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'javac', 'tsc', 'rustc', 'gfortran', 'ghc', 'kotlinc', 'scalac']);

const VERSION_OR_HELP = /^(--?version|-v|-V|--?help|-h|-dumpversion|-dumpmachine|--print-\S+)$/;

export function buildCall(command: ShellCommand, directory: string): BuildCall | null {
  const { program, argv } = command;
  const sub = argv[1] ?? '';
  const call = (tool: string): BuildCall => ({ tool, command, directory });
  // `javac --version`, `gcc -v`: a smoke test of the toolchain (the JDK images run one), not a build.
  if (COMPILERS.has(program)) return argv.length > 1 && argv.slice(1).every((word) => VERSION_OR_HELP.test(word)) ? null : call(program);
  switch (program) {
    case 'go':
      return sub === 'build' || sub === 'install' ? call(`go ${sub}`) : null;
    case 'cargo':
      return sub === 'build' || sub === 'install' ? call(`cargo ${sub}`) : null;
    case 'mvn':
    case 'mvnw':
      return argv.some((word) => MAVEN_BUILD_PHASES.has(word)) ? call('mvn package') : null;
    case 'gradle':
    case 'gradlew':
      return argv.some((word) => GRADLE_BUILD_TASKS.has(word)) ? call(`gradle ${argv.find((w) => GRADLE_BUILD_TASKS.has(w))}`) : null;
    case 'npm':
    case 'pnpm':
    case 'yarn': {
      const script = sub === 'run' || sub === 'run-script' ? argv[2] : sub;
      return script && /^build(:|$)/.test(script) ? call(`${program} run build`) : null;
    }
    case 'dotnet':
      return sub === 'publish' || sub === 'build' ? call(`dotnet ${sub}`) : null;
    case 'make':
    case 'cmake':
    case 'ninja':
    case 'bazel':
      return call(program);
    default:
      return null;
  }
}

/** Base images that are SDKs/toolchains; the runtime alternative is named in messages. */
export const SDK_IMAGES: { pattern: RegExp; runtime: string }[] = [
  { pattern: /^(.*\/)?golang$/, runtime: 'gcr.io/distroless/static or alpine' },
  { pattern: /^(.*\/)?rust$/, runtime: 'debian:bookworm-slim or gcr.io/distroless/cc' },
  { pattern: /^(.*\/)?maven$/, runtime: 'eclipse-temurin:<version>-jre' },
  { pattern: /^(.*\/)?gradle$/, runtime: 'eclipse-temurin:<version>-jre or amazoncorretto' },
  { pattern: /^(.*\/)?(openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes)$/, runtime: 'a -jre image' },
  { pattern: /^mcr\.microsoft\.com\/dotnet\/sdk$/, runtime: 'mcr.microsoft.com/dotnet/aspnet or dotnet/runtime' },
  { pattern: /^(.*\/)?gcc$/, runtime: 'debian:bookworm-slim' },
];

/** True when image (name without tag) and tag name a toolchain image: JDK tags only when not `-jre`. */
export function isSdkImage(imageName: string, tag: string | null): boolean {
  const name = imageName.toLowerCase();
  const entry = SDK_IMAGES.find((sdk) => sdk.pattern.test(name));
  if (!entry) return false;
  if (/(openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes)$/.test(name)) return !/jre/.test(tag ?? '');
  return true;
}

/** System packages that are compilers and build toolchains (with an optional `=version` pin). */
export const COMPILER_PACKAGES =
  /^(build-essential|build-base|alpine-sdk|gcc(-\d+)?|g\+\+(-\d+)?|clang(-\d+)?|make|cmake|autoconf|automake|libtool|golang(-go)?|rustc|cargo|maven|gradle|default-jdk(-headless)?|openjdk-\d+-jdk(-headless)?|java-\d+-openjdk-devel)(=.*)?$/;

/** Header and development packages (`libpq-dev`, `openssl-devel`): needed to compile, not to run. */
export const DEVELOPMENT_PACKAGES = /^([a-z0-9.+-]+-dev|[a-z0-9.+-]+-devel|musl-dev|linux-headers|pkg-config|pkgconf)(=.*)?$/;
