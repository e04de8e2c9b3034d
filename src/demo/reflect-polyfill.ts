/**
 * The few `Reflect` metadata functions tsyringe (a dependency of @peculiar/x509 2.x) requires at
 * load time. Imported before @peculiar/x509 so it loads without the `reflect-metadata` package;
 * nothing here reads decorator metadata, so a per-object map is enough.
 */
const store = new WeakMap<object, Map<unknown, unknown>>();
const ownMetadata = (key: unknown, target: object): unknown => store.get(target)?.get(key);

if (typeof (Reflect as { getMetadata?: unknown }).getMetadata !== 'function') {
  Object.assign(Reflect, {
    defineMetadata(key: unknown, value: unknown, target: object): void {
      const map = store.get(target) ?? new Map<unknown, unknown>();
      map.set(key, value);
      store.set(target, map);
    },
    getOwnMetadata: ownMetadata,
    getMetadata(key: unknown, target: object): unknown {
      for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
        const value = ownMetadata(key, t);
        if (value !== undefined) return value;
      }
      return undefined;
    },
  });
}
