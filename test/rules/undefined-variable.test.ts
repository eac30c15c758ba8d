import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'undefined-variable';

describe(rule, () => {
  test('a global ARG used in a stage without re-declaring it', async () => {
    const [finding] = (await findings('ARG VERSION=1\nFROM alpine:3\nCOPY app-${VERSION}.jar /app.jar\n')).filter((f) => f.ruleId === rule);
    expect(finding.range.start.line).toBe(2);
    expect(finding.message).toContain('ARG VERSION');
  });

  test('used before the line that defines it, and typos of defined names', async () => {
    expect(await hits(rule, 'FROM alpine:3\nWORKDIR $APP_HOME\nENV APP_HOME=/app\nCOPY x $APP_HOEM/\n')).toEqual([2, 4]);
  });

  test('anything undefined in a stage built on scratch', async () => {
    expect(await hits(rule, 'FROM scratch\nCOPY app $DEST\n')).toEqual([2]);
  });

  test('quiet: defined names, base image variables we cannot see, ${X:-d}, RUN/CMD, escaped \\$, proxies', async () => {
    const text = 'FROM eclipse-temurin:21\nARG V=1\nENV APP=/app\nCOPY app-$V.jar $APP/\nENV PATH=$JAVA_HOME/bin:$PATH\nWORKDIR ${DIR:-/srv}\n'
      + 'RUN echo $UNDEFINED_AT_BUILD\nCMD echo $NOPE\nLABEL price=\\$5\nENV P=$HTTP_PROXY\n';
    expect(await hits(rule, text)).toEqual([]);
  });

  test('COPY --from with a variable is not judged', async () => {
    expect(await hits(rule, 'ARG BUILDER=build\nFROM scratch\nCOPY --from=${BUILDER} /app /app\n')).toEqual([]);
  });

  test('ENV set in a base stage is visible in the stages built FROM it', async () => {
    expect(await hits(rule, 'FROM scratch AS base\nENV DIR=/d\nFROM base\nCOPY x $DIR/\n')).toEqual([]);
  });
});
