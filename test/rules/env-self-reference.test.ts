import { describe } from '@jest/globals';
import rule from '../../rules/env-self-reference.js';
import { ruleTester } from '../rule-tester.js';

describe(rule.meta.id, () => {
  ruleTester(rule, {
    valid: [
      {
        name: 'quiet: defined before (by ENV, stage ARG, global ARG, base stage), separate ENVs, own name, prefix names',
        code: 'ARG G=1\nFROM alpine:3 AS base\nENV A=1\nARG S\nENV A=2 B=$A S2=$S G2=$G\nENV PATH=/x:$PATH\nENV AB=1 X=$ABC\nFROM base\nENV A=3 Y=$A\n',
      },
    ],
    invalid: [
      {
        name: 'fires when a pair uses a variable the same ENV defines for the first time',
        code: 'FROM alpine:3\nENV A=/opt B=$A/bin\nENV C=1 \\\n    D=${C}x\n',
        findings: [2, 4],
      },
    ],
  });
});
