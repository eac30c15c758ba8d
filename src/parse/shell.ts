/**
 * RUN scripts parsed into simple commands with argv, using tree-sitter-bash (shell-grammar.ts
 * loads it, natively or as WebAssembly).
 *
 * Rules ask "does this RUN call `apt-get install` with `--no-install-recommends`?" by reading
 * ShellCommand.argv; nobody matches regexes on raw RUN text.
 *
 * tree-sitter needs one async initialisation (loadShellParser); parsing is synchronous after that.
 */
import { loadShellGrammar, type ShellGrammar, type ShellGrammarBackend, type SyntaxNode as Node } from './shell-grammar.js';
import type { Position, Range, ShellCommand, ShellPipeline, ShellScript, ShellStateChange } from './types.js';
import { expandVariables, type VariableLookup } from './variables.js';
import { own } from '../util/own.js';
import { basename, isPosixShellProgram } from './shell-names.js';

let grammar: ShellGrammar | null = null;

/** True once loadShellParser() has run; parse functions need it. */
export function shellParserLoaded(): boolean {
  return grammar !== null;
}

/** Which tree-sitter runtime parses RUN scripts, and why, when it is wasm (verbose output). */
export function shellParserBackend(): { backend: ShellGrammarBackend; whyWasm?: string } | null {
  return grammar && { backend: grammar.backend, whyWasm: grammar.whyWasm };
}

/**
 * Load tree-sitter and the bash grammar (shell-grammar.ts: ~10 ms native, ~45 ms wasm, once).
 * Loaded lazily: a Dockerfile without a shell instruction never pays. The first call decides the
 * runtime (`preferred`, unless LAYERLINT_SHELL_PARSER says otherwise); calls made while it loads
 * share the one load.
 */
let loading: Promise<void> | null = null;
let preferredBackend: ShellGrammarBackend | undefined;
export function loadShellParser(preferred = preferredBackend): Promise<void> {
  loading ??= loadShellGrammar(undefined, preferred).then((loaded) => {
    grammar = loaded;
  });
  return loading;
}

/**
 * The runtime the first load will choose, without loading it yet: a batch whose files all come from
 * the lint cache never needs the grammar.
 */
export function preferShellParser(backend: ShellGrammarBackend): void {
  preferredBackend = backend;
}

/** Commands that run the command given in their arguments; we look through them. */
const WRAPPERS: Record<string, { optionsWithValue: string[] }> = {
  sudo: { optionsWithValue: ['-u', '-g', '-C', '-D', '-h', '-p', '-U', '-r', '-t'] },
  env: { optionsWithValue: ['-u', '-C', '-S'] },
  exec: { optionsWithValue: ['-a'] },
  nohup: { optionsWithValue: [] },
  time: { optionsWithValue: ['-f', '-o'] },
  command: { optionsWithValue: [] },
  nice: { optionsWithValue: ['-n'] },
  xargs: { optionsWithValue: ['-I', '-n', '-P', '-d', '-L', '-s', '-E', '-a'] },
  npx: { optionsWithValue: ['-p', '--package', '-c', '--call'] },
};

/** True when the SHELL (its first word) is a POSIX-like shell we can analyse. */
export function isPosixShell(shell: string[]): boolean {
  return isPosixShellProgram(shell[0] ?? '/bin/sh');
}

/**
 * Remove shell quoting from one word and substitute variables the lookup knows.
 * Single quotes are literal; double quotes allow `$VAR`; a backslash escapes one character.
 */
export function unquoteWord(text: string, lookup: VariableLookup): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      out += end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === '"') {
      let j = i + 1;
      let inner = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1])) {
          inner += text[j + 1] === '$' ? '\\$' : text[j + 1];
          j += 2;
        } else {
          inner += text[j++];
        }
      }
      out += expandVariables(inner, lookup).replace(/\\\$/g, '$');
      i = j + 1;
    } else if (ch === '\\' && i + 1 < text.length) {
      out += text[i + 1] === '\n' ? '' : text[i + 1];
      i += 2;
    } else if (ch === '\\') {
      // A backslash with nothing after it stays as it is.
      out += ch;
      i += 1;
    } else {
      let j = i;
      while (j < text.length && !`'"\\`.includes(text[j])) j++;
      out += expandVariables(text.slice(i, j), lookup);
      i = j;
    }
  }
  return out;
}

/**
 * The words one shell word becomes: an unquoted `$PKGS` or `${PKGS}` whose value is known is split on
 * blanks, as the shell does (`ENV PKGS="curl gcc"` … `apt-get install $PKGS` installs two packages).
 * Anything else is one word, unquoted.
 */
