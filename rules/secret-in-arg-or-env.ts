import type { Rule } from '../src/kit/index.js';

/**
 * ARG and ENV values are stored in the image config and history (`docker history` shows them), so a
 * secret passed that way ships with the image. BuildKit's name pattern and allow-list, plus GPG/PGP key
 * ids (`GPG_KEY`, `PGP_KEYS`: public fingerprints used to verify downloads, as in the official images),
 * which BuildKit flags too (moby/buildkit #5775). Mount secrets with `RUN --mount=type=secret` instead.
 */
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED = /public|file|version|(?:^|_)(?:gpg|pgp)(?:_|$)|fingerprint/i;
/**
 * Beyond BuildKit: a last word that makes the name a setting about the secret, not the secret
 * (`REACT_APP_AUTH_SERVICE_URL`, `ACCESS_TOKEN_EXPIRE_MINUTES`, `PASSWORD_MIN_LENGTH`, `AUTH_TYPE`).
 */
const ABOUT_THE_SECRET =
  /_(?:url|uri|host|hostname|endpoint|server|domain|port|path|dir|type|mode|method|provider|enabled|enable|disabled|required|expire|expires|expiry|expiration|minutes|seconds|hours|days|ttl|timeout|length|algorithm|issuer|audience|realm|name)$/i;

const rule: Rule = {
  meta: {
    id: 'secret-in-arg-or-env',
    category: 'security',
    severity: 'warning',
    recommended: true,
    description: 'An ARG or ENV name looks like a secret; its value stays readable in the image history.',
    hadolint: ['DL3064'],
    buildkit: ['SecretsUsedInArgOrEnv'],
  },
  check({ parsed, report }) {
    for (const instruction of parsed.instructions) {
      if (instruction.keyword !== 'ARG' && instruction.keyword !== 'ENV') continue;
      for (const pair of instruction.pairs) {
        if (!SECRET.test(pair.name) || ALLOWED.test(pair.name) || ABOUT_THE_SECRET.test(pair.name)) continue;
        // `ENV PASSWORD=""` ships no secret: it documents a variable to set at run time. (An ARG's value
        // comes with the build, whatever its default, so ARGs are reported.)
        if (instruction.keyword === 'ENV' && pair.value === '') continue;
        report({
          message: `${instruction.keyword} ${pair.name} looks like a secret: ${instruction.keyword} values are kept in the image config and history; use RUN --mount=type=secret,id=${pair.name.toLowerCase()} instead.`,
          range: pair.nameRange,
        });
      }
    }
  },
};

export default rule;
