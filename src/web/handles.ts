import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/**
 * Opaque, stable handles for members and debates in the web's URLs, so that no Discord id but the
 * server's own appears in a link. A handle is one AES block (a keyed permutation) of the id and a
 * tag of its kind and server: it can be turned back into the id without any stored index, it is
 * different on every server, and a handle that was not made here (or for another server or kind)
 * opens to nothing.
 */
export type HandleKind = 'member' | 'debate';
const KIND_BYTE: Record<HandleKind, number> = { member: 1, debate: 2 };
const MAX_ID = 2n ** 64n - 1n;

export class Handles {
  readonly #key: Buffer;

  /** `secret` keys the handles: the same secret gives the same links across restarts. */
  constructor(secret: string) {
    this.#key = createHash('sha256').update(`steelman web handles\0${secret}`).digest().subarray(0, 16);
  }

  #tag(kind: HandleKind, guildId: string): Buffer {
    const tag = createHash('sha256').update(`${kind}\0${guildId}`).digest().subarray(0, 8);
    tag[0] = KIND_BYTE[kind];
    return tag;
  }

  /** The handle of a Discord id (digits), or undefined for an id that is not one. */
  seal(kind: HandleKind, guildId: string, id: string): string | undefined {
    if (!/^\d{1,20}$/.test(id) || BigInt(id) > MAX_ID) return undefined;
    const block = Buffer.alloc(16);
    block.writeBigUInt64BE(BigInt(id), 0);
    this.#tag(kind, guildId).copy(block, 8);
    const cipher = createCipheriv('aes-128-ecb', this.#key, null).setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
  }

  /** The id a handle stands for, or undefined when the handle is not one of this server's `kind`. */
  open(kind: HandleKind, guildId: string, handle: string): string | undefined {
    if (!/^[A-Za-z0-9_-]{22}$/.test(handle)) return undefined;
    const sealed = Buffer.from(handle, 'base64url');
    if (sealed.length !== 16) return undefined;
    const decipher = createDecipheriv('aes-128-ecb', this.#key, null).setAutoPadding(false);
    const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
    if (!block.subarray(8).equals(this.#tag(kind, guildId))) return undefined;
    return block.readBigUInt64BE(0).toString();
  }
}