function wordsAfterExpansion(text: string, lookup: VariableLookup): string[] {
  const bare = text.match(/^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/);
  const value = bare ? lookup(bare[1] ?? bare[2]) : undefined;
  if (value === undefined) return [unquoteWord(text, lookup)];
  return value.split(/[ \t\n]+/).filter((word) => word !== '');
}

function toFilePosition(point: { row: number; column: number }, origin: Position): Position {
  return point.row === 0 ? { line: origin.line, character: origin.character + point.column } : { line: origin.line + point.row, character: point.column };
}

/** Strip wrappers (sudo, env, nohup, …) so argv[0] is the program that really runs. */
function unwrap(argv: string[], assignments: Record<string, string>, wrappers: string[]): string[] {
  let words = argv;
  for (let guard = 0; guard < 4 && words.length > 0; guard++) {
    const wrapper = own(WRAPPERS, basename(words[0]));
    if (!wrapper) break;
    wrappers.push(basename(words[0]));
    let i = 1;
    while (i < words.length) {
      const word = words[i];
      if (wrapper.optionsWithValue.includes(word)) i += 2;
      else if (word.startsWith('-')) i += 1;
      else if (basename(words[0]) === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) {
        const eq = word.indexOf('=');
        assignments[word.slice(0, eq)] = word.slice(eq + 1);
        i += 1;
      } else break;
    }
    words = words.slice(i);
  }
  return words;
}

interface WalkState {
  origin: Position;
  lookup: VariableLookup;
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  stateChanges: ShellStateChange[];
  /**
   * What `export` has put in the environment so far. Replaced, never changed in place, so that the
   * commands between two exports share one object.
   */
  exported: Record<string, string>;
  /** Shell variables set so far (`A=1`), for a later `export A`. */
  shellVariables: Map<string, string>;
  depth: number;
}

const NOTHING_EXPORTED: Record<string, string> = Object.freeze({}) as Record<string, string>;

function newWalkState(origin: Position, lookup: VariableLookup, depth: number, exported: Record<string, string>): WalkState {
  return { origin, lookup, commands: [], pipelines: [], stateChanges: [], exported, shellVariables: new Map(), depth };
}

