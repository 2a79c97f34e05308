import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Agent, request } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { freePort } from './processes';
import { until } from './wait';

const ROOT = resolve(__dirname, '../..');
export const PROXY_TEMPLATE = resolve(ROOT, 'docker/nginx/templates/counterpart.conf.template');
const DEV_CERT = resolve(ROOT, 'scripts/dev-cert.sh');
const NGINX = '/usr/sbin/nginx';

/** The variables of the proxy template, exactly as docker/compose.yml sets them. */
export const PROXY_VARIABLES = [
  'SERVER_NAME',
  'NGINX_HTTPS_PORT',
  'NGINX_HTTP_PORT',
  'TLS_CERT',
  'TLS_KEY',
  'API_UPSTREAM',
  'CHAT_1_UPSTREAM',
  'CHAT_2_UPSTREAM',
] as const;
export type ProxyVariables = Record<(typeof PROXY_VARIABLES)[number], string>;

/**
 * The template with its `${NAME}`s replaced, as the official nginx image's envsubst does. Loud about mistakes: a
 * variable without a value, or an upper-case `$NAME` in the template that is not one of PROXY_VARIABLES (envsubst
 * would leave it, and nginx would fail on an unknown variable), throws.
 */
export function renderProxyTemplate(template: string, values: ProxyVariables): string {
  const known = new Set<string>(PROXY_VARIABLES);
  for (const name of PROXY_VARIABLES) {
    if (!values[name]) {
      throw new Error(`proxy template: no value for \${${name}}`);
    }
  }
  return template.replace(/\$\{?([A-Z][A-Z0-9_]*)\}?/g, (_match, name: string) => {
    if (!known.has(name)) {
      throw new Error(`proxy template: unknown variable ${name} (known: ${PROXY_VARIABLES.join(', ')})`);
    }
    return values[name as keyof ProxyVariables];
  });
}

export interface DevCertificate {
  dir: string;
  cert: string;
  key: string;
  /** The certificate's PEM, for clients to trust (`ca`). */
  ca: string;
}

/** A self-signed certificate made by scripts/dev-cert.sh in a fresh folder of its own. */
export function makeDevCertificate(): DevCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'counterpart-cert-'));
  const result = spawnSync('bash', [DEV_CERT, dir], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`scripts/dev-cert.sh failed: ${result.stderr}`);
  }
  const cert = join(dir, 'fullchain.pem');
  return { dir, cert, key: join(dir, 'privkey.pem'), ca: readFileSync(cert, 'utf8') };
}

export interface RunningProxy {
  /** https://127.0.0.1:<port> */
  httpsUrl: string;
  /** http://127.0.0.1:<port> */
  httpUrl: string;
  /** The nginx access log so far (which upstream served what: `upstream=` in each line). */
  accessLog(): string;
  stop(): Promise<void>;
}

/**
 * The main nginx.conf around the template's http-context file: everything nginx writes (pid, logs, temp files) stays
 * in `dir`; in the foreground, so the test holds the master's PID. As root, the workers run as nobody.
 */
function mainConfig(dir: string): string {
  const root = process.getuid?.() === 0;
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `    ${kind}_temp_path ${join(dir, `${kind}_temp`)};`)
    .join('\n');
  return `${root ? 'user nobody nogroup;\n' : ''}daemon off;
worker_processes 1;
# Open WebSockets would hold a graceful stop (QUIT) forever.
worker_shutdown_timeout 2s;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events {
    worker_connections 512;
}
http {
    log_format upstreams '$remote_addr "$request" $status upstream=$upstream_addr';
    access_log ${join(dir, 'access.log')} upstreams;
${temp}
    include ${join(dir, 'counterpart.conf')};
}
`;
}

/** QUIT (graceful), then KILL of the whole process group if it has not ended within `ms`. */
async function stopProcess(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGQUIT');
  const timer = setTimeout(() => {
    if (child.pid) {
      process.kill(-child.pid, 'SIGKILL');
    }
  }, ms);
  await exited;
  clearTimeout(timer);
}

/**
 * Debian's nginx with THE proxy template (docker/nginx/templates), rendered with these upstreams and free ports on
 * 127.0.0.1, checked with `nginx -t` first. `stop()` ends it by PID and removes its folder.
 */
