import { defineCheck, type FindingDraft } from '../../core/check.js';
import { hostOf } from '../../secrets/exposure.js';

const MAX_LISTED = 5;

export default defineCheck({
  id: 'exposure.sourcemap',
  severity: 'medium',
  stage: 3,
  title: 'Source maps are not published',
  failureTitle: 'The site publishes source maps of its bundles',
  description:
    'Lists the source maps the crawl could download (referenced by a sourceMappingURL comment or SourceMap header, found at ' +
    '<script>.map, or inlined in a bundle), per host, with how many original files they carry in full. High when a map holds a secret ' +
    '(see secret.in-sourcemap).',
  impact: 'The original source, comments and internal file layout are public, which makes every other weakness easier to find and exploit.',
  remediation:
    'Build with hidden source maps and upload them to the error tracker instead (Next.js productionBrowserSourceMaps: false, Vite ' +
    'build.sourcemap: "hidden", webpack devtool: "hidden-source-map"), or deny *.map at the CDN.',
  reference: 'https://tc39.es/ecma426/',
  requires: ['frontendSecrets'],
  run({ frontendSecrets }) {
    const byHost = new Map<string, Array<{ url: string; files: number }>>();
    for (const d of frontendSecrets.documents) {
      if (d.kind !== 'sourcemap' || d.sources === undefined) continue;
      const host = hostOf(d.url);
      byHost.set(host, [...(byHost.get(host) ?? []), { url: d.url, files: d.sourcesWithContent ?? 0 }]);
    }
    const leaking = new Set(frontendSecrets.matches.filter((m) => m.source === 'sourcemap' && m.kind === 'secret').map((m) => m.location));
    return [...byHost].map(([host, maps]): FindingDraft => {
      const withSecrets = maps.filter((m) => leaking.has(m.url));
      const listed = maps.slice(0, MAX_LISTED).map((m) => `${m.url} (${m.files} original file${m.files === 1 ? '' : 's'} in full)`);
      return {
        target: host,
        severity: withSecrets.length > 0 ? 'high' : 'medium',
        evidence:
          `${maps.length} source map${maps.length === 1 ? '' : 's'} served: ${listed.join(', ')}${maps.length > MAX_LISTED ? ', …' : ''}` +
          (withSecrets.length > 0 ? `; ${withSecrets.length} of them hold secrets (secret.in-sourcemap)` : ''),
      };
    });
  },
});
