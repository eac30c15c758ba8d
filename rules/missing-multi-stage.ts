import {
  COMPILER_PACKAGES,
  SDK_IMAGES,
  commandLabel,
  isBefore,
  isSdkImage,
  lineOf,
  runsAnApplication,
  type LayerModel,
  type LayerStep,
  type Rule,
  type RuleContext,
  type StageModel,
} from '../src/kit/index.js';

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
    recommended: true,
    description:
      'A single-stage image builds or compiles, keeps compilers it installed, or starts from an SDK image, so the toolchain ships in the final image.',
  },
  check({ model, parsed, report }) {
    if (parsed.stages.length !== 1) return;
    const stage = model.stages[0];
    const from = stage.stage.from;
    // An image that packages nothing from the build context is a toolchain by design (tomcat on a JDK,
    // a JDK image, a builder image): the SDK is what it ships, not a leftover.
    const packagesTheContext = copiesApplicationFiles(stage);
    const build = packagesTheContext ? stage.steps.flatMap((step) => (removesItsToolchain(step) ? [] : step.builds))[0] : undefined;
    const sdk = packagesTheContext && from.from && isSdkImage(from.from.imageName, from.from.tag) ? from.from : null;
    if (!build && !sdk) {
      // Kept compilers are a toolchain by design too when nothing of the context is packaged: the php image
      // keeps $PHPIZE_DEPS (autoconf, gcc, make) so that its users can build extensions.
      if (packagesTheContext) reportKeptCompilers(model, stage, report);
      return;
    }
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
 * `apt-get install build-essential` (or gcc, g++, make…) kept in a single-stage image that runs an
 * application: pip, gem or npm compile native extensions with it, and the compilers ship although
 * nothing runs them again. Quiet when the same RUN removes them again, and for toolbox images (no
 * CMD or ENTRYPOINT, or a bare shell), which are meant to have their compilers.
 */
function reportKeptCompilers(model: LayerModel, stage: StageModel, report: RuleContext['report']): void {
  if (!runsAnApplication(model, stage.stage.index)) return;
  for (const step of stage.steps) {
    for (const call of step.systemPackages) {
      const compilers = call.action === 'install' ? call.packages.filter((name) => COMPILER_PACKAGES.test(name)) : [];
      if (compilers.length === 0) continue;
      if (step.systemPackages.some((other) => other.action === 'remove' && isBefore(call.command.range.start, other.command.range.start))) continue;
      report({
        message: `This single-stage image installs compilers (${compilers.join(', ')}) on line ${lineOf(call.command.range)} and keeps them, so they ship in the final image; compile in a build stage (pip wheel, gem install, npm ci there) and copy only the result into a runtime stage, or purge them in the same RUN after use.`,
        range: call.command.range,
        fix: {
          description:
            'Install the compilers and build in a build stage; COPY --from it the built packages (a virtualenv, wheels, node_modules) into a runtime stage without them.',
        },
        properties: { packages: compilers },
      });
      return;
    }
  }
}

/** Scripts an image copies to run itself (`docker-entrypoint.sh`), not an application it builds or runs. */
const IMAGE_SCRIPT = /(^|\/)([\w.-]*entrypoint[\w.-]*|[\w.-]+\.sh)$/;

/**
 * Does the stage COPY or ADD files of the build context other than its own start-up scripts? That is
 * an application (sources, a jar, a binary) put on the SDK; without one, the SDK is the product.
 */
function copiesApplicationFiles(stage: StageModel): boolean {
  return stage.steps.some(
    (step) =>
      step.copy !== null &&
      step.copy.fromStage === null &&
      step.copy.fromImage === null &&
      // Helper scripts put on PATH (the php image's `COPY docker-php-ext-* /usr/local/bin/`) are the image's own tooling.
      !/(^|\/)s?bin\/?$/.test(step.copy.destination) &&
      step.copy.sources.some((source) => source.volatility !== 'remote' && !IMAGE_SCRIPT.test(source.path)),
  );
}

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
