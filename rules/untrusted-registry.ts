import { globToRegExp, type Rule } from '../src/kit/index.js';

/** Docker Hub's canonical name; images without a registry in their name come from it. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', 'registry-1.docker.io', DOCKER_HUB]);

const rule: Rule = {
  meta: {
    id: 'untrusted-registry',
    category: 'security',
    severity: 'error',
    recommended: true,
    description: 'FROM pulls from a registry that is not in the configured trusted-registries list.',
    hadolint: ['DL3026'],
  },
  check({ parsed, settings, report }) {
    if (settings.trustedRegistries.length === 0) return;
    const trusted = settings.trustedRegistries.map((pattern) => globToRegExp(pattern.toLowerCase()));
    const stageNames = new Set<string>();
    for (const stage of parsed.stages) {
      const from = stage.from.from;
      if (from && from.image !== '' && from.image !== 'scratch' && !stageNames.has(from.image.toLowerCase()) && !from.image.includes('$')) {
        const written = (from.registry ?? DOCKER_HUB).toLowerCase();
        const registry = DOCKER_HUB_ALIASES.has(written) ? DOCKER_HUB : written;
        if (!trusted.some((pattern) => pattern.test(registry))) {
          report({
            message: `Image ${from.image} comes from ${registry}, which is not in trusted-registries (${settings.trustedRegistries.join(', ')}); pull it from a trusted registry or add ${registry} to the list.`,
            range: stage.from.range,
          });
        }
      }
      if (stage.name) stageNames.add(stage.name.toLowerCase());
    }
  },
};

export default rule;
