import {
  shippedStages,
  COMPILER_PACKAGES,
  DEVELOPMENT_PACKAGES,
  commandLabel,
  isBefore,
  isSdkImage,
  lineOf,
  runsAnApplication,
  type LayerStep,
  type Rule,
  type SystemPackageCall,
} from '../src/kit/index.js';

/** Packages that are compilers, headers or SDKs: useful in a build stage, dead weight in the runtime one. */
const isBuildPackage = (name: string) => COMPILER_PACKAGES.test(name) || DEVELOPMENT_PACKAGES.test(name);

/**
 * The build packages an install leaves in the layer: not those a later command of the same RUN removes
 * again (paperless-ngx: `apt-get install build-essential … && pip install … && apt-get purge build-essential`),
 * nor an `apk add --virtual .build-deps …` whose group a later `apk del .build-deps` removes.
 */
function keptBuildPackages(step: LayerStep, install: SystemPackageCall): string[] {
  const later = step.systemPackages.filter((call) => call.action === 'remove' && isBefore(install.command.range.start, call.command.range.start));
  const removed = new Set(later.flatMap((call) => call.packages));
  const virtual = install.options[install.options.indexOf('--virtual') + 1] ?? install.options[install.options.indexOf('-t') + 1];
  if (virtual && removed.has(virtual)) return [];
  return install.packages.filter((name) => isBuildPackage(name) && !removed.has(name.replace(/=.*$/, '')));
}

const rule: Rule = {
  meta: {
    id: 'build-tools-in-final-stage',
    category: 'stages',
    severity: 'warning',
    recommended: true,
    description: 'The final stage of a multi-stage build installs compilers or -dev packages, or starts from the same SDK image as the build stage.',
  },
  check({ model, parsed, report }) {
    if (parsed.stages.length < 2) return;
    for (const stage of shippedStages(model)) {
      const from = stage.stage.from.from;
      const twin = model.stages.find((other) => !other.inFinalImage && other.isBuilt && other.stage.from.from?.image === from?.image);
      if (from && stage.stage.baseStageIndex === null && twin && isSdkImage(from.imageName, from.tag)) {
        report({
          message: `The final image starts from ${from.image}, the same SDK image as stage ${twin.stage.name ?? twin.stage.index} on line ${lineOf(twin.stage.from.range)}, so the toolchain ships; start it from a runtime image and COPY --from the build output.`,
          range: stage.stage.from.range,
          related: [{ range: twin.stage.from.range, message: 'the build stage with the same image' }],
          fix: { description: 'Use a runtime image (a -jre, -slim, distroless or alpine image) for the final stage.' },
        });
      }
      // A toolbox, dev or CI image (no application started) is meant to have its compilers.
      if (!runsAnApplication(model, model.targetStage)) continue;
      for (const step of stage.steps) {
        // One finding per RUN (an if/else installing gcc in each branch is one decision), naming every package.
        const installs = step.systemPackages
          .filter((c) => c.action === 'install')
          .map((call) => ({ call, tools: keptBuildPackages(step, call) }))
          .filter((i) => i.tools.length > 0);
        if (installs.length === 0) continue;
        const tools = [...new Set(installs.flatMap((i) => i.tools))];
        report({
          message: `${commandLabel(installs[0].call.command)} installs build tools (${tools.join(', ')}) into the final image; install them in a build stage and COPY --from it only what runs.`,
          range: installs[0].call.command.range,
          related: installs.slice(1).map((i) => ({ range: i.call.command.range, message: `also installs ${i.tools.join(', ')}` })),
          fix: { description: 'Move the build tools and the build into an earlier stage; in the final stage install only runtime packages.' },
          properties: { packages: tools },
        });
      }
    }
  },
};

export default rule;
