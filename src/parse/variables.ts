/**
 * Docker-style variable substitution: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:+alt}`, `${VAR+alt}`. A variable the lookup does not know is left as written, so a
 * rule can still see that the value is dynamic.
 */
export type VariableLookup = (name: string) => string | undefined;

const VARIABLE = /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function expandVariables(text: string, lookup: VariableLookup): string {
  return text.replace(VARIABLE, (whole, bracedName, modifier, word, bareName) => {
    if (whole === '\\$') return whole;
    const name = bracedName ?? bareName;
    const value = lookup(name);
    if (!modifier) return value ?? whole;
    const emptyCounts = modifier.startsWith(':');
    const isSet = value !== undefined && (!emptyCounts || value !== '');
    switch (modifier.replace(':', '')) {
      case '-':
        return isSet ? value! : expandVariables(word, lookup);
      case '+':
        return isSet ? expandVariables(word, lookup) : '';
      default:
        return value ?? whole;
    }
  });
}

/** Names of the variables a text refers to. */
export function referencedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1] ?? match[4];
    if (name) names.add(name);
  }
  return [...names];
}

/**
 * One word as Docker's shell lexer reads the argument of WORKDIR or USER: quotes removed, variables
 * expanded except inside single quotes (`WORKDIR '/app'` is /app, `USER "root"` is root). An
 * unclosed quote is kept as written; Docker would reject it anyway.
 */
export function processWord(text: string, lookup: VariableLookup): string {
  let word = '';
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const quote = text[i];
    const end = quote === "'" || quote === '"' ? text.indexOf(quote, i + 1) : -1;
    if (end < 0) {
      plain += quote;
      i++;
      continue;
    }
    word += expandVariables(plain, lookup);
    plain = '';
    const inside = text.slice(i + 1, end);
    word += quote === "'" ? inside : expandVariables(inside, lookup);
    i = end + 1;
  }
  return word + expandVariables(plain, lookup);
}

/**
 * Split an instruction's arguments into words on blanks outside quotes, as BuildKit does for COPY and ADD
 * (`COPY a "b c" dir/` has the two sources `a` and `"b c"`). Quotes stay for processWord() to remove.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      word += ch;
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      word += ch;
      quote = ch;
    } else if (/\s/.test(ch)) {
      if (word) words.push(word);
      word = '';
    } else {
      word += ch;
    }
  }
  if (word) words.push(word);
  return words;
}
