/**
 * The one reader of a shell command's options (argv as the shell parser gives it). Conventions are
 * getopt's and GNU's: `--name`, `--name=value`, `--name value`, clusters of short options (`-qy`, `-fsSLo
 * file`) and `--` to end the options.
 */

/** True when argv has any of the options: `-y`, `--yes`, `--yes=…`, or a short option cluster containing one (`-qy`). */
export function hasOption(argv: readonly string[], long: readonly string[], short = ''): boolean {
  return argv.slice(1).some((word) => {
    if (word === '--') return false;
    if (word.startsWith('--')) return long.some((name) => word === name || word.startsWith(`${name}=`));
    // A cluster of short options: the letters up to the first non-letter (`-qO-` is -q and -O with value `-`).
    const letters = word.match(/^-([A-Za-z]+)/)?.[1] ?? '';
    return short !== '' && [...letters].some((letter) => short.includes(letter));
  });
}

/**
 * The value of an option: `-o file`, `--output=file`, `--output file`, and a short option at the end
 * of a cluster of flags or with its value attached (`curl -fsSLo file`, `wget -qO-`, `-ofile`). The
 * letters before it are taken for flags without values, as they are in practice.
 */
export function optionValue(argv: readonly string[], names: readonly string[]): string | null {
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') return null;
    for (const name of names) {
      if (word === name) return argv[i + 1] ?? null;
      if (name.startsWith('--')) {
        if (word.startsWith(`${name}=`)) return word.slice(name.length + 1);
        continue;
      }
      if (!word.startsWith('-') || word.startsWith('--')) continue;
      const at = word.indexOf(name[1], 1);
      if (at < 0 || !/^[a-zA-Z]*$/.test(word.slice(1, at))) continue;
      const attached = word.slice(at + 1);
      return attached !== '' ? attached : (argv[i + 1] ?? null);
    }
  }
  return null;
}

/**
 * Words split into options and operands; an option named in `optionsWithValue` takes the next word as
 * its value, which goes with the options (`apt-get -o Dpkg::Options=x install curl`: operands `install curl`).
 */
export function splitOptions(words: readonly string[], optionsWithValue: ReadonlySet<string>): { options: string[]; operands: string[] } {
  const options: string[] = [];
  const operands: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.startsWith('-')) {
      options.push(word);
      if (optionsWithValue.has(word) && i + 1 < words.length) options.push(words[++i]);
    } else {
      operands.push(word);
    }
  }
  return { options, operands };
}
