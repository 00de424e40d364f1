/**
 * The parts of sm-crypto (pure-JS 国密 SM2/SM3/SM4, CommonJS, no bundled types) this project
 * uses. Arrays of byte values in and out (`output: 'array'`), hex strings otherwise. CommonJS:
 * import the default (Node's ESM loader sees no named exports in it).
 */
declare module 'sm-crypto' {
  type Bytes = number[] | Uint8Array;
  interface Sm4Options {
    padding?: 'pkcs#7' | 'pkcs#5' | 'none';
    mode?: 'cbc' | 'ecb';
    iv?: Bytes | string;
    output?: 'array' | 'string';
  }
  const smCrypto: {
    sm4: {
      encrypt(
        input: Bytes,
        key: Bytes | string,
        options: Sm4Options & { output: 'array' },
      ): number[];
      decrypt(
        input: Bytes,
        key: Bytes | string,
        options: Sm4Options & { output: 'array' },
      ): number[];
    };
    /** SM3 digest, or HMAC-SM3 with `{ key }` (hex string or bytes); lower-case hex either way. */
    sm3(input: Bytes | string, options?: { key: Bytes | string; mode?: 'hmac' }): string;
  };
  export default smCrypto;
}
