import { describe, expect, test } from '@jest/globals';
import { findings, hits } from '../helpers.js';

const rule = 'shell-form-entrypoint';

describe(rule, () => {
  test('fires on the image\'s shell-form ENTRYPOINT with an exec-form fix', async () => {
    const [finding] = (await findings('FROM node:20\nENTRYPOINT node server.js\n')).filter((f) => f.ruleId === rule);
    expect(finding.range.start.line).toBe(1);
    expect(finding.fix?.edits?.[0].newText).toBe('["node", "server.js"]');
  });

  test('no automatic fix when the command needs a shell', async () => {
    const [finding] = (await findings('FROM node:20\nENTRYPOINT node server.js --port $PORT\n')).filter((f) => f.ruleId === rule);
    expect(finding.fix?.edits).toBeUndefined();
  });

  test('quiet: exec form, a builder stage, invalid JSON (reported by invalid-exec-form), SHELL set', async () => {
    expect(await hits(rule, 'FROM node:20\nENTRYPOINT ["node", "server.js"]\n')).toEqual([]);
    expect(await hits(rule, 'FROM node:20 AS build\nENTRYPOINT make\nFROM node:20-slim\nENTRYPOINT ["node"]\n')).toEqual([]);
    expect(await hits(rule, "FROM node:20\nENTRYPOINT ['node']\n")).toEqual([]);
    expect(await hits(rule, 'FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-Command"]\nENTRYPOINT Start-App\n')).toEqual([]);
  });
});
