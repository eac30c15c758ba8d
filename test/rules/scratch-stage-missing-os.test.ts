import { describe } from '@jest/globals';
import rule from '../../rules/scratch-stage-missing-os.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: something copied in may provide them (ADD, COPY into /, /bin or /etc), numeric users, exec-form RUN, other bases (1)',
        code: 'FROM scratch\nCOPY --from=busybox:1 /bin/busybox /bin/sh\nRUN echo hi\nCOPY passwd /etc/passwd\nUSER app\n',
      },
      {
        name: 'quiet: something copied in may provide them (ADD, COPY into /, /bin or /etc), numeric users, exec-form RUN, other bases (2)',
        code: 'FROM scratch\nADD rootfs.tar.gz /\nRUN apk add curl\n',
      },
      {
        name: 'quiet: something copied in may provide them (ADD, COPY into /, /bin or /etc), numeric users, exec-form RUN, other bases (3)',
        code: 'FROM scratch\nCOPY app /app\nUSER 65532:65532\nRUN ["/app", "--selftest"]\n',
      },
      {
        name: 'quiet: something copied in may provide them (ADD, COPY into /, /bin or /etc), numeric users, exec-form RUN, other bases (4)',
        code: 'FROM gcr.io/distroless/static\nUSER nonroot\n',
      },
    ],
    invalid: [
      {
        name: 'fires: a shell-form RUN or a USER by name in a stage FROM scratch, also through FROM <stage> (1)',
        code: 'FROM scratch\nCOPY app /app\nRUN chmod +x /app\nUSER app\n',
        findings: [3, 4],
      },
      {
        name: 'fires: a shell-form RUN or a USER by name in a stage FROM scratch, also through FROM <stage> (2)',
        code: 'FROM scratch AS base\nCOPY app /app\nFROM base\nUSER nonroot:nonroot\n',
        findings: [4],
      },
    ],
  });
});
