import type { Finding } from '../core/findings.js';
import type { Rule } from '../runner/types.js';

/** One linted file as the formatters see it. */
export interface FileReport {
  /** Path as shown to the user (relative to the working directory where possible). */
  path: string;
  /** The file's text (for SARIF line hashes); null when it could not be read. */
  text: string | null;
  findings: Finding[];
  /** Why the file could not be linted (missing, binary, too large …). */
  error: string | null;
}

export interface Report {
  files: FileReport[];
  rules: Rule[];
  /** Directory SARIF URIs are relative to (%SRCROOT%). */
  rootDir: string;
  /** With `lint --fix`: what the fixes came to (the text report's last line), and remaining findings with an unsafe fix are marked. */
  fix?: { summary: string; markUnsafe: boolean };
}
