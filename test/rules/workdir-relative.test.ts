import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'workdir-relative';

describe(rule, () => {
  test('fires on a relative WORKDIR before any absolute one', async () => {
    expect(await hits(rule, 'FROM node:20\nWORKDIR app\nWORKDIR ./src\n')).toEqual([2, 3]);
  });

  test('quiet after an absolute WORKDIR (also in a base stage), for variables and Windows paths', async () => {
    expect(await hits(rule, 'FROM node:20\nWORKDIR /app\nWORKDIR dist\n')).toEqual([]);
    expect(await hits(rule, 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n')).toEqual([]);
    expect(await hits(rule, 'FROM node:20\nWORKDIR $HOME/app\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n')).toEqual([]);
  });

  test('reads the path as Docker does: quotes removed, ARG values substituted', async () => {
    expect(await hits(rule, "FROM node:20\nWORKDIR '/app'\nWORKDIR \"/srv/my app\"\n")).toEqual([]);
    expect(await hits(rule, 'FROM node:20\nARG DIR=app\nWORKDIR $DIR\n')).toEqual([3]);
    const [quoted] = (await findings("FROM node:20\nWORKDIR 'app'\n")).filter((f) => f.ruleId === rule);
    expect(quoted.message).toContain("such as '/app'");
    expect(quoted.fix?.edits?.[0].newText).toBe("'/app'");
  });
});
