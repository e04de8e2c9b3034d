/**
 * V8 settings for a long-running monitor, applied by `launch-ready monitor` before it starts
 * (bench/monitor measures the same process). Each check makes ~100 KB of short-lived garbage
 * (an undici agent, its queues, a socket): V8's default young generation grows to 16 MB
 * semi-spaces under that rate, which is ~30 MB of RSS a monitor does not need. Keeping the young
 * generation at its initial size holds 1,000 monitors well under 150 MB for the same CPU per
 * check (bench/monitor). undici's HTTP parser is WebAssembly, and V8 re-compiles it with TurboFan
 * once it is hot: a transient 30+ MB for no measurable gain on responses of a few hundred bytes,
 * so it stays on the baseline compiler (Liftoff). Neither flag changes behaviour, only memory;
 * both apply to what is compiled or grown afterwards, so this runs before any check.
 */
import { setFlagsFromString } from 'node:v8';

export function leanRuntime(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--liftoff-only');
}
