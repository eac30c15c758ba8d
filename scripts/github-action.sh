#!/usr/bin/env bash
# The GitHub Action's lint step (action.yml). Reads INPUT_* variables, writes the report file,
# prints annotations, sets the outputs in $GITHUB_OUTPUT, and fails the step on findings at or
# above the failure threshold. Runnable outside GitHub for testing.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
layerlint=(node "$here/bin/layerlint" lint)

read -r -a paths <<< "$(echo "${INPUT_PATHS:-.}" | tr '\n' ' ')"
common=(--failure-threshold "${INPUT_FAILURE_THRESHOLD:-info}")
[ -n "${INPUT_CONFIG:-}" ] && common+=(--config "$INPUT_CONFIG")

output="${INPUT_OUTPUT_FILE:-layerlint.sarif}"
# One lint, two reports: the file for code scanning and, on stdout, the annotations GitHub shows.
outputs=(--output "${INPUT_FORMAT:-sarif}:$output")
[ "${INPUT_ANNOTATIONS:-true}" = "true" ] && outputs+=(--output "github:-")
"${layerlint[@]}" "${paths[@]}" "${common[@]}" "${outputs[@]}" --overwrite
status=$?

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$output"; echo "exit-code=$status"; } >> "$GITHUB_OUTPUT"
fi
exit "$status"
