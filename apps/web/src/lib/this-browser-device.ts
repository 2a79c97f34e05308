import type { SessionStore } from './session';

/** The chat's device storage, loaded only when a screen asks (it is not part of the sign-in bundle). */
const vaults = () => import('@app/client/browser').then((module) => module.BrowserDeviceVault);

/** Whether this browser holds chat keys for the member (a device set up here, registered or not). */
export async function holdsChatDevice(memberId: string): Promise<boolean> {
  try {
    return (await (await vaults()).state(memberId)) !== 'none';
  } catch {
    return false; // no IndexedDB here: nothing is held either
  }
}

const REVOKE = 'mutation SignOutRevokeDevice($id: ID!) { revokeDevice(id: $id) { id } }';

/**
 * Ends this browser's chat device for the member: revoked on the server first (partners stop encrypting for it and
 * are told its keys changed), then its keys, trust decisions and outbox deleted here. A device the server no longer
 * knows (`NOT_FOUND`) is simply deleted. Throws, deleting nothing, when the server could not be told.
 */
export async function wipeChatDevice(session: SessionStore, memberId: string): Promise<void> {
  const BrowserDeviceVault = await vaults();
  const deviceId = await BrowserDeviceVault.registeredDeviceId(memberId);
  if (deviceId) {
    const token = session.accessToken() ?? (await session.refresh());
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: REVOKE, variables: { id: deviceId } }),
    });
    const answer = (await response.json().catch(() => ({}))) as {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const code = answer.errors?.[0]?.extensions?.code;
    if (!answer.data && code !== 'NOT_FOUND') {
      throw new Error(code ?? `HTTP ${response.status}`);
    }
  }
  await BrowserDeviceVault.wipe(memberId);
}
