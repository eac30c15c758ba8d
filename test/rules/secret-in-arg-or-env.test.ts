import { describe } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/secret-in-arg-or-env.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: "quiet: BuildKit's allow-list (public, file, version) and names that only contain the words",
        code: 'FROM alpine:3\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/db TOKEN_VERSION=2\nENV KEYBOARD=us MONKEY=1 AUTHOR=me\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D NODE_PGP_KEYS=x\n',
      },
      {
        name: 'quiet beyond BuildKit: settings about a secret (URL, expiry, length, type…) and an ENV set empty for run time (1)',
        code: dockerfile`
      FROM node:20
      ARG REACT_APP_AUTH_SERVICE_URL
      ENV REACT_APP_AUTH_SERVICE_URL=$REACT_APP_AUTH_SERVICE_URL
      ENV ACCESS_TOKEN_EXPIRE_MINUTES=30 PASSWORD_MIN_LENGTH=12 AUTH_TYPE=oidc KEYCLOAK_AUTH_SERVER_URL=http://kc:8080
      ENV PIA_USER="" PIA_PASSWORD="" PIA_TOKEN=""
    `,
      },
    ],
    invalid: [
      {
        name: 'fires on secret-looking ARG and ENV names, each pair at its name',
        code: 'ARG GITHUB_TOKEN\nFROM alpine:3\nENV DB_PASSWORD=x A=1\nARG api_key\nENV AWS_SECRET_ACCESS_KEY=y\n',
        findings: [1, 3, 4, 5],
      },
      {
        name: 'quiet beyond BuildKit: settings about a secret (URL, expiry, length, type…) and an ENV set empty for run time (2), but this case fires',
        code: 'FROM node:20\nARG NPM_TOKEN=""\nENV JWT_SECRET=changeme AUTH_TOKEN_VALUE=x\n',
        findings: [2, 3, 3],
      },
    ],
  });
});
