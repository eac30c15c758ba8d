/**
 * `--verbose` says when Node's own start was slowed by NODE_EXTRA_CA_CERTS (src/cli/node-startup.ts).
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slowNodeStartNote } from '../src/cli/node-startup.js';

const bin = new URL('../bin/layerlint', import.meta.url).pathname;
const example = new URL('../examples/node-app/Dockerfile', import.meta.url).pathname;

describe('slowNodeStartNote', () => {
  test('quiet without NODE_EXTRA_CA_CERTS, however slow the start', () => {
    expect(slowNodeStartNote({}, { nodeStart: 0.5, v8Start: 90 })).toBeNull();
    expect(slowNodeStartNote({ NODE_EXTRA_CA_CERTS: '' }, { nodeStart: 0.5, v8Start: 90 })).toBeNull();
  });

  test('quiet when Node reached V8 quickly with the variable set (a Node that loads certificates lazily)', () => {
    expect(slowNodeStartNote({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' }, { nodeStart: 0.5, v8Start: 4.1 })).toBeNull();
  });

  test('names the time, the file and the way round it, in one short line', () => {
    const note = slowNodeStartNote({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' }, { nodeStart: 0.55, v8Start: 61.3 });
    expect(note).toBe(
      'Node spent 61 ms reading NODE_EXTRA_CA_CERTS (/etc/ssl/certs/ca-certificates.crt) at start; lint needs no TLS: `env -u NODE_EXTRA_CA_CERTS layerlint …` starts sooner',
    );
  });
});

describe('layerlint lint --verbose with NODE_EXTRA_CA_CERTS', () => {
  // Node's own roots three times over: a self-contained stand-in for a corporate bundle.
  const certificates = join(mkdtempSync(join(tmpdir(), 'layerlint-ca-')), 'extra-ca.pem');
  writeFileSync(certificates, [...rootCertificates, ...rootCertificates, ...rootCertificates].join('\n'));
  const withoutVariable: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete withoutVariable.NODE_EXTRA_CA_CERTS;

  function run(env: NodeJS.ProcessEnv, args: string[]) {
    return spawnSync(process.execPath, args, { encoding: 'utf8', env });
  }

  test('prints the note when, and only when, Node was slow to reach V8 because of it', () => {
    const env = { ...withoutVariable, NODE_EXTRA_CA_CERTS: certificates };
    // What this Node does with the variable: Node 20 and 22 read the file before V8 starts.
    const beforeV8 = Number(run(env, ['-p', 'performance.nodeTiming.v8Start - performance.nodeTiming.nodeStart']).stdout);
    const { stderr, status } = run(env, [bin, 'lint', example, '--verbose', '--shellcheck', 'off']);
    expect(status).toBe(1); // the example has findings
    if (beforeV8 >= 15) expect(stderr).toMatch(/^layerlint: Node spent \d+ ms reading NODE_EXTRA_CA_CERTS \(.*extra-ca\.pem\) at start;/m);
    else expect(stderr).not.toContain('NODE_EXTRA_CA_CERTS');
  });

  test('no note without the variable, nor without --verbose', () => {
    expect(run(withoutVariable, [bin, 'lint', example, '--verbose', '--shellcheck', 'off']).stderr).not.toContain('NODE_EXTRA_CA_CERTS');
    expect(run({ ...withoutVariable, NODE_EXTRA_CA_CERTS: certificates }, [bin, 'lint', example, '--shellcheck', 'off']).stderr).toBe('');
  });
});
