import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';

export interface SessionsRevokedEvent {
  memberId: string;
  /** One session (sign-out, revokeSession) or, when absent, all of the member's sessions. */
  sessionId?: string;
  reason: string;
}

/**
 * Identity events for other parts of the system: the chat side drops a member's sockets when their sessions are
 * revoked. In-process for now; a Redis transport can subscribe here and fan out to other nodes.
 */
@Injectable()
export class IdentityEvents {
  private readonly emitter = new EventEmitter();

  onSessionsRevoked(listener: (event: SessionsRevokedEvent) => void): () => void {
    this.emitter.on('sessions-revoked', listener);
    return () => this.emitter.off('sessions-revoked', listener);
  }

  /** How many listeners hear revocations (tests check that closed streams and sockets leave none behind). */
  sessionsRevokedListenerCount(): number {
    return this.emitter.listenerCount('sessions-revoked');
  }

  sessionsRevoked(event: SessionsRevokedEvent): void {
    this.emitter.emit('sessions-revoked', event);
  }
}
