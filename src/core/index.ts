// Public entry of the engine: `import { analyze } from "source-trace"`.
export * from './types';
export { analyze } from './analyze';
