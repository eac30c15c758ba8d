import { describe, expect, test } from '@jest/globals';
import { dockerfile, hits } from '../helpers.js';

const rule = 'secret-in-arg-or-env';

describe(rule, () => {
  test('fires on secret-looking ARG and ENV names, each pair at its name', async () => {
    expect(await hits(rule, 'ARG GITHUB_TOKEN\nFROM alpine:3\nENV DB_PASSWORD=x A=1\nARG api_key\nENV AWS_SECRET_ACCESS_KEY=y\n')).toEqual([1, 3, 4, 5]);
  });

  test('quiet: BuildKit\'s allow-list (public, file, version) and names that only contain the words', async () => {
    expect(await hits(rule, 'FROM alpine:3\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/db TOKEN_VERSION=2\nENV KEYBOARD=us MONKEY=1 AUTHOR=me\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D NODE_PGP_KEYS=x\n')).toEqual([]);
  });

  test('quiet beyond BuildKit: settings about a secret (URL, expiry, length, type…) and an ENV set empty for run time', async () => {
    expect(await hits(rule, dockerfile`
      FROM node:20
      ARG REACT_APP_AUTH_SERVICE_URL
      ENV REACT_APP_AUTH_SERVICE_URL=$REACT_APP_AUTH_SERVICE_URL
      ENV ACCESS_TOKEN_EXPIRE_MINUTES=30 PASSWORD_MIN_LENGTH=12 AUTH_TYPE=oidc KEYCLOAK_AUTH_SERVER_URL=http://kc:8080
      ENV PIA_USER="" PIA_PASSWORD="" PIA_TOKEN=""
    `)).toEqual([]);
    // The secret itself still fires, also as a build ARG with an empty default.
    expect(await hits(rule, 'FROM node:20\nARG NPM_TOKEN=""\nENV JWT_SECRET=changeme AUTH_TOKEN_VALUE=x\n')).toEqual([2, 3, 3]);
  });
});
