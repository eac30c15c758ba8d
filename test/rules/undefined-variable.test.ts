import { describe, expect, test } from '@jest/globals';
import rule from '../../rules/undefined-variable.js';
import { lintRule, ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  test('a global ARG used in a stage without re-declaring it', async () => {
    const [finding] = (await lintRule(rule, 'ARG VERSION=1\nFROM alpine:3\nCOPY app-${VERSION}.jar /app.jar\n')).filter((f) => f.ruleId === rule.meta.id);
    expect(finding.range.start.line).toBe(2);
    expect(finding.message).toContain('ARG VERSION');
  });
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: defined names, base image variables we cannot see, ${X:-d}, RUN/CMD, escaped \\$, proxies',
        code:
          'FROM eclipse-temurin:21\nARG V=1\nENV APP=/app\nCOPY app-$V.jar $APP/\nENV PATH=$JAVA_HOME/bin:$PATH\nWORKDIR ${DIR:-/srv}\n' +
          'RUN echo $UNDEFINED_AT_BUILD\nCMD echo $NOPE\nLABEL price=\\$5\nENV P=$HTTP_PROXY\n',
      },
      { name: 'COPY --from with a variable is not judged', code: 'ARG BUILDER=build\nFROM scratch\nCOPY --from=${BUILDER} /app /app\n' },
      { name: 'ENV set in a base stage is visible in the stages built FROM it', code: 'FROM scratch AS base\nENV DIR=/d\nFROM base\nCOPY x $DIR/\n' },
    ],
    invalid: [
      {
        name: 'used before the line that defines it, and typos of defined names',
        code: 'FROM alpine:3\nWORKDIR $APP_HOME\nENV APP_HOME=/app\nCOPY x $APP_HOEM/\n',
        findings: [2, 4],
      },
      { name: 'anything undefined in a stage built on scratch', code: 'FROM scratch\nCOPY app $DEST\n', findings: [2] },
    ],
  });
});
