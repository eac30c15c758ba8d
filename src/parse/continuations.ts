/**
 * BuildKit continues an instruction on the next line when a line ends with the escape character followed
 * by blanks (its pattern is `\\[ \t]*$`). The RUN script given to the shell parser is cut from the raw
 * text, where `\␠` before a line break is an escaped blank, not a continuation: `RUN apt-get install -y \␠`
 * then `    curl && rm -rf …` was read as an install with no package and a separate `curl` command
 * (76 of 3,502 real Dockerfiles have such a line). The blanks are moved in front of the escape character:
 * the same length, so every position stays right, and every reader of the text sees the continuation
 * BuildKit sees. Heredoc bodies (taken as written) and comment lines are left alone.
 */

const HEREDOC_MARKER = /<<-?\s*\\?(["']?)([A-Za-z_][\w.-]*)\1/g;

export function continueAfterTrailingBlanks(text: string, escape: string): string {
  const esc = escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  // Not after another escape character: `a\\␠` ends with an escaped backslash, no continuation.
  const trailing = new RegExp(`(?<!${esc})${esc}([ \\t]+)$`);
  if (!new RegExp(`${esc}[ \\t]+(\\r\\n|\\r|\\n|$)`).test(text)) return text;
  const lines = text.split(/(\r\n|\r|\n)/);
  // Heredocs named by the instruction being read, and those whose bodies come next.
  let named: { name: string; chomp: boolean }[] = [];
  let bodies: { name: string; chomp: boolean }[] = [];
  let continued = false;
  // split() with a capture group alternates line, separator, line …: the lines are at even indexes.
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i];
    if (bodies.length > 0) {
      const [next] = bodies;
      if ((next.chomp ? line.replace(/^\t+/, '') : line) === next.name) bodies = bodies.slice(1);
      continue;
    }
    if (/^\s*#/.test(line)) continue;
    if (continued || /^\s*[A-Za-z]+(\s|$)/.test(line)) {
      for (const marker of line.matchAll(HEREDOC_MARKER)) named.push({ name: marker[2], chomp: marker[0].startsWith('<<-') });
    }
    const blanks = line.match(trailing);
    if (blanks) lines[i] = `${line.slice(0, line.length - blanks[0].length)}${blanks[1]}${escape}`;
    continued = blanks !== null || endsWithContinuation(line, escape);
    // The instruction ends here: its heredoc bodies follow.
    if (!continued) {
      bodies = named;
      named = [];
    }
  }
  return lines.join('');
}

/** BuildKit's test: the line ends with the escape character, not itself escaped (`a \` goes on, `a \\` does not). */
export function endsWithContinuation(line: string, escape: string): boolean {
  return line.endsWith(escape) && line.charAt(line.length - 2) !== escape;
}
