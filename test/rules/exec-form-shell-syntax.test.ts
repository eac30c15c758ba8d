import { describe } from '@jest/globals';
import rule from '../../rules/exec-form-shell-syntax.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: sh -c wrappers, plain arguments, a literal $ in a price',
        code: [
          'FROM alpine',
          'CMD ["sh", "-c", "npm run migrate && exec node server.js"]',
          'ENTRYPOINT ["/bin/bash", "-c", "echo $HOME"]',
          'CMD ["node", "server.js", "--port", "8080"]',
          'CMD ["echo", "costs 5$"]',
        ].join('\n'),
      },
    ],
    invalid: [
      {
        name: 'fires on &&, pipes, redirects and $VAR in exec form',
        code: [
          'FROM alpine',
          'CMD ["npm", "run", "migrate", "&&", "node", "server.js"]',
          'ENTRYPOINT ["java", "-jar", "$APP_JAR"]',
          'RUN ["cat", "/etc/os-release", "|", "grep", "ID"]',
          'CMD ["app", ">", "/var/log/app.log"]',
        ].join('\n'),
        findings: [2, 3, 4, 5],
      },
    ],
  });
});
