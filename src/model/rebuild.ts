/**
 * Docker's cache rule applied to the model: the first step whose inputs change misses the cache,
 * and so does every later step of its stage and of every stage built on it (FROM) or copying from
 * it (COPY --from, from that COPY on).
 */
import { basename } from '../parse/shell.js';
import { globToRegExp, hasGlob } from '../util/paths.js';
import type { CopySource, LayerModel, LayerStep } from './types.js';
import { stagesReadBy } from './build.js';

/** Does a COPY source include the context file `file` (a relative path)? */
export function sourceCovers(source: CopySource, file: string): boolean {
  if (source.matchedFiles) return source.matchedFiles.includes(file);
  const clean = source.path.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
  if (clean === '.' || clean === '*') return true;
  if (hasGlob(clean)) return globToRegExp(clean).test(file) || globToRegExp(clean).test(basename(file));
  return file === clean || file.startsWith(`${clean}/`);
}

function readsFile(step: LayerStep, file: string): boolean {
  return step.cache.contextSources.some((source) => sourceCovers(source, file)) || step.cache.mountedSources.some((source) => sourceCovers(source, file));
}

/** Ids of the steps an edit of context file `file` rebuilds. */
export function stepsRebuiltByFileChange(model: LayerModel, file: string): Set<number> {
  const changedStages = new Set<number>();
  const rebuilt = new Set<number>();
  for (const stage of model.stages) {
    const base = stage.stage.baseStageIndex;
    let dirty = base !== null && changedStages.has(base);
    for (const step of stage.steps) {
      dirty ||= readsFile(step, file) || stagesReadBy(step).some((read) => changedStages.has(read));
      if (dirty) rebuilt.add(step.id);
    }
    if (dirty) changedStages.add(stage.stage.index);
  }
  return rebuilt;
}
