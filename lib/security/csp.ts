/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce (Next.js puts
 * it on its own scripts), nothing may frame the app, and forms post only to us or to the sign-in
 * providers Auth.js redirects to.
 */
export function pageContentSecurityPolicy(nonce: string, development: boolean): string {
  const scriptSrc = [`'self'`, `'nonce-${nonce}'`, `'strict-dynamic'`, ...(development ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${scriptSrc.join(" ")}`,
    // React and Next.js set style attributes at run time; styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self' https://github.com https://accounts.google.com`,
    `frame-ancestors 'none'`,
  ].join("; ");
}
