/** `layerlint layers <Dockerfile>`: print the simulated layer model. */
import { modelDockerfile } from '../lint.js';
import { loadBuildContext } from '../model/context.js';
import { formatLayersJson, formatLayersText } from '../report/layers.js';
import { UserError } from '../util/errors.js';
import { readDockerfile } from './inputs.js';
import { writeOut } from './terminal.js';

export async function runLayers(options: { file: string; format: 'text' | 'json'; context: string | null; target: string | null }): Promise<number> {
  const text = await readDockerfile(options.file);
  let context = null;
  if (options.context) {
    try {
      context = loadBuildContext(options.context);
    } catch (error) {
      throw new UserError((error as Error).message);
    }
  }
  let model;
  try {
    model = await modelDockerfile(text, options.file, { context, target: options.target });
  } catch (error) {
    if ((error as Error).message.startsWith('target stage')) throw new UserError((error as Error).message);
    throw error;
  }
  writeOut(options.format === 'json' ? formatLayersJson(model) : formatLayersText(model));
  return 0;
}
