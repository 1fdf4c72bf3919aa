// Kubernetes name formats (DNS-1123 label/subdomain, DNS-1035 label, IANA service name) and a name sanitiser.

const DNS1123_LABEL = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z](?:[-a-z0-9]*[a-z0-9])?$/;

export type NameFormat = 'dns1123Label' | 'dns1123Subdomain' | 'dns1035Label' | 'pathSegment';

/** Why a name breaks a format, or undefined when it is valid. */
export function nameProblem(name: string, format: NameFormat): 'tooLong' | 'invalid' | undefined {
  switch (format) {
    case 'dns1123Label':
      if (name.length > 63) return 'tooLong';
      return DNS1123_LABEL.test(name) ? undefined : 'invalid';
    case 'dns1035Label':
      if (name.length > 63) return 'tooLong';
      return DNS1035_LABEL.test(name) ? undefined : 'invalid';
    case 'dns1123Subdomain':
      if (name.length > 253) return 'tooLong';
      return DNS1123_SUBDOMAIN.test(name) ? undefined : 'invalid';
    case 'pathSegment':
      return name === '.' || name === '..' || name.includes('/') || name.includes('%') ? 'invalid' : undefined;
  }
}

export function maxLength(format: NameFormat): number {
  return format === 'dns1123Subdomain' ? 253 : format === 'pathSegment' ? Infinity : 63;
}

/** IANA_SVC_NAME: at most 15 characters of a-z, 0-9 and '-', with a letter, no '--', no '-' at either end. */
export function ianaServiceNameProblem(name: string): 'tooLong' | 'invalid' | undefined {
  if (name.length > 15) return 'tooLong';
  if (!/^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/.test(name) || name.includes('--') || !/[a-z]/.test(name)) return 'invalid';
  return undefined;
}

/** A valid name close to an invalid one (`My_App` → `my-app`), or undefined if there is none. */
export function sanitizeName(name: string, format: NameFormat): string | undefined {
  let result = name.toLowerCase().replace(/[^a-z0-9.-]+/g, '-');
  if (format !== 'dns1123Subdomain') result = result.replace(/\./g, '-');
  result = result.replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  if (format === 'dns1035Label') result = result.replace(/^[0-9-]+/, '');
  if (result === '' || result === name) return undefined;
  if (result.length > maxLength(format)) return undefined;
  return nameProblem(result, format) === undefined ? result : undefined;
}

/** Text that is clearly a placeholder for a templating step (envsubst, Helm, kustomize vars). */
export function isTemplated(value: string): boolean {
  return /\$\{|\$\(|\{\{/.test(value);
}
