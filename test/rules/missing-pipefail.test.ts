import { describe, expect, test } from '@jest/globals';
import { dockerfile, findings, hits } from '../helpers.js';

const rule = 'missing-pipefail';

describe(rule, () => {
  test('fires on a pipeline whose producer can fail, inside sh -c and ONBUILD too', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN curl -fsSL https://x | tar -xz\nRUN sh -c "wget -qO- https://x | sh"\nONBUILD RUN make | tee build.log\n')).toEqual([2, 3, 4]);
  });

  test('quiet: SHELL with -o pipefail, set -o pipefail earlier in the RUN, echo/printf/yes producers, no pipe', async () => {
    expect(await hits(rule, 'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN curl -fsSL https://x | tar -xz\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN set -euo pipefail; curl -fsSL https://x | tar -xz\n')).toEqual([]);
    expect(await hits(rule, 'FROM debian:12\nRUN echo "deb x" | tee /etc/apt/sources.list && yes | apt-get install x && printf "a" | base64\nRUN curl -fsSLO https://x || true\n')).toEqual([]);
  });

  test('exec form: SHELL does not apply, so it still fires and advises bash -o pipefail; set -o pipefail inside sh -c counts', async () => {
    const text = 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ["sh", "-c", "curl -fsSL https://x | tar -xz"]\nRUN ["bash", "-c", "set -o pipefail && curl -fsSL https://x | tar -xz"]\nRUN sh -c "set -eo pipefail; wget -qO- https://x | sh"\n';
    const found = (await findings(text)).filter((f) => f.ruleId === rule);
    expect(found.map((f) => f.range.start.line + 1)).toEqual([3]);
    expect(found[0].message).toContain('["bash", "-o", "pipefail", "-c", "…"]');
    expect(found[0].message).not.toContain('add SHELL');
  });

  test('a set -o pipefail after the pipeline does not count', async () => {
    expect(await hits(rule, 'FROM debian:12\nRUN curl -fsSL https://x | tar -xz && set -o pipefail\n')).toEqual([2]);
  });

  test('quiet: a query checked by grep (its status is the answer); fires when grep filters or its output is data', async () => {
    expect(await hits(rule, dockerfile`
      FROM debian:12
      RUN clamscan --version | grep -F "ClamAV 1.4.5"
      RUN locale -a | grep 'en_US.utf8'
      RUN cat /etc/os-release | grep -q bookworm
      RUN java -version 2>&1 | grep -q '"21' > /dev/null
    `)).toEqual([]);
    expect(await hits(rule, dockerfile`
      FROM debian:12
      RUN make 2>&1 | grep -i error
      RUN ls /opt | grep -v README
      RUN cat /etc/hosts | grep app > /tmp/hosts
      RUN curl -fsSL https://x --version | grep x | sh
    `)).toEqual([2, 3, 4, 5]);
  });
});
