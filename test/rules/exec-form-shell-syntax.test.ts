import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'exec-form-shell-syntax';

describe(rule, () => {
  test('fires on &&, pipes, redirects and $VAR in exec form', async () => {
    expect(await hits(rule, [
      'FROM alpine',
      'CMD ["npm", "run", "migrate", "&&", "node", "server.js"]',
      'ENTRYPOINT ["java", "-jar", "$APP_JAR"]',
      'RUN ["cat", "/etc/os-release", "|", "grep", "ID"]',
      'CMD ["app", ">", "/var/log/app.log"]',
    ].join('\n'))).toEqual([2, 3, 4, 5]);
  });

  test('quiet: sh -c wrappers, plain arguments, a literal $ in a price', async () => {
    expect(await hits(rule, [
      'FROM alpine',
      'CMD ["sh", "-c", "npm run migrate && exec node server.js"]',
      'ENTRYPOINT ["/bin/bash", "-c", "echo $HOME"]',
      'CMD ["node", "server.js", "--port", "8080"]',
      'CMD ["echo", "costs 5$"]',
    ].join('\n'))).toEqual([]);
  });
});
