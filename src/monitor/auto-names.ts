/**
 * Names of the monitors made from a config's routes, health URLs and hosts. The config's
 * validation uses them too (monitor.exclude, statusPage, maintenance refer to monitors by name).
 */

export const routeMonitorName = (routeName: string): string => routeName;

export const hostMonitorName = (host: string): string => host;

export const certificateMonitorName = (host: string): string => `${host} certificate`;

/** `health api.acme.test/api/health` */
export function healthMonitorName(url: string): string {
  const u = new URL(url);
  return `health ${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

export interface AutoSources {
  routes: readonly string[];
  healthUrls: readonly string[];
  hosts: readonly string[];
  withRoutes: boolean;
  withHosts: boolean;
}

export function autoMonitorNames(s: AutoSources): string[] {
  return [
    ...(s.withRoutes ? [...s.routes.map(routeMonitorName), ...s.healthUrls.map(healthMonitorName)] : []),
    ...(s.withHosts ? s.hosts.flatMap((h) => [hostMonitorName(h), certificateMonitorName(h)]) : []),
  ];
}
