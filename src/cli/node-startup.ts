/**
 * Why a run started slowly, for `--verbose`: the part of Node's own start that layerlint cannot
 * shorten but the user can.
 *
 * Node 20 (OpenSSL 3) reads every certificate named by NODE_EXTRA_CA_CERTS, and Node's own bundled
 * roots with them, before V8 starts, whether or not the program ever opens a TLS connection
 * (nodejs/node#40524). With Debian's 144-certificate bundle that is ~55 ms of every start on our
 * 2-core machine, more than layerlint's own share of a one-file lint. Node 22.23, 23.11, 24.21 and
 * 26.10 do not (measured: V8 starts ~4–7 ms after Node, with or without the variable). Linting makes
 * no TLS connection, so the variable can be left out for it, or a newer Node used.
 */

/** The two marks of performance.nodeTiming this reads (ms since the process started). */
export interface NodeStartTiming {
  nodeStart: number;
  v8Start: number;
}

/** Below this, Node reached V8 about as fast as without the variable (~4 ms here): nothing to say. */
const NOTEWORTHY_MS = 15;

export function slowNodeStartNote(env: NodeJS.ProcessEnv, timing: NodeStartTiming): string | null {
  const certificates = env.NODE_EXTRA_CA_CERTS;
  if (!certificates) return null;
  const beforeV8 = timing.v8Start - timing.nodeStart;
  if (!(beforeV8 >= NOTEWORTHY_MS)) return null;
  return `Node spent ${beforeV8.toFixed(0)} ms reading NODE_EXTRA_CA_CERTS (${certificates}) at start; lint needs no TLS: \`env -u NODE_EXTRA_CA_CERTS layerlint …\` starts sooner`;
}

/** The note for this very process (reads performance.nodeTiming, which is only loaded when asked for). */
export function slowNodeStartNoteForThisProcess(): string | null {
  if (!process.env.NODE_EXTRA_CA_CERTS) return null;
  // Node's global `performance` (perf_hooks), typed here as the browser's, which has no nodeTiming.
  return slowNodeStartNote(process.env, (performance as unknown as { nodeTiming: NodeStartTiming }).nodeTiming);
}
