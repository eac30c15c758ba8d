import { broadSources, instructionLabel, type Rule } from '../src/kit/index.js';

/**
 * `COPY . .` sends and copies everything in the build context: `.git`, `node_modules`, a virtualenv or
 * build output change all the time, so the COPY misses the cache on edits that do not matter, and they
 * bloat the image. Only checked with a known context (--context), only for a COPY of the whole context
 * (`COPY src/ /app/` or `COPY docker-entrypoint.sh *.sh /` copy what they name), and only when the context
 * really holds such a folder: otherwise a missing .dockerignore costs nothing, and saying so would be noise.
 */
const HEAVY = ['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.pytest_cache', '.tox', '.next', 'coverage', 'target', '.terraform'];

const WHOLE_CONTEXT = /^(\.\/?|\.\/\*|\*)$/;

const rule: Rule = {
  meta: {
    id: 'missing-dockerignore',
    category: 'cache',
    severity: 'warning',
    recommended: true,
    description:
      'A COPY of the whole build context copies .git, node_modules or other folders that change all the time, because no .dockerignore excludes them.',
  },
  check({ model, report }) {
    const context = model.context;
    if (!context) return;
    const whole = model.steps.find(
      (step) => step.copy?.fromStage === null && step.copy.fromImage === null && broadSources(step).some((source) => WHOLE_CONTEXT.test(source.path)),
    );
    if (!whole) return;
    const copied = HEAVY.filter((name) => context.topLevel.includes(name) && !context.isIgnored(name));
    if (copied.length === 0) return;
    const list = copied.join(', ');
    if (!context.dockerignore) {
      report({
        message: `${instructionLabel(whole.instruction)} copies the whole build context, ${list} included, and there is no .dockerignore; add one listing ${list} and your build output.`,
        range: whole.instruction.range,
        fix: { description: `Create .dockerignore next to the Dockerfile with ${copied.map((n) => `\`${n}\``).join(', ')} and your build output.` },
      });
      return;
    }
    report({
      message: `${instructionLabel(whole.instruction)} copies ${list}, which ${context.dockerignore.path} does not exclude; add ${copied.length > 1 ? 'them' : 'it'} to it.`,
      range: whole.instruction.range,
      fix: { description: `Add ${copied.map((n) => `\`${n}\``).join(', ')} to .dockerignore.` },
    });
  },
};

export default rule;
