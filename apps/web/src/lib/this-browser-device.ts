import { resultError } from './api-error';
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

/**
 * Ends this browser's chat device for the member: revoked on the server first (partners stop encrypting for it and
 * are told its keys changed), then its keys, trust decisions and outbox deleted here. A device the server no longer
 * knows (`NOT_FOUND`) is simply deleted. Throws, deleting nothing, when the server could not be told.
 */
export async function wipeChatDevice(session: SessionStore, memberId: string): Promise<void> {
  const BrowserDeviceVault = await vaults();
  const deviceId = await BrowserDeviceVault.registeredDeviceId(memberId);
  if (deviceId) {
    // Loaded here, like ./locale-sync.ts does: urql and the typed documents stay out of the sign-in bundle.
    const [{ createGraphqlClient }, { SignOutRevokeDeviceDocument }] = await Promise.all([
      import('./graphql-client'),
      import('./graphql/graphql'),
    ]);
    const result = await createGraphqlClient(session)
      .mutation(SignOutRevokeDeviceDocument, { id: deviceId })
      .toPromise();
    const failure = resultError(result.error);
    if (failure && failure.code !== 'NOT_FOUND') {
      throw failure;
    }
  }
  await BrowserDeviceVault.wipe(memberId);
}
