/**
 * Remembers the last `capacity` ids, so an event the gateway delivers twice (a resumed session replays
 * events; two processes may share a token) is answered once.
 */
export function createSeenIds(capacity = 5000): { firstTime(id: string): boolean } {
  const seen = new Set<string>();
  return {
    firstTime(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > capacity) seen.delete(seen.values().next().value as string);
      return true;
    },
  };
}
