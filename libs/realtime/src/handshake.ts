import type { IncomingMessage } from 'node:http';

/** Query parameters that would carry a credential; tokens belong in `handshake.auth` only (never in URLs/logs). */
const CREDENTIAL_IN_QUERY = /[?&](token|access_token|accessToken|auth)=/i;

export type AllowRequest = (
  req: IncomingMessage,
  callback: (err: string | null, success: boolean) => void,
) => void;

/**
 * engine.io `allowRequest`: runs before the WebSocket upgrade or the first polling request. CORS does not stop a
 * cross-site WebSocket, so the Origin is checked here. Clients without an Origin header (native apps, Node) pass;
 * browsers always send one.
 */
export function allowRequestFor(allowedOrigins: readonly string[]): AllowRequest {
  const allowed = new Set(allowedOrigins);
  return (req, callback) => {
    if (CREDENTIAL_IN_QUERY.test(req.url ?? '')) {
      callback('TOKEN_IN_QUERY: send the token in handshake.auth, not in the URL', false);
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.has(origin)) {
      callback('ORIGIN_NOT_ALLOWED', false);
      return;
    }
    callback(null, true);
  };
}
