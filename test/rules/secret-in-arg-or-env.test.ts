import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'secret-in-arg-or-env';

describe(rule, () => {
  test('fires on secret-looking ARG and ENV names, each pair at its name', async () => {
    expect(await hits(rule, 'ARG GITHUB_TOKEN\nFROM alpine:3\nENV DB_PASSWORD=x A=1\nARG api_key\nENV AWS_SECRET_ACCESS_KEY=y\n')).toEqual([1, 3, 4, 5]);
  });

  test('quiet: BuildKit\'s allow-list (public, file, version) and names that only contain the words', async () => {
    expect(await hits(rule, 'FROM alpine:3\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/db TOKEN_VERSION=2\nENV KEYBOARD=us MONKEY=1 AUTHOR=me\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D NODE_PGP_KEYS=x\n')).toEqual([]);
  });
});
