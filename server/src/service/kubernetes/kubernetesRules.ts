// The Kubernetes manifest rule plug-ins, in code order.
import type { Rule } from '../diagnostics/rule';

export const kubernetesRules: readonly Rule[] = [];
