/**
 * @peculiar/x509 with what it needs loaded first: its dependency tsyringe requires the
 * `reflect-metadata` polyfill at load time. Import x509 from here, never directly.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
