/**
 * BuildKit's progress stream read without an engine: a stream recorded from Debian's docker.io 20.10
 * engine (`POST /build?version=2`, test/fixtures/buildkit/probe-progress.jsonl, built from
 * probe.Dockerfile) decoded with BuildKit's message definitions, and the builder choice.
 * test/measure.test.ts and test/rebuild-engine.test.ts run the same code against the live engine.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from './helpers.js';
import { buildkitProgress, instructionForVertex } from '../src/measure/buildkit-progress.js';
import { chooseBuilder, type EngineFacts } from '../src/measure/builder-choice.js';
import type { BuildEvent } from '../src/measure/build.js';

const fixtures = join(new URL('..', import.meta.url).pathname, 'test/fixtures/buildkit');

describe('BuildKit progress', () => {
  test('a recorded build: one step per Dockerfile vertex, with its instruction, output and the image id', async () => {
    const parsed = await parse(readFileSync(join(fixtures, 'probe.Dockerfile'), 'utf8'));
    const shown: string[] = [];
    const reader = buildkitProgress(parsed, { step: (n, total, text) => shown.push(`[${n}/${total}] ${text}`), done() {} });
    for (const line of readFileSync(join(fixtures, 'probe-progress.jsonl'), 'utf8').split('\n').filter(Boolean)) reader.onEvent(JSON.parse(line) as BuildEvent);
    const result = reader.result();
    expect(result.imageId).toBe('sha256:045acc77cfa9b9c5ca50660dbc0174ca392aa76f09cde683ca858302ad57b6ac');
    expect(result.failure).toBeNull();
    expect(result.steps.map((step) => `${step.instruction!.range.start.line + 1}:${step.instruction!.keyword}:${step.cached}`)).toEqual([
      '1:FROM:true',
      '2:WORKDIR:false',
      '3:COPY:false',
      '4:RUN:false',
      '6:COPY:false',
    ]);
    expect(result.steps.every((step) => step.seconds >= 0 && step.seconds < 60)).toBe(true);
    expect(shown).toContain('[4/5] RUN --mount=type=cache,target=/cache dd if=/dev/zero of=/cache/big bs=1k count=300 && echo hi > /app/out');
  });

  test("vertex names: named and unnamed stages, a one-stage file, BuildKit's own vertices", async () => {
    const parsed = await parse('FROM alpine AS build\nRUN make\nFROM alpine\nENV A=1\nCOPY --from=build /out /out\nRUN  ls   /out\n');
    const line = (name: string) => {
      const found = instructionForVertex(parsed, name);
      return found ? found.range.start.line + 1 : null;
    };
    expect(line('[build 2/2] RUN make')).toBe(2);
    expect(line('[stage-1 1/3] FROM docker.io/library/alpine')).toBe(3);
    expect(line('[stage-1 2/3] COPY --from=build /out /out')).toBe(5);
    // The text as BuildKit prints it may differ in blanks; the position among the stage's operations decides then.
    expect(line('[stage-1 3/3] RUN ls /out')).toBe(6);
    expect(line('[internal] load build definition from Dockerfile')).toBeNull();
    expect(line('exporting to image')).toBeNull();
    const single = await parse('FROM alpine\nWORKDIR /app\nRUN true\n');
    expect(instructionForVertex(single, '[3/3] RUN true')?.range.start.line).toBe(2);
  });
});

describe('which builder measure uses', () => {
  const engine = (version: string, apiVersion = '1.41', podman = false): EngineFacts => ({ version, apiVersion, podman });

  test('auto: BuildKit where the engine offers it through its API, else classic', async () => {
    const plain = await parse('FROM alpine\nRUN true\n');
    expect(chooseBuilder('auto', engine('20.10.24+dfsg1'), plain)).toBe('buildkit');
    expect(chooseBuilder('auto', engine('18.06.3', '1.38'), plain)).toBe('classic');
    expect(chooseBuilder('auto', engine('4.9.3', '1.41', true), plain)).toBe('classic');
    expect(() => chooseBuilder('buildkit', engine('4.9.3', '1.41', true), plain)).toThrow(
      /^--builder buildkit: the engine \(Podman 4\.9\.3, API 1\.41\) does not build with BuildKit through its API; use --builder classic$/,
    );
  });

  test('what a builder cannot build is refused, naming the feature and its line', async () => {
    const mount = await parse('FROM alpine\nRUN --mount=type=cache,target=/root/.cache pip install x\n');
    expect(() => chooseBuilder('classic', engine('28.2.2'), mount)).toThrow(
      'this Dockerfile uses RUN --mount (line 2), which only BuildKit builds; use --builder buildkit (or auto)',
    );
    expect(() => chooseBuilder('auto', engine('18.06.3', '1.38'), mount)).toThrow('the engine (18.06.3) offers only the classic builder');
    const heredoc = await parse('FROM alpine\nCOPY --link a /a\nRUN <<EOF\necho hi\nEOF\n');
    expect(() => chooseBuilder('auto', engine('20.10.24+dfsg1'), heredoc)).toThrow(
      /^this Dockerfile uses a heredoc \(line 3\), which the Dockerfile frontend built into Docker Engine 20\.10\.24\+dfsg1 cannot read/,
    );
    expect(chooseBuilder('auto', engine('23.0.1'), heredoc)).toBe('buildkit');
    const withSyntax = await parse('# syntax=docker/dockerfile:1\nFROM alpine\nRUN <<EOF\necho hi\nEOF\n');
    expect(chooseBuilder('auto', engine('20.10.24+dfsg1'), withSyntax)).toBe('buildkit');
  });
});
