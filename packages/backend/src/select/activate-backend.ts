import { tf } from '../tf/index';

/**
 * Makes a registered tfjs backend the current one.
 *
 * @returns undefined when it runs, else why tfjs could not start it
 */
export async function activateBackend(tfBackend: string): Promise<string | undefined> {
  try {
    if (!(await tf.setBackend(tfBackend))) return `tfjs could not initialise the "${tfBackend}" backend`;
    await tf.ready();
    return undefined;
  } catch (error) {
    return `tfjs could not initialise the "${tfBackend}" backend: ${(error as Error).message}`;
  }
}
