// The `yaml` node type guards, read once: bundled by esbuild, every `import { isMap } from 'yaml'` call goes through a getter.
import * as yaml from 'yaml';

export const isAlias: typeof yaml.isAlias = yaml.isAlias;
export const isMap: typeof yaml.isMap = yaml.isMap;
export const isPair: typeof yaml.isPair = yaml.isPair;
export const isScalar: typeof yaml.isScalar = yaml.isScalar;
export const isSeq: typeof yaml.isSeq = yaml.isSeq;
