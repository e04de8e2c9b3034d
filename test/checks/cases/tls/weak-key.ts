import { cases } from '../../../helpers/check-cases.js';
import { cert, host, plan, tls } from '../../../helpers/artifacts.js';

const withChain = (name: string, ...chain: ReturnType<typeof cert>[]) => host(name, { tls: tls(name, { chain }) });
const rsa = (bits: number, over: Parameters<typeof cert>[0] = {}) => cert({ keyType: 'RSA', keyBits: bits, signatureAlgorithm: 'sha256WithRSAEncryption', ...over });
const sha1Root = cert({ subject: 'CN=Old Root', issuer: 'CN=Old Root', selfSigned: true, keyType: 'RSA', keyBits: 2048, signatureAlgorithm: 'sha1WithRSAEncryption' });

export default cases({
  pass: [
    { name: 'ECDSA P-256 with SHA-256', artifacts: { plan: plan(), hosts: [host('acme.test'), host('www.acme.test')] } },
    { name: 'RSA 2048 with SHA-256', artifacts: { plan: plan(), hosts: [withChain('acme.test', rsa(2048))] } },
    {
      name: 'a root\'s own SHA-1 self-signature is ignored',
      artifacts: { plan: plan(), hosts: [withChain('acme.test', rsa(2048), rsa(2048, { subject: 'CN=Test CA', issuer: 'CN=Old Root' }), sha1Root)] },
    },
  ],
  fail: [
    {
      name: 'RSA 1024 leaf',
      artifacts: { plan: plan(), hosts: [withChain('acme.test', rsa(1024)), host('www.acme.test')] },
      expect: [{ target: 'acme.test', severity: 'medium', evidence: 'leaf CN=acme.test has a 1024-bit RSA key' }],
    },
    {
      name: 'RSA 512 leaf is high',
      artifacts: { plan: plan(), hosts: [withChain('acme.test', rsa(512))] },
      expect: [{ target: 'acme.test', severity: 'high', evidence: '512-bit RSA key' }],
    },
    {
      name: 'intermediate signed with SHA-1 (as @peculiar/x509 names it)',
      artifacts: {
        plan: plan(),
        hosts: [withChain('shop.acme.test', cert(), cert({ subject: 'CN=Legacy CA', issuer: 'CN=Old Root', signatureAlgorithm: 'SHA-1 with RSASSA-PKCS1-v1_5' }), sha1Root)],
      },
      expect: [{ target: 'shop.acme.test', severity: 'medium', evidence: 'intermediate CN=Legacy CA is signed with SHA-1 (SHA-1 with RSASSA-PKCS1-v1_5)' }],
    },
    {
      name: 'short key and SHA-1 on a self-signed leaf, one finding',
      artifacts: { plan: plan(), hosts: [withChain('admin.acme.test', rsa(1024, { subject: 'CN=admin', selfSigned: true, signatureAlgorithm: 'sha1WithRSAEncryption' }))] },
      expect: [{ target: 'admin.acme.test', severity: 'medium', evidence: 'leaf CN=admin has a 1024-bit RSA key; leaf CN=admin is signed with SHA-1 (sha1WithRSAEncryption)' }],
    },
  ],
});
