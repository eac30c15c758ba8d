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
