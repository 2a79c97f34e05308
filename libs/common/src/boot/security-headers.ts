import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The app owns its security headers (a reverse proxy adds only HSTS: two CSPs would combine). A strict CSP for the web
 * client: scripts, styles and fonts from this origin only, no inline or eval'd script, no plugins, no <base>, no
 * framing; connections to this origin and the chat origins (their ws:/wss: forms too). No referrer leaves the page.
 */
export function securityHeaders(chatOrigins: readonly string[]): RequestHandler {
  const sockets = chatOrigins.map((origin) => origin.replace(/^http/, 'ws'));
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...chatOrigins, ...sockets],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
