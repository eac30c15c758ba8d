import { describe, expect, test } from '@jest/globals';
import { dockerfile } from '../helpers.js';
import rule from '../../rules/missing-pipefail.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: SHELL with -o pipefail, set -o pipefail earlier in the RUN, echo/printf/yes producers, no pipe (1)',
        code: 'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar -xz\n',
      },
      {
        name: 'quiet: SHELL with -o pipefail, set -o pipefail earlier in the RUN, echo/printf/yes producers, no pipe (2)',
        code: 'FROM debian:12\nRUN set -euo pipefail; curl -fsSL https://x | tar -xz\n',
      },
      {
        name: 'quiet: SHELL with -o pipefail, set -o pipefail earlier in the RUN, echo/printf/yes producers, no pipe (3)',
        code: 'FROM debian:12\nRUN echo "deb x" | tee /etc/apt/sources.list && yes | apt-get install x && printf "a" | base64\nRUN curl -fsSLO https://x || true\n',
      },
      {
        name: 'quiet: a query checked by grep (its status is the answer); fires when grep filters or its output is data (1)',
        code: dockerfile`
      FROM debian:12
      RUN clamscan --version | grep -F "ClamAV 1.4.5"
      RUN locale -a | grep 'en_US.utf8'
      RUN cat /etc/os-release | grep -q bookworm
      RUN java -version 2>&1 | grep -q '"21' > /dev/null
    `,
      },
    ],
    invalid: [
      {
        name: 'fires on a pipeline whose producer can fail, inside sh -c and ONBUILD too',
        code: 'FROM debian:12\nRUN curl -fsSL https://x | tar -xz\nRUN sh -c "wget -qO- https://x | sh"\nONBUILD RUN make | tee build.log\n',
        findings: [2, 3, 4],
      },
      {
        name: 'a set -o pipefail after the pipeline does not count',
        code: 'FROM debian:12\nRUN curl -fsSL https://x | tar -xz && set -o pipefail\n',
        findings: [2],
      },
      {
        name: 'quiet: a query checked by grep (its status is the answer); fires when grep filters or its output is data (2), but this case fires',
        code: dockerfile`
      FROM debian:12
      RUN make 2>&1 | grep -i error
      RUN ls /opt | grep -v README
      RUN cat /etc/hosts | grep app > /tmp/hosts
      RUN curl -fsSL https://x --version | grep x | sh
    `,
        findings: [2, 3, 4, 5],
      },
    ],
  });

  test('exec form: SHELL does not apply, so it still fires and advises bash -o pipefail; set -o pipefail inside sh -c counts', async () => {
    const text =
      'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ["sh", "-c", "curl -fsSL https://x | tar -xz"]\nRUN ["bash", "-c", "set -o pipefail && curl -fsSL https://x | tar -xz"]\nRUN sh -c "set -eo pipefail; wget -qO- https://x | sh"\n';
    const found = (await lintRule(rule, text)).filter((f) => f.ruleId === rule.meta.id);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([3]);
    expect(found[0].message).toContain('["bash", "-o", "pipefail", "-c", "…"]');
    expect(found[0].message).not.toContain('add SHELL');
  });
});
