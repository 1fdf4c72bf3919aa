// The YAML syntax and style rule plug-ins, in code order.
import type { Rule } from '../diagnostics/rule';

export const yamlRules: readonly Rule[] = [];
