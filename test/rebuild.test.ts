/**
 * The rebuild prediction without an engine: the cache rule of each builder, Dockerfile edits, the
 * needless installs, and `layerlint layers --changed/--since` as a user runs it.
 * test/rebuild-engine.test.ts checks the same predictions against real builds.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dockerfile, model, parse } from './helpers.js';
import { loadBuildContext } from '../src/model/context.js';
import { predictRebuild, type Builder, type ChangeSet } from '../src/model/rebuild.js';
import { diffDockerfiles } from '../src/model/dockerfile-diff.js';
import { needlessReruns } from '../src/model/needless-reruns.js';
import type { LayerModel } from '../src/model/types.js';
import { sarifValidator } from './sarif-schema.js';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/layerlint');

/** `line:fate` for every step that is not kept, e.g. `['5:rebuilt', '6:config']`. */
function fates(m: LayerModel, change: ChangeSet, builder: Builder): string[] {
  return predictRebuild(m, change, builder)
    .stages.flatMap((stage) => stage.steps)
    .filter((step) => step.fate !== 'kept')
    .map((step) => `${step.step.instruction.range.start.line + 1}:${step.fate}`);
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerlint-rebuild-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function layerlint(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const git = (cwd: string, ...args: string[]) => {
  const result = spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
};

describe('the cache rule of each builder', () => {
  const text = dockerfile`
    FROM alpine:3.20 AS tools
    RUN echo tool > /tool
    FROM alpine:3.20 AS unused
    RUN echo unused
    FROM alpine:3.20
    WORKDIR /app
    COPY package.json ./
    RUN npm ci
    LABEL version=1
    COPY --link src/ ./src/
    RUN npm run build
    COPY --from=tools /tool /usr/local/bin/tool
    CMD ["node", "src/index.js"]
  `;

  test('a manifest edit: from the COPY that reads it on; BuildKit reuses a COPY --link layer and has no config steps', async () => {
    const m = await model(text);
    expect(fates(m, { files: ['package.json'] }, 'buildkit')).toEqual([
      '4:not-built',
      '7:rebuilt',
      '8:rebuilt',
      '9:config',
      '10:relinked',
      '11:rebuilt',
      '12:rebuilt',
      '13:config',
    ]);
    // The classic builder builds every stage up to the target, runs LABEL and CMD as steps and has no --link.
    expect(fates(m, { files: ['package.json'] }, 'classic')).toEqual([
      '7:rebuilt',
      '8:rebuilt',
      '9:rebuilt',
      '10:rebuilt',
      '11:rebuilt',
      '12:rebuilt',
      '13:rebuilt',
    ]);
  });

  test('a file no step reads rebuilds nothing; a builder stage rebuild reaches only the COPY --from', async () => {
    const m = await model(text);
    expect(fates(m, { files: ['README.md'] }, 'buildkit').filter((f) => !f.endsWith('config') && !f.endsWith('not-built'))).toEqual([]);
    const prediction = predictRebuild(
      m,
      { files: [], instructions: [{ stageIndex: 0, position: 0, keyword: 'RUN', reason: 'RUN on line 2 changed' }] },
      'buildkit',
    );
    const final = prediction.stages[2];
    expect(final.firstRebuilt?.step.instruction.range.start.line).toBe(11);
    expect(final.firstRebuilt?.reasons[0]).toMatch(/^copies from stage tools, which rebuilds \(a cache hit if the copied files come out the same\)/);
  });

  test('--target: the stages after the target are not built; BuildKit skips the stages the target does not need', async () => {
    const m = await model(
      dockerfile`
      FROM alpine:3.20 AS docs
      COPY docs/ /docs/
      FROM alpine:3.20 AS build
      COPY src/ /src/
      FROM alpine:3.20
      COPY --from=build /src /app
    `,
      { target: 'build' },
    );
    expect(fates(m, { files: ['src/main.c', 'docs/index.md'] }, 'buildkit')).toEqual(['2:not-built', '4:rebuilt', '6:not-built']);
    expect(fates(m, { files: ['src/main.c', 'docs/index.md'] }, 'classic')).toEqual(['2:rebuilt', '4:rebuilt', '6:not-built']);
  });

  test('BuildKit: an edited LABEL rebuilds nothing, an edited ENV rebuilds the next RUN, the classic builder rebuilds from either', async () => {
    const m = await model(dockerfile`
      FROM alpine:3.20
      ENV MODE=prod
      COPY app.sh /app.sh
      LABEL a=b
      RUN /app.sh
    `);
    const env = { files: [], instructions: [{ stageIndex: 0, position: 0, keyword: 'ENV', reason: 'ENV on line 2 changed' }] };
    const label = { files: [], instructions: [{ stageIndex: 0, position: 2, keyword: 'LABEL', reason: 'LABEL on line 4 changed' }] };
    expect(fates(m, env, 'buildkit')).toEqual(['2:config', '4:config', '5:rebuilt']);
    expect(fates(m, label, 'buildkit')).toEqual(['2:config', '4:config']);
    expect(fates(m, env, 'classic')).toEqual(['2:rebuilt', '3:rebuilt', '4:rebuilt', '5:rebuilt']);
    expect(fates(m, label, 'classic')).toEqual(['4:rebuilt', '5:rebuilt']);
  });

  test('a build argument: its first use, for a RUN every ARG declared before it', async () => {
    const m = await model(dockerfile`
      FROM alpine:3.20
      ARG VERSION=1
      COPY a /a
      COPY b /b-\${VERSION}
      RUN true
    `);
    expect(fates(m, { files: [], args: ['VERSION'] }, 'buildkit')).toEqual(['2:config', '4:rebuilt', '5:rebuilt']);
  });

  test('a bind mount reads its files for that RUN only; a deleted file still matches the COPY pattern', async () => {
    const m = await model(
      dockerfile`
      FROM golang:1.22
      WORKDIR /src
      RUN --mount=type=bind,source=go.sum,target=go.sum --mount=type=cache,target=/root/.cache go mod download
      COPY *.go ./
      RUN go build
    `,
      { context: loadBuildContext(project({ 'go.sum': '', 'main.go': '' })) },
    );
    expect(fates(m, { files: ['go.sum'] }, 'buildkit')).toEqual(['3:rebuilt', '4:rebuilt', '5:rebuilt']);
    expect(fates(m, { files: ['old.go'], deletedFiles: ['old.go'] }, 'buildkit')).toEqual(['4:rebuilt', '5:rebuilt']);
  });
});

describe('Dockerfile edits', () => {
  test('an inserted line marks that line, an edit is an edit, a removal marks the line after it', async () => {
    const before = await parse(dockerfile`
      FROM alpine:3.20 AS build
      RUN apk add make
      RUN make
      FROM alpine:3.20
      COPY --from=build /out /out
      EXPOSE 80
      CMD ["/out"]
    `);
    const after = await parse(dockerfile`
      FROM alpine:3.20 AS build
      ENV CC=clang
      RUN apk add make clang
      RUN make
      FROM alpine:3.20
      COPY --from=build /out /out
      CMD ["/out"]
    `);
    expect(diffDockerfiles(before, after).instructions.map((edit) => [edit.stageIndex, edit.position, edit.reason])).toEqual([
      [0, 0, 'ENV on line 2 added'],
      [0, 1, 'RUN on line 3 changed'],
      [1, 1, 'EXPOSE of old line 6 removed'],
    ]);
  });

  test('a changed global ARG default used in FROM changes that stage from its FROM', async () => {
    const before = await parse('ARG V=3.19\nFROM alpine:${V}\nRUN true\nFROM busybox\nRUN true\n');
    const after = await parse('ARG V=3.20\nFROM alpine:${V}\nRUN true\nFROM busybox\nRUN true\n');
    const diff = diffDockerfiles(before, after);
    expect(diff.args).toEqual(['V']);
    expect(diff.instructions).toEqual([{ stageIndex: 0, position: -1, keyword: 'FROM', reason: 'FROM on line 2 uses a changed global ARG' }]);
  });
});

describe('needless installs', () => {
  const broadCopy = dockerfile`
    FROM node:20
    WORKDIR /app
    COPY . .
    RUN npm ci
    CMD ["node", "index.js"]
  `;

  async function needless(text: string, files: Record<string, string>, changed: string[]) {
    const context = loadBuildContext(project(files));
    const m = await model(text, { context });
    return needlessReruns(predictRebuild(m, { files: changed }, 'buildkit'), context).map(
      (n) => `${n.step.step.instruction.range.start.line + 1}:${n.installs}:${n.files.join(',')}`,
    );
  }

  test('a README edit re-runs npm ci after COPY . .', async () => {
    expect(await needless(broadCopy, { 'package.json': '{}', 'README.md': '', 'index.js': '' }, ['README.md'])).toEqual(['4:npm dependencies:README.md']);
  });

  test('not when the change is a manifest, or npm runs a lifecycle script, or the RUN also builds', async () => {
    expect(await needless(broadCopy, { 'package.json': '{}', 'index.js': '' }, ['package.json'])).toEqual([]);
    expect(await needless(broadCopy, { 'package.json': '{"scripts":{"prepare":"tsc"}}', 'README.md': '' }, ['README.md'])).toEqual([]);
    expect(await needless(broadCopy.replace('RUN npm ci', 'RUN npm ci && npm run build'), { 'package.json': '{}', 'README.md': '' }, ['README.md'])).toEqual(
      [],
    );
  });

  test('not for installs of the project itself (uv sync, pip install .)', async () => {
    const uv = broadCopy.replace('RUN npm ci', 'RUN uv sync --locked');
    expect(await needless(uv, { 'pyproject.toml': '', 'uv.lock': '', 'README.md': '' }, ['README.md'])).toEqual([]);
    const uvDeps = broadCopy.replace('RUN npm ci', 'RUN uv sync --locked --no-install-project');
    expect(await needless(uvDeps, { 'pyproject.toml': '', 'uv.lock': '', 'README.md': '' }, ['README.md'])).toEqual(['4:uv dependencies:README.md']);
    const pip = broadCopy.replace('RUN npm ci', 'RUN pip install .');
    expect(await needless(pip, { 'pyproject.toml': '', 'README.md': '' }, ['README.md'])).toEqual([]);
  });

  test('not when the file came through a COPY that names it', async () => {
    const named = broadCopy.replace('COPY . .', 'COPY install.sh .');
    expect(await needless(named.replace('RUN npm ci', 'RUN apt-get install -y curl'), { 'install.sh': '' }, ['install.sh'])).toEqual([]);
  });
});

describe('layerlint layers --changed / --since', () => {
  const text = dockerfile`
    FROM node:20
    WORKDIR /app
    COPY package.json package-lock.json ./
    RUN npm ci
    COPY . .
    CMD ["node", "index.js"]
  `;

  test('--changed: the table, the skipped paths, JSON', () => {
    const dir = project({ Dockerfile: text, 'package.json': '{}', 'package-lock.json': '{}', 'index.js': '', '.dockerignore': 'notes.md\n', 'notes.md': '' });
    const result = layerlint(['layers', 'Dockerfile', '--changed', 'index.js', '--changed', 'notes.md', '--changed', '../elsewhere.txt'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dockerfile: what this change rebuilds with BuildKit');
    expect(result.stdout).toContain('rebuilds nothing: notes.md: excluded by .dockerignore');
    expect(result.stdout).toContain('rebuilds nothing: ../elsewhere.txt: outside the build context');
    expect(result.stdout).toMatch(/stage 0 \(the image\): rebuilds 1 of 4 step\(s\) from line 5 \(COPY reads index\.js, changed\)/);
    expect(result.stdout).toMatch(/ {2}4 {5}kept {5}RUN npm ci/);
    const json = JSON.parse(layerlint(['layers', 'Dockerfile', '--changed', 'package.json', '--format', 'json', '--builder', 'classic'], dir).stdout);
    expect(json).toMatchObject({ builder: 'classic', changedFiles: ['package.json'], rebuiltSteps: 4 });
    expect(json.stages[0].firstRebuiltLine).toBe(3);
  });

  test('--since: git changes (edited, new, deleted files and the Dockerfile), SARIF and --fail-on-needless', () => {
    const dir = project({
      Dockerfile: text.replace('COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .', 'COPY . .\nRUN npm ci'),
      'package.json': '{}',
      'package-lock.json': '{}',
      'index.js': '',
      'README.md': 'v1',
      'old.js': '',
    });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'one');
    writeFileSync(join(dir, 'README.md'), 'v2');
    rmSync(join(dir, 'old.js'));
    writeFileSync(join(dir, 'new.js'), '');
    const plain = layerlint(['layers', 'Dockerfile', '--since', 'HEAD'], dir);
    expect(plain.stdout).toContain('changed in the build context: README.md, old.js, new.js');
    expect(plain.stdout).toMatch(/needless: line 4 re-installs npm dependencies for README\.md, old\.js, new\.js/);
    expect(plain.code).toBe(0);
    const failing = layerlint(['layers', 'Dockerfile', '--since', 'HEAD', '--fail-on-needless', '--format', 'sarif'], dir);
    expect(failing.code).toBe(1);
    const sarif = JSON.parse(failing.stdout);
    expect(sarifValidator()(sarif)).toBe(true);
    expect(
      sarif.runs[0].results.map(
        (r: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) =>
          `${r.ruleId}:${r.locations[0].physicalLocation.region.startLine}`,
      ),
    ).toEqual(['change-rebuilds:3', 'needless-install-rerun:4']);
    // The Dockerfile's own edit, compared with its text at the commit.
    writeFileSync(join(dir, 'Dockerfile'), text.replace('CMD ["node", "index.js"]', 'CMD ["node", "server.js"]'));
    git(dir, 'checkout', '-q', '--', 'README.md', 'old.js');
    rmSync(join(dir, 'new.js'));
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'two');
    writeFileSync(
      join(dir, 'Dockerfile'),
      text.replace('CMD ["node", "index.js"]', 'CMD ["node", "server.js"]').replace('RUN npm ci', 'RUN npm ci --omit=dev'),
    );
    const edited = layerlint(['layers', 'Dockerfile', '--since', 'HEAD', '--format', 'json'], dir);
    expect(JSON.parse(edited.stdout).dockerfileChanges).toEqual(['RUN on line 4 changed']);
  });

  test('errors are one line: no git repository, an unknown commit, a prediction format without a change', () => {
    const dir = project({ Dockerfile: text });
    const noRepo = layerlint(['layers', 'Dockerfile', '--since', 'HEAD'], dir);
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toMatch(/^layerlint: --since needs a git repository: '.*' is not inside one\n$/);
    git(dir, 'init', '-q');
    const badRef = layerlint(['layers', 'Dockerfile', '--since', 'nosuchref'], dir);
    expect(badRef.stderr).toMatch(/^layerlint: --since: 'nosuchref' is not a commit of the git repository at .*\n$/);
    const sarif = layerlint(['layers', 'Dockerfile', '--format', 'sarif'], dir);
    expect(sarif.code).toBe(2);
    expect(sarif.stderr).toBe('layerlint: --format sarif is for a rebuild prediction: add --changed PATH or --since REF\n');
    const timings = layerlint(['layers', 'Dockerfile', '--changed', 'Dockerfile', '--timings', 'nope.json'], dir);
    expect(timings.stderr).toBe("layerlint: --timings: cannot read 'nope.json' (no such file or directory)\n");
  });

  test("--timings: each step's time from a measure report, and the total the change costs", () => {
    const dir = project({ Dockerfile: text, 'package.json': '{}', 'package-lock.json': '{}', 'index.js': '' });
    writeFileSync(
      join(dir, 'measure.json'),
      JSON.stringify({
        buildSteps: [
          { line: 3, text: 'COPY package.json package-lock.json ./', cached: false, seconds: 0.5 },
          { line: 4, text: 'RUN npm ci', cached: false, seconds: 42 },
          { line: 5, text: 'COPY . .', cached: false, seconds: 1.5 },
        ],
      }),
    );
    const result = layerlint(['layers', 'Dockerfile', '--changed', 'package.json', '--timings', 'measure.json'], dir);
    expect(result.stdout).toMatch(/RUN npm ci +\[42\.0 s\]/);
    expect(result.stdout).toContain('3 of 4 build step(s) re-run, about 44.0 s by the last measured build.');
  });
});
