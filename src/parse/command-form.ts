/**
 * The form of RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK CMD: exec form (a JSON array of strings) or
 * shell form, read as Docker reads it, with the reason when text that looks like JSON is not.
 */
import type { Instruction } from './types.js';

/**
 * A JSON array with something other than strings (`CMD [1, 2]`): unlike invalid JSON, which Docker runs
 * in a shell, BuildKit rejects it and the build stops (a parse-error finding).
 */
export const NOT_AN_ARRAY_OF_STRINGS = 'the JSON array must contain only strings';

export const NO_COMMAND_FORM: Pick<Instruction, 'form' | 'execArgs' | 'execFormError'> = { form: 'none', execArgs: null, execFormError: null };

/** Docker's rule: exec form is a JSON array of strings; anything else that starts with `[` is run by a shell. */
export function readCommandForm(argumentsText: string): Pick<Instruction, 'form' | 'execArgs' | 'execFormError'> {
  const trimmed = argumentsText.trim();
  if (trimmed === '') return { form: 'none', execArgs: null, execFormError: null };
  // `RUN [ -f x ] && …` is a shell test; only `["…`, `['…` or `[]`, closed by `]`, was meant as JSON.
  const looksLikeJson = /^\[\s*(["'\]]|$)/.test(trimmed) && trimmed.endsWith(']');
  if (!looksLikeJson) {
    // `CMD ["serve", "-s", "dist"]  # comment`: Dockerfiles have no end-of-line comments, so the comment
    // makes the line a shell string (and the container fails to start: sh runs `[serve,`).
    const commented = /^(\[\s*".*?\])\s+#/s.exec(trimmed);
    if (commented && isStringArray(commented[1])) {
      return { form: 'shell', execArgs: null, execFormError: 'a # comment follows the JSON array, and Dockerfiles have no end-of-line comments' };
    }
    return { form: 'shell', execArgs: null, execFormError: null };
  }
  try {
    const value: unknown = JSON.parse(trimmed);
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      return { form: 'exec', execArgs: value, execFormError: null };
    }
    return { form: 'shell', execArgs: null, execFormError: NOT_AN_ARRAY_OF_STRINGS };
  } catch (error) {
    const reason = trimmed.includes("'") ? 'JSON needs double quotes, not single quotes' : (error as Error).message;
    return { form: 'shell', execArgs: null, execFormError: reason };
  }
}

function isStringArray(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}
