// The few runtime globals the engine relies on. They exist in every place the engine runs
// (Node 20, dedicated workers, extension pages) but are not part of the ECMAScript lib, and the
// engine deliberately compiles without DOM or Node types.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare function queueMicrotask(callback: () => void): void;
declare const performance: { now(): number };
