/** A random Idempotency-Key (crypto.randomUUID exists only on secure origins; this works everywhere). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * One key per content: a retry of the very same request (after a network failure, a double
 * click) reuses it, so the server answers the first registration instead of making a second; a
 * changed request gets a new key.
 */
export class IdempotencyKeys {
  private last: { body: string; key: string } | null = null;

  for(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.last?.body !== text) this.last = { body: text, key: newIdempotencyKey() };
    return this.last.key;
  }

  /** After a success: the next submission is a new request even with the same content. */
  reset(): void {
    this.last = null;
  }
}
