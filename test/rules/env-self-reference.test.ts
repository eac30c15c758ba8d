import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'env-self-reference';

describe(rule, () => {
  test('fires when a pair uses a variable the same ENV defines for the first time', async () => {
    expect(await hits(rule, 'FROM alpine:3\nENV A=/opt B=$A/bin\nENV C=1 \\\n    D=${C}x\n')).toEqual([2, 4]);
  });

  test('quiet: defined before (by ENV, stage ARG, global ARG, base stage), separate ENVs, own name, prefix names', async () => {
    expect(await hits(rule, 'ARG G=1\nFROM alpine:3 AS base\nENV A=1\nARG S\nENV A=2 B=$A S2=$S G2=$G\nENV PATH=/x:$PATH\nENV AB=1 X=$ABC\nFROM base\nENV A=3 Y=$A\n')).toEqual([]);
  });
});
