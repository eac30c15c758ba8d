/**
 * Whether stdout is a terminal (src/cli/terminal.ts), asked without creating process.stdout where the
 * answer is no: a pipe, a file, /dev/null. Run in a child Node whose stdout is each of those.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const terminalModule = new URL('../dist/src/cli/terminal.js', import.meta.url).href;
/** Says on stderr whether stdout is a terminal, and whether Node's tty module got loaded to find out. */
const probe = `import(${JSON.stringify(terminalModule)}).then(({ stdoutIsTerminal }) => {
  const answer = stdoutIsTerminal();
  process.stderr.write(JSON.stringify({ answer, ttyLoaded: process.moduleLoadList.includes('NativeModule tty') }));
});`;

function probeWith(stdout: 'ignore' | 'pipe' | number): { answer: boolean; ttyLoaded: boolean } {
  const result = spawnSync(process.execPath, ['-e', probe], { stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8' });
  return JSON.parse(result.stderr);
}

describe('stdoutIsTerminal', () => {
  test('a pipe, a file and /dev/null are no terminal, and the stream is not created to tell', () => {
    expect(probeWith('pipe')).toEqual({ answer: false, ttyLoaded: false });
    const file = openSync(join(mkdtempSync(join(tmpdir(), 'layerlint-terminal-')), 'out.txt'), 'w');
    expect(probeWith(file)).toEqual({ answer: false, ttyLoaded: false });
    closeSync(file);
    expect(probeWith('ignore')).toEqual({ answer: false, ttyLoaded: false }); // Node gives /dev/null
    const devNull = openSync('/dev/null', 'w');
    expect(probeWith(devNull)).toEqual({ answer: false, ttyLoaded: false });
    closeSync(devNull);
  });

  // util-linux's script(1) runs the command on a pseudo-terminal.
  (existsSync('/usr/bin/script') ? test : test.skip)('a terminal is one (script(1) runs the probe on a pseudo-terminal)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlint-terminal-'));
    const probeFile = join(dir, 'probe.mjs');
    writeFileSync(probeFile, probe);
    const answerFile = join(dir, 'answer.json');
    spawnSync('/usr/bin/script', ['-qec', `'${process.execPath}' '${probeFile}' 2>'${answerFile}'`, '/dev/null'], { stdio: 'ignore' });
    expect(JSON.parse(readFileSync(answerFile, 'utf8')).answer).toBe(true);
  });
});
