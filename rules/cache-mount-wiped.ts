import { isWithin, resolveAgainst, type Rule } from '../src/kit/index.js';

/**
 * `RUN --mount=type=cache,target=/var/lib/apt … && rm -rf /var/lib/apt/lists/*` deletes the cache it mounts:
 * nothing written there lands in the layer anyway, so the rm saves no bytes, and every build downloads it all
 * again. The usual cause is the "delete the lists" advice for RUNs without a cache mount, kept after adding one.
 */
const rule: Rule = {
  meta: {
    id: 'cache-mount-wiped',
    category: 'cache',
    severity: 'warning',
    recommended: true,
    description: 'A RUN deletes what its own cache mount holds, so the cache is empty on every build and saves nothing.',
  },
  check({ model, report }) {
    for (const step of model.steps) {
      const { instruction } = step;
      const targets = instruction.flags
        .filter((flag) => flag.name === 'mount' && flag.options.type === 'cache' && (flag.options.target ?? flag.options.dst ?? flag.options.destination))
        .map((flag) => resolveAgainst(flag.options.target ?? flag.options.dst ?? flag.options.destination, instruction.workdir, '/root'));
      if (targets.length === 0) continue;
      for (const deletion of step.deleted) {
        if (deletion.kind === 'packages') continue;
        const path = deletion.path.replace(/\/\*$/, '');
        const target = targets.find((mount) => isWithin(path, mount));
        if (!target) continue;
        report({
          message: `This deletes ${deletion.path}, inside the cache mount at ${target}: what is written there never reaches the layer, so the rm saves no bytes, and it empties the cache every build downloads from; drop the rm.`,
          range: deletion.range,
          fix: { description: `Remove the deletion of ${deletion.path}; the cache mount already keeps it out of the image.` },
        });
      }
    }
  },
};

export default rule;
