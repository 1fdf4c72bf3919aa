// Hand-curated table of apiVersions removed before Kubernetes 1.28 (older than the bundled specs), with replacements.

export interface RemovedApi {
  readonly apiVersion: string;
  readonly kind: string;
  /** The Kubernetes release that stopped serving it (omitted when not certain, e.g. early alphas). */
  readonly removedIn?: string;
  /** The apiVersion to use instead; omitted when the API was removed without a replacement. */
  readonly replacement?: string;
  /** Whether changing apiVersion alone is enough (same field layout). */
  readonly mechanical: boolean;
}

type Row = readonly [apiVersion: string, kinds: readonly string[], removedIn: string | undefined, replacement: string | undefined, mechanical: boolean];

const ROWS: readonly Row[] = [
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.16', 'apps/v1', true],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1', true],
  ['extensions/v1beta1', ['PodSecurityPolicy'], '1.16', undefined, false],
  ['extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1', false],
  ['apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision'], '1.16', 'apps/v1', true],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], '1.16', 'apps/v1', true],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1', true],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.25', undefined, false],
  ['batch/v1beta1', ['CronJob'], '1.25', 'batch/v1', true],
  ['batch/v2alpha1', ['CronJob'], undefined, 'batch/v1', true],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2', false],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2', true],
  ['networking.k8s.io/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1', false],
  ['networking.k8s.io/v1beta1', ['IngressClass'], '1.22', 'networking.k8s.io/v1', true],
  ['rbac.authorization.k8s.io/v1beta1', ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1', true],
  ['rbac.authorization.k8s.io/v1alpha1', ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1', true],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.22', 'admissionregistration.k8s.io/v1', false],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.22', 'apiextensions.k8s.io/v1', false],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.22', 'apiregistration.k8s.io/v1', true],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.22', 'authentication.k8s.io/v1', true],
  ['authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], '1.22', 'authorization.k8s.io/v1', true],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.22', 'certificates.k8s.io/v1', false],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1', true],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1', true],
  ['scheduling.k8s.io/v1alpha1', ['PriorityClass'], undefined, 'scheduling.k8s.io/v1', true],
  ['storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.22', 'storage.k8s.io/v1', true],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1', true],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1', false],
  ['events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1', false],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1', true],
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', 'flowcontrol.apiserver.k8s.io/v1', false],
  ['flowcontrol.apiserver.k8s.io/v1alpha1', ['FlowSchema', 'PriorityLevelConfiguration'], undefined, 'flowcontrol.apiserver.k8s.io/v1', false],
  ['settings.k8s.io/v1alpha1', ['PodPreset'], '1.20', undefined, false],
];

/** Removals from 1.28 on that are visible in the bundled specs but whose change is only an apiVersion. */
export const MECHANICAL_MIGRATIONS: ReadonlySet<string> = new Set([
  'flowcontrol.apiserver.k8s.io/v1beta3>flowcontrol.apiserver.k8s.io/v1',
]);

const TABLE = new Map<string, RemovedApi>();
for (const [apiVersion, kinds, removedIn, replacement, mechanical] of ROWS) {
  for (const kind of kinds) {
    TABLE.set(`${apiVersion}|${kind}`, {
      apiVersion,
      kind,
      ...(removedIn !== undefined ? { removedIn } : {}),
      ...(replacement !== undefined ? { replacement } : {}),
      mechanical,
    });
  }
}

/** The curated removal of an apiVersion/kind pair, if any. */
export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  return TABLE.get(`${apiVersion}|${kind}`);
}

/** Groups that only ever existed as built-ins (so an unknown kind there is not a custom resource). */
export function curatedGroups(): ReadonlySet<string> {
  const groups = new Set<string>();
  for (const [apiVersion] of ROWS) {
    const slash = apiVersion.indexOf('/');
    groups.add(slash === -1 ? '' : apiVersion.slice(0, slash));
  }
  return groups;
}
