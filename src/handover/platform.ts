/**
 * Where the app is hosted, and how to deploy and roll back there. Detected from what each platform
 * puts on its responses (request-id and server headers), the names customers CNAME to when they
 * add a custom domain, and the platform files in the repository.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HostArtifact } from '../core/artifacts.js';
import { ownResponses } from '../analysis/host-responses.js';

export const PLATFORMS = ['vercel', 'netlify', 'fly', 'render', 'railway', 'heroku', 'vm'] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface PlatformGuide {
  name: string;
  deploy: string[];
  rollback: string[];
  docs: string;
}

export const GUIDES: Record<Platform, PlatformGuide> = {
  vercel: {
    name: 'Vercel',
    deploy: ['Merge to the production branch (Vercel builds and promotes it), or run `vercel deploy --prod` from the repo.', 'Wait for the deployment to show "Ready" in the Vercel dashboard.'],
    rollback: ['`vercel rollback` (or Dashboard → Deployments → the last good one → "Instant Rollback"): production points back at that build in seconds.', 'Automatic promotion of new production builds stays paused after a rollback: run `vercel promote <deployment-url>` once the fix is deployed.'],
    docs: 'https://vercel.com/docs/instant-rollback',
  },
  netlify: {
    name: 'Netlify',
    deploy: ['Merge to the production branch (Netlify builds and publishes it), or run `netlify deploy --prod`.', 'Wait for the deploy to show "Published" in the Netlify UI.'],
    rollback: ['Netlify UI → Deploys → the last good deploy → "Publish deploy": the previous build is served again at once.', 'Auto publishing is locked after a manual publish: unlock it once the fix is deployed.'],
    docs: 'https://docs.netlify.com/site-deploys/manage-deploys/#rollbacks',
  },
  fly: {
    name: 'Fly.io',
    deploy: ['`fly deploy` from the repo (it reads fly.toml), or let CI run it with `FLY_API_TOKEN`.', '`fly status` until every machine runs the new release.'],
    rollback: ['`fly releases --image` to find the last good release\'s image.', '`fly deploy --image <that image>` to roll every machine back to it.'],
    docs: 'https://fly.io/docs/flyctl/releases/',
  },
  render: {
    name: 'Render',
    deploy: ['Merge to the deployed branch (auto-deploy), or trigger the service\'s deploy hook / "Manual Deploy".', 'Wait for the deploy to show "Live" in the Render dashboard.'],
    rollback: ['Render dashboard → the service → Events → the last good deploy → "Rollback".', 'Auto-deploy is disabled after a rollback: re-enable it once the fix is merged.'],
    docs: 'https://render.com/docs/rollbacks',
  },
  railway: {
    name: 'Railway',
    deploy: ['Merge to the deployed branch, or run `railway up` from the repo.', 'Wait for the deployment to show "Active" in the Railway dashboard.'],
    rollback: ['Railway dashboard → the service → Deployments → the last good one → "Rollback".'],
    docs: 'https://docs.railway.com/guides/deployments#rollback',
  },
  heroku: {
    name: 'Heroku',
    deploy: ['`git push heroku main` (or the pipeline\'s "Promote"), then `heroku ps` until the dynos are up.'],
    rollback: ['`heroku releases` to find the last good release (vNN).', '`heroku rollback vNN`: code and config go back to that release; database migrations do not.'],
    docs: 'https://devcenter.heroku.com/articles/releases#rollback',
  },
  vm: {
    name: 'a server you run (VM or container host)',
    deploy: ['Build and tag the release (image or artifact) with its version.', 'Deploy it with your script (e.g. `docker compose pull && docker compose up -d`), one node at a time behind the load balancer.'],
    rollback: ['Redeploy the previous tag on every node (e.g. set the image tag back and `docker compose up -d`).', 'Check every address behind the name: a node left on the new release keeps serving it (`launch-ready deploy verify` lists each address).'],
    docs: 'https://docs.docker.com/compose/how-tos/production/',
  },
};

export interface PlatformDetection {
  platform: Platform;
  via: 'header' | 'cname' | 'repo' | 'config';
  evidence: string;
}

const HEADER_SIGNS: ReadonlyArray<{ platform: Platform; header: string; value?: RegExp }> = [
  { platform: 'vercel', header: 'x-vercel-id' },
  { platform: 'vercel', header: 'server', value: /^Vercel\b/i },
  { platform: 'netlify', header: 'x-nf-request-id' },
  { platform: 'netlify', header: 'server', value: /^Netlify\b/i },
  { platform: 'fly', header: 'fly-request-id' },
  { platform: 'fly', header: 'server', value: /^Fly\//i },
  { platform: 'render', header: 'rndr-id' },
  { platform: 'render', header: 'x-render-origin-server' },
  { platform: 'railway', header: 'x-railway-request-id' },
  { platform: 'railway', header: 'server', value: /^railway/i },
  { platform: 'heroku', header: 'via', value: /\bvegur\b/i },
  { platform: 'heroku', header: 'server', value: /^heroku\b/i },
  // A web server's own banner reaching the client means nothing managed sits in between.
  { platform: 'vm', header: 'server', value: /^(nginx|apache|caddy|openresty|microsoft-iis|lighttpd)\b/i },
];

const CNAME_SIGNS: ReadonlyArray<{ platform: Platform; suffix: RegExp }> = [
  { platform: 'vercel', suffix: /(^|\.)(vercel-dns(-\d+)?\.com|vercel\.app)$/ },
  { platform: 'netlify', suffix: /(^|\.)(netlify\.app|netlify\.com|netlifyglobalcdn\.com)$/ },
  { platform: 'fly', suffix: /(^|\.)fly\.dev$/ },
  { platform: 'render', suffix: /(^|\.)onrender\.com$/ },
  { platform: 'railway', suffix: /(^|\.)(up\.)?railway\.app$/ },
  { platform: 'heroku', suffix: /(^|\.)(herokudns\.com|herokuapp\.com)$/ },
];

/** The files a platform reads from the repository; a Dockerfile alone means a container host. */
const REPO_FILES: ReadonlyArray<[file: string, platform: Platform]> = [
  ['vercel.json', 'vercel'],
  ['netlify.toml', 'netlify'],
  ['fly.toml', 'fly'],
  ['render.yaml', 'render'],
  ['railway.json', 'railway'],
  ['railway.toml', 'railway'],
  ['Procfile', 'heroku'],
  ['app.json', 'heroku'],
  ['Dockerfile', 'vm'],
  ['docker-compose.yml', 'vm'],
  ['compose.yaml', 'vm'],
];

export function detectFromHost(host: HostArtifact): PlatformDetection | undefined {
  for (const ex of ownResponses(host)) {
    for (const sign of HEADER_SIGNS) {
      const value = ex.headers[sign.header]?.find((v) => !sign.value || sign.value.test(v));
      if (value !== undefined) return { platform: sign.platform, via: 'header', evidence: `${sign.header}: ${value}` };
    }
  }
  for (const raw of host.dns.cnames) {
    const name = raw.toLowerCase().replace(/\.$/, '');
    const sign = CNAME_SIGNS.find((s) => s.suffix.test(name));
    if (sign) return { platform: sign.platform, via: 'cname', evidence: `CNAME ${name}` };
  }
  return undefined;
}

/** Platform files in the repository, in the order above (a platform file before a bare Dockerfile). */
export function detectFromRepo(dir: string): PlatformDetection[] {
  return REPO_FILES.filter(([file]) => existsSync(join(dir, file))).map(([file, platform]) => ({ platform, via: 'repo', evidence: file }));
}
