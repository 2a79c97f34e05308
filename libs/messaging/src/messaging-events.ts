import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import type { ConversationChange, KeysChanged } from '@app/common/chat-protocol';

export interface ConversationUpdatedEvent {
  conversationId: string;
  /** Everyone to tell: current participants and whoever just left or was removed. */
  memberIds: string[];
  change: ConversationChange;
}

export interface DeviceRevokedEvent {
  memberId: string;
  deviceId: string;
}

export interface DevicesChangedEvent {
  memberId: string;
  deviceId: string;
  change: KeysChanged['change'];
}

/** Messaging changes made outside the socket (GraphQL) that connected clients must hear about. In-process. */
@Injectable()
export class MessagingEvents {
  private readonly emitter = new EventEmitter();

  onConversationUpdated(listener: (event: ConversationUpdatedEvent) => void): () => void {
    this.emitter.on('conversation-updated', listener);
    return () => this.emitter.off('conversation-updated', listener);
  }

  conversationUpdated(event: ConversationUpdatedEvent): void {
    this.emitter.emit('conversation-updated', event);
  }

  onDeviceRevoked(listener: (event: DeviceRevokedEvent) => void): () => void {
    this.emitter.on('device-revoked', listener);
    return () => this.emitter.off('device-revoked', listener);
  }

  deviceRevoked(event: DeviceRevokedEvent): void {
    this.emitter.emit('device-revoked', event);
  }

  /** A member's device list (their public keys) changed: partners must refresh keys and re-check safety numbers. */
  onDevicesChanged(listener: (event: DevicesChangedEvent) => void): () => void {
    this.emitter.on('devices-changed', listener);
    return () => this.emitter.off('devices-changed', listener);
  }

  devicesChanged(event: DevicesChangedEvent): void {
    this.emitter.emit('devices-changed', event);
  }
}
