import { describe, expect, test } from '@jest/globals';
import { hits } from '../helpers.js';

const rule = 'copy-relative-dest-without-workdir';

describe(rule, () => {
  test('fires on relative destinations before any WORKDIR of the stage', async () => {
    expect(await hits(rule, 'FROM python:3\nCOPY app.py .\nADD x app/\nWORKDIR /app\nCOPY y .\nFROM python:3\nCOPY z ./\n')).toEqual([2, 3, 7]);
  });

  test('quiet: absolute destinations, variables, a WORKDIR inherited from the base stage', async () => {
    expect(await hits(rule, 'FROM python:3 AS base\nCOPY a /app/\nCOPY b $DEST\nCOPY c C:/x\nWORKDIR /app\nFROM base\nCOPY d .\n')).toEqual([]);
  });
});
