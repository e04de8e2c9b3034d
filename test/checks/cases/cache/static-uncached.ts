import { cases } from '../../../helpers/check-cases.js';
import { assetProbe, collected } from '../../../helpers/artifacts.js';

const BUNDLE = 'https://www.acme.test/assets/app.3f2a9c1b.js';

export default cases({
  pass: [
    { name: 'a year, immutable', artifacts: collected({ assets: [assetProbe(BUNDLE, { 'cache-control': 'public, max-age=31536000, immutable' })] }) },
    { name: 'exactly 30 days, without immutable', artifacts: collected({ assets: [assetProbe('https://www.acme.test/assets/index-BxT3k9aQ.css', { 'cache-control': 'max-age=2592000' })] }) },
    { name: 'an unhashed file may be short-lived', artifacts: collected({ assets: [assetProbe('https://www.acme.test/js/vendors.min.js', { 'cache-control': 'max-age=300' })] }) },
    { name: 'a version number is not a content hash', artifacts: collected({ assets: [assetProbe('https://www.acme.test/js/jquery-3.7.1.min.js', {})] }) },
    { name: 'a missing asset is not judged on caching', artifacts: collected({ assets: [assetProbe(BUNDLE, {}, { status: 404 })] }) },
  ],
  fail: [
    {
      name: 'a hashed bundle cached for an hour',
      artifacts: collected({ assets: [assetProbe(BUNDLE, { 'cache-control': 'public, max-age=3600' })] }),
      expect: [{ target: BUNDLE, severity: 'low', evidence: 'is fingerprinted ("3f2a9c1b") but cacheable for 1 hours: Cache-Control: public, max-age=3600' }],
    },
    {
      name: 'a hashed Next.js chunk with no-cache',
      artifacts: collected({ assets: [assetProbe('https://www.acme.test/_next/static/chunks/main-a1b2c3d4e5f60718.js', { 'cache-control': 'no-cache, max-age=31536000' })] }),
      expect: [{ target: 'https://www.acme.test/_next/static/chunks/main-a1b2c3d4e5f60718.js', evidence: 'cacheable for 0 seconds' }],
    },
    {
      name: 'no Cache-Control at all',
      artifacts: collected({ assets: [assetProbe('https://www.acme.test/assets/style.8d7e6f5a4b.css', {})] }),
      expect: [{ target: 'https://www.acme.test/assets/style.8d7e6f5a4b.css', evidence: 'Cache-Control: (none)' }],
    },
  ],
});
