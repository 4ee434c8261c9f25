// What an instance knows of tag invalidations (tag → when it went stale / expired, in ms), and whether a stored
// entry is still good by them: the rule both stores (memory and Redis) apply to what they hold.

export const now = () => Math.round(performance.timeOrigin + performance.now());

export function createTagTimes() {
  /** tag → { stale?, expired? } in ms. */
  const tags = new Map();

  function merge(tag, value) {
    const known = tags.get(tag) ?? {};
    tags.set(tag, {
      stale: Math.max(known.stale ?? 0, value.stale ?? 0) || undefined,
      expired: Math.max(known.expired ?? 0, value.expired ?? 0) || undefined,
    });
    return tags.get(tag);
  }

  /** What `updateTags` records: expired now, or stale now and expired after `durations.expire` seconds. */
  function invalidate(tag, durations) {
    const at = now();
    return merge(tag, durations ? { stale: at, ...(durations.expire !== undefined ? { expired: at + durations.expire * 1000 } : {}) } : { expired: at });
  }

  const isExpired = (list, timestamp) =>
    list.some((tag) => {
      const t = tags.get(tag);
      return t?.expired !== undefined && t.expired <= now() && t.expired > timestamp;
    });
  const isStale = (list, timestamp) =>
    list.some((tag) => {
      const t = tags.get(tag);
      return t?.stale !== undefined && t.stale > timestamp;
    });

  return {
    merge,
    invalidate,
    /**
     * A stored entry as Next reads it, or undefined when it is past its life or a tag expired it; a stale tag asks
     * Next to recompute it in the background (revalidate -1).
     */
    servable(meta, softTags) {
      if (now() > meta.timestamp + meta.expire * 1000) return undefined;
      const list = [...meta.tags, ...softTags];
      if (isExpired(list, meta.timestamp)) return undefined;
      return { ...meta, revalidate: isStale(list, meta.timestamp) ? -1 : meta.revalidate };
    },
    expiration: (list) => Math.max(0, ...list.map((tag) => tags.get(tag)?.expired ?? 0)),
  };
}

export function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** A pending entry's metadata and bytes (the stream read whatever happens next: it belongs to its request). */
export async function settle(pendingEntry) {
  try {
    const entry = await pendingEntry;
    const value = new Uint8Array(await new Response(entry.value).arrayBuffer());
    const { value: _stream, ...meta } = entry;
    return { meta, value };
  } catch {
    return undefined;
  }
}
