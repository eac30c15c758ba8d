/**
 * dockerfile-ast tokenises an instruction's arguments anew on every accessor call, and its own
 * constructors call those accessors several times: counted on the benchmark corpus, a RUN or COPY
 * is tokenised 10 times and a FROM 5 times while it is built and read once by us.
 *
 * An instruction's text never changes after parsing, so the tokens are computed once per
 * instruction. Each caller still gets its own array: dockerfile-ast's callers modify the one they
 * get (ModifiableInstruction.getArguments shift()s the flags off it).
 *
 * Importing this module installs the cache; parse/dockerfile.ts imports it.
 */
import { Instruction } from 'dockerfile-ast';

type Tokeniser = (this: Instruction) => ReturnType<Instruction['getArguments']>;

const prototype = Instruction.prototype as unknown as { getRawArguments: Tokeniser; rawArgumentsCached?: true };

if (!prototype.rawArgumentsCached) {
  const tokenise = prototype.getRawArguments;
  const tokens = new WeakMap<Instruction, ReturnType<Tokeniser>>();
  prototype.getRawArguments = function cachedRawArguments(this: Instruction) {
    let found = tokens.get(this);
    if (!found) {
      found = tokenise.call(this);
      tokens.set(this, found);
    }
    return found.slice();
  };
  prototype.rawArgumentsCached = true;
}
