import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { ChatConfig } from '@app/config';
import { allowRequestFor } from './handshake';

/**
 * The Socket.IO server settings every chat node shares: path, buffer limit, Origin check in `allowRequest`, CORS for
 * polling, and no connection-state recovery (it would skip the handshake middleware; clients `sync` instead).
 */
export class RealtimeIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly chat: ChatConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const settings: Partial<ServerOptions> = {
      ...options,
      path: this.chat.path,
      serveClient: false,
      maxHttpBufferSize: this.chat.maxHttpBufferSize,
      allowRequest: allowRequestFor(this.chat.allowedOrigins),
      cors: { origin: this.chat.allowedOrigins, credentials: true },
      connectionStateRecovery: undefined,
    };
    return super.createIOServer(port, settings) as Server;
  }
}
