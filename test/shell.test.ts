import { describe, expect, test } from '@jest/globals';
import { loadShellParser, parseShellScript, unquoteWord } from '../src/parse/shell.js';
import { model } from './helpers.js';

const origin = { line: 4, character: 4 };
const lookup = (name: string) => (({ HOME: '/root', V: '1.0' }) as Record<string, string>)[name];

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

  test('statements that change only the shell: export, declare, unset, bare assignments; what each command inherits', async () => {
    await loadShellParser();
    const script = parseShellScript('A=1; export A B="$V x" && declare -x C=3 && unset B; readonly R=1; pip install y; X=2 make', origin, lookup);
    expect(script.stateChanges.map(({ keyword, words, names }) => ({ keyword, words, names }))).toEqual([
      { keyword: 'assignment', words: ['A=1'], names: ['A'] },
      { keyword: 'export', words: ['A', 'B="$V x"'], names: ['A', 'B'] },
      { keyword: 'declare', words: ['-x', 'C=3'], names: ['C'] },
      { keyword: 'unset', words: ['B'], names: ['B'] },
      { keyword: 'readonly', words: ['R=1'], names: ['R'] },
    ]);
    expect(script.stateChanges[1].range).toEqual({ start: { line: 4, character: 9 }, end: { line: 4, character: 26 } });
    // The inline assignment of `X=2 make` is the command's own, not a statement of the shell.
    expect(script.commands.map((c) => [c.program, c.exported])).toEqual([
      ['pip', { A: '1', C: '3' }],
      ['make', { A: '1', C: '3' }],
    ]);
    expect(script.commands[1].assignments).toEqual({ X: '2' });
    // A command before any export shares the one empty environment; sh -c inherits what was exported.
    const nested = parseShellScript('true; export P=1; sh -c "pip install z"', origin, lookup);
    expect(nested.commands.map((c) => [c.program, c.exported])).toEqual([
      ['true', {}],
      ['sh', { P: '1' }],
      ['pip', { P: '1' }],
    ]);
    expect(nested.stateChanges).toHaveLength(1);
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

describe('variables a RUN sets itself, and word splitting', () => {
  // The official images' `buildDeps='gcc make' && apt-get install $buildDeps`, and ENV PKGS="curl gcc" … $PKGS.
  test('an unquoted $VAR with a known value is split into words; a value set earlier in the script is used', async () => {
    const m = await model(
      'FROM debian:12\nENV PKGS="curl gcc"\nRUN apt-get install -y $PKGS "$PKGS"\nRUN buildDeps="gcc make" && apt-get install -y $buildDeps\n',
    );
    const runs = m.steps.filter((s) => s.instruction.keyword === 'RUN');
    expect(runs[0].systemPackages[0].packages).toEqual(['curl', 'gcc', 'curl gcc']);
    expect(runs[1].systemPackages[0].packages).toEqual(['gcc', 'make']);
  });

  test('a value computed at build time stays a variable', async () => {
    const m = await model('FROM debian:12\nRUN savedAptMark="$(apt-mark showmanual)"; apt-mark manual $savedAptMark\n');
    expect(m.steps.find((s) => s.instruction.keyword === 'RUN')!.instruction.script!.commands.at(-1)!.argv).toEqual(['apt-mark', 'manual', '$savedAptMark']);
  });
});
