/**
 * Which builder `measure` asks the engine for (`--builder auto|buildkit|classic`), and the one-line
 * refusal when the Dockerfile needs what that builder cannot do — before anything is built.
 *
 * BuildKit has been the default builder since Docker Engine 23; the engine API offers it from API
 * 1.39 (Engine 18.09) on, through the build endpoint's `version=2`. Its Dockerfile frontend is built
 * into the engine unless a `# syntax=` line names one to pull: engines before 23 embed a frontend
 * older than Dockerfile 1.4, without heredocs or `COPY --link`. The classic builder has none of
 * BuildKit's syntax (`RUN --mount`, heredocs, `--link`).
 */
import type Docker from 'dockerode';
import type { Instruction, ParsedDockerfile } from '../parse/types.js';
import { UserError } from '../util/errors.js';
import type { BuilderKind } from './build.js';

export type BuilderChoice = 'auto' | BuilderKind;

export interface EngineFacts {
  /** `20.10.24+dfsg1`, `28.2.2`, or Podman's version. */
  version: string;
  apiVersion: string;
  podman: boolean;
}

export async function engineFacts(docker: Docker): Promise<EngineFacts> {
  const version = (await docker.version()) as { Version?: string; ApiVersion?: string; Components?: { Name?: string }[] };
  return {
    version: version.Version ?? 'unknown',
    apiVersion: version.ApiVersion ?? '0',
    podman: (version.Components ?? []).some((component) => /podman/i.test(component.Name ?? '')),
  };
}

const atLeast = (version: string, major: number, minor = 0) => {
  const [a, b] = version.split(/[.+-]/).map(Number);
  return a > major || (a === major && (b ?? 0) >= minor);
};

interface Feature {
  name: string;
  instruction: Instruction;
}

/** BuildKit-only syntax the Dockerfile uses: the first instruction of each kind. */
function buildkitFeatures(parsed: ParsedDockerfile): { mount: Feature | null; heredoc: Feature | null; link: Feature | null } {
  const first = (test: (instruction: Instruction) => boolean, name: string) => {
    const instruction = parsed.instructions.find(test);
    return instruction ? { name, instruction } : null;
  };
  return {
    mount: first((i) => i.keyword === 'RUN' && i.flags.some((flag) => flag.name === 'mount'), 'RUN --mount'),
    heredoc: first((i) => i.heredocs.length > 0, 'a heredoc'),
    link: first((i) => i.copy?.link === true, 'COPY --link'),
  };
}

const where = (feature: Feature) => `${feature.name} (line ${feature.instruction.range.start.line + 1})`;

export function chooseBuilder(choice: BuilderChoice, engine: EngineFacts, parsed: ParsedDockerfile): BuilderKind {
  const buildkitOffered = !engine.podman && atLeast(engine.apiVersion, 1, 39);
  const features = buildkitFeatures(parsed);
  const needsBuildkit = features.mount ?? features.heredoc ?? features.link;
  if (choice === 'buildkit' && !buildkitOffered) {
    throw new UserError(
      `--builder buildkit: the engine (${engine.podman ? 'Podman ' : 'Docker Engine '}${engine.version}, API ${engine.apiVersion}) does not build with BuildKit through its API; use --builder classic`,
    );
  }
  const builder: BuilderKind = choice === 'auto' ? (buildkitOffered ? 'buildkit' : 'classic') : choice;
  if (builder === 'classic' && needsBuildkit) {
    throw new UserError(
      `this Dockerfile uses ${where(needsBuildkit)}, which only BuildKit builds; ${buildkitOffered ? 'use --builder buildkit (or auto)' : `the engine (${engine.version}) offers only the classic builder`}`,
    );
  }
  const newerFrontend = features.heredoc ?? features.link;
  if (builder === 'buildkit' && newerFrontend && !parsed.directives.syntax && !atLeast(engine.version, 23)) {
    throw new UserError(
      `this Dockerfile uses ${where(newerFrontend)}, which the Dockerfile frontend built into Docker Engine ${engine.version} cannot read: it needs Engine 23 or newer, or a '# syntax=docker/dockerfile:1' line (the engine then pulls that frontend)`,
    );
  }
  return builder;
}
