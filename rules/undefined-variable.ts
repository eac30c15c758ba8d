import { closestName, stageChain, variableReferences, type Instruction, type ParsedDockerfile, type Rule, type Stage } from '../src/kit/index.js';

/**
 * `COPY app-$VERSON.jar /app.jar` or a global ARG used in a stage without `ARG NAME`: Docker expands
 * the variable to nothing and the build goes on with a wrong path or value. BuildKit's UndefinedVar
 * knows the base image's environment; a static linter does not, so this reports only what is certain:
 * - a global ARG used inside a stage that did not re-declare it (the classic scoping mistake);
 * - a variable declared later in the stage than it is used;
 * - a name one or two letters away from a defined one (a typo);
 * - anything undefined in a stage built on `scratch`, whose environment is empty.
 * RUN/CMD/ENTRYPOINT/HEALTHCHECK are left out: their variables are expanded by the shell at run time.
 */
const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG']);
/** Set in nearly every base image, so never a typo of the file's own names. */
const COMMON_ENV = new Set(['PATH', 'HOME', 'HOSTNAME', 'TERM', 'LANG', 'LC_ALL', 'USER', 'SHELL', 'PWD']);
const BUILTIN_ARGS = new Set([
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'FTP_PROXY',
  'NO_PROXY',
  'ALL_PROXY',
  'http_proxy',
  'https_proxy',
  'ftp_proxy',
  'no_proxy',
  'all_proxy',
]);

function textToCheck(instruction: Instruction): string {
  if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV' || instruction.keyword === 'LABEL')
    return instruction.pairs.map((pair) => pair.value ?? '').join(' ');
  // --from is left out: what it may name (stages, images, global ARGs) follows other rules than the paths.
  if (instruction.copy)
    return [
      ...instruction.copy.sources,
      instruction.copy.destination,
      ...instruction.flags.filter((flag) => flag.name !== 'from').map((flag) => flag.value ?? ''),
    ].join(' ');
  return instruction.argumentsText;
}

function rootsAtScratch(parsed: ParsedDockerfile, stage: Stage): boolean {
  const root = parsed.stages[stageChain(parsed, stage.index)[0]];
  return root?.from.from?.image === 'scratch';
}

const rule: Rule = {
  meta: {
    id: 'undefined-variable',
    category: 'syntax',
    severity: 'warning',
    recommended: true,
    description: 'An instruction uses a variable that is not defined at that point, so it expands to an empty string.',
    buildkit: ['UndefinedVar'],
  },
  check({ parsed, report }) {
    const globalArgs = new Set(parsed.globalArgs.flatMap((arg) => arg.pairs.map((pair) => pair.name)));
    for (const stage of parsed.stages) {
      const inherited = stageChain(parsed, stage.index)
        .slice(0, -1)
        .flatMap((index) => parsed.stages[index].instructions)
        .filter((i) => i.keyword === 'ENV');
      const defined = new Set(inherited.flatMap((i) => i.pairs.map((pair) => pair.name)));
      const laterDefinitions = new Map<string, Instruction>();
      for (const instruction of [...stage.instructions].reverse()) {
        if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') instruction.pairs.forEach((pair) => laterDefinitions.set(pair.name, instruction));
      }
      const strict = rootsAtScratch(parsed, stage);
      for (const instruction of stage.instructions) {
        if (EXPANDED.has(instruction.keyword) && instruction.rawArgumentsText.includes('$')) {
          for (const { name, modifier } of variableReferences(textToCheck(instruction))) {
            if (defined.has(name) || modifier !== '' || BUILTIN_ARGS.has(name)) continue;
            const later = laterDefinitions.get(name);
            const typo = COMMON_ENV.has(name) ? undefined : closestName(name, defined);
            let why: string | null = null;
            if (globalArgs.has(name)) why = `$${name} is a global ARG, which a stage does not see unless it says \`ARG ${name}\` after its FROM`;
            else if (later && later.index > instruction.index) why = `$${name} is only defined on line ${later.range.start.line + 1}, after this use`;
            else if (typo && name.length > 3) why = `$${name} is not defined; did you mean $${typo}?`;
            else if (strict) why = `$${name} is not defined, and this stage starts from scratch, which defines nothing`;
            if (why) report({ message: `${why}; it expands to an empty string here.`, range: instruction.argumentsRange ?? instruction.range });
          }
        }
        if (instruction.keyword === 'ARG' || instruction.keyword === 'ENV') instruction.pairs.forEach((pair) => defined.add(pair.name));
        laterDefinitions.forEach((definer, name) => {
          if (definer === instruction) laterDefinitions.delete(name);
        });
      }
    }
  },
};

export default rule;
