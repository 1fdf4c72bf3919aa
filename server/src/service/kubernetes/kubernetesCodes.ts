// The stable Kubernetes diagnostic codes (never reused); rule files describe them, analysis modules emit them.

export const K8S = {
  unknownField: 'K8S001',
  invalidType: 'K8S002',
  missingRequiredField: 'K8S003',
  invalidEnumValue: 'K8S004',
  unknownApiVersionKind: 'K8S005',
  removedApiVersion: 'K8S006',
  deprecatedApiVersion: 'K8S007',
  selectorMismatch: 'K8S008',
  duplicateContainerName: 'K8S009',
  invalidPortName: 'K8S010',
  invalidResourceName: 'K8S011',
  unknownCustomResource: 'K8S012',
  invalidFileMode: 'K8S013',
  aliasWorkLimit: 'K8S014',
  listNestingLimit: 'K8S015',
  deprecatedKustomizeField: 'K8S020',
  imageTag: 'K8S040',
  missingResources: 'K8S041',
  missingProbes: 'K8S042',
  privilegedContainer: 'K8S043',
  hostNamespace: 'K8S044',
  runAsRoot: 'K8S045',
  runAsNonRootNotSet: 'K8S046',
} as const;

export type KubernetesCode = (typeof K8S)[keyof typeof K8S];
