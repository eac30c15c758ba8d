import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'scratch-stage-missing-os';

describe(rule, () => {
  test('fires: a shell-form RUN or a USER by name in a stage FROM scratch, also through FROM <stage>', async () => {
    expect(await hits(rule, 'FROM scratch\nCOPY app /app\nRUN chmod +x /app\nUSER app\n')).toEqual([3, 4]);
    expect(await hits(rule, 'FROM scratch AS base\nCOPY app /app\nFROM base\nUSER nonroot:nonroot\n')).toEqual([4]);
  });

  test('quiet: something copied in may provide them (ADD, COPY into /, /bin or /etc), numeric users, exec-form RUN, other bases', async () => {
    expect(await hits(rule, 'FROM scratch\nCOPY --from=busybox:1 /bin/busybox /bin/sh\nRUN echo hi\nCOPY passwd /etc/passwd\nUSER app\n')).toEqual([]);
    expect(await hits(rule, 'FROM scratch\nADD rootfs.tar.gz /\nRUN apk add curl\n')).toEqual([]);
    expect(await hits(rule, 'FROM scratch\nCOPY app /app\nUSER 65532:65532\nRUN ["/app", "--selftest"]\n')).toEqual([]);
    expect(await hits(rule, 'FROM gcr.io/distroless/static\nUSER nonroot\n')).toEqual([]);
  });
});
