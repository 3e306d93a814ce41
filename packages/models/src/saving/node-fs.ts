import { type NodeModules, nodeModules } from '@dendrite/backend/internal';

/**
 * Node's built-in modules for reading and writing model files.
 *
 * @throws Error outside Node, saying that file paths need it
 */
export function nodeFs(operation: string): NodeModules {
  return nodeModules(`for ${operation} to a file path`);
}
