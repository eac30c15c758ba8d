import { describe, expect, test } from '@jest/globals';
import { loadShellParser, parseShellScript, unquoteWord } from '../src/parse/shell.js';

const origin = { line: 4, character: 4 };
const lookup = (name: string) => ({ HOME: '/root', V: '1.0' } as Record<string, string>)[name];

describe('shell: RUN scripts into simple commands', () => {
  test('argv, quotes, variables, positions', async () => {
    await loadShellParser();
    const script = parseShellScript('apt-get update && apt-get install -y "curl=7.*" \\\n  && rm -rf /var/lib/apt/lists/*', origin, lookup);
    expect(script.commands.map((c) => c.argv)).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'curl=7.*'],
      ['rm', '-rf', '/var/lib/apt/lists/*'],
    ]);
    expect(script.commands[0].range.start).toEqual({ line: 4, character: 4 });
    expect(script.commands[2].range.start).toEqual({ line: 5, character: 5 });
  });

  test('wrappers (sudo, env) are looked through and inline assignments kept', async () => {
    await loadShellParser();
    const script = parseShellScript('sudo -u app env A=1 pip install x; DEBIAN_FRONTEND=noninteractive apt-get install -y y', origin, lookup);
    expect(script.commands[0]).toMatchObject({ program: 'pip', assignments: { A: '1' } });
    expect(script.commands[1]).toMatchObject({ program: 'apt-get', assignments: { DEBIAN_FRONTEND: 'noninteractive' } });
  });

  test('redirects belong to the last command of a list, as in bash', async () => {
    await loadShellParser();
    const script = parseShellScript('cd /tmp && curl -fsSL https://x.io/a.tgz > a.tgz', origin, lookup);
    expect(script.commands[0].redirects).toEqual([]);
    expect(script.commands[1].redirects).toEqual([{ operator: '>', target: 'a.tgz' }]);
  });

  test('sh -c scripts are analysed too; substitutions and subshells are walked', async () => {
    await loadShellParser();
    const script = parseShellScript('sh -c "apk add curl" && (cd /x && make) && A=$(uname -m)', origin, lookup);
    expect(script.commands.map((c) => c.program)).toEqual(['sh', 'apk', 'cd', 'make', 'uname']);
  });

  test('a broken script is reported, not thrown', async () => {
    await loadShellParser();
    const script = parseShellScript('echo "unterminated && (', origin, lookup);
    expect(script.hasError).toBe(true);
  });

  test('a RUN of 20,000 chained commands is walked without overflowing the call stack (regression)', async () => {
    await loadShellParser();
    const script = parseShellScript(`${'apt-get install -y p && '.repeat(20_000)}curl -o x https://x.io > log`, origin, lookup);
    expect(script.commands).toHaveLength(20_001);
    expect(script.commands.at(-1)).toMatchObject({ program: 'curl', redirects: [{ operator: '>', target: 'log' }] });
    expect(script.commands[0].redirects).toEqual([]);
  });

  test('unquoteWord follows shell quoting', () => {
    expect(unquoteWord(`'$HOME'`, lookup)).toBe('$HOME');
    expect(unquoteWord(`"$HOME/.cache"`, lookup)).toBe('/root/.cache');
    expect(unquoteWord('a\\ b', lookup)).toBe('a b');
    expect(unquoteWord('${V:-2}-${MISSING:-x}', lookup)).toBe('1.0-x');
    expect(unquoteWord('"\\$V"', lookup)).toBe('$V');
    // Regression (found by the fuzzer): a trailing lone backslash looped forever.
    expect(unquoteWord('abc\\', lookup)).toBe('abc\\');
    expect(unquoteWord('\\', lookup)).toBe('\\');
  });
});