function commandFromNode(node: Node, children: (Node | null)[], state: WalkState, redirects: ShellCommand['redirects']): ShellCommand | null {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return null;
  const assignments: Record<string, string> = {};
  for (const child of children) {
    if (child?.type !== 'variable_assignment') continue;
    const name = child.childForFieldName('name')?.text;
    const value = child.childForFieldName('value')?.text ?? '';
    if (name) assignments[name] = unquoteWord(value, state.lookup);
  }
  const wordNodes = [nameNode, ...node.childrenForFieldName('argument')].filter((n): n is Node => n !== null);
  // A variable set earlier in the same script (`buildDeps='gcc make' && apt-get install $buildDeps`) shadows ARG/ENV.
  // A value computed at build time (`savedAptMark="$(apt-mark showmanual)"`) is unknown here: the word stays as written.
  const lookup: VariableLookup = (name) => {
    const value = state.shellVariables.get(name);
    if (value === undefined) return state.lookup(name);
    return /[$`]/.test(value) ? undefined : value;
  };
  const words: string[] = [];
  const nodeOfWord: Node[] = [];
  for (const wordNode of wordNodes) {
    for (const word of wordsAfterExpansion(wordNode.text, lookup)) {
      words.push(word);
      nodeOfWord.push(wordNode);
    }
  }
  const wrappers: string[] = [];
  const argv = unwrap(words, assignments, wrappers);
  if (argv.length === 0) return null;
  // unwrap() only drops leading words, so the last argv.length words are argv's.
  const wordRanges = nodeOfWord.slice(nodeOfWord.length - argv.length).map((n) => ({
    start: toFilePosition(n.startPosition, state.origin),
    end: toFilePosition(n.endPosition, state.origin),
  }));
  return {
    name: argv[0],
    program: basename(argv[0]),
    argv,
    wordRanges,
    wrappers,
    words: wrappers.length > 0 ? words : argv,
    assignments,
    exported: state.exported,
    redirects,
    range: {
      start: toFilePosition(node.startPosition, state.origin),
      end: toFilePosition(node.endPosition, state.origin),
    },
  };
}

function redirectsOf(children: (Node | null)[], lookup: VariableLookup): ShellCommand['redirects'] {
  const found: ShellCommand['redirects'] = [];
  for (const child of children) {
    const redirect = child?.type === 'heredoc_redirect' ? (child.namedChildren.find((c) => c?.type === 'file_redirect') ?? null) : child;
    if (redirect?.type !== 'file_redirect') continue;
    const destination = redirect.childForFieldName('destination') ?? redirect.namedChildren.at(-1);
    const operator = redirect.text.match(/^\d*(>>|>\||>|&>>|&>|<)/)?.[1] ?? '>';
    if (destination && operator !== '<') found.push({ operator, target: unquoteWord(destination.text, lookup) });
  }
  return found;
}

/** The last simple command inside a node: `a && b > f` redirects b's output (bash semantics). */
function lastCommand(node: Node): Node | null {
  // Depth first, last child first; a stack rather than recursion (see walk()).
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'command') return current;
    for (let i = 0; i < current.namedChildCount; i++) stack.push(current.namedChild(i)!);
  }
  return null;
}

/**
 * Visit every node, parents before children, in source order. With a stack rather than recursion:
 * `a && b && …` nests one list node per `&&`, and a generated RUN of 8,000 commands overflowed
 * the call stack.
 */
function walk(root: Node, state: WalkState, pendingRedirects: Map<number, ShellCommand['redirects']>): void {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // Each question to a node is a call into tree-sitter (wasm or native): ask for the children once,
    // and not at all for tokens (half of all nodes are words). Measured: −1.0 % (wasm) and −1.4 %
    // (native) instructions per linted file. (Asking tree-sitter for all commands at once with
    // descendantsOfType cost more: +2 to 3 %, each call looks its type names up among ~300.)
    if (GRAMMAR_TOKENS.has(node.type)) continue;
    const children = node.namedChildren;
    visit(node, children, state, pendingRedirects);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
}

/**
 * Node types that are tokens of the bash grammar: no named children, so nothing to visit.
 * test/shell-grammar.test.ts checks the list against the grammar's node-types.json.
 */
export const GRAMMAR_TOKENS = new Set([
  'word',
  'ansi_c_string',
  'comment',
  'extglob_pattern',
  'file_descriptor',
  'heredoc_content',
  'heredoc_end',
  'heredoc_start',
  'raw_string',
  'regex',
  'special_variable_name',
  'string_content',
  'test_operator',
  'variable_name',
]);

function visit(node: Node, children: (Node | null)[], state: WalkState, pendingRedirects: Map<number, ShellCommand['redirects']>): void {
  if (node.type === 'declaration_command' || node.type === 'unset_command') recordDeclaration(node, children, state);
  else if (node.type !== 'command' && node.type !== 'variable_assignments') recordBareAssignments(children, state);
  if (node.type === 'pipeline') {
    const stages = children.filter((child): child is Node => child !== null && child.type !== 'comment');
    state.pipelines.push({
      programs: stages.map((stage) => {
        const command = stage.type === 'redirected_statement' ? stage.childForFieldName('body') : stage;
        const name = command?.type === 'command' ? command.childForFieldName('name')?.text : undefined;
        return name ? basename(unquoteWord(name, state.lookup)) : '';
      }),
      range: { start: toFilePosition(node.startPosition, state.origin), end: toFilePosition(node.endPosition, state.origin) },
    });
  }
  if (node.type === 'redirected_statement') {
    const body = node.childForFieldName('body') ?? node.namedChild(0);
    const target = body ? lastCommand(body) : null;
    if (target) pendingRedirects.set(target.id, redirectsOf(children, state.lookup));
  }
  if (node.type === 'command') {
    const command = commandFromNode(node, children, state, pendingRedirects.get(node.id) ?? []);
    if (command) addCommand(command, state);
  }
}

const rangeOf = (node: Node, origin: Position): Range => ({ start: toFilePosition(node.startPosition, origin), end: toFilePosition(node.endPosition, origin) });

/** `export A=1 B`, `declare -x C=2`, `readonly D`, `local E`, `unset F`: one state change, and what it exports. */
function recordDeclaration(node: Node, children: (Node | null)[], state: WalkState): void {
  const keyword = node.type === 'unset_command' ? 'unset' : (node.text.match(/^\S+/)?.[0] ?? '');
  const words = children.filter((child): child is Node => child !== null).map((child) => child.text);
  const names: string[] = [];
  const exports = keyword === 'export' || (['declare', 'typeset'].includes(keyword) && words.some((word) => /^-[a-zA-Z]*x/.test(word)));
  let exported: Record<string, string> | null = null;
  for (const child of children) {
    if (child?.type === 'variable_assignment') {
      const name = child.childForFieldName('name')?.text;
      if (!name) continue;
      names.push(name);
      const value = unquoteWord(child.childForFieldName('value')?.text ?? '', state.lookup);
      state.shellVariables.set(name, value);
      if (exports) (exported ??= { ...state.exported })[name] = value;
    } else if (child?.type === 'variable_name' || (keyword === 'unset' && child?.type === 'word' && !child.text.startsWith('-'))) {
      names.push(child.text);
      if (keyword === 'unset' && child.text in state.exported) delete (exported ??= { ...state.exported })[child.text];
      else if (exports && state.shellVariables.has(child.text)) (exported ??= { ...state.exported })[child.text] = state.shellVariables.get(child.text)!;
    }
  }
  if (exported) state.exported = exported;
  state.stateChanges.push({ keyword, words, names, range: rangeOf(node, state.origin) });
}

/** `NAME=value` standing alone as a statement (not before a command): a shell variable. */
function recordBareAssignments(children: (Node | null)[], state: WalkState): void {
  for (const child of children) {
    const assignments = child?.type === 'variable_assignment' ? [child] : child?.type === 'variable_assignments' ? child.namedChildren : [];
    for (const assignment of assignments) {
      const name = assignment?.type === 'variable_assignment' ? assignment.childForFieldName('name')?.text : undefined;
      if (!assignment || !name) continue;
      state.shellVariables.set(name, unquoteWord(assignment.childForFieldName('value')?.text ?? '', state.lookup));
      state.stateChanges.push({ keyword: 'assignment', words: [assignment.text], names: [name], range: rangeOf(assignment, state.origin) });
    }
  }
}

/** Add a command, and with it the commands of the script it runs as `sh -c "apt-get update && …"`. */
function addCommand(command: ShellCommand, state: WalkState): void {
  state.commands.push(command);
  const inner = innerShellScript(command);
  if (inner === null || state.depth >= 3) return;
  // The inner script's commands are placed at the outer command: where each word of a quoted
  // string is in the file is not known, so every word range is the command's (no quick-fix edits).
  const nested = parseScriptText(inner, command.range.start, state.lookup, state.depth + 1, { ...state.exported, ...command.assignments });
  // Loops rather than push(...spread): a spread of ~100,000 items overflows the stack.
  for (const c of nested.commands) state.commands.push({ ...c, range: command.range, wordRanges: c.argv.map(() => command.range) });
  for (const p of nested.pipelines) state.pipelines.push({ ...p, range: command.range });
}

function innerShellScript(command: ShellCommand): string | null {
  if (!isPosixShellProgram(command.program)) return null;
  const dashC = command.argv.findIndex((word, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(word));
  return dashC > 0 && command.argv[dashC + 1] !== undefined ? command.argv[dashC + 1] : null;
}

function parseScriptText(text: string, origin: Position, lookup: VariableLookup, depth: number, exported = NOTHING_EXPORTED): ShellScript {
  // modelDockerfile() loads the parser whenever the text has a shell instruction.
  if (!grammar) return emptyScript(false);
  const tree = grammar.parse(text);
  if (!tree) return { ...emptyScript(true), hasError: true };
  try {
    const state = newWalkState(origin, lookup, depth, exported);
    walk(tree.rootNode, state, new Map());
    return { commands: state.commands, pipelines: state.pipelines, stateChanges: state.stateChanges, hasError: tree.rootNode.hasError, analysed: true };
  } finally {
    tree.delete?.();
  }
}

/**
 * Parse a shell script whose first character sits at `origin` in the Dockerfile.
 * `lookup` supplies ARG/ENV values visible to the script.
 */
export function parseShellScript(text: string, origin: Position, lookup: VariableLookup): ShellScript {
  return parseScriptText(text, origin, lookup, 0);
}

/**
 * The command of an exec-form RUN (`RUN ["pip", "install", "-r", "requirements.txt"]`), which
 * Docker runs without a shell: argv is taken as written (no variable is expanded, there are no
 * redirections or pipes), sudo/env are looked through, and `["sh", "-c", "…"]` has its script
 * analysed. Every word range is the instruction's arguments: an edit inserting shell words into a
 * JSON array would break it, and rules offer none where word ranges equal the command's.
 */
export function parseExecFormCommand(args: string[], range: Range, lookup: VariableLookup): ShellScript {
  const assignments: Record<string, string> = {};
  const wrappers: string[] = [];
  const argv = unwrap(args, assignments, wrappers);
  const state = newWalkState(range.start, lookup, 0, NOTHING_EXPORTED);
  if (argv.length > 0) {
    addCommand(
      {
        name: argv[0],
        program: basename(argv[0]),
        argv,
        wordRanges: argv.map(() => range),
        wrappers,
        words: wrappers.length > 0 ? args : argv,
        assignments,
        exported: NOTHING_EXPORTED,
        redirects: [],
        range,
      },
      state,
    );
  }
  return { commands: state.commands, pipelines: state.pipelines, stateChanges: [], hasError: false, analysed: true };
}

export function emptyScript(analysed: boolean): ShellScript {
  return { commands: [], pipelines: [], stateChanges: [], hasError: false, analysed };
}

export function rangeOfScript(script: ShellScript): Range | null {
  const first = script.commands[0];
  const last = script.commands.at(-1);
  return first && last ? { start: first.range.start, end: last.range.end } : null;
}
