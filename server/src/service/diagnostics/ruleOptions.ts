// Reads a rule's options once per settings object instead of once per chunk (settings are replaced, never changed).
import type { KubeNotesSettings } from '../settings';

/**
 * Wraps an options reader so it runs once per settings object; a rule calls the result from `check` for every chunk.
 * The language service and the CLI hand the same settings object to every validation until the user changes them
 * (the service already keys its own caches on that object).
 */
export function optionsPerSettings<T>(read: (settings: KubeNotesSettings) => T): (settings: KubeNotesSettings) => T {
  const cache = new WeakMap<KubeNotesSettings, { readonly value: T }>();
  return (settings) => {
    let entry = cache.get(settings);
    if (!entry) {
      entry = { value: read(settings) };
      cache.set(settings, entry);
    }
    return entry.value;
  };
}
