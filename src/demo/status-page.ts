/** The shop's status page, as a third-party status-page provider serves it at status.acme.test. */
export function statusPage(request: Request): Response {
  const path = new URL(request.url).pathname;
  if (path === '/robots.txt') return new Response('User-agent: *\nDisallow:\n', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
  if (path !== '/') return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme Shop status</title></head>
<body><h1>Acme Shop status</h1><p>All systems operational.</p>
<ul><li>Storefront: operational</li><li>Checkout: operational</li><li>Chat assistant: operational</li></ul></body></html>
`;
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' } });
}
