/**
 * dockerfile-ast tokenises an instruction's arguments anew on every accessor call, and its own
 * constructors call those accessors several times: counted on the benchmark corpus, a RUN or COPY
 * is tokenised 10 times and a FROM 5 times while it is built and read once by us.
 *
 * An instruction's text never changes after parsing, so while a Dockerfile is parsed (inside
 * withTokenCache) the tokens are computed once per instruction. Each caller still gets its own
 * array: dockerfile-ast's callers modify the one they get (ModifiableInstruction.getArguments
 * shift()s the flags off it). Outside it, every call tokenises, as dockerfile-ast does.
 *
 * The cache is a Map dropped after each file, not a WeakMap that lives on: the young-generation
 * collector keeps a WeakMap's values alive and promotes them to the old generation, 20 MB over the
 * 2,000 files of the bench corpus (measured with --trace-gc-nvp).
 */
import { Instruction } from 'dockerfile-ast';

type Tokeniser = (this: Instruction) => ReturnType<Instruction['getArguments']>;

const prototype = Instruction.prototype as unknown as { getRawArguments: Tokeniser; rawArgumentsCached?: true };

let tokens: Map<Instruction, ReturnType<Tokeniser>> | null = null;

/** Run a parse with the token cache on; nested calls share the outer cache. */
export function withTokenCache<T>(parse: () => T): T {
  if (tokens) return parse();
  tokens = new Map();
  try {
    return parse();
  } finally {
    tokens = null;
  }
}

if (!prototype.rawArgumentsCached) {
  const tokenise = prototype.getRawArguments;
  prototype.getRawArguments = function cachedRawArguments(this: Instruction) {
    if (!tokens) return tokenise.call(this);
    let found = tokens.get(this);
    if (!found) {
      found = tokenise.call(this);
      tokens.set(this, found);
    }
    return found.slice();
  };
  prototype.rawArgumentsCached = true;
}