export async function startProxy(options: {
  certificate: DevCertificate;
  api: string;
  chat: [string, string];
}): Promise<RunningProxy> {
  if (!existsSync(NGINX)) {
    throw new Error(`${NGINX} is missing: "bash scripts/services.sh start" installs Debian's nginx`);
  }
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'counterpart-proxy-'));
  // The workers (nobody, when root) write their temp files below this folder.
  chmodSync(dir, 0o755);
  const rendered = renderProxyTemplate(readFileSync(PROXY_TEMPLATE, 'utf8'), {
    SERVER_NAME: 'localhost',
    NGINX_HTTPS_PORT: `127.0.0.1:${httpsPort}`,
    NGINX_HTTP_PORT: `127.0.0.1:${httpPort}`,
    TLS_CERT: options.certificate.cert,
    TLS_KEY: options.certificate.key,
    API_UPSTREAM: options.api,
    CHAT_1_UPSTREAM: options.chat[0],
    CHAT_2_UPSTREAM: options.chat[1],
  });
  writeFileSync(join(dir, 'counterpart.conf'), rendered);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, mainConfig(dir));
  const args = ['-p', dir, '-c', conf];
  const check = spawnSync(NGINX, ['-t', '-q', ...args], { encoding: 'utf8' });
  if (check.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx -t refused the proxy configuration:\n${check.stderr}`);
  }
  // Its own process group, so a KILL reaches the workers too.
  const child = spawn(NGINX, args, { detached: true, stdio: 'ignore' });
  const stop = async () => {
    await stopProcess(child, 5000);
    rmSync(dir, { recursive: true, force: true });
  };
  const httpsUrl = `https://127.0.0.1:${httpsPort}`;
  try {
    await waitUntilListening(httpsPort, child, dir);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    httpsUrl,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    accessLog: () => readFileSync(join(dir, 'access.log'), 'utf8'),
    stop,
  };
}

async function waitUntilListening(port: number, child: ChildProcess, dir: string): Promise<void> {
  const accepts = () =>
    new Promise<boolean>((resolveOpen) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolveOpen(true);
      });
      socket.once('error', () => resolveOpen(false));
    });
  await until(
    () => {
      if (child.exitCode !== null) {
        throw new Error(`nginx exited (${child.exitCode}):\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      }
      return accepts();
    },
    `nginx listens on ${port}`,
    10_000,
    50,
  );
}

interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A client of the proxy from one loopback source address (Linux routes all of 127/8 to lo), trusting the dev
 * certificate: an https.Agent for HTTP requests and the Socket.IO options that make both transports use it.
 */
export function proxyClient(proxy: RunningProxy, certificate: DevCertificate, from: string) {
  const agent = new Agent({ ca: certificate.ca, localAddress: from, keepAlive: false });
  return {
    from,
    /**
     * engine.io-client hands `agent` to `ws` (WebSocket) and to its XMLHttpRequest (polling); its type says
     * string | boolean, for the browser, where it means nothing.
     */
    socket: { agent: agent as unknown as boolean } satisfies Partial<ManagerOptions & SocketOptions>,
    /** Opens a request and resolves with the response as it starts (for streams). */
    open(path: string, init: RequestInit = {}): Promise<IncomingMessage> {
      return new Promise((resolveResponse, reject) => {
        const req = request(`${proxy.httpsUrl}${path}`, {
          agent,
          method: init.method ?? 'GET',
          headers: init.headers,
        });
        req.setTimeout(10_000, () =>
          req.destroy(new Error(`no answer from the proxy for ${path} within 10 s`)),
        );
        req.once('error', reject);
        req.once('response', resolveResponse);
        req.end(init.body);
      });
    },
    /** A whole request and its answer. */
    async request(path: string, init: RequestInit = {}): Promise<ProxyResponse> {
      const res = await this.open(path, init);
      let body = '';
      res.setEncoding('utf8');
      for await (const chunk of res) {
        body += chunk as string;
      }
      return { status: res.statusCode ?? 0, headers: res.headers, body };
    },
  };
}
