import type { Rule } from '../src/engine/types.js';
import { COMPILER_PACKAGES, DEVELOPMENT_PACKAGES, isSdkImage } from '../src/model/knowledge/build-tools.js';
import { commandLabel, lineOf, runsAnApplication } from '../src/model/queries.js';

/** Packages that are compilers, headers or SDKs: useful in a build stage, dead weight in the runtime one. */
const isBuildPackage = (name: string) => COMPILER_PACKAGES.test(name) || DEVELOPMENT_PACKAGES.test(name);

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
    for (const stage of model.stages.filter((s) => s.inFinalImage)) {
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
        for (const call of step.systemPackages.filter((c) => c.action === 'install')) {
          const tools = call.packages.filter(isBuildPackage);
          if (tools.length === 0) continue;
          report({
            message: `${commandLabel(call.command)} installs build tools (${tools.join(', ')}) into the final image; install them in a build stage and COPY --from it only what runs.`,
            range: call.command.range,
            fix: { description: 'Move the build tools and the build into an earlier stage; in the final stage install only runtime packages.' },
            properties: { packages: tools },
          });
        }
      }
    }
  },
};

export default rule;
