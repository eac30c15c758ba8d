#!/usr/bin/env node
/**
 * Gather real Dockerfiles from git repositories into one folder for `npm run bench` (BENCH_REAL) or
 * `PARSE_CORPUS`, with a SOURCES.tsv row per file: repository, commit, path in it, license.
 *
 *   node scripts/real-corpus.mjs OUT_DIR GIT_DIR[:MAX] ...
 *
 * GIT_DIR is a clone or a bare repository (the `fetch` mirrors are bare); MAX keeps at most that many
 * of its Dockerfiles, spread evenly over its sorted list (a repository of 12,000 generated variants
 * should not drown the others). The repository's name is read from its `origin` remote, else from the
 * folder name (`owner+name`). Files are written as OUT_DIR/owner+name/path--with--slashes/Dockerfile,
 * so that `layerlint lint OUT_DIR` finds each one by its name.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
// The names `layerlint lint DIR` looks for (Dockerfile, Dockerfile.dev, app.dockerfile; not dockerfile_test.go).
import { isDockerfileName } from '../dist/src/cli/inputs.js';

function git(gitDir, ...args) {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
}

function repositoryName(gitDir) {
  try {
    const url = execFileSync('git', ['--git-dir', gitDir, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const match = url.match(/github\.com[/:]([^/]+)\/([^/]+?)(\.git)?$/);
    if (match) return `${match[1]}/${match[2]}`;
  } catch {
    // No origin: the fetch mirrors are named owner+name.
  }
  const folder = basename(gitDir) === 'repo' || basename(gitDir) === '.git' ? basename(dirname(gitDir.replace(/\/\.git$/, ''))) : basename(gitDir);
  return folder.replace('+', '/');
}

/** The license named in the repository's LICENSE file, from its first words; 'see repository' when unclear. */
function licenseOf(gitDir) {
  const names = git(gitDir, 'ls-tree', '--name-only', 'HEAD')
    .split('\n')
    .filter((name) => /^(LICEN[CS]E|COPYING)(\.\w+)?$/i.test(name));
  if (names.length === 0) return 'none stated';
  const text = git(gitDir, 'show', `HEAD:${names[0]}`).slice(0, 2000);
  if (/MIT License|Permission is hereby granted, free of charge/i.test(text)) return 'MIT';
  if (/Apache License[\s,]*Version 2\.0/i.test(text)) return 'Apache-2.0';
  if (/BSD/i.test(text)) return 'BSD';
  if (/GNU GENERAL PUBLIC LICENSE/i.test(text)) return 'GPL';
  if (/CC0|Creative Commons/i.test(text)) return 'CC';
  return `see ${names[0]}`;
}

function spreadEvenly(list, max) {
  if (!max || list.length <= max) return list;
  return Array.from({ length: max }, (_, i) => list[Math.floor((i * list.length) / max)]);
}

const [outDir, ...sources] = process.argv.slice(2);
if (!outDir || sources.length === 0) {
  process.stderr.write('usage: node scripts/real-corpus.mjs OUT_DIR GIT_DIR[:MAX] ...\n');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const rows = ['file\trepository\tcommit\tpath\tlicense'];
for (const source of sources) {
  const [dir, max] = source.split(/:(?=\d+$)/);
  const gitDir = existsSync(join(dir, '.git')) ? join(dir, '.git') : resolve(dir);
  const repository = repositoryName(gitDir);
  const commit = git(gitDir, 'rev-parse', 'HEAD').trim();
  const license = licenseOf(gitDir);
  const paths = git(gitDir, 'ls-tree', '-r', '--name-only', 'HEAD')
    .split('\n')
    .filter((path) => isDockerfileName(basename(path)))
    .sort();
  const chosen = spreadEvenly(paths, Number(max) || 0);
  for (const path of chosen) {
    let text;
    try {
      text = git(gitDir, 'show', `${commit}:${path}`);
    } catch {
      continue; // a submodule or a file the mirror does not hold
    }
    const file = join(repository.replace('/', '+'), path.replaceAll('/', '--'), 'Dockerfile');
    mkdirSync(join(outDir, dirname(file)), { recursive: true });
    writeFileSync(join(outDir, file), text);
    rows.push([file, repository, commit, path, license].join('\t'));
  }
  process.stderr.write(`${repository}: ${chosen.length} of ${paths.length} Dockerfiles (${license})\n`);
}
writeFileSync(join(outDir, 'SOURCES.tsv'), `${rows.join('\n')}\n`);
process.stderr.write(`${rows.length - 1} files in ${outDir}\n`);
