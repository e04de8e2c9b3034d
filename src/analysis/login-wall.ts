/** Recognises where anonymous visitors are sent to sign in: app login pages and access gateways. */

/** A whole path segment (optionally `login.php`), so `/authors` or `/blog/login-tips` are not sign-in pages. */
const LOGIN_PATH =
  /\/(login|log-in|signin|sign-in|sign_in|sso|sso-api|auth|oauth2?|authorize|session\/new|users\/sign_in|cdn-cgi\/access)(\.\w+)?(?=\/|$)/i;
const IDENTITY_HOSTS = /(^|\.)(cloudflareaccess\.com|accounts\.google\.com|login\.microsoftonline\.com|okta\.com|auth0\.com|clerk\.accounts\.dev)$/i;

export function isLoginUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return LOGIN_PATH.test(u.pathname) || IDENTITY_HOSTS.test(u.hostname);
  } catch {
    return false;
  }
}
