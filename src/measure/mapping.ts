/**
 * Image history → Dockerfile instructions. The image's history has the base image's entries first,
 * then one entry per instruction of the target stage and the stages it is built FROM (no entry for
 * FROM). Entries that made a layer (`empty_layer` false) pair with the image's layers in order.
 * Works for the classic builder (`/bin/sh -c #(nop) CMD …`) and BuildKit (`RUN /bin/sh -c … # buildkit`).
 */
import type { Instruction } from '../parse/types.js';
import type { LayerModel } from '../model/types.js';
import { stepsInImageOf } from '../model/build.js';
import type { HistoryEntry } from './image-tar.js';

export interface MappedInstruction {
  instruction: Instruction;
  /** Index into the image's layers, or null when the instruction made no layer. */
  layerIndex: number | null;
  createdBy: string;
}

export interface HistoryMapping {
  instructions: MappedInstruction[];
  /** Layers that belong to the base image (before the first instruction of the Dockerfile). */
  baseLayers: number[];
  /** False when the history could not be aligned with the Dockerfile (then only image totals are reported). */
  aligned: boolean;
}

const KEYWORD_AFTER_NOP = /#\(nop\)\s+([A-Z]+)/;

/** The instruction keyword a history entry was made by. */
export function historyKeyword(createdBy: string): string {
  const nop = createdBy.match(KEYWORD_AFTER_NOP);
  if (nop) return nop[1];
  const buildkit = createdBy.match(/^([A-Z]+)\s/);
  if (buildkit) return buildkit[1];
  return 'RUN';
}

function matches(entry: HistoryEntry, instruction: Instruction): boolean {
  const keyword = historyKeyword(entry.created_by ?? '');
  return keyword === instruction.keyword || (keyword === 'ONBUILD' && instruction.keyword === 'ONBUILD');
}

export function mapHistory(model: LayerModel, history: HistoryEntry[], layerCount: number): HistoryMapping {
  const chain = stepsInImageOf(model, model.targetStage).map((step) => step.instruction);
  // Layer index of each history entry.
  const layerOf: (number | null)[] = [];
  let next = 0;
  for (const entry of history) layerOf.push(entry.empty_layer ? null : next++);
  const consistent = next === layerCount;

  // Align from the end: the Dockerfile's entries are the newest.
  const pairs = new Map<number, number>();
  let h = history.length - 1;
  for (let i = chain.length - 1; i >= 0 && h >= 0; i--) {
    let found = h;
    while (found >= 0 && !matches(history[found], chain[i])) found--;
    if (found < 0) continue;
    pairs.set(i, found);
    h = found - 1;
  }
  const aligned = consistent && pairs.size === chain.length;
  const firstOwn = Math.min(...[...pairs.values(), history.length]);
  const baseLayers = consistent ? layerOf.slice(0, firstOwn).filter((l): l is number => l !== null) : [];
  return {
    aligned,
    baseLayers,
    instructions: chain.map((instruction, i) => {
      const entry = pairs.get(i);
      return {
        instruction,
        layerIndex: entry !== undefined && consistent ? layerOf[entry] : null,
        createdBy: entry !== undefined ? (history[entry].created_by ?? '') : '',
      };
    }),
  };
}
