// The Kubernetes manifest rule plug-ins, in code order.
import type { Rule } from '../diagnostics/rule';
import { unknownFieldRule } from './rules/unknownFieldRule';
import { invalidTypeRule } from './rules/invalidTypeRule';
import { missingRequiredFieldRule } from './rules/missingRequiredFieldRule';
import { invalidEnumValueRule } from './rules/invalidEnumValueRule';
import { apiVersionKindRule } from './rules/apiVersionKindRule';
import { apiDeprecationRule } from './rules/apiDeprecationRule';
import { selectorMatchRule } from './rules/selectorMatchRule';
import { containerNamesRule } from './rules/containerNamesRule';
import { portNamesRule } from './rules/portNamesRule';
import { resourceNameRule } from './rules/resourceNameRule';
import { customResourceRule } from './rules/customResourceRule';
import { fileModeRule } from './rules/fileModeRule';
import { aliasWorkRule } from './rules/aliasWorkRule';
import { listNestingRule } from './rules/listNestingRule';
import { kustomizationRule } from './rules/kustomizationRule';
import { imageTagRule } from './rules/imageTagRule';
import { resourceRequirementsRule } from './rules/resourceRequirementsRule';
import { probesRule } from './rules/probesRule';
import { privilegedRule } from './rules/privilegedRule';
import { hostNamespaceRule } from './rules/hostNamespaceRule';
import { runAsRootRule } from './rules/runAsRootRule';

export const kubernetesRules: readonly Rule[] = [
  unknownFieldRule,
  invalidTypeRule,
  missingRequiredFieldRule,
  invalidEnumValueRule,
  apiVersionKindRule,
  apiDeprecationRule,
  selectorMatchRule,
  containerNamesRule,
  portNamesRule,
  resourceNameRule,
  customResourceRule,
  fileModeRule,
  aliasWorkRule,
  listNestingRule,
  kustomizationRule,
  imageTagRule,
  resourceRequirementsRule,
  probesRule,
  privilegedRule,
  hostNamespaceRule,
  runAsRootRule,
];
