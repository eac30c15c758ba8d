/**
 * Label keys and values: Docker's key conventions and the value formats a label schema can ask for
 * (the formats of hadolint's label-schema: text, url, semver, hash, rfc3339, spdx, email).
 */
import type { LabelFormat } from '../core/findings.js';

/** Docker's recommendation: lowercase reverse-DNS, letters/digits/./-, no doubled separators, not Docker's own namespaces. */
export function labelKeyProblem(key: string): string | null {
  if (!/^[a-z]/.test(key)) return 'it must start with a lowercase letter';
  if (!/[a-z0-9]$/.test(key)) return 'it must end with a lowercase letter or digit';
  if (/[^a-z0-9.-]/.test(key)) return 'it may only hold lowercase letters, digits, dots and dashes';
  if (/\.\.|--/.test(key)) return 'it must not repeat a dot or dash';
  if (/^(com\.docker|io\.docker|org\.dockerproject)\./.test(key)) return 'that namespace is reserved for Docker';
  return null;
}

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
/** An SPDX license expression: ids (with an optional +) joined by AND/OR/WITH, with parentheses. Checked for form, not against the license list. */
const SPDX_ID = /^(LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.-]*\+?)$/;

function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' ').trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === '') return false;
  return (
    tokens.every((token, i) => (i % 2 === 0 ? SPDX_ID.test(token) && !/^(AND|OR|WITH)$/.test(token) : /^(AND|OR|WITH)$/.test(token))) && tokens.length % 2 === 1
  );
}

function isUrl(value: string): boolean {
  try {
    return /^[a-z][a-z0-9+.-]*:$/i.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Null when `value` has the format, else what is wrong. Values with variables are not judged. */
export function labelValueProblem(value: string, format: LabelFormat): string | null {
  if (value.includes('$')) return null;
  if (value.trim() === '') return 'is empty';
  const checks: Record<LabelFormat, [boolean, string]> = {
    text: [true, ''],
    url: [isUrl(value), 'is not a URL'],
    semver: [SEMVER.test(value), 'is not a semantic version (1.2.3)'],
    hash: [/^[0-9a-f]{7,40}$|^[0-9a-f]{64}$/.test(value), 'is not a git commit hash'],
    rfc3339: [RFC3339.test(value), 'is not an RFC 3339 time (2024-05-01T12:00:00Z)'],
    spdx: [isSpdxExpression(value), 'is not an SPDX license expression (MIT, Apache-2.0 OR MIT)'],
    email: [EMAIL.test(value), 'is not an email address'],
  };
  const [ok, problem] = checks[format];
  return ok ? null : problem;
}
