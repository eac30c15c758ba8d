import type { Rule } from '../src/engine/types.js';
import { isSdkImage, SDK_IMAGES } from '../src/model/knowledge/build-tools.js';
import { commandLabel, lineOf } from '../src/model/queries.js';
import type { LayerStep } from '../src/model/types.js';
import { isBefore } from '../src/parse/positions.js';

/**
 * A single-stage image that compiles ships its compiler, SDK and build caches. The seed example's
 * shape is the fix: `FROM gradle AS build … RUN gradle bootJar` then `FROM amazoncorretto:17`
 * with `COPY --from=build …/*.jar app.jar`.
 */
const rule: Rule = {
  meta: {
    id: 'missing-multi-stage',
    category: 'stages',
    severity: 'warning',
    description: 'A single-stage image builds or compiles, or starts from an SDK image, so the toolchain ships in the final image.',
  },
  check({ model, parsed, report }) {
    if (parsed.stages.length !== 1) return;
    const stage = model.stages[0];
    const from = stage.stage.from;
    const build = stage.steps.flatMap((step) => (removesItsToolchain(step) ? [] : step.builds))[0];
    const sdk = from.from && isSdkImage(from.from.imageName, from.from.tag) ? from.from : null;
    if (!build && !sdk) return;
    const runtime = sdk ? SDK_IMAGES.find((entry) => entry.pattern.test(sdk.imageName.toLowerCase()))?.runtime : null;
    const shape = `FROM ${from.from?.image || '<sdk>'} AS build … (build) … then FROM ${runtime ?? '<small runtime image>'} with COPY --from=build <output> <dest>`;
    const what = build ? `builds with ${commandLabel(build.command)} on line ${lineOf(build.command.range)}` : `starts from the SDK image ${sdk!.image}`;
    report({
      message: `This single-stage image ${what}, so the compiler, SDK and build caches ship in the final image; build in one stage and copy only the output into a runtime stage: ${shape}.`,
      range: build ? build.command.range : from.range,
      related: build ? [{ range: from.range, message: 'the only stage' }] : [],
      fix: { description: `Split into a build stage and a runtime stage: ${shape}.` },
    });
  },
};

/**
 * Does this RUN install packages, build, and remove packages again after its last build? That is the
 * single-stage way the official images (python, ruby, php…) keep compilers out:
 * `apt-get install gcc make …; make; apt-get purge --auto-remove`, or
 * `apk add --virtual .build-deps …; make; apk del .build-deps`. The toolchain never reaches a layer.
 * A removal in a later RUN does not count: the layer that installed it still ships it.
 */
function removesItsToolchain(step: LayerStep): boolean {
  if (step.builds.length === 0) return false;
  const firstBuild = step.builds[0].command.range.start;
  const lastBuild = step.builds[step.builds.length - 1].command.range.start;
  const installedBefore = step.systemPackages.some((call) => call.action === 'install' && isBefore(call.command.range.start, firstBuild));
  const removedAfter = step.systemPackages.some((call) => call.action === 'remove' && isBefore(lastBuild, call.command.range.start));
  return installedBefore && removedAfter;
}

export default rule;
