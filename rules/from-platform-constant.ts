import type { Rule } from '../src/kit/index.js';

/**
 * `FROM --platform=linux/amd64` pins a stage to one platform, so `docker buildx build --platform …`
 * cannot build the image for others. As BuildKit's FromPlatformFlagConstDisallowed: variables such as
 * $BUILDPLATFORM are fine (the cross-compile pattern, which hadolint's DL3029 flags too), and so is a
 * stage whose name says which platform it is for (`AS build_amd64`).
 */
const rule: Rule = {
  meta: {
    id: 'from-platform-constant',
    category: 'hygiene',
    severity: 'warning',
    recommended: false,
    optInBecause: 'Pinning a stage to one platform is often deliberate (helper stages that only run scripts, tools published for one platform).',
    description: 'FROM --platform uses a constant, so the image cannot be built for other platforms.',
    hadolint: ['DL3029'],
    buildkit: ['FromPlatformFlagConstDisallowed'],
  },
  check({ parsed, report }) {
    for (const stage of parsed.stages) {
      const platform = stage.from.from?.platform;
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      if (!platform || !flag || platform.includes('$')) continue;
      const parts = platform.toLowerCase().split('/').filter(Boolean);
      const name = (stage.name ?? '').toLowerCase();
      if (name && parts.some((part) => name.includes(part))) continue;
      report({
        message: `--platform=${platform} is a constant, so this stage is ${platform} whatever platform is built; drop it and pass --platform to the build, or use $BUILDPLATFORM/$TARGETPLATFORM.`,
        range: flag.range,
      });
    }
  },
};

export default rule;
