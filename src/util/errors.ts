/**
 * An error caused by the user's input (a missing file, a bad config, a wrong flag).
 * The CLI prints its message on one line and exits 2; anything else is a bug.
 */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UserError';
  }
}
