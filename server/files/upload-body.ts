import type { App } from '../http/types.js';

/**
 * An uploaded file, wrapped: the body hooks that walk a request's fields (NUL-byte check) see an
 * object with no enumerable fields, instead of visiting every byte of a large buffer one by one.
 */
export class UploadBody {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/**
 * Takes request bodies of these content types as raw files, refused while streaming beyond
 * `limit` bytes. Call inside an encapsulated plugin: the parsers replace the app's own for that
 * scope only. The declared type proves nothing; each feature checks the bytes.
 */
export function acceptRawUploads(scope: App, types: string[], limit: number): void {
  for (const type of types) {
    if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
    scope.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) =>
      done(null, new UploadBody(body as Buffer)),
    );
  }
}
